#include "search/run.h"

#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>

#include "explore/fronts.h"
#include "explore/result_json.h"
#include "explore/vocabulary.h"

#include <chrono>
#include <set>
#include <thread>
#include <tuple>
#include <unordered_map>

#include "search/hypervolume.h"
#include "search/stage_space.h"
#include "util/spellcheck.h"

namespace search {
namespace {

// Forwards to the algorithm's strategy and keeps what the outcome needs of every point: its id
// (the front is made from the candidates, DeploymentFront), the closest design so far and how
// often each constraint was met.
class Recorder : public explore::Strategy {
 public:
  Recorder(const Problem& problem, explore::Strategy* inner) : problem_(problem), inner_(inner) {
    met_.assign(problem.constraints().size(), 0);
  }
  std::optional<int64_t> Next() override { return inner_->Next(); }
  int64_t Ready() const override { return inner_->Ready(); }
  void Report(int64_t id, const explore::PointResult& r) override {
    Count(r);
    inner_->Report(id, r);
    ++evaluated_;
    ids_.push_back(id);
    const Score s = problem_.Evaluate(r);
    if (r.feasible()) {
      for (size_t c = 0; c < met_.size(); ++c) met_[c] += problem_.Violation(r, problem_.constraints()[c]) == 0;
    }
    if (!closest_ || s.violation < closest_violation_) {
      closest_ = id;
      closest_violation_ = s.violation;
      closest_result_ = r;
    }
  }

  const Problem& problem_;
  explore::Strategy* inner_;
  int64_t evaluated_ = 0;
  std::vector<int64_t> met_;  // per constraint: placement-feasible points meeting it
  std::optional<int64_t> closest_;
  double closest_violation_ = 0;
  explore::PointResult closest_result_;
  std::vector<int64_t> ids_;  // every point reported
};

std::vector<double> Natural(const std::vector<Metric>& metrics, std::vector<double> v) {
  for (size_t i = 0; i < v.size(); ++i) {
    if (metrics[i] == Metric::kTop1) v[i] = -v[i];
  }
  return v;
}

std::string VariantName(const Plan& plan, int64_t id) {
  if (plan.staged) return PointOf(*plan.staged, plan.problem.space().At(id)).ToString();
  const explore::DesignPoint p = explore::PointSpace(plan.sweep.spaces).At(id);
  return searchspace::Variant{p.space->name, p.width, p.resolution, false, ""}.name();
}

std::string Unsatisfiable(const Plan& plan, const Recorder& r) {
  const auto& constraints = plan.problem.constraints();
  std::string tightest = "a placement that fits";
  if (!constraints.empty()) {
    const size_t c = static_cast<size_t>(std::min_element(r.met_.begin(), r.met_.end()) - r.met_.begin());
    tightest = fmt::format("'{}' (met by {} of {} designs)", constraints[c].text, r.met_[c], r.evaluated_);
  }
  std::string values;
  for (const Constraint& c : constraints) {
    const std::optional<double> v = MetricValue(r.closest_result_, c.metric);
    values += fmt::format("{}{} {}", values.empty() ? "" : ", ", MetricName(c.metric),
                          v ? fmt::format("{:.6g}", *v) : "unknown");
  }
  if (!r.closest_result_.feasible()) values = r.closest_result_.fail_reason;
  return fmt::format("no design meets every constraint after {} evaluations; tightest: {}; closest "
                     "design: {} ({})", r.evaluated_, tightest, VariantName(plan, *r.closest_), values);
}

// One deployment (a point on one board in one mode) scored as the problem scores a point.
Score ScoreOf(const Problem& problem, const explore::Candidate& c) {
  explore::PointResult r;
  r.evaluations = 1;
  r.feasible_evaluations = c.feasible ? 1 : 0;
  r.macs = c.macs;
  r.top1_pct = c.top1;
  r.latency_ms = c.latency_ms;
  r.energy_mj = c.energy_mj;
  if (c.feasible) r.sram_bytes = c.sram_bytes;
  return r.feasible() ? problem.Evaluate(r) : Score{{}, 1000};
}

// The front over deployments: a point's PointResult takes each figure's best over modes and
// boards, so it can meet 'latency<=' in one mode and 'sram<=' in another, which no deployment
// does. Here each candidate meets every constraint with its own figures. `sweep` keeps the
// candidates meeting them (infeasible ones too when `keep_all`; else only front members) and
// its fronts are made again from those, so the stored run holds no design out of bounds.
std::vector<FrontPoint> DeploymentFront(const Plan& plan, const Recorder& recorder, bool keep_all,
                                        explore::SweepResult* sweep) {
  std::unordered_map<std::string, int64_t> id_of;
  for (int64_t id : recorder.ids_) id_of.emplace(VariantName(plan, id), id);
  std::vector<explore::Candidate> kept;
  std::vector<Score> scores;
  for (explore::Candidate& c : sweep->candidates) {
    const Score s = ScoreOf(plan.problem, c);
    if (c.feasible && !s.ok()) continue;
    if (keep_all || c.feasible) kept.push_back(std::move(c)), scores.push_back(s);
  }
  std::vector<size_t> members;  // of the search's front, by index into `kept`
  for (size_t i = 0; i < kept.size(); ++i) {
    if (!kept[i].feasible || !id_of.count(kept[i].variant)) continue;
    const auto& v = scores[i].objectives;
    const bool beaten = std::any_of(members.begin(), members.end(), [&](size_t m) {
      return Dominates(scores[m].objectives, v) || scores[m].objectives == v;
    });
    if (beaten) continue;
    std::erase_if(members, [&](size_t m) { return Dominates(v, scores[m].objectives); });
    members.push_back(i);
  }
  std::vector<FrontPoint> out;
  for (size_t m : members) {
    const explore::Candidate& c = kept[m];
    out.push_back({id_of.at(c.variant), c.variant, Natural(plan.problem.objectives(), scores[m].objectives),
                   c.top1_provenance, c.board, c.mode});
  }
  std::sort(out.begin(), out.end(), [](const FrontPoint& a, const FrontPoint& b) {
    return std::tie(a.id, a.board, a.mode) < std::tie(b.id, b.board, b.mode);
  });
  sweep->fronts.clear();
  std::vector<explore::Candidate> stored;
  for (const hw::Board* board : plan.sweep.boards) {
    std::vector<explore::Candidate> mine;
    for (const explore::Candidate& c : kept) {
      if (c.board == board->name) mine.push_back(c);
    }
    const std::vector<explore::FrontMember> fronts = explore::AllFronts(mine);
    sweep->fronts.insert(sweep->fronts.end(), fronts.begin(), fronts.end());
    std::set<std::tuple<std::string, std::string, std::string>> on_front;
    for (const explore::FrontMember& f : fronts) on_front.emplace(f.variant, f.mode, f.runtime);
    for (explore::Candidate& c : mine) {
      if (keep_all || on_front.count({c.variant, c.mode, c.runtime})) stored.push_back(std::move(c));
    }
  }
  sweep->candidates = std::move(stored);
  return out;
}

}  // namespace

std::vector<Dimension> DimensionsOf(const searchspace::Space& space) {
  if (space.staged()) return StageDimensions(space);
  return {{"width", static_cast<int64_t>(space.widths.size())},
          {"resolution", static_cast<int64_t>(space.resolutions.size())}};
}

util::Result<Plan> MakePlan(const Request& request, const searchspace::Catalog& catalog,
                            explore::SweepOptions sweep) {
  const searchspace::Space* space = catalog.Find(request.space);
  if (space == nullptr) {
    return util::InputError(fmt::format("--space: unknown space '{}'{}", request.space,
                                        util::DidYouMean(request.space, catalog.Names())));
  }
  auto objectives = ParseObjectives(request.objectives);
  if (!objectives) return objectives.error();
  std::vector<Constraint> constraints;
  for (const std::string& text : request.constraints) {
    auto c = ParseConstraint(text);
    if (!c) return c.error();
    constraints.push_back(*c);
  }
  auto algorithm = Algorithms().Lookup(request.algorithm);
  if (!algorithm) return util::InputError("--algorithm: " + algorithm.error().message);
  std::pair<int, int> shard{1, 1};
  if (!request.shard.empty()) {
    auto parsed = ParseShard(request.shard);
    if (!parsed) return parsed.error();
    shard = *parsed;
  }
  if (request.evaluations < 1) return util::InputError("--evaluations must be at least 1");
  if (!request.reference.empty() && request.reference.size() != objectives->size()) {
    return util::InputError("the reference point needs one value per objective");
  }
  sweep.spaces = {space};
  sweep.shard_index = shard.first;
  sweep.shard_count = shard.second;
  sweep.threads = request.threads > 0 ? request.threads
                                      : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  sweep.keep_all = request.keep_all;
  Problem problem(Space(DimensionsOf(*space), shard.first, shard.second), *objectives, constraints);
  Plan plan{std::move(problem), *algorithm, std::move(sweep), request.evaluations, request.seed,
            request.reference};
  if (space->staged()) {
    auto predictor = accuracy::PointPredictor::Load(request.data_root);
    if (!predictor) return predictor.error();
    plan.staged = space;
    plan.predictor = std::make_shared<const accuracy::PointPredictor>(std::move(*predictor));
  }
  for (const std::string& design : request.dominate) {
    if (auto v = catalog.ParseVariant(design); !v) return util::InputError("--dominate: " + v.error().message);
  }
  const auto& metrics = plan.problem.objectives();
  if (!request.dominate.empty() && (std::count(metrics.begin(), metrics.end(), Metric::kTop1) == 0 ||
                                    std::count(metrics.begin(), metrics.end(), Metric::kLatency) == 0)) {
    return util::InputError("--dominate needs the objectives top1 and latency");
  }
  plan.dominate = request.dominate;
  plan.resumed_from = request.resumed_from;
  for (const std::string& design : request.resume) {
    const std::optional<int64_t> id = IdOfDesign(plan, catalog, design);
    if (id) plan.resume_ids.push_back(*id);
    else ++plan.resume_skipped;
  }
  return plan;
}

std::optional<int64_t> IdOfDesign(const Plan& plan, const searchspace::Catalog& catalog,
                                  const std::string& design) {
  const Space& space = plan.problem.space();
  if (plan.staged) {
    auto point = catalog.ParsePoint(design);
    if (!point || point->space != plan.staged || point->width != plan.staged->width) return std::nullopt;
    return space.Id(GenomeOf(*point));
  }
  auto variant = catalog.ParseVariant(design);
  const searchspace::Space& grid = *plan.sweep.spaces.front();
  if (!variant || variant->space != grid.name) return std::nullopt;
  const auto w = std::find(grid.widths.begin(), grid.widths.end(), variant->width);
  const auto r = std::find(grid.resolutions.begin(), grid.resolutions.end(), variant->resolution);
  if (w == grid.widths.end() || r == grid.resolutions.end()) return std::nullopt;
  return space.Id({w - grid.widths.begin(), r - grid.resolutions.begin()});
}

util::Result<Outcome> Run(const Plan& plan, const explore::Models& models,
                          const explore::Progress& progress) {
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<explore::Strategy> strategy = plan.algorithm->Make(plan.problem, plan.evaluations, plan.seed);
  if (auto* base = dynamic_cast<StrategyBase*>(strategy.get())) base->Resume(plan.resume_ids);
  Recorder recorder(plan.problem, strategy.get());
  const int64_t budget = std::min(plan.evaluations + static_cast<int64_t>(plan.resume_ids.size()),
                                  plan.problem.space().shard_size());
  const explore::Progress bounded = [&](int64_t done, int64_t) { if (progress) progress(done, budget); };
  explore::SweepOptions sweep = plan.sweep;
  sweep.keep_all = true;  // DeploymentFront meets the constraints over every candidate, then prunes
  std::shared_ptr<const accuracy::PointPredictor> predictor;
  if (plan.staged) {
    auto refitted = RefitOnMeasured(*plan.predictor, *plan.staged, models);
    if (!refitted) return refitted.error();
    predictor = std::make_shared<const accuracy::PointPredictor>(std::move(*refitted));
    sweep.analyse = [&](int64_t id) {
      return AnalysePoint(PointOf(*plan.staged, plan.problem.space().At(id)), models, *predictor);
    };
  }
  auto swept = explore::Sweep(sweep, models, &recorder, bounded);
  if (!swept) return swept.error();
  Outcome out;
  out.sweep = std::move(*swept);
  out.evaluations = recorder.evaluated_;
  out.predictor = predictor;
  out.resumed = static_cast<int64_t>(plan.resume_ids.size());
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.evaluations_per_second = out.seconds > 0 ? static_cast<double>(out.evaluations) / out.seconds : 0;
  out.front = DeploymentFront(plan, recorder, plan.sweep.keep_all, &out.sweep);
  if (out.front.empty()) {
    if (recorder.closest_) out.unsatisfiable = Unsatisfiable(plan, recorder);
    else out.unsatisfiable = "the space has no point in this shard";
    return out;
  }
  const std::vector<Metric>& metrics = plan.problem.objectives();
  std::vector<std::vector<double>> minimised;
  std::vector<double> worst = Natural(metrics, out.front[0].values), best = worst;
  for (const FrontPoint& p : out.front) {
    minimised.push_back(Natural(metrics, p.values));
    for (size_t i = 0; i < p.values.size(); ++i) {
      worst[i] = std::max(worst[i], minimised.back()[i]);
      best[i] = std::min(best[i], minimised.back()[i]);
    }
  }
  // The default reference: the front's nadir moved out by a tenth of its range (1 when flat),
  // so the front's extreme points count too.
  for (size_t i = 0; i < worst.size(); ++i) worst[i] += worst[i] > best[i] ? 0.1 * (worst[i] - best[i]) : 1;
  out.reference = plan.reference.empty() ? Natural(metrics, worst) : plan.reference;
  out.hypervolume = Hypervolume(minimised, Natural(metrics, out.reference));
  return out;
}

std::string OutcomeJson(const Plan& plan, const Outcome& o, int64_t run_id) {
  // Objective values under the vocabulary's field names (unit in the name: latency_ms, ...).
  static const std::map<std::string, std::string> kField = {
      {"latency", "latency_ms"}, {"energy", "energy_mj"}, {"sram", "sram_bytes"}};
  std::vector<std::string> names, fields;
  for (Metric m : plan.problem.objectives()) {
    names.emplace_back(MetricName(m));
    const auto it = kField.find(names.back());
    fields.push_back(it == kField.end() ? names.back() : it->second);
  }
  nlohmann::json front = nlohmann::json::array();
  for (const FrontPoint& p : o.front) {
    nlohmann::json member{{"variant", p.variant}, {"board", p.board}, {"mode", p.mode},
                          {"top1_provenance", p.top1_provenance}};
    for (size_t i = 0; i < fields.size(); ++i) member[fields[i]] = p.values[i];
    front.push_back(member);
  }
  nlohmann::json reference = nlohmann::json::object();
  for (size_t i = 0; i < fields.size() && i < o.reference.size(); ++i) reference[fields[i]] = o.reference[i];
  const std::string regime =
      o.predictor && !o.front.empty()
          ? o.predictor->Predict(PointOf(*plan.staged, plan.problem.space().At(o.front.front().id)), 0, 0).regime
          : "uniform-family surrogate";
  const nlohmann::json options = explore::RunOptionsJson(o.sweep.options);
  return explore::Document({{"algorithm", plan.algorithm->id()},
                            {"seed", plan.seed},
                            {"objectives", names},
                            {"evaluations", o.evaluations},
                            {"seconds", o.seconds},
                            {"evaluations_per_second", o.evaluations_per_second},
                            {"hypervolume", o.hypervolume},
                            {"hypervolume_reference", reference},
                            {"resumed", o.resumed},
                            {"resumed_from", plan.resumed_from ? nlohmann::json(*plan.resumed_from) : nlohmann::json()},
                            {"top1_regime", regime},
                            {"tinyops_config", options["tinyops_config"]},
                            {"filter_growth", options["filter_growth"]},
                            {"front", front}}, run_id).dump(2);
}

namespace {
// One objective's value with its unit and how it was obtained: top-1 as the deployment's
// candidate says (predicted, extrapolated outside the fit, published or measured); the other
// figures are predicted (the search evaluates designs, it does not measure them).
std::string MetricText(Metric metric, double value, const std::string& top1_provenance) {
  switch (metric) {
    case Metric::kTop1: return fmt::format("  top-1 {:.2f}% ({})", value, top1_provenance);
    case Metric::kLatency: return fmt::format("  {:.1f} ms (predicted)", value);
    case Metric::kEnergy: return fmt::format("  {:.2f} mJ (predicted)", value);
    case Metric::kSram: return fmt::format("  SRAM {:.1f} KiB", value / 1024);
    case Metric::kMacs: return fmt::format("  {:.1f} M MACs", value / 1e6);
  }
  return fmt::format("  {} {:.6g}", MetricName(metric), value);
}
}  // namespace

std::string OutcomeText(const Plan& plan, const Outcome& o, int64_t run_id, const std::string& db) {
  std::string text = fmt::format(
      "run {} in {}: {} {} evaluations in {:.2f} s ({:.0f}/s); front of {} designs, hypervolume {:.6g}\n",
      run_id, db, o.evaluations, plan.algorithm->id(), o.seconds, o.evaluations_per_second,
      o.front.size(), o.hypervolume);
  text += "  options: " + explore::RunOptionsText(o.sweep.options) + "\n";
  if (!plan.resume_ids.empty() || plan.resume_skipped > 0) {
    text += fmt::format("  resumed: {} designs of the earlier run re-evaluated first ({} not points of this space), "
                        "{} new\n", o.resumed, plan.resume_skipped, o.evaluations - o.resumed);
  }
  if (o.predictor && !o.front.empty()) {
    const accuracy::ArchPrediction p =
        o.predictor->Predict(PointOf(*plan.staged, plan.problem.space().At(o.front.front().id)), 0, 0);
    text += fmt::format("  top-1: per-stage predictor, regime {} (fitted {}; outside: extrapolated)\n", p.regime,
                        accuracy::DomainText(p.domain));
  }
  for (const FrontPoint& p : o.front) {
    text += fmt::format("  {:<28} {}{:<8}", p.variant, plan.sweep.boards.size() > 1 ? p.board + " " : "", p.mode);
    for (size_t i = 0; i < p.values.size(); ++i) {
      text += MetricText(plan.problem.objectives()[i], p.values[i], p.top1_provenance);
    }
    text += "\n";
  }
  return text;
}

}  // namespace search
