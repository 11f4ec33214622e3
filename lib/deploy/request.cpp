#include "deploy/request.h"

#include "analysis/patch_schedule.h"

namespace deploy {

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

}  // namespace deploy
