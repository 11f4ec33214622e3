#pragma once
// Active calibration (issue 13, `dse calibrate --board ... --data ...`): the next measurement
// that would most narrow the board's latency intervals over the default design grid.
//
// A prediction's interval grows with the spread of the coefficients its cycles rest on
// (latency/interval.h). Per coefficient j the spread still open on the board is
//   sigma_j = base_j sqrt(n0 / (n0 + rows_j)),
// base_j being the prior's spread (shared and board deviation for a board without rows or
// inherited correction, the board deviation otherwise), rows_j the board's rows informing j
// (BoardCoefficients::rows_informing) and n0 the prior strength in rows the interval's
// few-rows rule uses (latency::ScalePriorRows of the file's spreads; 1 without them): the
// same posterior shrinkage the board level of the interval follows. The interval printed is
// the one `--coefficients OUT` then gives (the fitted file carries the shipped [spread]). Measuring a design whose cycles split as shares s_c
// informs each coefficient in proportion to its share, so it narrows the grid's intervals by
// about
//   score(c) = sum_j W_j sigma_j s_cj,   W_j = sum over the grid's designs g of s_gj.
// The design and mode of the highest score that fit the board and were not measured yet are
// named; ties go to the faster design (cheaper to measure).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "explore/evaluate.h"
#include "hw/board.h"
#include "latency/coefficients.h"
#include "latency/measurements.h"
#include "searchspace/catalog.h"
#include "tinyops/budgets.h"

namespace explore {

struct NextMeasurement {
  std::string variant, mode;
  double latency_ms = 0, low_ms = 0, high_ms = 0;  // its prediction and 80 % interval now
  double score = 0;                                // score(c) of the header
  // The coefficients it informs most: (key, share of its predicted cycles), largest first.
  std::vector<std::pair<std::string, double>> top_coefficients;
};

/// Every width x resolution of every non-fixed space of `spaces` (the sweep's default grid).
std::vector<VariantFacts> DefaultGridFacts(const searchspace::Catalog& spaces);

/// The next measurement on `board` (header comment) over `grid` x the default modes, under
/// `runtime` (its footprint and factors; a mode it cannot run, e.g. tinyops under a runtime not
/// built from TFLM + CMSIS-NN, is never named) at the board's default TinyOps budget, skipping
/// (variant, mode) pairs of `measured` rows of this board and runtime; nullopt when no
/// unmeasured design fits. `coefs`: the board's under that runtime (CoefficientsUnder).
std::optional<NextMeasurement> NextMeasurementFor(
    const std::vector<VariantFacts>& grid, const hw::Board& board,
    const latency::BoardCoefficients& coefs, const tinyops::BudgetTable& budgets,
    const std::vector<latency::Measurement>& measured,
    const kernels::Runtime& runtime = kernels::DefaultRuntime());

/// "Next measurement (most narrows the intervals on BOARD): VARIANT in the MODE mode, predicted
/// X ms (80 %: a–b ms); it informs conv1x1 (41 %), ..." or a line saying there is none.
std::string NextMeasurementText(const std::optional<NextMeasurement>& next,
                                const std::string& board);

}  // namespace explore
