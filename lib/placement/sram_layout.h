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
#include <optional>
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

/// The flash a runtime's code takes, where the runtime documents it, with the figure's source.
/// A code-generating runtime (TinyEngine, X-CUBE-AI) compiles the model into C: its flash is
/// the model's data (weights, biases, requantisation) plus `bytes`, with no flatbuffer.
struct RuntimeCode {
  int64_t bytes = 0;
  std::string_view source;       // where the figure comes from
  bool generated_model = false;  // the model is compiled to C: no .tflite flatbuffer in flash
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
  /// The runtime's code in flash; nullopt = the board's [flash] reserved_bytes (the built-in
  /// profiles set it to the seed's "approximately 100KB" of TFLM framework code).
  virtual std::optional<RuntimeCode> code() const { return std::nullopt; }
  /// Whether the layout runs a depthwise convolution in place (its output over its input), which
  /// the memory-saving schedules then apply to their own live bytes too.
  virtual bool in_place_depthwise() const { return false; }
  /// Whether the runtime folds a PAD op into the convolution that reads it
  /// (graph/fold_pads.h: the padded tensor never exists), which the layout's own plan and the
  /// memory-saving schedules then plan on. Memory only: latency keeps the PAD ops.
  virtual bool folds_pads() const { return false; }
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

/// The "x-cube-ai" layout's one fitted constant (sram_layout_xcubeai.cpp: fitted to the three
/// published X-CUBE-AI 7.3 peaks of mcunet-vww0/1/2), its persistent part.
inline constexpr int64_t kXCubeAiFittedBytes = 26'385;

/// Runtime code figures of the code-generating runtimes [derived]: the flash measured with the
/// runtime (mit-han-lab/tinyengine README "Measured Results", STM32H743, reference
/// latency_public.csv flash_kb, kB = 1024 B) minus the model's data as dse counts it, mean of
/// the mcunet-vww0/1/2 rows (tests/placement/zoo_layouts_test.cpp RuntimeCodeFigures).
/// TinyEngine: 43,760 / 39,616 / 28,384 B; X-CUBE-AI 7.3: 54,000 / 52,928 / 62,176 B. The same
/// derivation for TFLM + CMSIS-NN gives 117,883 B (flash minus the .tflite file; 99,109 B with
/// reference kernels), beside the seed's "approximately 100KB" the board profiles reserve.
RuntimeCode TinyEngineCode();
RuntimeCode XCubeAiCode();

// One factory per layout file; sram_layouts.cpp registers each once.
std::unique_ptr<SramLayout> MakeTflmLayout();
std::unique_ptr<SramLayout> MakeTinyEngineLayout();
std::unique_ptr<SramLayout> MakeXCubeAiLayout();

}  // namespace placement
