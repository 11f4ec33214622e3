#include "explore/texts.h"

#include <fmt/format.h>

#include <algorithm>

#include "accuracy/top1_interval.h"
#include "explore/result_json.h"
#include "explore/summary.h"

namespace explore {

std::string OptionalText(const std::optional<double>& v, const char* format) {
  return v ? fmt::format(fmt::runtime(format), *v) : "-";
}

std::string SignedText(const std::optional<double>& v) {
  return v ? fmt::format("{:+.2f}", *v) : "-";
}

std::string RelativePctText(const std::optional<double>& pct) {
  return pct ? fmt::format("{:+.0f}%", *pct) : "-";
}

std::string KiBText(int64_t bytes) {
  return bytes % 1024 == 0 ? fmt::format("{} KiB", bytes / 1024)
                           : fmt::format("{:.1f} KiB", bytes / 1024.0);
}

std::string ExternalMemoriesText(const hw::Board& board) {
  std::string text;
  for (const hw::ExternalMemory& m : board.external) {
    if (!text.empty()) text += ", ";
    const int64_t mib = m.size_bytes / (1024 * 1024);
    text += mib >= 1024 && mib % 1024 == 0 ? fmt::format("{} {} GiB", m.name, mib / 1024)
                                           : fmt::format("{} {} MiB", m.name, mib);
  }
  return text.empty() ? "none" : text;
}

std::string Top1IntervalText(const std::optional<double>& low, const std::optional<double>& high) {
  return low && high ? fmt::format(" [{:.1f}, {:.1f}]", *low, *high) : "";
}

std::string Top1LabelText(const Candidate& c) {
  return c.top1_provenance + Top1IntervalText(c.top1_low, c.top1_high);
}

std::string Top1Text(const accuracy::Top1& t) {
  std::string text = fmt::format("{:.2f}% {} ({}", t.top1_pct, accuracy::PrecisionName(t.precision),
                                 accuracy::ProvenanceName(t.provenance));
  if (t.low_pct && t.high_pct) text += fmt::format(" [{:.2f}, {:.2f}]", *t.low_pct, *t.high_pct);
  if (t.provenance == accuracy::Provenance::kPredicted) {
    text += t.fallback ? ", shared ceiling: no published data for this family"
                       : ", family " + t.family;
    if (t.low_pct) text += "; " + accuracy::IntervalMethodText(t.fallback);
  } else if (!t.source.empty()) {
    text += ": " + t.source;
  }
  return text + ")";
}

std::string FrontDiffText(const std::string& golden_path, const std::string& board,
                          const FrontDiff& diff) {
  std::string text = fmt::format("{}: Pareto fronts of {} changed\n", golden_path, board);
  auto line = [&](const char* sign, const FrontMember& m) {
    const auto note = diff.top1_notes.find({m.variant, m.mode});
    text += fmt::format("  {} {} {} {} {}{}\n", sign, m.x_objective, m.design_space, m.variant, m.mode,
                        note == diff.top1_notes.end() ? "" : ": " + note->second);
  };
  for (const auto& m : diff.added) line("+", m);
  for (const auto& m : diff.removed) line("-", m);
  if (!diff.top1_notes.empty()) {
    text += "(members marked 'top-1 now measured' moved with an accuracy imported by dse accuracy "
            "import, not with a model change)\n";
  }
  return text + "(re-run with --update-golden to accept)";
}

std::optional<std::string> NoModeFitsText(const std::string& variant, const std::string& board,
                                          const std::vector<placement::Fit>& fits) {
  for (const placement::Fit& fit : fits) {
    if (fit.fits) return std::nullopt;
  }
  if (fits.size() == 1) {  // one mode asked for (dse fit --mode M)
    return fmt::format("{} does not fit {} in {} mode", variant, board, fits.front().mode);
  }
  return fmt::format("{} does not fit {} in any mode", variant, board);
}

namespace {

// One line per imported model on `board`: each mode's predicted latency or "no fit".
std::string ImportedText(const SweepResult& r, const std::string& board) {
  const auto by_model = ImportedByModel(r.candidates, board);
  if (by_model.empty()) return "";
  size_t name_width = 0;
  for (const auto& [model, runs] : by_model) name_width = std::max(name_width, model.size());
  std::string out = fmt::format(
      "{} — imported models (latency predicted; top-1 only when measured):\n", board);
  for (const auto& [model, runs] : by_model) {
    std::string line;
    for (const Candidate* c : runs) {
      line += fmt::format("  {} {}", c->mode, !c->feasible ? "no fit"
                          : c->latency_ms ? fmt::format("{:.1f} ms", *c->latency_ms) : "-");
    }
    out += fmt::format("  {:<{}}{}\n", model, name_width, line);
  }
  return out;
}

std::string BestText(const SweepResult& r, const std::string& board) {
  std::string out;
  std::vector<std::string> modes;  // the swept modes, in the order the sweep evaluated them
  for (const Candidate& c : r.candidates) {
    if (std::find(modes.begin(), modes.end(), c.mode) == modes.end()) modes.push_back(c.mode);
  }
  for (const std::string& mode : modes) {
    const BestDesign d = BestInMode(r.candidates, board, mode);
    if (d.best == nullptr) {
      const std::string why = SharedFailReason(r.candidates, board, mode);
      out += fmt::format("  {:<9} none feasible{}{}\n", mode,
                         d.feasible_without_top1 ? " with a known top-1" : "",
                         why.empty() ? "" : " (every design: " + why + ")");
      continue;
    }
    const Candidate& best = *d.best;
    out += fmt::format(
        "  {:<9} {:<28} top-1 {:.2f}% ({})  latency {} ms ({})  {:.1f} M MACs\n", mode,
        best.variant, *best.top1, Top1LabelText(best),
        best.latency_ms ? fmt::format("{:.0f}", *best.latency_ms) : "-",
        LatencyLabel(best.latency_provenance), best.macs / 1e6);
  }
  return out;
}

}  // namespace

// Each fail reason lists its violations in the mode's order, so a shared one is a prefix.
std::string SharedFailReason(const std::vector<Candidate>& candidates, const std::string& board,
                             const std::string& mode) {
  const Candidate* shortest = nullptr;
  for (const Candidate& c : candidates) {
    if (c.board != board || c.mode != mode) continue;
    if (c.feasible) return "";
    if (!shortest || c.fail_reason.size() < shortest->fail_reason.size()) shortest = &c;
  }
  if (shortest == nullptr || shortest->fail_reason.empty()) return "";
  const std::string& shared = shortest->fail_reason;
  for (const Candidate& c : candidates) {
    if (c.board != board || c.mode != mode || c.fail_reason == shared) continue;
    if (c.fail_reason.rfind(shared + "; ", 0) != 0) return "";
  }
  return shared;
}

std::string LatencyLabel(const std::string& provenance) {
  if (provenance.rfind("prior only", 0) == 0) return "predicted, prior only";
  if (provenance.rfind("prior", 0) == 0) return "predicted, uncalibrated board";
  return "predicted";
}

std::string ModesText(const std::string& board, const std::vector<Candidate>& modes) {
  std::string out = fmt::format("  every mode on {} (predicted; --mode MODE for one):\n", board);
  for (const Candidate& c : modes) {
    if (!c.feasible) {
      out += fmt::format("    {:<9} does not fit: {}\n", c.mode, c.fail_reason);
      continue;
    }
    out += fmt::format("    {:<9} {:>8} ms  energy {:>7} mJ  SRAM {:>10}  ({})\n", c.mode,
                       OptionalText(c.latency_ms, "{:.1f}"), OptionalText(c.energy_mj, "{:.2f}"),
                       KiBText(c.sram_bytes), c.latency_provenance);
  }
  return out;
}

std::string SweepSummaryText(const SweepResult& r, const std::vector<std::string>& boards,
                             int64_t run_id, const std::string& db) {
  std::string out = RunSummaryLine(run_id, db, r.points, static_cast<int64_t>(boards.size()),
                                   static_cast<int64_t>(r.candidates.size()),
                                   r.infeasible_points) + "\n";
  out += "  options: " + RunOptionsText(r.options) + "\n";
  for (const std::string& board : boards) {
    out += fmt::format("\n{} — best predicted top-1 per design space (feasible designs):\n", board);
    out += BestText(r, board);
    // One board's designs share its coefficients, so its first latency labels them all.
    const auto timed = std::find_if(r.candidates.begin(), r.candidates.end(),
                                    [&](const Candidate& c) { return c.board == board && c.latency_ms; });
    out += fmt::format("{} — Pareto front, top-1 (%) vs latency (ms, {}), all modes:\n", board,
                       timed == r.candidates.end() ? "predicted" : LatencyLabel(timed->latency_provenance));
    const auto front = FrontOf(r.fronts, board, "latency", "all");
    for (const FrontMember& m : front) {
      const Candidate* c = MemberCandidate(m, r.candidates);
      out += fmt::format("  {:<28} {:<9} {:>8.0f} ms  {:>6.2f}% {}\n", m.variant, m.mode, m.x,
                         m.y, c ? Top1LabelText(*c) : "unknown");
    }
    if (front.empty()) out += "  none: no feasible design has a top-1 ('dse accuracy import' adds measured ones)\n";
    out += ImportedText(r, board);
  }
  return out;
}

std::string SurrogateFitText(const nlohmann::json& fit) {
  std::string out;
  out += fmt::format("accuracy surrogate: {}\n", fit["form"].get<std::string>());
  out += fmt::format(
      "  shared: s {:.4f}  d {:+.4f}  e {:+.4f}  int8 drop q {:.3f} pts  "
      "fallback ceiling {:.2f}%  centre {:.3f}\n",
      fit["slope_s"].get<double>(), fit["width_d"].get<double>(), fit["width_e"].get<double>(),
      fit["int8_drop_q_pct"].get<double>(), fit["shared_ceiling_pct"].get<double>(),
      fit["shared_center_ln_macs_m"].get<double>());
  out += fmt::format("  {:<18} {:>8} {:>7} {:>5} {:>8} {:>8} {:>8} {:>6} {:>6}  {}\n", "family", "A_f %",
                     "x0_f", "rows", "fit MAE", "LOO MAE", "LOO max", "80% +-", "in 80%", "worst held-out row");
  for (const auto& f : fit["families"]) {
    const auto& st = fit["per_family"][f["family"].get<std::string>()];
    out += fmt::format("  {:<18} {:>8.2f} {:>7.3f} {:>5} {:>8.2f} {:>8.2f} {:>8.2f} {:>6.2f} {:>5.0f}%  {}\n",
                       f["family"].get<std::string>(), f["ceiling_pct"].get<double>(),
                       f["center_ln_macs_m"].get<double>(), st["rows"].get<int>(),
                       st["fit_mae_pct"].get<double>(), st["loo_mae_pct"].get<double>(),
                       st["loo_worst_pct"].get<double>(), st["interval_half_pct"].get<double>(),
                       st["interval_coverage_pct"].get<double>(), st["loo_worst_model"].get<std::string>());
  }
  out += fmt::format("  top-1 {} (80% +-: half-width; in 80%: held-out rows inside, each judged by a band "
                     "without it): {:.0f}% of all rows; extrapolated at least +-{:.2f} ({:.0f}% of the edge rows "
                     "inside); a family without data +-{:.2f} ({:.0f}% of left-out families' rows inside)\n",
                     fit["interval_method"].get<std::string>(), fit["interval_coverage_pct"].get<double>(),
                     fit["edge_interval_half_pct"].get<double>(), fit["edge_interval_coverage_pct"].get<double>(),
                     fit["fallback_interval_half_pct"].get<double>(), fit["fallback_interval_coverage_pct"].get<double>());
  out += fmt::format(
      "  leave-one-out over the {} published float grid rows: MAE {:.3f}, "
      "worst {:.2f} top-1 points\n",
      fit["grid_rows"].get<int>(), fit["grid_loo_mae_pct"].get<double>(),
      fit["grid_loo_worst_pct"].get<double>());
  return out;
}

}  // namespace explore
