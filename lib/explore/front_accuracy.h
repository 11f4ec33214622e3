#pragma once
// The top-1 a Pareto front ranks designs by: fronts are per task and dataset. The default,
// ImageNet classification, is the top-1 the sweep stored (surrogate, published or measured)
// with every measured ImageNet accuracy of the database applied, also those imported after
// the sweep; another task's front ranks only the designs with a measured accuracy of that
// task and dataset (no surrogate or published figure exists for it), so a keyword-spotting
// accuracy never joins the ImageNet front and an ImageNet prediction never joins the KWS one.

#include <optional>
#include <string>
#include <vector>

#include "accuracy/measured.h"
#include "accuracy/types.h"
#include "explore/candidate.h"
#include "searchspace/catalog.h"
#include "util/result.h"

namespace explore {

/// `--task`/`--dataset`: both empty is ImageNet classification; a task alone takes its first
/// dataset (classification: imagenet); a dataset alone its task. An unknown name is an input
/// error with the nearest known one ("--task 'kws': unknown task (did you mean ...)"); a pair
/// that does not go together names the task's datasets. The views point into
/// accuracy::KnownTaskDatasets().
util::Result<accuracy::TaskDataset> ChooseTaskDataset(const std::string& task,
                                                      const std::string& dataset);

/// "classification/imagenet".
std::string TaskDatasetText(const accuracy::TaskDataset& td);

/// `rows` with the top-1 of `td`: a measurement of `measured` (model names as in `rows`:
/// store::MeasuredFor) of the candidate's model, task and dataset replaces the stored top-1
/// (provenance "measured"). A built variant's measurement must be of its space's deployed
/// precision (accuracy::DeployedPrecision); an imported model's file has one precision, so any
/// of its measurements counts. For a task other than ImageNet classification the stored top-1
/// is dropped (absent, provenance "none") where no measurement replaces it.
std::vector<Candidate> WithMeasuredTop1(std::vector<Candidate> rows,
                                        const std::vector<accuracy::Measurement>& measured,
                                        const accuracy::TaskDataset& td,
                                        const searchspace::Catalog& catalog);

/// Why the `td` front of `board` can have no member: no candidate has a top-1 of that task
/// ("no design on f469 has a measured keyword-spotting/speech-commands top-1 in DB; import
/// one: dse accuracy import FILE.csv --db DB"). nullopt when some candidate has one, and for
/// ImageNet classification (explore::MissingAxisReason covers the stored top-1).
std::optional<std::string> MissingTop1Reason(const std::vector<Candidate>& rows,
                                             const std::string& board,
                                             const accuracy::TaskDataset& td,
                                             const std::string& db);

}  // namespace explore
