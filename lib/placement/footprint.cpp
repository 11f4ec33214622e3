#include "placement/footprint.h"

#include "analysis/cost.h"

namespace placement {

Footprint Measure(const graph::Network& net, const kernels::Runtime& runtime) {
  return Measure(net, runtime, analysis::ComputePeak(net), analysis::CountNetwork(net).flash_bytes);
}

Footprint Measure(const graph::Network& net, const kernels::Runtime& runtime,
                  const analysis::PeakActivation& peak, int64_t weight_bytes) {
  Footprint f;
  f.runtime_id = std::string(runtime.id());
  f.runtime_build = runtime.build();
  f.weight_bytes = weight_bytes;
  f.peak_activation_bytes = peak.peak_bytes;
  f.op_scratch_bytes.reserve(net.ops.size());
  for (size_t i = 0; i < net.ops.size(); ++i) {
    f.op_scratch_bytes.push_back(runtime.ScratchBytes(net, net.ops[i]));
    const int64_t need = peak.live_bytes[i] + f.op_scratch_bytes.back();
    if (need > f.arena_bytes) {
      f.arena_bytes = need;
      f.arena_peak_op = static_cast<int>(i);
    }
  }
  const SramLayout& layout = LayoutOf(runtime);
  f.sram = layout.Plan(net, runtime);
  f.code = layout.code();
  f.model = f.code && f.code->generated_model ? GeneratedModel(weight_bytes)
                                              : DeployedModel(net, weight_bytes);
  return f;
}

int64_t RuntimeCodeBytes(const Footprint& f, const hw::Board& board) {
  return f.code ? f.code->bytes : board.flash.reserved_bytes;
}

}  // namespace placement
