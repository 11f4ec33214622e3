#pragma once
// `dse pareto`'s reports of one front: text, JSON and CSV, each saying which front it is (board,
// design space, axes, task and dataset), which run of which database it comes from, and where
// each figure comes from.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "accuracy/types.h"
#include "explore/candidate.h"
#include "explore/fronts.h"
#include "plot/figure.h"

namespace explore {

/// What a front is and where it comes from.
struct FrontReport {
  std::string board;
  std::string x_objective = "latency";
  std::string design_space = "all";
  accuracy::TaskDataset task_dataset = accuracy::kImageNet;
  std::string db;                 // the results database
  int64_t run_id = 0;
  std::string run_tool_version;   // the dse that wrote the run
  std::string run_git_revision;
  std::string run_started_at;     // ISO 8601 UTC
};

/// The text: "f469 front (all designs), top-1 vs latency (ms, predicted):" (ImageNet; another
/// task's front names it: "..., keyword-spotting/speech-commands top-1 (measured) vs ...") and
/// one line per member, its top-1 followed by that figure's provenance (`rows`' top1_provenance:
/// published, measured, predicted, extrapolated; "unknown" for a member not in `rows`).
std::string FrontText(const FrontReport& report, const std::vector<FrontMember>& front,
                      const std::vector<Candidate>& rows);

/// FrontJson with "task" and "dataset" (the envelope is the caller's, with run_id).
nlohmann::json FrontReportJson(const FrontReport& report, const std::vector<FrontMember>& front,
                               const std::vector<Candidate>& rows);

/// FrontCsv after `#` lines: the front, the run (id, database, the dse version and git revision
/// that wrote it and when), the dse that printed it, and the provenance of each figure column:
/// "# top1: published" when every row shares one, else by row number (1 = the first line after
/// the column header): "# top1: published (rows 1-2), predicted (rows 3-5)".
std::string FrontCsvText(const FrontReport& report, const std::vector<FrontMember>& front,
                         const std::vector<Candidate>& rows);

/// The front's figure (FrontFigure); another task's names it in the file name
/// ("pareto_f469_latency_keyword-spotting"), the title and the y axis ("... top-1 (%, measured)").
plot::Figure FrontReportFigure(const FrontReport& report, const std::vector<Candidate>& rows);

}  // namespace explore
