#pragma once
// hw::Catalog — the boards a command knows: every *.toml of a directory (the built-in
// hwprofiles/), plus user profiles. Resolves what a user typed after --board: a board name
// ("f469") or a profile file ("my_board.toml").

#include <string>
#include <vector>

#include "hw/board.h"
#include "util/result.h"

namespace hw {

class Catalog {
 public:
  /// Loads every *.toml of `dir`, sorted by file name. Fails on the first invalid profile.
  static util::Result<Catalog> LoadDirectory(const std::string& dir);

  /// Adds a board; its name must not clash with a loaded one.
  util::Status Add(Board board);

  const std::vector<Board>& boards() const { return boards_; }
  /// nullptr when absent.
  const Board* Find(const std::string& name) const;
  std::vector<std::string> Names() const;

  /// A board by name, or, when `name_or_file` ends in ".toml", the profile at that path.
  /// An unknown name is an input error naming the nearest valid board.
  util::Result<Board> Resolve(const std::string& name_or_file) const;

 private:
  std::vector<Board> boards_;
};

}  // namespace hw
