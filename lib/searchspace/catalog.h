#pragma once
// The set of spaces a command works with: every *.toml of a directory (the built-in
// searchspaces/), plus user files given with --space. Resolves variant names.

#include <string>
#include <vector>

#include "searchspace/space.h"
#include "searchspace/stages.h"
#include "util/result.h"

namespace searchspace {

class Catalog {
 public:
  // Loads every *.toml file of `dir`, sorted by file name. Fails on the first invalid file.
  static util::Result<Catalog> LoadDirectory(const std::string& dir);

  // Adds a user's space file; its name must not clash with a loaded space.
  util::Status AddFile(const std::string& path);
  util::Status Add(Space space);

  const std::vector<Space>& spaces() const { return spaces_; }
  // nullptr when absent.
  const Space* Find(const std::string& name) const;
  std::vector<std::string> Names() const;

  // Parses "family-wW.WW-rRRR" (scalable) or a fixed net's name into a Variant. Errors name
  // the offending token and the nearest valid choice; a family's name alone gets an example
  // variant of it.
  // A name with a ':' is a point of a per-stage space (stages.h): SPACE:d=...:k=...:e=...:r=...;
  // the Variant then carries the canonical point string.
  util::Result<Variant> ParseVariant(const std::string& name) const;

  /// The per-stage point a name stands for; SPACE may be a space's family at another width.
  util::Result<Point> ParsePoint(const std::string& name) const;

  /// Builds the network of a parsed variant (grid variant, fixed net or point).
  util::Result<graph::Network> Build(const Variant& variant) const;

 private:
  std::vector<Space> spaces_;
};

}  // namespace searchspace
