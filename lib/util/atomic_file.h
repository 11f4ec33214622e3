#pragma once
// Replacing a file so that a failed or interrupted write never leaves it truncated.

#include <string>

#include "util/result.h"

namespace util {

/// Writes `text` to `path` through a temporary file beside it ("PATH.tmp.PID", same directory,
/// so the rename cannot cross file systems): written, flushed to disk (fsync), then renamed
/// over `path`. On failure (a full disk, a file-size limit, a missing directory) the temporary
/// file is removed and `path` holds what it held before; the error is an input error
/// "PATH: cannot write the WHAT: WHY", plus "; the file is unchanged" when `path` existed.
/// The directory is not created.
Status WriteFileAtomically(const std::string& path, const std::string& text,
                           const std::string& what);

}  // namespace util
