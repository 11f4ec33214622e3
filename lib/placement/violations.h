#pragma once
// The one text of a violated constraint (every command that says why a placement does not fit:
// fit, the sweep's fail reason, calibration's "row does not fit") and the runtime constraint of
// modes that patch a runtime.

#include <string>
#include <string_view>

#include "kernels/runtime_build.h"
#include "placement/footprint.h"
#include "placement/mode.h"

namespace placement {

/// A memory violation: "C: needs N B, has A B (detail)", without " (detail)" when it is empty.
/// A runtime violation: "runtime: detail" (it has no bytes).
std::string ViolationText(const Violation& v);

/// The ViolationTexts of `fit`'s violations joined by "; "; "" when it has none.
std::string ViolationsText(const Fit& fit);

/// The ViolationText of `fit`'s runtime violation, "" when it has none (then only memory stands
/// between the design and the board).
std::string RuntimeViolationText(const Fit& fit);

/// Appends a kRuntime violation to `fit` when `f` was measured under a runtime not built from
/// `needed`: "runtime: `mode` patches the TFLM interpreter and the CMSIS-NN kernels; tinyengine
/// runs TinyEngine's generated code and TinyEngine's kernels" (`mode` = "TinyOps").
void RequireRuntimeBuild(const Footprint& f, const kernels::RuntimeBuild& needed,
                         std::string_view mode, Fit* fit);

}  // namespace placement
