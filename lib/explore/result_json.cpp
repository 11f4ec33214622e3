#include "explore/result_json.h"

#include <fmt/format.h>

#include "explore/fields.h"
#include "explore/summary.h"
#include "util/csv.h"

#include "accuracy/fit_stats.h"
#include "accuracy/top1_interval.h"

namespace explore {
namespace {

nlohmann::json ParamsJson(const accuracy::Surrogate& s) {
  const accuracy::SurrogateParams& p = s.params();
  nlohmann::json families = nlohmann::json::array();
  for (size_t f = 0; f < p.ceiling_pct.size(); ++f) {
    families.push_back({{"family", s.families().families[f].name},
                        {"ceiling_pct", p.ceiling_pct[f]},
                        {"center_ln_macs_m", p.center_log_macs[f]},
                        {"spaces", s.families().families[f].spaces}});
  }
  return {{"form", "top1 = A_f / (1 + exp(-(z - x0_f) / s)) [- q for int8], "
                   "z = ln(MACs/1e6) + d ln w + e (ln w)^2"},
          {"slope_s", p.slope},
          {"width_d", p.width_linear},
          {"width_e", p.width_quadratic},
          {"int8_drop_q_pct", p.int8_drop_pct},
          {"shared_ceiling_pct", p.shared_ceiling_pct},
          {"shared_center_ln_macs_m", p.shared_center_log_macs},
          {"families", families}};
}

nlohmann::json ToolkitJson(const Candidate& c) {
  return {{"variant", c.variant},
          {"board", c.board},
          {"mode", c.mode},
          {"feasible", c.feasible},
          {"macs", c.macs},
          {"params", c.params},
          {"top1", OptionalJson(c.top1)},
          {"top1_provenance", c.top1_provenance},
          {"latency_ms", OptionalJson(c.latency_ms)},
          {"latency_provenance", c.latency_provenance},
          {"energy_mj", OptionalJson(c.energy_mj)}};
}

nlohmann::json RowJson(const RowComparison& r) {
  const PaperRow& p = r.paper;
  const RowDiff d = DiffRow(r);
  return {{"table", p.table},
          {"board", p.board},
          {"variant", p.variant},
          {"mode", p.mode},
          {"paper",
           {{"model", p.paper_model},
            {"macs_m", OptionalJson(p.macs_m)},
            {"params_m", OptionalJson(p.params_m)},
            {"top1", OptionalJson(p.top1_pct)},
            {"latency_ms", p.latency_ms},
            {"power_mw", OptionalJson(p.power_mw)},
            {"energy_mj", OptionalJson(p.energy_mj)},
            {"source", p.source}}},
          {"dse", ToolkitJson(r.toolkit)},
          {"diff",
           {{"macs_m", OptionalJson(d.macs_m)},
            {"top1_points", OptionalJson(d.top1_points)},
            {"latency_pct", OptionalJson(d.latency_pct)},
            {"energy_pct", OptionalJson(d.energy_pct)}}}};
}

}  // namespace

nlohmann::json OptionalJson(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json Top1Json(const std::optional<accuracy::Top1>& t) {
  if (!t) return {{"top1", nullptr}, {"top1_provenance", "none"}, {"top1_low", nullptr}, {"top1_high", nullptr}};
  return {{"top1", t->top1_pct}, {"top1_provenance", accuracy::ProvenanceName(t->provenance)},
          {"top1_low", OptionalJson(t->low_pct)}, {"top1_high", OptionalJson(t->high_pct)}};
}

nlohmann::json SurrogateFitJson(const accuracy::Surrogate& s,
                                const std::vector<accuracy::HeldOut>& held_out) {
  nlohmann::json out = ParamsJson(s);
  nlohmann::json rows = nlohmann::json::array();
  for (const accuracy::HeldOut& h : held_out) {
    rows.push_back({{"model", h.point.model},
                    {"family", s.families().families[h.point.family].name},
                    {"width", h.point.width},
                    {"macs_m", h.point.macs_m},
                    {"precision", h.point.int8 ? "int8" : "fp32"},
                    {"grid", h.point.grid},
                    {"published_pct", h.point.top1_pct},
                    {"fitted_pct", s.FittedPct(h.point)},
                    {"loo_predicted_pct", h.predicted_pct}});
  }
  const accuracy::FitStats stats = accuracy::ComputeFitStats(s, held_out);
  const accuracy::IntervalCoverage coverage = accuracy::MeasureCoverage(
      held_out, s.LeaveOneFamilyOut(), static_cast<int>(s.families().families.size()));
  nlohmann::json per_family = nlohmann::json::object();
  for (const auto& [f, st] : stats.per_family) {
    const accuracy::FamilyCoverage& fc = coverage.per_family.at(f);
    per_family[s.families().families[f].name] = {
        {"rows", st.rows}, {"fit_mae_pct", st.fit_mae_pct}, {"loo_mae_pct", st.loo_mae_pct},
        {"loo_worst_pct", st.loo_worst_pct}, {"loo_worst_model", st.loo_worst_model},
        {"interval_half_pct", fc.half_pct}, {"interval_coverage_pct", 100 * fc.fraction()}};
  }
  out["interval_method"] = accuracy::IntervalMethodText(false);
  out["interval_coverage_pct"] = 100 * coverage.all.fraction();
  out["edge_interval_half_pct"] = coverage.edge.half_pct;
  out["edge_interval_coverage_pct"] = 100 * coverage.edge.fraction();
  out["fallback_interval_half_pct"] = coverage.fallback.half_pct;
  out["fallback_interval_coverage_pct"] = 100 * coverage.fallback.fraction();
  out["grid_loo_mae_pct"] = stats.grid_loo_mae_pct;
  out["grid_loo_worst_pct"] = stats.grid_loo_worst_pct;
  out["grid_rows"] = stats.grid_rows;
  out["per_family"] = per_family;
  out["rows"] = rows;
  return out;
}

nlohmann::json CalibrationJson(const latency::Calibration& cal) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : cal.rows) {
    rows.push_back({{"file", r.row.file}, {"line", r.row.line}, {"board", r.row.board},
                    {"variant", r.row.variant}, {"mode", r.row.mode},
                    {"macs", r.macs}, {"measured_ms", r.row.latency_ms},
                    {"predicted_ms", r.predicted_ms}, {"loo_ms", OptionalJson(r.loo_ms)},
                    {"baseline_ms", OptionalJson(r.baseline_ms)},
                    {"baseline_loo_ms", OptionalJson(r.baseline_loo_ms)}});
  }
  nlohmann::json summaries = nlohmann::json::array();
  for (const auto& s : cal.summaries) {
    summaries.push_back({{"board", s.board.empty() ? "all" : s.board},
                         {"mode", s.mode.empty() ? "all" : s.mode}, {"rows", s.rows},
                         {"mape_pct", s.mape_pct}, {"loo_mape_pct", OptionalJson(s.loo_mape_pct)},
                         {"baseline_mape_pct", OptionalJson(s.baseline_mape_pct)},
                         {"baseline_loo_mape_pct", OptionalJson(s.baseline_loo_mape_pct)}});
  }
  nlohmann::json coefs = nlohmann::json::object();
  for (const auto& [board, bc] : cal.fitted) {
    nlohmann::json c = {{"provenance", bc.Provenance()}};
    for (int j = 0; j < latency::kNumCoefs; ++j) {
      c[std::string(latency::CoefTable()[j].key)] = {{"value", bc.value[j]}, {"prior", bc.prior[j]},
                                                     {"rows", bc.rows_informing[j]}};
    }
    coefs[board] = c;
  }
  return {{"rows", rows}, {"summaries", summaries}, {"coefficients", coefs}, {"notes", cal.notes}};
}

const Candidate* MemberCandidate(const FrontMember& m, const std::vector<Candidate>& rows) {
  for (const Candidate& c : rows) {
    if (c.board == m.board && c.variant == m.variant && c.mode == m.mode &&
        c.runtime == m.runtime) {
      return &c;
    }
  }
  return nullptr;
}

nlohmann::json FrontRowsJson(const std::vector<FrontMember>& front,
                             const std::vector<Candidate>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : front) {
    const Candidate* c = MemberCandidate(m, rows);
    nlohmann::json row = c != nullptr ? CandidateJson(*c) : nlohmann::json::object();
    row["x_objective"] = m.x_objective;
    row["design_space"] = m.design_space;
    out.push_back(row);
  }
  return out;
}

nlohmann::json FrontJson(const std::string& board, const std::string& x_objective,
                         const std::string& design_space, const std::vector<FrontMember>& front,
                         const std::vector<Candidate>& rows) {
  return {{"board", board}, {"x_objective", x_objective}, {"design_space", design_space},
          {"front", FrontRowsJson(front, rows)}};
}

std::string XField(const std::string& x_objective) {
  if (x_objective == "latency") return "latency_ms";
  if (x_objective == "energy") return "energy_mj";
  return x_objective;  // macs
}

std::string FrontCsv(const std::vector<FrontMember>& front, const std::string& x_objective) {
  std::string out = fmt::format("variant,mode,{},top1\n", XField(x_objective));
  for (const auto& m : front) {
    const std::string x = x_objective == "macs" ? fmt::format("{:.0f}", m.x * 1e6)
                                                : fmt::format("{:.6g}", m.x);
    out += fmt::format("{},{},{},{:.4f}\n", util::CsvField(m.variant), m.mode, x, m.y);
  }
  return out;
}

nlohmann::json SweepJson(const SweepResult& result, const std::vector<std::string>& boards,
                         const std::string& db) {
  nlohmann::json per_board = nlohmann::json::array();
  for (const std::string& board : boards) {
    nlohmann::json best = nlohmann::json::array();
    for (const std::string& mode : RegisteredModes()) {  // opt-in schedules too, when swept
      const BestDesign d = BestInMode(result.candidates, board, mode);
      if (d.best != nullptr) best.push_back(CandidateJson(*d.best));
    }
    per_board.push_back(
        {{"board", board}, {"best", best},
         {"front", FrontRowsJson(FrontOf(result.fronts, board, "latency", "all"),
                                 result.candidates)}});
  }
  nlohmann::json out = {{"db", db}, {"variants", result.points}, {"evaluations", result.candidates.size()},
                        {"front_members", result.fronts.size()}, {"boards", per_board}};
  out.update(RunOptionsJson(result.options));
  return out;
}

nlohmann::json RunOptionsJson(const RunOptions& options) {
  const auto value = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  return {{"tinyops_config", value(options.tinyops_config)}, {"filter_growth", value(options.filter_growth)}};
}

nlohmann::json ReproduceJson(const ReproduceReport& report) {
  const auto& [rows, s, claims, picks] = report;
  nlohmann::json out = {{"tables", nlohmann::json::array()},
                        {"claims", nlohmann::json::array()},
                        {"picks", nlohmann::json::array()}};
  for (const auto& r : rows) out["tables"].push_back(RowJson(r));
  out["summary"] = {{"table2_latency_mape_pct", OptionalJson(s.latency_mape_t2)},
                    {"table2_energy_mape_pct", OptionalJson(s.energy_mape_t2)},
                    {"table3_latency_mape_pct", OptionalJson(s.latency_mape_t3)},
                    {"table2_top1_mae_points", OptionalJson(s.top1_mae_t2)}};
  for (const ClaimResult& r : claims) {
    const ClaimCheck& k = r.check;
    out["claims"].push_back(
        {{"board", k.claim.board},
         {"tinyops_variant", k.claim.tinyops_variant},
         {"baseline_variant", k.claim.baseline_variant},
         {"paper_top1_gain_pct", k.claim.top1_gain_pct},
         {"paper_latency_ratio", k.claim.latency_ratio},
         {"table2_top1_gain_pct", OptionalJson(k.table_top1_gain_pct)},
         {"table2_latency_ratio", OptionalJson(k.table_latency_ratio)},
         {"top1_gain_pct_predicted", OptionalJson(k.top1_gain_pct)},
         {"latency_ratio_predicted", OptionalJson(k.latency_ratio)},
         {"holds", k.holds},
         {"dse_pick", r.pick ? nlohmann::json(r.pick->variant) : nlohmann::json(nullptr)},
         {"dse_pick_top1_gain_pct_predicted", OptionalJson(r.pick_gain_pct)},
         {"dse_pick_latency_ratio_predicted", OptionalJson(r.pick_ratio)},
         {"source", k.claim.source}});
  }
  for (const PickResult& p : picks) {
    out["picks"].push_back(
        {{"board", p.paper.paper.board},
         {"paper_pick", ToolkitJson(p.paper.toolkit)},
         {"dse_pick", p.toolkit ? ToolkitJson(*p.toolkit) : nlohmann::json(nullptr)}});
  }
  return out;
}

}  // namespace explore
