// dse boards list|show — the built-in board profiles (hwprofiles/) and user profiles; and the
// --board / --budget resolution the other subcommands share.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app.h"
#include "explore/vocabulary.h"
#include "explore/report_json.h"
#include "explore/texts.h"
#include "models.h"
#include "hw/catalog.h"
#include "kernels/runtime.h"
#include "power/power.h"
#include "util/numbers.h"

namespace dse_app {
namespace {

// The board's measured power in `mode` (data/power/measured.csv), none when not measured.
std::optional<double> ModePowerMw(const hw::Board& b, const char* mode) {
  return power::Lookup(PowerTable(), b.name, kernels::kDefaultRuntime, mode, "").mw;
}

nlohmann::json BoardJson(const hw::Board& b) {
  return explore::BoardJson(b, DefaultBudgetBytes(b), PowerTable());
}

// Whole text built before printing: a bad --data-dir fails with nothing on stdout.
void List(bool json) {
  const hw::Catalog& boards = BoardCatalog();
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const hw::Board& b : boards.boards()) out.push_back(BoardJson(b));
    std::cout << explore::DocumentText(out);
    return;
  }
  std::string text = fmt::format("{:<6} {:<32} {:<11} {:>8} {:>9} {:>10} {:>12}  {}\n", "name",
                                 "board", "core", "clock", "SRAM", "flash", "budget_B", "external");
  for (const hw::Board& b : boards.boards()) {
    text += fmt::format("{:<6} {:<32} {:<11} {:>4} MHz {:>9} {:>10} {:>12}  {}\n", b.name,
                        b.title, b.core, b.clock_hz / 1'000'000, explore::KiBText(b.sram.size_bytes),
                        explore::KiBText(b.flash.size_bytes), DefaultBudgetBytes(b), explore::ExternalMemoriesText(b));
  }
  std::cout << text;
}

std::string PowerText(const std::optional<double>& mw) {
  return mw ? fmt::format("{:g} mW", *mw) : "not measured";
}

void Show(const std::string& name, bool json) {
  const hw::Board b = BoardNamed(name);
  if (json) {
    std::cout << explore::DocumentText(BoardJson(b));
    return;
  }
  std::cout << fmt::format(
      "{}  {}  ({})\n  core           {} at {} MHz, I-cache {} B, D-cache {} B, flash {} WS\n"
      "  internal SRAM  {} B ({} reserved for runtime state)\n"
      "  internal flash {} B ({} reserved for runtime code)\n",
      b.name, b.title, b.file, b.core, b.clock_hz / 1e6, b.icache_bytes, b.dcache_bytes,
      b.flash_wait_states, b.sram.size_bytes, b.sram.reserved_bytes, b.flash.size_bytes,
      b.flash.reserved_bytes);
  for (const hw::ExternalMemory& m : b.external) {
    std::cout << fmt::format("  external       {} ({}): {} B, {}-bit, {} MHz{}{}\n", m.name,
                             hw::MemoryKindName(m.kind), m.size_bytes, m.bus_width_bits,
                             m.clock_hz / 1e6,
                             m.cas_latency_cycles ? fmt::format(", CAS {}", m.cas_latency_cycles) : "",
                             m.part.empty() ? "" : ", " + m.part);
  }
  std::cout << fmt::format(
      "  DMA            {}, {} streams, memory-to-memory {}\n  TinyOps budget {} B\n"
      "  power          internal {}, external {}, tinyops {}\n",
      b.dma.controller, b.dma.streams_used, b.dma.memory_to_memory ? "yes" : "no",
      DefaultBudgetBytes(b), PowerText(ModePowerMw(b, "internal")),
      PowerText(ModePowerMw(b, "external")), PowerText(ModePowerMw(b, "tinyops")));
}

}  // namespace

hw::Board BoardNamed(const std::string& name_or_file) {
  hw::Board board = Unwrap(BoardCatalog().Resolve(name_or_file));
  ResolvedBoardNames().push_back(board.name);  // a user coefficients file may name it
  return board;
}

int64_t ParseBudgetBytes(const std::string& text) {
  return Unwrap(util::ParseBytes("--budget", text));
}

void RegisterBoards(CLI::App& app) {
  static std::string name;
  static bool json = false;
  CLI::App* boards = app.add_subcommand("boards", "Board profiles: list the built-in boards, show one");
  boards->require_subcommand(1);
  CLI::App* list = boards->add_subcommand("list", "One line per built-in board (hwprofiles/)");
  list->add_flag("--json", json, "Print a JSON array of board objects");
  list->callback([] { List(json); });
  CLI::App* show = boards->add_subcommand("show", "Every value of one board profile");
  show->add_option("board", name, "Board name (e.g. f469) or a profile file FILE.toml")->required();
  show->add_flag("--json", json, "Print the board as a JSON object");
  show->callback([] { Show(name, json); });
}

}  // namespace dse_app
