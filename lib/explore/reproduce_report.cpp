#include "explore/reproduce_report.h"

#include <algorithm>
#include <cmath>

#include "accuracy/accuracy.h"

namespace explore {

Candidate AsIfFitted(const Evaluation& e) {
  Candidate c = e.candidate;
  if (!c.feasible && e.estimate) {
    c.latency_ms = e.estimate->latency_ms;
    if (e.power.mw) c.energy_mj = *e.power.mw * e.estimate->latency_ms / 1e3;
    c.latency_provenance = e.estimate->provenance + "; as if it fitted: " + c.fail_reason;
  }
  return c;
}
namespace {

// a − b when both are known.
std::optional<double> Minus(const std::optional<double>& a, const std::optional<double>& b) {
  if (!a || !b) return std::nullopt;
  return *a - *b;
}

// The mean of |value| over the rows of `table` where `value(row)` is known.
template <typename Value>
std::optional<double> MeanAbs(const std::vector<RowComparison>& rows, const char* table,
                              Value value) {
  double sum = 0;
  int n = 0;
  for (const RowComparison& r : rows) {
    const std::optional<double> v = r.paper.table == table ? value(r) : std::nullopt;
    if (v) sum += std::abs(*v), ++n;
  }
  return n ? std::optional<double>(sum / n) : std::nullopt;
}

}  // namespace

util::Result<ReproduceInputs> LoadReproduceInputs(const std::string& data_dir,
                                                  const latency::KnownNames& names) {
  const auto measured = latency::LoadMeasurements(data_dir + "/data/latency/paper.csv", names);
  if (!measured) return measured.error();
  const auto published_text = accuracy::ReadFile(data_dir + "/" + accuracy::kPublishedPath);
  if (!published_text) return published_text.error();
  const auto published = accuracy::ParsePublished(accuracy::kPublishedPath, *published_text);
  if (!published) return published.error();
  const std::string links_file = "data/reproduce/table2.csv";
  const auto links_text = accuracy::ReadFile(data_dir + "/" + links_file);
  if (!links_text) return links_text.error();
  const auto links = ParseAccuracyLinks(links_file, *links_text);
  if (!links) return links.error();
  auto rows = JoinPaperRows(*measured, *links, *published);
  if (!rows) return rows.error();
  const std::string claims_file = "data/reproduce/claims.csv";
  const auto claims_text = accuracy::ReadFile(data_dir + "/" + claims_file);
  if (!claims_text) return claims_text.error();
  auto claims = ParseClaims(claims_file, *claims_text);
  if (!claims) return claims.error();
  return ReproduceInputs{std::move(rows).value(), std::move(claims).value()};
}

std::optional<double> RelativePct(const std::optional<double>& toolkit,
                                  const std::optional<double>& paper) {
  if (!toolkit || !paper || *paper == 0) return std::nullopt;
  return 100.0 * (*toolkit - *paper) / *paper;
}

RowDiff DiffRow(const RowComparison& row) {
  const PaperRow& p = row.paper;
  const Candidate& c = row.toolkit;
  return {Minus(c.macs / 1e6, p.macs_m), Minus(c.params / 1e6, p.params_m),
          Minus(c.top1, p.top1_pct), RelativePct(c.latency_ms, p.latency_ms),
          RelativePct(c.energy_mj, p.energy_mj)};
}

std::optional<double> PowerMw(const Candidate& c) {
  if (!c.energy_mj || !c.latency_ms || *c.latency_ms <= 0) return std::nullopt;
  return *c.energy_mj / *c.latency_ms * 1e3;
}

std::vector<BoardProvenance> LatencyProvenancePerBoard(const std::vector<RowComparison>& rows) {
  std::vector<BoardProvenance> out;
  for (const auto& [p, c] : rows) {
    const bool seen = std::any_of(out.begin(), out.end(),
                                  [&](const BoardProvenance& b) { return b.board == p.board; });
    if (c.feasible && !seen) out.push_back({p.board, c.latency_provenance});
  }
  return out;
}

ReproduceSummary Summarise(const std::vector<RowComparison>& rows) {
  ReproduceSummary s;
  s.latency_mape_t2 = MeanAbs(rows, "II", [](const RowComparison& r) {
    return RelativePct(r.toolkit.latency_ms, r.paper.latency_ms);
  });
  s.energy_mape_t2 = MeanAbs(rows, "II", [](const RowComparison& r) {
    return RelativePct(r.toolkit.energy_mj, r.paper.energy_mj);
  });
  s.latency_mape_t3 = MeanAbs(rows, "III", [](const RowComparison& r) {
    return RelativePct(r.toolkit.latency_ms, r.paper.latency_ms);
  });
  s.top1_mae_t2 = MeanAbs(rows, "II", [](const RowComparison& r) {
    return Minus(r.toolkit.top1, r.paper.top1_pct);
  });
  return s;
}

ClaimResult CheckClaimWithPick(const Claim& claim, const Candidate& tinyops,
                               const Candidate& baseline, const std::vector<PaperRow>& rows,
                               const std::vector<Candidate>& front) {
  ClaimResult r{CheckClaim(claim, tinyops, baseline, rows), ToolkitPick(baseline, front), {}, {},
                baseline.fail_reason};
  if (r.pick) {
    Claim own = claim;
    own.tinyops_variant = r.pick->variant;
    const ClaimCheck check = CheckClaim(own, *r.pick, baseline, rows);
    r.pick_gain_pct = check.top1_gain_pct;
    r.pick_ratio = check.latency_ratio;
  }
  return r;
}

std::vector<std::string> BoardsOf(const std::vector<PaperRow>& rows) {
  std::vector<std::string> boards;
  for (const PaperRow& p : rows) {
    if (std::find(boards.begin(), boards.end(), p.board) == boards.end()) boards.push_back(p.board);
  }
  return boards;
}

SweepOptions TinyopsFrontOptions(const std::vector<const searchspace::Space*>& spaces,
                                 const std::vector<const hw::Board*>& boards) {
  SweepOptions options;
  options.spaces = spaces;
  options.boards = boards;
  options.modes = {"tinyops"};
  return options;
}

ReproduceReport BuildReproduceReport(const std::vector<PaperRow>& rows,
                                     const std::vector<Claim>& claims,
                                     const EvaluateNamedFn& evaluate,
                                     const std::vector<Candidate>& front) {
  ReproduceReport report;
  for (const PaperRow& p : rows) report.rows.push_back({p, evaluate(p.variant, p.board, p.mode)});
  report.summary = Summarise(report.rows);
  for (const Claim& c : claims) {
    const Candidate tinyops = evaluate(c.tinyops_variant, c.board, "tinyops");
    const Candidate baseline = evaluate(c.baseline_variant, c.board, "internal");
    report.claims.push_back(CheckClaimWithPick(c, tinyops, baseline, rows, front));
  }
  for (const RowComparison& r : report.rows) {
    if (r.paper.table != "II" || r.paper.mode != "tinyops") continue;
    PickResult pick{r, ToolkitPick(r.toolkit, front), std::nullopt};
    if (pick.toolkit) pick.gain_points = Minus(pick.toolkit->top1, r.toolkit.top1);
    report.picks.push_back(pick);
  }
  return report;
}

}  // namespace explore
