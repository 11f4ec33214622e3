#pragma once
// `dse search --resume RUN`: the designs of a stored run, to be re-evaluated (with the
// accuracies measured since) and to seed the next batch (search::Request::resume).

#include <cstdint>
#include <string>
#include <vector>

#include "explore/provenance.h"
#include "search/run.h"
#include "util/result.h"

namespace search {

/// The distinct designs (variant or point names) of run `run_id` in the database `db_path`, in
/// the order stored (board by board). Input error when the file is absent or holds no such run
/// (naming the runs it holds); nothing is written.
util::Result<std::vector<std::string>> ResumeDesigns(const std::string& db_path, int64_t run_id);

/// Resumes run `run_id` of `db_path` in `request` (its designs in `resume`, the id in
/// `resumed_from`; the errors of ResumeDesigns) for a search made with options `now`. Returns a
/// note when the run recorded other options (explore::OptionsDiffer), as its figures then
/// differ from the new run's for that reason too; "" otherwise (also when it recorded none).
util::Result<std::string> Resume(const std::string& db_path, int64_t run_id,
                                 const explore::RunOptions& now, Request* request);

}  // namespace search
