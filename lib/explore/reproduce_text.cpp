#include "explore/reproduce_text.h"

#include <fmt/format.h>

#include "explore/texts.h"

namespace explore {
namespace {

void AppendTable2(const std::vector<RowComparison>& rows, std::string* out) {
  *out += "Table II — the paper (measured) beside dse (MACs and params exact; top-1, latency "
               "and energy predicted); diff = dse - paper\n";
  *out += fmt::format(
      "{:<5} {:<27} {:<8} | {:>5} {:>6} {:>6} | {:>5} {:>5} {:>6} | {:>6} {:>6} {:>6} | "
      "{:>6} {:>6} {:>5} | {:>6} {:>6} {:>5}\n",
      "board", "model (dse variant)", "mode", "MACs", "dse", "diff", "Par.M", "dse", "diff",
      "top-1", "pred.", "diff", "ms", "pred.", "diff", "mJ", "pred.", "diff");
  for (const RowComparison& row : rows) {
    const auto& [p, c] = row;
    if (p.table != "II") continue;
    const RowDiff d = DiffRow(row);
    *out += fmt::format(
        "{:<5} {:<27} {:<8} | {:>5} {:>6.1f} {:>6} | {:>5} {:>5.2f} {:>6} | {:>6} {:>6} {:>6} | "
        "{:>6.0f} {:>6} {:>5} | {:>6} {:>6} {:>5}\n",
        p.board, c.feasible ? p.variant : p.variant + " *", p.mode, OptionalText(p.macs_m, "{:.0f}"),
        c.macs / 1e6, SignedText(d.macs_m), OptionalText(p.params_m), c.params / 1e6, SignedText(d.params_m),
        OptionalText(p.top1_pct), OptionalText(c.top1), SignedText(d.top1_points), p.latency_ms,
        OptionalText(c.latency_ms, "{:.0f}"), RelativePctText(d.latency_pct), OptionalText(p.energy_mj, "{:.1f}"),
        OptionalText(c.energy_mj, "{:.1f}"), RelativePctText(d.energy_pct));
  }
  for (const auto& [p, c] : rows) {
    if (p.table == "II" && !c.feasible)
      *out += fmt::format(
          "* {} on {}, {} mode, does not fit in dse ({}); predicted as if it fitted\n", p.variant,
          p.board, p.mode, c.fail_reason);
  }
}

void AppendTable3(const std::vector<RowComparison>& rows, std::string* out) {
  *out += "\nTable III — one model per board in every mode: power (board profile) and latency "
               "(paper measured, dse predicted)\n";
  *out += fmt::format("{:<5} {:<22} {:<8} | {:>6} {:>6} | {:>6} {:>6} {:>5}\n", "board",
                           "variant", "mode", "mW", "dse", "ms", "pred.", "diff");
  for (const auto& [p, c] : rows) {
    if (p.table != "III") continue;
    *out += fmt::format("{:<5} {:<22} {:<8} | {:>6} {:>6} | {:>6.0f} {:>6} {:>5}\n", p.board,
                             p.variant, p.mode, OptionalText(p.power_mw, "{:.0f}"),
                             OptionalText(PowerMw(c), "{:.0f}"), p.latency_ms,
                             OptionalText(c.latency_ms, "{:.0f}"),
                             RelativePctText(RelativePct(c.latency_ms, p.latency_ms)));
  }
}

// One provenance line per board: the figures above are fitted to these very rows (in-sample).
void AppendProvenance(const std::vector<RowComparison>& rows, std::string* out) {
  for (const BoardProvenance& b : LatencyProvenancePerBoard(rows)) {
    *out += fmt::format("latency on {}: {}\n", b.board, b.latency_provenance);
  }
  *out += "note: the latency model is calibrated on these paper rows and the accuracy "
               "surrogate is fitted to Table II's accuracies, so the differences above are "
               "in-sample; each Table II energy uses the power Table II gives for that design "
               "(the profiles' [[design_power]])\n";
}

void AppendClaims(const std::vector<ClaimResult>& claims, std::string* out) {
  *out += "\nHeadline claims (dse figures predicted; the paper's from its text and Table II, "
               "measured):\n";
  for (const ClaimResult& r : claims) {
    const ClaimCheck& k = r.check;
    *out += fmt::format("  {}: {} (tinyops) vs {} (internal)\n", k.claim.board,
                             k.claim.tinyops_variant, k.claim.baseline_variant);
    *out += fmt::format("    paper text   {:+.1f} points top-1, {:.1f}x lower latency\n",
                             k.claim.top1_gain_pct, k.claim.latency_ratio);
    *out += fmt::format("    Table II     {} points, {}x\n", SignedText(k.table_top1_gain_pct),
                             OptionalText(k.table_latency_ratio));
    *out += fmt::format("    dse          {} points (predicted), {}x (predicted) -> {}\n",
                             SignedText(k.top1_gain_pct), OptionalText(k.latency_ratio),
                             k.holds ? "holds" : "DOES NOT HOLD");
    if (!r.baseline_fail_reason.empty()) {
      *out += fmt::format(
          "                 ({} does not fit dse's internal placement; its latency is "
          "predicted as if it fitted, as the paper ran it)\n",
          k.claim.baseline_variant);
    }
    if (r.pick) {
      *out += fmt::format(
          "    dse's pick   {} (the most accurate TinyOps design no slower than the baseline, "
          "predicted): {} points, {}x vs {}\n",
          r.pick->variant, SignedText(r.pick_gain_pct), OptionalText(r.pick_ratio), k.claim.baseline_variant);
    }
  }
}

void AppendPicks(const std::vector<PickResult>& picks, std::string* out) {
  *out += "\nThe paper's hand-picked TinyOps models beside dse's pick (the most accurate TinyOps "
         "design at no more predicted latency):\n";
  *out += fmt::format("{:<5} {:<20} {:>7} {:>7} | {:<22} {:>7} {:>7} {:>6}\n", "board",
                           "paper's pick", "top-1", "ms", "dse's pick", "top-1", "ms", "gain");
  for (const PickResult& p : picks) {
    const Candidate& c = p.paper.toolkit;
    *out += fmt::format("{:<5} {:<20} {:>7} {:>7} | {:<22} {:>7} {:>7} {:>6}\n", c.board,
                             c.variant, OptionalText(c.top1), OptionalText(c.latency_ms, "{:.0f}"),
                             p.toolkit ? p.toolkit->variant : "-",
                             p.toolkit ? OptionalText(p.toolkit->top1) : "-",
                             p.toolkit ? OptionalText(p.toolkit->latency_ms, "{:.0f}") : "-",
                             SignedText(p.gain_points));
  }
  *out += "(top-1 in %, predicted by the accuracy surrogate; ms predicted by the latency model)\n";
}

}  // namespace

std::string ReproduceText(const ReproduceReport& report) {
  std::string out;
  const ReproduceSummary& summary = report.summary;
  AppendTable2(report.rows, &out);
  AppendTable3(report.rows, &out);
  out += fmt::format(
      "\nMean |dse - paper|: Table II latency {}%, energy {}%, top-1 {} points; Table III "
      "latency {}%\n",
      OptionalText(summary.latency_mape_t2, "{:.1f}"), OptionalText(summary.energy_mape_t2, "{:.1f}"),
      OptionalText(summary.top1_mae_t2), OptionalText(summary.latency_mape_t3, "{:.1f}"));
  AppendProvenance(report.rows, &out);
  AppendClaims(report.claims, &out);
  AppendPicks(report.picks, &out);
  return out;
}

}  // namespace explore
