// "x-cube-ai": STM32Cube.AI (X-CUBE-AI 7.x). Its activation allocator is not documented
// beyond "one activations buffer, reused between layers", so this layout is a FIT, not a
// model of its code:
//  1. arena = the idealised liveness peak (analysis::ComputePeak: whole tensors, RESHAPE an
//     alias, no alignment, no planner gaps): max over ops of the bytes alive;
//  2. scratch = the largest kernel scratch of any op (the runtime's ScratchBytes);
//  3. persistent = 0 (generated C: the network's state is in the board's runtime reserve).
// Checked against the measured X-CUBE-AI 7.3 peaks of the MCUNet VWW models on an H743
// (reference latency_public.csv, tinyengine README): see tests/placement/sram_layout_test.cpp
// for the figures and the ratio; the peak is the TFLM head's order without its gaps, tail and
// alignment.

#include <algorithm>

#include "analysis/liveness.h"
#include "placement/sram_layout.h"

namespace placement {
namespace {

class XCubeAiLayout final : public SramLayout {
 public:
  std::string_view id() const override { return "x-cube-ai"; }
  std::string_view title() const override {
    return "X-CUBE-AI (a fit): liveness peak + largest kernel scratch, no persistent tail";
  }
  SramNeed Plan(const graph::Network& net, const kernels::Runtime& runtime) const override {
    const analysis::PeakActivation peak = analysis::ComputePeak(net);
    SramNeed need;
    need.layout = std::string(id());
    need.arena_bytes = peak.peak_bytes;
    need.peak_op = peak.peak_step;
    for (const graph::Op& op : net.ops) {
      need.scratch_bytes = std::max(need.scratch_bytes, runtime.ScratchBytes(net, op));
    }
    return need;
  }
};

}  // namespace

std::unique_ptr<SramLayout> MakeXCubeAiLayout() { return std::make_unique<XCubeAiLayout>(); }

}  // namespace placement
