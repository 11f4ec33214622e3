#pragma once
// placement — where a network's weights and tensors live on a board, per deployment mode,
// and whether they fit (paper §IV; design.md "placement per mode"):
//  * internal: weights in internal flash (after the runtime code), activations at their peak
//    plus the largest kernel scratch (im2col) in internal SRAM (after the runtime state);
//  * external: weights and the whole tensor arena in external RAM, read in place by the CPU;
//    the model is stored in external flash / SD card (or internal flash when there is none);
//  * tinyops: weights and tensors in external RAM as in external mode; internal SRAM holds only
//    the seven TinyOps buffers, which must fit the SRAM budget (tinyops::Partitioner).
// An infeasible placement is a result (fits = false with the violated constraints), not an error.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.h"
#include "hw/board.h"
#include "tinyops/budgets.h"
#include "tinyops/plan.h"
#include "util/result.h"

namespace placement {

enum class Mode { kInternal, kExternal, kTinyops };
inline constexpr Mode kAllModes[] = {Mode::kInternal, Mode::kExternal, Mode::kTinyops};

std::string_view ModeName(Mode mode);  // "internal", "external", "tinyops"
/// Parses a mode name; an unknown one is an input error with the nearest valid name.
util::Result<Mode> ParseMode(std::string_view name);

/// The mapping decision: taken from the command line, never stored in a network or a board.
struct Deployment {
  Mode mode = Mode::kTinyops;
  int64_t sram_budget_bytes = 0;  // TinyOps SRAM budget; 0 = the board's default (below)
  bool filter_growth = true;      // give the unused budget to the filter buffer (TinyOps)
  // Where sram_budget_bytes = 0 finds the board's default (tinyops::DefaultBudgetBytes); not
  // owned. nullptr = no table: the SRAM the board leaves to a network.
  const tinyops::BudgetTable* default_budgets = nullptr;
};

/// Bytes of the TinyOps execution state (partition records) kept in external RAM: the F4
/// Release map's partitioned_exec_state (tinyops.md §2.2).
inline constexpr int64_t kTinyopsExecStateBytes = 37'240;

/// What a network needs, whatever the board.
struct Footprint {
  int64_t weight_bytes = 0;          // weights + biases + quant params (analysis flash bytes)
  int64_t peak_activation_bytes = 0; // live tensors at the peak (analysis::ComputePeak)
  int64_t arena_bytes = 0;           // max over ops of live tensors + that op's kernel scratch
  int arena_peak_op = 0;             // the op where arena_bytes is reached
};

Footprint Measure(const graph::Network& net);

/// One violated constraint: `needed_bytes` of `constraint` where `available_bytes` exist.
struct Violation {
  std::string constraint;  // "internal flash", "internal SRAM", "external RAM", "model storage",
                           // "TinyOps SRAM budget"
  int64_t needed_bytes = 0;
  int64_t available_bytes = 0;
  std::string detail;      // one sentence; for the TinyOps budget it names the limiting op
  int64_t excess_bytes() const { return needed_bytes - available_bytes; }
};

struct Fit {
  Mode mode = Mode::kInternal;
  bool fits = false;
  int64_t sram_bytes = 0;      // internal SRAM used, runtime reservation included
  int64_t flash_bytes = 0;     // internal flash used, code reservation included
  int64_t external_bytes = 0;  // external RAM used (0 in internal mode)
  int64_t storage_bytes = 0;   // model bytes in external storage (0 when none is used)
  std::string external_name;   // the external RAM used, "" when none
  std::string storage_name;    // where the model is stored: an external memory or "flash"
  std::vector<Violation> violations;  // empty exactly when fits
  std::optional<tinyops::Plan> plan;  // TinyOps mode only
};

/// Checks one mode. The network, board and deployment are only read.
Fit Check(const graph::Network& net, const hw::Board& board, const Deployment& deployment);
/// Same, reusing a Footprint already measured for `net`.
Fit Check(const graph::Network& net, const Footprint& footprint, const hw::Board& board,
          const Deployment& deployment);

}  // namespace placement
