#pragma once
// Checking a deployment request before anything is written: the mode's own options (the patch
// mode's --split and --patches) against the design, then the placement; and the mode a
// deployment takes when none is named (ChooseDeployMode).

#include <string>

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

/// The mode `dse deploy` takes when no --mode is given, with the fit and the prediction in it.
struct ModeChoice {
  std::string mode;           // "" when the design fits in no mode
  std::string reason;         // one line: why this mode, every candidate's predicted latency
  explore::Evaluation chosen;  // the chosen mode's evaluation (unset when mode is "")
  std::string candidates;     // every candidate mode's predicted latency, or why it does not fit
};

/// `dse pick`'s rule for the modes of one design: among every registered mode (the opt-in
/// schedules included) that takes target.deployment's options (--split/--patches: the patch
/// mode only) and in which `facts` fits (target.deployment's budget and filter growth; its mode
/// is ignored), the one of lowest predicted latency; ties, and modes without a prediction (no
/// target.coefficients), in registry order: internal, external, tinyops, then the schedules.
/// So internal wins whenever it fits (no mode is faster: the schedules add MACs or kernel
/// calls, or equal it), then the memory-saving schedules or TinyOps, whichever the model
/// predicts faster. Fails on an unknown board clock or on --split/--patches the design cannot
/// take (CheckScheduleOptions).
util::Result<ModeChoice> ChooseDeployMode(const explore::VariantFacts& facts,
                                          const explore::Target& target);

/// The mode `dse show` and `dse analyze` predict in when no --mode is given, target.deployment's
/// mode being the board's default (explore::DefaultMode). The default stands (reason "") when
/// the runtime can run it. When it cannot (its placement has a runtime violation: TinyOps under
/// a runtime other than TFLM + CMSIS-NN), the mode ChooseDeployMode picks, as `dse deploy`
/// without --mode does, with a reason (a "note: ..." line) naming it and why; when `facts`
/// fits in no mode, the default stands with a reason saying so (its latency is then predicted
/// as if it could run). Fails as ChooseDeployMode.
util::Result<ModeChoice> ChoosePredictionMode(const explore::VariantFacts& facts,
                                              const explore::Target& target);

}  // namespace deploy
