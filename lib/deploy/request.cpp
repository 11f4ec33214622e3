#include "deploy/request.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <limits>

#include "analysis/patch_schedule.h"
#include "placement/schedule_modes.h"
#include "placement/violations.h"

namespace deploy {
namespace {

// Whether the mode of `d` takes its schedule options (none given: every mode does).
bool TakesScheduleOptions(const placement::Deployment& d) {
  return (d.patch_split_units == 0 && d.patches == 0) || d.mode == "patch";
}

double LatencyOrInfinity(const explore::Evaluation& e) {
  return e.estimate ? e.estimate->latency_ms : std::numeric_limits<double>::infinity();
}

// "internal 183.0 ms, tinyops 234.6 ms, external does not fit"
std::string CandidatesText(const std::vector<explore::Evaluation>& evaluated) {
  std::string out;
  for (const explore::Evaluation& e : evaluated) {
    if (!out.empty()) out += ", ";
    out += e.fit.mode;
    if (!e.fit.fits) {
      out += " does not fit";
    } else if (e.estimate) {
      out += fmt::format(" {:.1f} ms", e.estimate->latency_ms);
    } else {
      out += " (no latency)";
    }
  }
  return out;
}

}  // namespace

util::Status CheckScheduleOptions(const graph::Network& net, const placement::Deployment& d) {
  const bool split = d.patch_split_units != 0, patches = d.patches != 0;
  if (!split && !patches) return util::Ok{};
  if (d.mode != "patch") {
    return util::InputError(std::string(split ? "--split" : "--patches") +
                            " applies to --mode patch only (given --mode " + d.mode + ")");
  }
  if (split != patches) {
    return util::InputError(split ? "--split needs --patches (e.g. --patches 4)"
                                  : "--patches needs --split (e.g. --split 5)");
  }
  auto plan = analysis::PlanPatches(net, {d.patch_split_units, d.patches});
  if (!plan) return plan.error();
  return util::Ok{};
}

util::Result<placement::Fit> PlaceForDeploy(const explore::VariantFacts& facts,
                                            const explore::Target& target) {
  if (auto mode = placement::FindMode(target.deployment.mode); !mode) return mode.error();
  if (auto ok = CheckScheduleOptions(facts.net, target.deployment); !ok) return ok.error();
  auto e = explore::EvaluatePoint(facts, target);
  if (!e) return e.error();
  return std::move(e).value().fit;
}

util::Result<ModeChoice> ChooseDeployMode(const explore::VariantFacts& facts,
                                          const explore::Target& target) {
  std::vector<std::string> ids = placement::ModeIds();
  for (const std::string& id : placement::OptInModeIds()) ids.push_back(id);
  std::vector<explore::Evaluation> evaluated;
  for (const std::string& id : ids) {
    explore::Target t = target;
    t.deployment.mode = id;
    if (!TakesScheduleOptions(t.deployment)) continue;
    if (auto ok = CheckScheduleOptions(facts.net, t.deployment); !ok) return ok.error();
    auto e = explore::EvaluatePoint(facts, t);
    if (!e) return e.error();
    evaluated.push_back(std::move(e).value());
  }
  // The feasible mode of lowest latency; ties (and no latency) go to the first in registry order.
  const explore::Evaluation* best = nullptr;
  for (const explore::Evaluation& e : evaluated) {
    if (!e.fit.fits) continue;
    if (best == nullptr || LatencyOrInfinity(e) < LatencyOrInfinity(*best)) best = &e;
  }
  ModeChoice choice;
  const std::string candidates = CandidatesText(evaluated);
  choice.candidates = candidates;
  if (best == nullptr) {
    choice.reason = fmt::format("{} does not fit {} in any mode ({})", facts.net.name,
                                target.board->name, candidates);
    return choice;
  }
  choice.mode = best->fit.mode;
  choice.reason = fmt::format(
      "--mode not given: deploying in '{}', the feasible mode of lowest predicted latency, as "
      "'dse pick' ranks modes (ties in the order {}): {}",
      choice.mode, fmt::join(ids, ", "), candidates);
  choice.chosen = *best;
  return choice;
}

util::Result<ModeChoice> ChoosePredictionMode(const explore::VariantFacts& facts,
                                              const explore::Target& target) {
  const std::string& fallback = target.deployment.mode;
  auto placed = explore::EvaluatePoint(facts, target);
  if (!placed) return placed.error();
  const std::string why = placement::RuntimeViolationText(placed->fit);
  if (why.empty()) return ModeChoice{fallback, "", {}, ""};
  auto picked = ChooseDeployMode(facts, target);
  if (!picked) return picked.error();
  ModeChoice choice = std::move(picked).value();
  if (choice.mode.empty()) {
    return ModeChoice{fallback, fmt::format(
        "note: --mode not given: {} fits {} in no mode ({}); latency in the {} mode (--mode to "
        "choose)", facts.net.name, target.board->name, choice.candidates, fallback), {}, ""};
  }
  choice.reason = fmt::format(
      "note: --mode not given: the {} mode cannot run ({}), so latency is in '{}', the feasible "
      "mode of lowest predicted latency, as 'dse deploy' picks ({}); --mode {} predicts it as if "
      "it could", fallback, why, choice.mode, choice.candidates, fallback);
  return choice;
}

}  // namespace deploy
