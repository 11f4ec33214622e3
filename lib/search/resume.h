#pragma once
// `dse search --resume RUN`: the designs of a stored run, to be re-evaluated (with the
// accuracies measured since) and to seed the next batch (search::Request::resume).

#include <cstdint>
#include <string>
#include <vector>

#include "util/result.h"

namespace search {

/// The distinct designs (variant or point names) of run `run_id` in the database `db_path`, in
/// the order stored (board by board). Input error when the file is absent or holds no such run
/// (naming the runs it holds); nothing is written.
util::Result<std::vector<std::string>> ResumeDesigns(const std::string& db_path, int64_t run_id);

}  // namespace search
