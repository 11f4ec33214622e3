#pragma once
// placement::DeploymentMode — how a network is laid out on a board, and what that costs
// (design.md "Seams"). Like tflite-micro's MicroMemoryPlanner: one interface, several
// implementations, each registered once (mode_registry.cpp). A mode
//  1. places the network: which bytes go to internal SRAM, internal flash, external RAM and
//     storage, whether they fit, and the mode's own plan (e.g. the TinyOps partitions) — Place;
//  2. contributes the latency terms of every op under that placement — LatencyTerms.
// Nothing outside the registry switches on a mode: the CLI choices, the design spaces of the
// fronts, the database and the power lookup use the mode's id. An infeasible placement is a
// result (Fit::fits = false with the violated constraints), never an error.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.h"
#include "hw/board.h"
#include "kernels/runtime.h"
#include "latency/terms.h"
#include "placement/footprint.h"
#include "tinyops/budgets.h"
#include "util/result.h"

namespace placement {

/// Which of a mode's configurations a deployment builds (`--tinyops-config`).
enum class Configuration {
  /// The lowest predicted latency among the mode's own placement (Place) and every
  /// alternative it offers (DeploymentMode::Alternatives), priced by explore::EvaluatePoint;
  /// ties, and a target without coefficients, keep Place's. TinyOps: the static build's macros
  /// chosen per model (tinyops.md §0).
  kFastest,
  /// Place's alone: TinyOps as the F7 "dynamic" firmware chooses (the first partition factor
  /// that fits, the unused budget to the filter buffer). The paper's measured rows ran so.
  kFirmware,
};

/// The `--tinyops-config` word of `c` ("fastest", "firmware"): what a results-database run
/// records in runs.tinyops_config.
std::string_view ConfigurationId(Configuration c);

/// The mapping decision: taken from the command line, never stored in a network or a board.
struct Deployment {
  std::string mode = "tinyops";   // a registered mode id
  int64_t sram_budget_bytes = 0;  // SRAM budget of modes that have one; 0 = the board's default
  bool filter_growth = true;      // give the unused budget to the filter buffer (TinyOps)
  // Where sram_budget_bytes = 0 finds the board's default (tinyops::DefaultBudgetBytes); not
  // owned. nullptr = no table: the SRAM the board leaves to a network.
  const tinyops::BudgetTable* default_budgets = nullptr;
  // Patch mode (schedule_modes.h): MCUNetV2's n and p; 0 = chosen per design.
  int patch_split_units = 0;
  int patches = 0;
  Configuration configuration = Configuration::kFastest;
};

/// One violated constraint (violations.h formats it). kMemory: `needed_bytes` of `constraint`
/// where `available_bytes` exist. kRuntime: the mode needs a runtime built from something the
/// runtime is not (RequireRuntimeBuild); it has no bytes (both 0, never printed), `detail` says
/// what the mode needs and what the runtime runs.
struct Violation {
  enum class Kind { kMemory, kRuntime };
  std::string constraint;  // "internal flash", "internal SRAM", "external RAM", "model storage",
                           // "TinyOps SRAM budget"; "runtime" for kRuntime
  int64_t needed_bytes = 0;
  int64_t available_bytes = 0;
  std::string detail;      // one sentence; for the TinyOps budget it names the limiting op
  Kind kind = Kind::kMemory;
  int64_t excess_bytes() const { return needed_bytes - available_bytes; }
};

/// A mode's own plan (e.g. TinyOps partitions), held by the Fit; each mode defines its type.
class ModePlan {
 public:
  virtual ~ModePlan() = default;
};

struct Fit {
  std::string mode;            // the id of the mode that placed it
  bool fits = false;
  int64_t sram_bytes = 0;      // internal SRAM used, runtime reservation included
  // Internal mode: the runtime layout's parts of sram_bytes (the rest is the board's runtime
  // reserve, hw::Board::sram.reserved_bytes); unset in modes that do not use the layout.
  std::optional<SramNeed> sram_parts;
  int64_t flash_bytes = 0;     // internal flash used, code reservation included
  // Modes that store the model in internal flash: the model as deployed (the rest of
  // flash_bytes is the runtime's code, hw::Board::flash.reserved_bytes).
  std::optional<ModelFlash> flash_model;
  int64_t external_bytes = 0;  // external RAM used (0 in internal mode)
  int64_t storage_bytes = 0;   // model bytes in external storage (0 when none is used)
  std::string external_name;   // the external RAM used, "" when none
  std::string storage_name;    // where the model is stored: an external memory or "flash"
  std::vector<Violation> violations;  // empty exactly when fits
  std::optional<int64_t> sram_budget_bytes;  // set by modes that work within an SRAM budget
  std::optional<int> partition_factor;       // set by partitioning modes when their plan fits
  std::shared_ptr<const ModePlan> plan;      // the mode's plan; nullptr when it has none
  // How explore::EvaluatePoint chose this configuration among the mode's alternatives, e.g.
  // "PF 19 (fastest predicted of 4 configurations; the firmware's first fit: PF 13,
  // 6210.6 ms predicted)"; "" when it priced none.
  std::string configuration;
};

class DeploymentMode {
 public:
  virtual ~DeploymentMode() = default;
  /// Stable id: "internal", "external", "tinyops", ...
  virtual std::string_view id() const = 0;
  /// One line for listings and --help.
  virtual std::string_view title() const = 0;
  /// Places `net` (whose runtime-dependent needs are `footprint`) on `board`. Only reads its
  /// inputs; never fails.
  virtual Fit Place(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
                    const Deployment& deployment) const = 0;
  /// Other configurations of the placement `placed` (this mode's Place of the same inputs, and
  /// it fits) that the deployment could build instead, each a Fit that fits; none by default.
  /// explore::EvaluatePoint prices them with LatencyTerms and keeps the lowest predicted
  /// latency (Place's on ties) unless the deployment asks for Configuration::kFirmware. A mode
  /// lists only what may be faster: every one costs a pricing.
  virtual std::vector<Fit> Alternatives(const graph::Network& net, const Footprint& footprint,
                                        const hw::Board& board, const Deployment& deployment,
                                        const Fit& placed) const {
    (void)net, (void)footprint, (void)board, (void)deployment, (void)placed;
    return {};
  }
  /// The configuration of `fit` in a few words for reports ("PF 19"); "" by default.
  virtual std::string ConfigurationName(const Fit& fit) const {
    (void)fit;
    return "";
  }
  /// The latency terms of every op of `net` placed as `fit` (a Fit from this mode's Place, its
  /// plan included; an infeasible plan is still costed). Fails when the board lacks a memory
  /// the mode needs.
  virtual util::Result<std::vector<latency::OpTerms>> LatencyTerms(
      const graph::Network& net, const kernels::Runtime& runtime, const hw::Board& board,
      const Fit& fit) const = 0;
};

/// Adds `mode` to the registry; an id already registered is an error.
util::Status RegisterMode(std::unique_ptr<DeploymentMode> mode);
/// Every registered mode of the default design spaces, built-in ones first (internal, external,
/// tinyops), in order. The opt-in schedule modes (schedule_modes.h) are found by FindMode only.
std::vector<const DeploymentMode*> Modes();
/// Their ids, in the same order.
std::vector<std::string> ModeIds();
/// The mode with `id`; an unknown id is an input error with the nearest valid id.
util::Result<const DeploymentMode*> FindMode(std::string_view id);

/// Places `net` in `deployment.mode` (looked up in the registry). An unknown mode is an error.
util::Result<Fit> Check(const graph::Network& net, const Footprint& footprint,
                        const hw::Board& board, const Deployment& deployment);

}  // namespace placement
