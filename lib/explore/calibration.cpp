#include "explore/calibration.h"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/cost.h"
#include "explore/result_json.h"
#include "explore/row_network.h"
#include "explore/texts.h"
#include "placement/mode.h"
#include "placement/violations.h"

namespace explore {

latency::KnownNames NamesFrom(const hw::Catalog& boards, const searchspace::Catalog& spaces,
                              const std::string& models_dir) {
  latency::KnownNames names;
  names.boards = boards.Names();
  names.check_variant = [&spaces, models_dir](const std::string& variant) -> std::string {
    return CheckRowVariant(variant, spaces, models_dir);
  };
  names.check_runtime = [](const std::string& runtime) -> std::string {
    auto found = kernels::FindRuntime(runtime);
    return found ? "" : found.error().message;
  };
  names.check_mode = [](const std::string& mode) -> std::string {
    auto found = placement::FindMode(mode);
    return found ? "" : found.error().message;
  };
  return names;
}

namespace {

bool IsRuntime(const placement::Violation& v) {
  return v.kind == placement::Violation::Kind::kRuntime;
}

// "file:line: V does not fit B in the M mode (C: needs N B, has A B); it fits in: ..." with the
// modes where the design does fit (the nearest valid choices). The violation named is a runtime
// one if there is one (no memory makes up for it), else the one of the largest excess.
std::string NotFitting(const std::string& where, const latency::Measurement& row,
                       const graph::Network& net, const kernels::Runtime& rt,
                       const hw::Board& board, const tinyops::BudgetTable& budgets,
                       const placement::Fit& fit) {
  const placement::Violation* worst = &fit.violations.front();
  for (const placement::Violation& v : fit.violations) {
    if (IsRuntime(*worst)) break;
    if (IsRuntime(v) || v.excess_bytes() > worst->excess_bytes()) worst = &v;
  }
  std::string fitting;
  for (const std::string& id : placement::ModeIds()) {
    auto other = placement::Check(net, placement::Measure(net, rt), board, {id, 0, true, &budgets});
    if (other && other->fits) fitting += (fitting.empty() ? "" : ", ") + id;
  }
  return fmt::format("{}: {} does not fit {} in the {} mode ({}); {}", where, row.variant,
                     row.board, row.mode, placement::ViolationText(*worst),
                     fitting.empty() ? std::string("it fits in no mode on this board")
                                     : "it fits in: " + fitting);
}

// A measured row shows the design ran, and the footprint estimate can be far off for a given
// firmware (the paper's mcunet-in2 ran from the F469's SRAM, where the TFLM arena estimate is
// 428,472 B of 262,144 B: 1.63x). So only a need beyond twice a memory's available bytes is
// refused: a row that far off names the wrong board, mode or design. A runtime violation (a
// TinyOps row under a runtime other than TFLM + CMSIS-NN) is always refused.
constexpr double kFitSlack = 1.0;
bool FarFromFitting(const placement::Fit& fit) {
  for (const placement::Violation& v : fit.violations) {
    if (IsRuntime(v)) return true;
    if (v.needed_bytes > (1 + kFitSlack) * static_cast<double>(v.available_bytes)) return true;
  }
  return false;
}

}  // namespace

util::Result<std::vector<latency::Sample>> BuildSamples(
    const std::vector<latency::Measurement>& rows, const hw::Catalog& boards,
    const searchspace::Catalog& spaces, const tinyops::BudgetTable& budgets,
    const kernels::Runtime* runtime, const std::string& models_dir) {
  std::vector<latency::Sample> samples;
  for (const latency::Measurement& row : rows) {
    const std::string where = fmt::format("{}:{}", row.file, row.line);
    const hw::Board* board = boards.Find(row.board);
    auto mode = placement::FindMode(row.mode);
    auto row_runtime = kernels::FindRuntime(row.runtime);
    if (board == nullptr || !mode || !row_runtime) {
      return util::InputError(fmt::format("{}: unknown board, variant, mode or runtime", where));
    }
    const kernels::Runtime& rt = runtime ? *runtime : **row_runtime;
    auto net = RowNetwork(row.variant, spaces, models_dir);
    if (!net) return util::InputError(fmt::format("{}: {}", where, net.error().message));
    // Place, not EvaluatePoint: a row is priced as it was measured, and the measured TinyOps
    // rows ran the firmware's own plan (the first partition factor that fits), never the
    // fastest static configuration EvaluatePoint may choose (placement::Configuration).
    const placement::Fit fit = (*mode)->Place(*net, placement::Measure(*net, rt), *board,
                                              {row.mode, 0, true, &budgets});
    auto terms = (*mode)->LatencyTerms(*net, rt, *board, fit);
    if (!terms) return util::InputError(fmt::format("{}: {}", where, terms.error().message));
    if (fit.sram_budget_bytes && !fit.partition_factor) {
      return util::InputError(fmt::format(
          "{}: {} does not fit the {} B SRAM budget of the {} mode on {}",
                                          where, row.variant, *fit.sram_budget_bytes, row.mode,
                                          row.board));
    }
    if (FarFromFitting(fit)) {
      return util::InputError(NotFitting(where, row, *net, rt, *board, budgets, fit));
    }
    latency::Sample s;
    s.row = row;
    s.clock_hz = static_cast<double>(board->clock_hz);
    s.macs = static_cast<double>(analysis::CountNetwork(*net).macs);
    s.terms = std::move(terms).value();
    samples.push_back(std::move(s));
  }
  return samples;
}

latency::CoefficientFile PriorsOf(const std::vector<latency::Sample>& samples,
                                  const hw::Catalog& boards) {
  latency::CoefficientFile priors;
  for (const latency::Sample& s : samples) {
    latency::BoardCoefficients prior = latency::Priors(*boards.Find(s.row.board));
    prior.runtime = s.row.runtime;
    priors[s.row.CoefficientKey()] = prior;
  }
  return priors;
}

namespace {

// `board_width`: the board column's width, the longest name's (a user profile's "f769disco"
// pushed the columns after it out of line).
std::string LoboLine(const latency::BoardOutSummary& s, size_t board_width) {
  return fmt::format("{:<{}} {:>4} {:>7.1f}% {:>10.1f}% {:>9} {:>6.0f}% {:>6.2f}  {}\n", s.board,
                     board_width, s.rows, s.mape_pct, s.prior_mape_pct,
                     OptionalText(s.baseline_mape_pct, "{:.1f}%"), s.coverage_pct,
                     s.mean_interval_ratio, s.provenance);
}

nlohmann::json LoboJson(const latency::BoardOutSummary& s) {
  nlohmann::json j = {{"board", s.board}, {"rows", s.rows}, {"mape_pct", s.mape_pct},
                      {"prior_only_mape_pct", s.prior_mape_pct}, {"baseline_mape_pct", nullptr},
                      {"interval_coverage_pct", s.coverage_pct},
                      {"interval_ratio", s.mean_interval_ratio}};
  if (s.baseline_mape_pct) j["baseline_mape_pct"] = *s.baseline_mape_pct;
  if (!s.provenance.empty()) j["predicted_with"] = s.provenance;
  return j;
}

}  // namespace

std::string LeaveBoardOutText(const latency::LeaveBoardOut& lobo) {
  std::string out =
      "\nLeave one board out (each board's rows predicted by a fit without them, as an "
      "unmeasured board)\n";
  size_t width = 6;
  for (const auto& s : lobo.boards) width = std::max(width, s.board.size());
  out += fmt::format("{:<{}} {:>4} {:>8} {:>11} {:>9} {:>7} {:>6}  {}\n", "board", width, "rows",
                     "model", "prior-only", "MACs x k", "in 80%", "hi/lo", "predicted with");
  for (const auto& s : lobo.boards) out += LoboLine(s, width);
  out += LoboLine(lobo.overall, width);
  return out;
}

nlohmann::json LeaveBoardOutJson(const latency::LeaveBoardOut& lobo) {
  nlohmann::json boards = nlohmann::json::array();
  for (const auto& s : lobo.boards) boards.push_back(LoboJson(s));
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : lobo.rows) {
    rows.push_back({{"board", r.row.board}, {"variant", r.row.variant}, {"mode", r.row.mode},
                    {"measured_ms", r.row.latency_ms}, {"predicted_ms", r.predicted_ms},
                    {"prior_ms", r.prior_ms}, {"latency_ms_low", r.low_ms},
                    {"latency_ms_high", r.high_ms},
                    {"baseline_ms", r.baseline_ms ? nlohmann::json(*r.baseline_ms) : nullptr}});
  }
  return {{"boards", boards}, {"overall", LoboJson(lobo.overall)}, {"rows", rows}};
}

nlohmann::json CalibrationReportJson(const latency::Calibration& cal,
                                     const latency::LeaveBoardOut& lobo) {
  nlohmann::json json = CalibrationJson(cal);
  json["leave_one_board_out"] = LeaveBoardOutJson(lobo);
  return json;
}

namespace {
std::string Pct(const std::optional<double>& v) { return OptionalText(v, "{:.1f}%"); }
std::string Ms(const std::optional<double>& v) { return OptionalText(v, "{:.0f}"); }
}  // namespace

std::string CalibrationText(const latency::Calibration& cal) {
  // Columns as wide as the longest board name (5: the built-in ones), variant (a model file's
  // name is longer) and board/mode group.
  size_t board_w = 5;
  size_t variant_w = 22;
  size_t group_w = 15;
  for (const auto& r : cal.rows) {
    board_w = std::max(board_w, r.row.board.size());
    variant_w = std::max(variant_w, r.row.variant.size());
  }
  for (const auto& s : cal.summaries) group_w = std::max(group_w, s.board.size() + s.mode.size() + 1);
  std::string out;
  out += fmt::format("{:<{}} {:<{}} {:<8} {:>7} {:>9} {:>7} {:>9} {:>7} {:>9} {:>7}\n", "board",
                     board_w, "variant", variant_w, "mode", "MACs_M", "meas_ms", "pred", "err", "LOO",
                     "LOO_err", "base");
  for (const auto& r : cal.rows) {
    const double err = 100 * (r.predicted_ms - r.row.latency_ms) / r.row.latency_ms;
    const std::string loo_err =
        r.loo_ms ? fmt::format("{:+.1f}%", 100 * (*r.loo_ms - r.row.latency_ms) / r.row.latency_ms)
                 : "-";
    out += fmt::format(
        "{:<{}} {:<{}} {:<8} {:>7.1f} {:>9.0f} {:>7.0f} {:>+8.1f}% {:>7} {:>9} {:>7}\n",
        r.row.board, board_w, r.row.variant, variant_w, r.row.mode, r.macs / 1e6,
                       r.row.latency_ms, r.predicted_ms, err, Ms(r.loo_ms), loo_err,
                       Ms(r.baseline_ms));
  }
  out += fmt::format("\n{:<{}} {:>4}  {:>9} {:>9}   {:>12} {:>12}\n", "MAPE", group_w, "rows",
                     "in-sample", "LOO", "MACs-only in", "MACs-only LOO");
  for (const auto& s : cal.summaries) {
    const std::string group = fmt::format("{}/{}", s.board.empty() ? "all" : s.board,
                                          s.mode.empty() ? "all" : s.mode);
    out += fmt::format("{:<{}} {:>4}  {:>9} {:>9}   {:>12} {:>12}\n", group, group_w, s.rows,
                       Pct(s.mape_pct), Pct(s.loo_mape_pct), Pct(s.baseline_mape_pct),
                       Pct(s.baseline_loo_mape_pct));
  }
  for (const std::string& note : cal.notes) out += "note: " + note + "\n";
  return out;
}

}  // namespace explore
