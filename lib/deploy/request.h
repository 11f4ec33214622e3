#pragma once
// Checking a deployment request before anything is written: the mode's own options (the patch
// mode's --split and --patches) against the design, then the placement.

#include "explore/evaluate.h"
#include "placement/mode.h"
#include "util/result.h"

namespace deploy {

/// Input errors, naming the option and the nearest valid choice: --split / --patches given to a
/// mode other than patch, one without the other, or a split or patch count `net` cannot take.
util::Status CheckScheduleOptions(const graph::Network& net, const placement::Deployment& d);

/// The placement of `facts` in `target.deployment` (mode, budget, patch options), the options
/// checked first; an unknown mode is an input error with the nearest id.
util::Result<placement::Fit> PlaceForDeploy(const explore::VariantFacts& facts,
                                            const explore::Target& target);

}  // namespace deploy
