#pragma once
// The report of `dse reproduce` (cmd_reproduce.cpp computes it): the paper's Tables II and III
// beside the toolkit's figures with per-cell differences, the claims and the picks, as text or
// JSON on stdout. Every toolkit figure but MACs and params is labelled predicted.

#include <optional>
#include <string>
#include <vector>

#include "explore/reproduce.h"

namespace dse_app {

/// Mean |dse - paper| over a table's rows: latency and energy in percent, top-1 in points.
struct Summary {
  std::optional<double> latency_mape_t2, energy_mape_t2, latency_mape_t3, top1_mae_t2;
};

/// A claim checked, with the toolkit's own pick beside its baseline.
struct ClaimResult {
  explore::ClaimCheck check;
  std::optional<explore::Candidate> pick;  // the toolkit's pick beside the claim's model
  std::optional<double> pick_gain_pct, pick_ratio;
  std::string baseline_fail_reason;  // "" when the baseline fits dse's placement
};

/// A model the paper picked by hand (its Table II row and dse's candidate), and dse's pick.
struct PickResult {
  explore::RowComparison paper;
  std::optional<explore::Candidate> toolkit;
};

struct ReproduceReport {
  std::vector<explore::RowComparison> rows;
  Summary summary;
  std::vector<ClaimResult> claims;
  std::vector<PickResult> picks;
};

/// The mean differences of `rows` (Table II and III).
Summary Summarise(const std::vector<explore::RowComparison>& rows);

void PrintReproduceText(const ReproduceReport& report);
/// JSON: tables (paper, dse, diff per row), summary, claims, picks.
void PrintReproduceJson(const ReproduceReport& report);

}  // namespace dse_app
