#pragma once
// explore reproduce_report — everything `dse reproduce` reports, computed: per-row
// differences between the toolkit and the paper, the mean differences per table, each claim
// checked with the toolkit's own pick beside it, and the toolkit's pick beside each model the
// paper picked by hand (reproduce.h has the inputs and the single checks). Nothing here prints;
// the app formats these values as text or JSON.
//
// Steps of BuildReproduceReport: 1. evaluate each paper row's variant on its board and mode;
// 2. summarise the differences per table; 3. check each claim (its two models evaluated) and
// pick the toolkit's model beside its baseline; 4. pick the toolkit's model beside each Table II
// TinyOps row. The caller supplies the evaluation (variant, board, mode -> Candidate) and the
// TinyOps candidates picks are drawn from (TinyopsFrontOptions).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "explore/sweep.h"
#include "explore/reproduce.h"

namespace explore {

/// The candidate of `e` (evaluated with predict_infeasible), and when its placement does not fit,
/// its latency and energy as if it fitted, the provenance saying so; feasible stays false. The
/// paper ran every row it measured, but dse's placement (TFLM arena, no in-place depthwise) may
/// not fit it, e.g. the MCUNet nets in internal SRAM.
Candidate AsIfFitted(const Evaluation& e);

/// The paper's rows (JoinPaperRows) and its headline claims, as read from the data directory.
struct ReproduceInputs {
  std::vector<PaperRow> rows;
  std::vector<Claim> claims;
};

/// Reads DATA_DIR/data/latency/paper.csv (rows may name `names`), the published accuracies
/// (accuracy::kPublishedPath), data/reproduce/table2.csv and data/reproduce/claims.csv, in that
/// order, and joins them. The first file that fails to read or parse is the error.
util::Result<ReproduceInputs> LoadReproduceInputs(const std::string& data_dir,
                                                  const latency::KnownNames& names);

/// toolkit − paper for one row; each absent when either side is unknown.
struct RowDiff {
  std::optional<double> macs_m;       // dse MACs (M) − the paper's MACs (M)
  std::optional<double> params_m;     // dse params (M) − the paper's params (M)
  std::optional<double> top1_points;  // predicted top-1 − published top-1 (points)
  std::optional<double> latency_pct;  // 100 (predicted − measured) / measured
  std::optional<double> energy_pct;   // 100 (predicted − measured) / measured
};

/// The differences of one row.
RowDiff DiffRow(const RowComparison& row);

/// 100 (toolkit − paper) / paper; nullopt when either is unknown or paper is 0.
std::optional<double> RelativePct(const std::optional<double>& toolkit,
                                  const std::optional<double>& paper);

/// A candidate's predicted mean power in mW (energy / latency); nullopt when either is unknown
/// or the latency is not positive.
std::optional<double> PowerMw(const Candidate& c);

/// The latency provenance of a board's predictions ("calibrated on N rows ...").
struct BoardProvenance {
  std::string board;
  std::string latency_provenance;
};

/// One entry per board with a feasible row, in order of first appearance: the latency
/// provenance of that board's first feasible candidate (all of a board's agree).
std::vector<BoardProvenance> LatencyProvenancePerBoard(const std::vector<RowComparison>& rows);

/// Mean |dse − paper| over a table's rows: latency and energy in percent, top-1 in points;
/// nullopt when no row of the table has both figures.
struct ReproduceSummary {
  std::optional<double> latency_mape_t2, energy_mape_t2, latency_mape_t3, top1_mae_t2;
};

/// The mean differences of `rows` (Table II and III).
ReproduceSummary Summarise(const std::vector<RowComparison>& rows);

/// A claim checked, with the toolkit's own pick beside its baseline.
struct ClaimResult {
  ClaimCheck check;
  std::optional<Candidate> pick;  // ToolkitPick beside the claim's baseline
  std::optional<double> pick_gain_pct, pick_ratio;  // the pick checked as the claim's model
  std::string baseline_fail_reason;  // "" when the baseline fits dse's placement
};

/// Checks `claim` given the toolkit's candidates of its models (`tinyops` in TinyOps mode,
/// `baseline` in internal mode) and picks from `front` beside the baseline.
ClaimResult CheckClaimWithPick(const Claim& claim, const Candidate& tinyops,
                               const Candidate& baseline, const std::vector<PaperRow>& rows,
                               const std::vector<Candidate>& front);

/// A model the paper picked by hand (its Table II row and dse's candidate), and dse's pick.
struct PickResult {
  RowComparison paper;
  std::optional<Candidate> toolkit;
  std::optional<double> gain_points;  // the pick's top-1 − the paper's pick's (both predicted)
};

struct ReproduceReport {
  std::vector<RowComparison> rows;
  ReproduceSummary summary;
  std::vector<ClaimResult> claims;
  std::vector<PickResult> picks;
};

/// The toolkit's candidate for a variant name on a board name in a mode name.
using EvaluateNamedFn = std::function<Candidate(
    const std::string& variant, const std::string& board, const std::string& mode)>;

/// The boards of `rows`, each once, in order of first appearance.
std::vector<std::string> BoardsOf(const std::vector<PaperRow>& rows);

/// The sweep behind the toolkit's picks: every TinyOps-mode design of `spaces` on `boards`
/// (pointers kept; they must outlive the sweep).
SweepOptions TinyopsFrontOptions(const std::vector<const searchspace::Space*>& spaces,
                                 const std::vector<const hw::Board*>& boards);

/// Steps 1–4 above. `front` is the TinyOps sweep of the rows' boards (TinyopsFrontOptions).
ReproduceReport BuildReproduceReport(const std::vector<PaperRow>& rows,
                                     const std::vector<Claim>& claims,
                                     const EvaluateNamedFn& evaluate,
                                     const std::vector<Candidate>& front);

}  // namespace explore
