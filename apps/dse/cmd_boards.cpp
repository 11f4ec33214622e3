// dse boards list|show — the built-in board profiles (hwprofiles/) and user profiles; and the
// --board / --budget resolution the other subcommands share.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

#include "app.h"
#include "explore/board_profile.h"
#include "explore/texts.h"
#include "models.h"
#include "hw/catalog.h"
#include "util/file.h"
#include "util/numbers.h"

namespace dse_app {
namespace {

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
  std::cout << explore::BoardsListText(boards.boards());
}

void Show(const std::string& name, bool json, bool toml) {
  if (toml && name.ends_with(".json")) {  // a saved `boards show --json` back to a profile
    std::cout << Unwrap(explore::BoardProfileFromJson(name, Unwrap(util::ReadFile(name, "board document"))));
    return;
  }
  const hw::Board b = BoardNamed(name);
  if (toml) std::cout << explore::BoardProfileToml(BoardJson(b));
  else std::cout << (json ? explore::DocumentText(BoardJson(b)) : explore::BoardText(b, DefaultBudgetBytes(b), PowerTable()));
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
  static bool json = false, toml = false;
  CLI::App* boards = app.add_subcommand("boards", "Board profiles: list the built-in boards, show one");
  boards->require_subcommand(1);
  CLI::App* list = boards->add_subcommand("list", "One line per built-in board (hwprofiles/)");
  list->add_flag("--json", json, "Print a JSON array of board objects");
  list->callback([] { List(json); });
  CLI::App* show = boards->add_subcommand("show", "Every value of one board profile");
  show->add_option("board", name, "Board name, a profile FILE.toml, or with --toml a saved 'boards show --json' FILE.json")->required();
  show->add_flag("--toml", toml, "Print the board as a profile file that --board loads")->excludes(
      show->add_flag("--json", json, "Print the board as a JSON object"));
  show->callback([] { Show(name, json, toml); });
}

}  // namespace dse_app
