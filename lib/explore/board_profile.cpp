#include "explore/board_profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "explore/texts.h"
#include "kernels/runtime.h"

namespace explore {
namespace {

std::optional<double> ModePowerMw(const power::Table& power, const hw::Board& b, const char* mode) {
  return power::Lookup(power, b.name, kernels::kDefaultRuntime, mode, "").mw;
}

// The board's measured power in `mode` under the default runtime, null when not measured.
nlohmann::json ModePowerJson(const power::Table& power, const hw::Board& b, const char* mode) {
  const std::optional<double> mw = ModePowerMw(power, b, mode);
  return mw ? nlohmann::json(*mw) : nlohmann::json(nullptr);
}

// `key = value` for a JSON scalar, TOML syntax (strings quoted by JSON's escaping, which TOML
// basic strings share for the characters a profile holds).
std::string TomlLine(const std::string& key, const nlohmann::json& value) {
  return key + " = " + value.dump() + "\n";
}

std::string TomlTable(const nlohmann::json& j, const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) {
    if (!j.contains(k)) continue;
    const nlohmann::json& v = j.at(k);
    if (v.is_null() || (v.is_number() && v == 0 && k != "reserved_bytes") ||
        (v.is_string() && v.get<std::string>().empty())) {
      continue;  // an optional value left at its default
    }
    out += TomlLine(k, v);
  }
  return out;
}

// [memory] with its regions; empty when the document has none.
std::string MemoryToml(const nlohmann::json& b) {
  if (!b.contains("memory_regions")) return "";
  int64_t total_bytes = 0;
  std::string regions;
  for (const nlohmann::json& r : b.at("memory_regions")) {
    total_bytes += r.at("size_bytes").get<int64_t>();
    regions += "\n[[memory.region]]\n" + TomlLine("name", r.at("name")) +
               TomlLine("kind", r.at("kind")) + TomlLine("start", r.at("start_address")) +
               TomlLine("size_bytes", r.at("size_bytes")) + TomlLine("dma", r.at("dma_reachable"));
  }
  return fmt::format("\n[memory]\nsram_total_bytes = {}\n", total_bytes) + regions;
}

std::string PowerText(const std::optional<double>& mw) {
  return mw ? fmt::format("{:g} mW", *mw) : "not measured";
}

}  // namespace

nlohmann::json BoardJson(const hw::Board& b, int64_t tinyops_budget_bytes,
                         const power::Table& power) {
  nlohmann::json external = nlohmann::json::array();
  for (const hw::ExternalMemory& m : b.external) {
    external.push_back({{"name", m.name}, {"kind", hw::MemoryKindName(m.kind)},
                        {"size_bytes", m.size_bytes}, {"bus_width_bits", m.bus_width_bits},
                        {"clock_hz", m.clock_hz}, {"cas_latency_cycles", m.cas_latency_cycles},
                        {"part", m.part}});
  }
  nlohmann::json out = {
      {"name", b.name}, {"title", b.title}, {"file", b.file}, {"core", b.core},
      {"clock_hz", b.clock_hz}, {"icache_bytes", b.icache_bytes},
      {"dcache_bytes", b.dcache_bytes}, {"flash_wait_states", b.flash_wait_states},
      {"sram", {{"size_bytes", b.sram.size_bytes}, {"reserved_bytes", b.sram.reserved_bytes}}},
      {"flash", {{"size_bytes", b.flash.size_bytes}, {"reserved_bytes", b.flash.reserved_bytes}}},
      {"external", external},
      {"dma", {{"controller", b.dma.controller}, {"streams_used", b.dma.streams_used},
               {"memory_to_memory", b.dma.memory_to_memory}}},
      {"tinyops_budget_bytes", tinyops_budget_bytes},
      {"power_mw", {{"internal", ModePowerJson(power, b, "internal")},
                    {"external", ModePowerJson(power, b, "external")},
                    {"tinyops", ModePowerJson(power, b, "tinyops")}}}};
  if (b.regions.empty()) return out;
  nlohmann::json regions = nlohmann::json::array();
  for (const hw::MemoryRegion& r : b.regions) {
    regions.push_back({{"name", r.name}, {"kind", r.kind}, {"start_address", r.start},
                       {"size_bytes", r.size_bytes}, {"dma_reachable", r.dma}});
  }
  out["memory_regions"] = regions;
  return out;
}

std::string BoardProfileToml(const nlohmann::json& b) {
  std::string out = TomlTable(b, {"name", "title"}) + "source = \"dse boards show --json\"\n";
  out += "\n[core]\n" + TomlLine("arch", b.at("core")) +
         TomlTable(b, {"clock_hz", "icache_bytes", "dcache_bytes", "flash_wait_states"});
  for (const char* memory : {"sram", "flash"}) {
    out += fmt::format("\n[{}]\n", memory) + TomlTable(b.at(memory), {"size_bytes", "reserved_bytes"});
  }
  out += MemoryToml(b);
  for (const nlohmann::json& m : b.at("external")) {
    out += "\n[[external]]\n" + TomlTable(m, {"name", "kind", "size_bytes", "bus_width_bits",
                                               "clock_hz", "cas_latency_cycles", "part"});
  }
  const nlohmann::json& dma = b.at("dma");
  if (dma.value("controller", "").empty()) return out;  // a profile without [dma]
  return out + "\n[dma]\n" + TomlTable(dma, {"controller", "streams_used"}) +
         TomlLine("memory_to_memory", dma.at("memory_to_memory"));
}

util::Result<std::string> BoardProfileFromJson(const std::string& file, const std::string& json_text) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    const size_t upto = std::min(json_text.size(), e.byte == 0 ? size_t{0} : e.byte - 1);
    const auto line = 1 + std::count(json_text.begin(), json_text.begin() + upto, '\n');
    return util::InputError(fmt::format("{}:{}: not JSON ({})", file, line, e.what()));
  }
  for (const char* key : {"name", "core", "sram", "flash", "external", "dma"}) {
    if (!doc.is_object() || !doc.contains(key)) {
      return util::InputError(fmt::format(
          "{}: not a board document of 'dse boards show --json' (no '{}')", file, key));
    }
  }
  std::string toml;
  try {
    toml = BoardProfileToml(doc);
  } catch (const nlohmann::json::exception& e) {
    return util::InputError(fmt::format("{}: not a board document of 'dse boards show --json' "
                                        "({})", file, e.what()));
  }
  auto board = hw::ParseBoard(file + " (as a profile)", toml);
  if (!board) return board.error();
  return toml;
}

namespace {

// The [memory] regions, one line each, and why the modes see less: "  SRAM region    dtcm
// (dtcm) 131072 B at 0x20000000, no DMA". "" for a profile without regions.
std::string RegionsText(const hw::Board& b) {
  if (b.regions.empty()) return "";
  int64_t total_bytes = 0;
  std::string out;
  for (const hw::MemoryRegion& r : b.regions) {
    total_bytes += r.size_bytes;
    out += fmt::format("  RAM region     {} ({}): {} B at {:#010x}{}\n", r.name, r.kind,
                       r.size_bytes, r.start, r.dma ? "" : ", no DMA");
  }
  return fmt::format("  internal RAM   {} B in {} regions (fit --map places each part in one)\n",
                     total_bytes, b.regions.size()) + out;
}

// The board part of a title, up to its chip in parentheses, at most `max` characters.
std::string ShortTitle(const std::string& title, size_t max) {
  std::string s = title.substr(0, title.find(" ("));
  return s.size() <= max ? s : s.substr(0, max - 3) + "...";
}

}  // namespace

std::string BoardsListText(const std::vector<hw::Board>& boards) {
  size_t w[3] = {4, 5, 4};  // name, board, core: as wide as their longest
  size_t external = 8;      // "external"
  for (const hw::Board& b : boards) {
    w[0] = std::max(w[0], b.name.size()), w[2] = std::max(w[2], b.core.size());
    w[1] = std::max(w[1], ShortTitle(b.title, SIZE_MAX).size());
    external = std::max(external, ExternalMemoriesText(b).size());
  }
  // The fixed columns: spaces, clock (8), SRAM (9), flash (9); the board column takes the rest.
  const size_t fixed = w[0] + w[2] + external + 8 + 9 + 9 + 7;
  w[1] = std::min(w[1], kBoardsListColumns > fixed + 8 ? kBoardsListColumns - fixed : 8);
  std::string text = fmt::format("{:<{}} {:<{}} {:<{}} {:>8} {:>9} {:>9}  {}\n", "name", w[0],
                                 "board", w[1], "core", w[2], "clock", "SRAM", "flash", "external");
  for (const hw::Board& b : boards) {
    text += fmt::format("{:<{}} {:<{}} {:<{}} {:>4} MHz {:>9} {:>9}  {}\n", b.name, w[0],
                        ShortTitle(b.title, w[1]), w[1], b.core, w[2], b.clock_hz / 1'000'000,
                        KiBText(b.sram.size_bytes), KiBText(b.flash.size_bytes),
                        ExternalMemoriesText(b));
  }
  return text;
}

std::string BoardText(const hw::Board& b, int64_t tinyops_budget_bytes, const power::Table& power) {
  std::string out = fmt::format(
      "{}  {}  ({})\n  core           {} at {} MHz, I-cache {} B, D-cache {} B, flash {} WS\n"
      "  internal SRAM  {} B ({} reserved for runtime state)\n"
      "  internal flash {} B ({} reserved for runtime code)\n",
      b.name, b.title, b.file, b.core, b.clock_hz / 1e6, b.icache_bytes, b.dcache_bytes,
      b.flash_wait_states, b.sram.size_bytes, b.sram.reserved_bytes, b.flash.size_bytes,
      b.flash.reserved_bytes);
  out += RegionsText(b);
  for (const hw::ExternalMemory& m : b.external) {
    out += fmt::format("  external       {} ({}): {} B, {}-bit, {} MHz{}{}\n", m.name,
                       hw::MemoryKindName(m.kind), m.size_bytes, m.bus_width_bits,
                       m.clock_hz / 1e6,
                       m.cas_latency_cycles ? fmt::format(", CAS {}", m.cas_latency_cycles) : "",
                       m.part.empty() ? "" : ", " + m.part);
  }
  return out + fmt::format(
      "  DMA            {}, {} streams, memory-to-memory {}\n  TinyOps budget {} B ({})\n"
      "  power          internal {}, external {}, tinyops {}\n",
      b.dma.controller, b.dma.streams_used, b.dma.memory_to_memory ? "yes" : "no",
      tinyops_budget_bytes,
      // The default budget is a row of data/tinyops/budgets.csv, else the available SRAM.
      b.ExternalRam() == nullptr ? "unused: no external RAM, no tinyops mode"
      : tinyops_budget_bytes == b.sram.available_bytes()
          ? "the SRAM left to a network; --budget to choose"
          : "data/tinyops/budgets.csv; --budget to choose",
      PowerText(ModePowerMw(power, b, "internal")),
      PowerText(ModePowerMw(power, b, "external")), PowerText(ModePowerMw(power, b, "tinyops")));
}

}  // namespace explore
