#pragma once
// Listing the input files of a directory, with the error every catalog reports the same way;
// making the directory an output file goes in.

#include <string>
#include <vector>

#include "util/result.h"

namespace util {

/// The paths ("DIR/NAME") of the entries of `dir` whose extension is `extension` (with its dot,
/// e.g. ".toml"; compared exactly), sorted by path. Subdirectories are not searched. When `dir`
/// cannot be read: an input error "DIR: cannot read the directory: WHY".
Result<std::vector<std::string>> ListFiles(const std::string& dir, const std::string& extension);

/// Creates the directory `path` would be written in (and its parents) when it has one and it
/// does not exist. When that fails: an input error "cannot create the directory DIR: WHY".
Status CreateParentDirectory(const std::string& path);

}  // namespace util
