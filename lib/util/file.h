#pragma once
// Reading a whole input file, with the error every loader reports the same way.

#include <string>

#include "util/result.h"

namespace util {

// The bytes of `path`. When it cannot be opened: an input error "PATH: cannot open the WHAT"
// (e.g. WHAT = "space file").
Result<std::string> ReadFile(const std::string& path, const std::string& what);

}  // namespace util
