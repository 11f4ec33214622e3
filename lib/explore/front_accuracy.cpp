#include "explore/front_accuracy.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "accuracy/accuracy.h"
#include "util/spellcheck.h"

namespace explore {
namespace {

bool IsImageNet(const accuracy::TaskDataset& td) {
  return td.task == accuracy::kImageNet.task && td.dataset == accuracy::kImageNet.dataset;
}

std::vector<std::string> Tasks() {
  std::vector<std::string> tasks;
  for (const accuracy::TaskDataset& k : accuracy::KnownTaskDatasets()) {
    if (tasks.empty() || tasks.back() != k.task) tasks.emplace_back(k.task);
  }
  return tasks;
}

std::string DatasetsOf(std::string_view task) {
  std::string out;
  for (const accuracy::TaskDataset& k : accuracy::KnownTaskDatasets()) {
    if (k.task == task) out += (out.empty() ? "" : ", ") + std::string(k.dataset);
  }
  return out;
}

// The measurement of candidate `c` in `td`, nullptr when none.
const accuracy::Measurement* MeasurementOf(const Candidate& c,
                                           const std::vector<accuracy::Measurement>& measured,
                                           const accuracy::TaskDataset& td,
                                           const searchspace::Catalog& catalog) {
  const searchspace::Space* space = catalog.Find(c.space);
  for (const accuracy::Measurement& m : measured) {
    if (m.variant != c.variant || m.task != td.task || m.dataset != td.dataset) continue;
    if (space == nullptr || m.precision == accuracy::DeployedPrecision(*space)) return &m;
  }
  return nullptr;
}

}  // namespace

util::Result<accuracy::TaskDataset> ChooseTaskDataset(const std::string& task,
                                                      const std::string& dataset) {
  if (task.empty() && dataset.empty()) return accuracy::kImageNet;
  std::vector<std::string> datasets;
  for (const accuracy::TaskDataset& k : accuracy::KnownTaskDatasets()) {
    datasets.emplace_back(k.dataset);
    const bool task_ok = task.empty() || k.task == task;
    if (task_ok && (dataset.empty() || k.dataset == dataset)) return k;  // first dataset first
  }
  const std::vector<std::string> tasks = Tasks();
  if (!task.empty() && std::find(tasks.begin(), tasks.end(), task) == tasks.end()) {
    return util::InputError(fmt::format("--task '{}': unknown task (one of: {}){}", task,
                                        fmt::join(tasks, ", "), util::DidYouMean(task, tasks)));
  }
  if (task.empty()) {
    return util::InputError(fmt::format("--dataset '{}': unknown dataset{}", dataset,
                                        util::DidYouMean(dataset, datasets)));
  }
  return util::InputError(fmt::format("--dataset '{}': not a dataset of task {} (its datasets: {})",
                                      dataset, task, DatasetsOf(task)));
}

std::string TaskDatasetText(const accuracy::TaskDataset& td) {
  return fmt::format("{}/{}", td.task, td.dataset);
}

std::vector<Candidate> WithMeasuredTop1(std::vector<Candidate> rows,
                                        const std::vector<accuracy::Measurement>& measured,
                                        const accuracy::TaskDataset& td,
                                        const searchspace::Catalog& catalog) {
  for (Candidate& c : rows) {
    if (const accuracy::Measurement* m = MeasurementOf(c, measured, td, catalog)) {
      c.top1 = m->top1_pct;
      c.top1_provenance = std::string(accuracy::ProvenanceName(accuracy::Provenance::kMeasured));
      c.top1_low.reset(), c.top1_high.reset();  // a measurement is not a prediction
    } else if (!IsImageNet(td)) {
      c.top1.reset();
      c.top1_low.reset(), c.top1_high.reset();
      c.top1_provenance = "none";
    }
  }
  return rows;
}

std::optional<std::string> MissingTop1Reason(const std::vector<Candidate>& rows,
                                             const std::string& board,
                                             const accuracy::TaskDataset& td,
                                             const std::string& db) {
  if (IsImageNet(td)) return std::nullopt;  // MissingAxisReason covers the stored fronts
  for (const Candidate& c : rows) {
    if (c.top1) return std::nullopt;
  }
  return fmt::format("no design on {} has a measured {} top-1 in {}; import one: dse accuracy "
                     "import FILE.csv --db {} (columns variant,top1,precision,task,dataset)",
                     board, TaskDatasetText(td), db, db);
}

}  // namespace explore
