#pragma once
// explore budget_figure — `dse plot budget` (paper Fig. 9) computed: the TinyOps plan of one
// design at each SRAM budget of a range (partition factor, largest partition, predicted
// latency), the figure with the internal and external modes' predicted latencies as flat
// reference lines, and the table the command prints. Nothing here prints.

#include <cstdint>
#include <string>
#include <vector>

#include "explore/budget_range.h"
#include "explore/evaluate.h"
#include "plot/figure.h"
#include "util/result.h"

namespace explore {

struct BudgetCurve {
  plot::Figure figure;              // empty series when no budget fits
  std::string text;                 // the header, one row per fitting budget, the left-out line
  std::vector<int64_t> left_out;    // budgets no plan fits, in order
  bool any_fits() const { return !figure.series.empty(); }
};

/// The curve of `facts` (named `variant`) on `base`'s board, runtime and coefficients over
/// `budgets` (BudgetsOf(range, ...)), each evaluated in TinyOps mode through EvaluatePoint (the
/// sweep's path); the reference lines are `base` in the internal and external modes, drawn only
/// where the design fits. Under a runtime TinyOps cannot run with, no budget fits: the curve is
/// empty and its text says why. An input error when a latency cannot be predicted.
util::Result<BudgetCurve> BudgetCurveOf(const VariantFacts& facts, const std::string& variant,
                                        const Target& base, const BudgetRange& range,
                                        const std::vector<int64_t>& budgets);

}  // namespace explore
