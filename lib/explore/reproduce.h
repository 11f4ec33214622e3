#pragma once
// explore reproduce — the seed paper's Tables II and III recomputed by the toolkit beside the
// published numbers, its headline claims checked, and the toolkit's own pick next to each
// model the paper picked by hand (behind `dse reproduce`).
//
// Inputs, all data (nothing about the paper is in code):
//  * the published latencies (data/latency/paper.csv, latency::Measurement): a row belongs to
//    Table III when its source names "Table III", else to Table II when it names "Table II";
//  * data/reproduce/table2.csv: per Table II variant, the published.csv row holding its
//    accuracy and the paper's parameter count;
//  * data/accuracy/published.csv: the accuracies (accuracy::PublishedRow);
//  * data/reproduce/claims.csv: the headline claims (board, TinyOps model, internal baseline,
//    claimed accuracy gain and latency ratio, source).
// Steps: 1. join the inputs into PaperRows; 2. evaluate each row's variant on its board and
// mode (explore::Evaluate: exact counts, predicted top-1, predicted latency and energy);
// 3. for claims and picks, compare candidates. Nothing here prints.

#include <optional>
#include <string>
#include <vector>

#include "accuracy/published.h"
#include "explore/candidate.h"
#include "latency/measurements.h"
#include "util/result.h"

namespace explore {

/// One published row of Table II or III.
struct PaperRow {
  std::string table;  // "II" or "III"
  std::string board;
  std::string variant;             // the toolkit's name
  std::string mode;                // internal | external | tinyops
  std::string paper_model;         // the paper's name (Table II; "" for Table III)
  std::optional<double> macs_m;    // the paper's MACs (M)
  std::optional<double> params_m;  // the paper's params (M); Table II only
  std::optional<double> top1_pct;  // the published accuracy; Table II only
  double latency_ms = 0;           // measured
  std::optional<double> power_mw;
  std::optional<double> energy_mj;
  std::string source;
};

/// A Table II variant's link to its accuracy row (data/reproduce/table2.csv).
struct AccuracyLink {
  std::string variant;
  std::string paper_model;   // the name in the paper's table
  std::string accuracy_row;  // `model` of a published.csv row
  double params_m = 0;       // the paper's params (M)
};

/// A headline claim (data/reproduce/claims.csv): on `board`, `tinyops_variant` (TinyOps mode)
/// beats `baseline_variant` (internal mode) by `top1_gain_pct` points at a latency
/// `latency_ratio` times lower.
struct Claim {
  std::string board;
  std::string tinyops_variant;
  std::string baseline_variant;
  double top1_gain_pct = 0;
  double latency_ratio = 0;
  std::string source;
};

/// Reads data/reproduce/table2.csv (columns variant, paper_model, accuracy_row, params_m).
/// Errors are "file:line:col: message", all at once.
util::Result<std::vector<AccuracyLink>> ParseAccuracyLinks(const std::string& file,
                                                           const std::string& text);
/// Reads data/reproduce/claims.csv (columns board, tinyops_variant, baseline_variant,
/// top1_gain_pct, latency_ratio, source).
util::Result<std::vector<Claim>> ParseClaims(const std::string& file, const std::string& text);

/// Step 1: Table II rows (in file order) then Table III rows. Fails naming the row when a
/// Table II variant has no link or a link names no published row.
util::Result<std::vector<PaperRow>> JoinPaperRows(
    const std::vector<latency::Measurement>& measured, const std::vector<AccuracyLink>& links,
    const std::vector<accuracy::PublishedRow>& published);

/// A paper row with the toolkit's candidate for the same variant, board and mode.
struct RowComparison {
  PaperRow paper;
  Candidate toolkit;
};

/// A claim checked with the toolkit's figures (all predicted). The published gain and ratio
/// are recomputed from the Table II rows of the two models where the table has them.
struct ClaimCheck {
  Claim claim;
  std::optional<double> table_top1_gain_pct;  // from Table II's accuracies
  std::optional<double> table_latency_ratio;  // from Table II's latencies
  std::optional<double> top1_gain_pct;        // predicted: tinyops top-1 - baseline top-1
  std::optional<double> latency_ratio;        // predicted: baseline latency / tinyops latency
  // The TinyOps model fits, predicted gain > 0 and predicted ratio > 1. The baseline need not
  // fit dse's placement: the paper ran it; its latency may be predicted as if it fitted.
  bool holds = false;
};

/// Checks `claim` given the toolkit's candidates of its two models.
ClaimCheck CheckClaim(const Claim& claim, const Candidate& tinyops, const Candidate& baseline,
                      const std::vector<PaperRow>& rows);

/// The toolkit's pick beside a reference model (a model the paper picked, or a claim's
/// baseline): the most accurate feasible TinyOps-mode candidate of `candidates` on the
/// reference's board whose predicted latency is at most the reference's predicted latency
/// (ties: the faster). nullopt when the reference has no latency or nothing qualifies.
std::optional<Candidate> ToolkitPick(const Candidate& reference,
                                     const std::vector<Candidate>& candidates);

}  // namespace explore
