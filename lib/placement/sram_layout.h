#pragma once
// placement::SramLayout — how a runtime lays a network's activations out in internal SRAM
// (reference memory_schedules.md §1, §4). A runtime names its layout
// (kernels::Runtime::arena_layout()); the internal mode asks that layout for the SRAM the
// network needs, split into
//   arena      — the activation tensors as the layout's planner places them;
//   scratch    — what the kernels' scratch adds on top of the arena (im2col, kernel buffers);
//   persistent — the runtime's per-model data kept for the whole run (TFLM's arena tail);
// and the board adds its runtime reserve (hw::InternalMemory::reserved_bytes of [sram]).
// Layouts are registered once, by id, in sram_layouts.cpp (one line per layout, one file per
// layout): "tflm" (sram_layout_tflm.cpp), "tinyengine" (sram_layout_tinyengine.cpp),
// "x-cube-ai" (sram_layout_xcubeai.cpp).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.h"
#include "kernels/runtime.h"
#include "util/result.h"

namespace placement {

/// The internal SRAM a layout needs for one network, the board's runtime reserve excluded.
struct SramNeed {
  std::string layout;            // the SramLayout id that planned it
  int64_t arena_bytes = 0;       // activation tensors as placed (TFLM: the head without scratch)
  int64_t scratch_bytes = 0;     // what kernel scratch adds to the arena
  int64_t persistent_bytes = 0;  // per-model data kept for the whole run (TFLM: the tail)
  int peak_op = 0;               // the op at which arena + scratch is reached
  int64_t total_bytes() const { return arena_bytes + scratch_bytes + persistent_bytes; }
};

class SramLayout {
 public:
  virtual ~SramLayout() = default;
  /// Stable id, as kernels::Runtime::arena_layout() names it: "tflm", "tinyengine", ...
  virtual std::string_view id() const = 0;
  /// One line: what the layout models and where its rules come from.
  virtual std::string_view title() const = 0;
  /// The SRAM `net` needs under this layout with `runtime`'s kernels (their scratch).
  virtual SramNeed Plan(const graph::Network& net, const kernels::Runtime& runtime) const = 0;
};

/// The layouts, in registration order ("tflm" first).
std::vector<const SramLayout*> SramLayouts();
/// Their ids, in the same order.
std::vector<std::string> SramLayoutIds();
/// The layout with `id`; an unknown id is an input error naming the nearest registered one.
util::Result<const SramLayout*> FindSramLayout(std::string_view id);
/// The layout `runtime` names; "tflm" when it names none that is registered (data-file
/// runtimes are checked with FindSramLayout when they are read).
const SramLayout& LayoutOf(const kernels::Runtime& runtime);

/// `base` with its kernels, id and latency unchanged but memory laid out by `layout` (a
/// registered id): how `dse reproduce` asks "the same runtime under another layout". `base`
/// must outlive the result.
std::unique_ptr<kernels::Runtime> WithLayout(const kernels::Runtime& base, std::string layout);

// One factory per layout file; sram_layouts.cpp registers each once.
std::unique_ptr<SramLayout> MakeTflmLayout();
std::unique_ptr<SramLayout> MakeTinyEngineLayout();
std::unique_ptr<SramLayout> MakeXCubeAiLayout();

}  // namespace placement
