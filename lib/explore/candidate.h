#pragma once
// explore::Candidate — one evaluated design point (variant x board x runtime x mode): what the
// sweep produces, the Pareto fronts select from, the store persists and the plots draw.
// Optional figures are absent when unknown (NULL in the database), never invented.
// Every field is listed once in explore::CandidateFields() (fields.h), which drives the
// database columns, JSON and CSV: a new field goes there too.

#include <cstdint>
#include <optional>
#include <string>

namespace explore {

struct Candidate {
  // The variant and its exact counts (analytic).
  std::string variant;
  std::string space;
  double width = 1;
  int resolution = 0;
  int64_t macs = 0;
  int64_t params = 0;
  int64_t weight_bytes = 0;
  int64_t flash_bytes = 0;
  int64_t peak_activation_bytes = 0;
  // The deployment.
  std::string board;
  std::string runtime = "tflm-cmsis-nn";  // the runtime id; today's only one is the default
  std::string mode;  // internal | external | tinyops
  std::optional<int64_t> budget_bytes;  // TinyOps SRAM budget
  // Feasibility: an infeasible point is a result with the violated constraint.
  bool feasible = false;
  std::string fail_reason;  // empty when feasible
  int64_t sram_bytes = 0;
  int64_t internal_flash_bytes = 0;
  int64_t external_bytes = 0;
  std::optional<int> partition_factor;
  // Predictions, each with its provenance.
  std::optional<double> latency_ms;
  std::string latency_provenance;
  std::optional<double> energy_mj;
  std::optional<double> top1;
  std::string top1_provenance;  // predicted | extrapolated | published | measured
  // The 80 % interval of the predictions (latency/interval.h); absent with the figure.
  std::optional<double> latency_ms_low;
  std::optional<double> latency_ms_high;
  std::optional<double> energy_mj_low;
  std::optional<double> energy_mj_high;
  // The 80 % interval of a predicted or extrapolated top1, percent points
  // (accuracy/top1_interval.h); absent for measured and published figures and without top1.
  std::optional<double> top1_low;
  std::optional<double> top1_high;
};

// The predicted cost of one op of one evaluation (`dse sweep --per-op`).
struct OpCost {
  std::string variant, board, mode;
  int op_index = 0;
  std::string kind;  // graph::OpKindName
  int64_t macs = 0;
  double latency_ms = 0;  // predicted
  std::string runtime = "tflm-cmsis-nn";  // last, so positional initialisers stay valid
};

}  // namespace explore
