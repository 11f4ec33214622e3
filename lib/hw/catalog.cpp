#include "hw/catalog.h"

#include <fmt/format.h>

#include "util/directory.h"
#include "util/spellcheck.h"

namespace hw {

util::Result<Catalog> Catalog::LoadDirectory(const std::string& dir) {
  auto files = util::ListFiles(dir, ".toml");
  if (!files) return files.error();
  Catalog catalog;
  for (const std::string& file : *files) {
    auto board = LoadBoard(file);
    if (!board) return board.error();
    if (auto status = catalog.Add(std::move(board).value()); !status) return status.error();
  }
  return catalog;
}

util::Status Catalog::Add(Board board) {
  if (const Board* other = Find(board.name)) {
    return util::InputError(fmt::format("{}: board '{}' is already defined by {}", board.file,
                                        board.name, other->file));
  }
  boards_.push_back(std::move(board));
  return util::Ok{};
}

const Board* Catalog::Find(const std::string& name) const {
  for (const Board& b : boards_) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

std::vector<std::string> Catalog::Names() const {
  std::vector<std::string> names;
  for (const Board& b : boards_) names.push_back(b.name);
  return names;
}

util::Result<Board> Catalog::Resolve(const std::string& name_or_file) const {
  if (name_or_file.ends_with(".toml")) return LoadBoard(name_or_file);
  if (const Board* board = Find(name_or_file)) return *board;
  std::string hint = util::DidYouMean(name_or_file, Names());
  if (hint.empty()) hint = fmt::format(" (known boards: {})", fmt::join(Names(), ", "));
  return util::InputError(fmt::format("unknown board '{}'{}; or give a profile file "
                                      "--board FILE.toml", name_or_file, hint));
}

}  // namespace hw
