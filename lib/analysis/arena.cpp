#include "analysis/arena.h"

#include "analysis/planner_tflm.h"

namespace analysis {
namespace {

bool HasPerChannelParams(graph::OpKind kind) {
  return kind == graph::OpKind::kConv2d || kind == graph::OpKind::kDepthwiseConv2d ||
         kind == graph::OpKind::kFullyConnected;
}

TflmTail Tail(const graph::Network& net, int file_tensor_count) {
  int64_t tensors = file_tensor_count;
  const bool estimate = tensors == 0;
  if (estimate) tensors = static_cast<int64_t>(net.tensors.size());
  int64_t channels = 0;
  for (const graph::Op& op : net.ops) {
    if (!HasPerChannelParams(op.kind)) continue;
    channels += net.output_shape(op).c;
    if (estimate) tensors += op.has_bias ? 2 : 1;
  }
  TflmTail tail;
  tail.eval_tensor_bytes = tensors * kTflmEvalTensorBytes;
  tail.node_bytes = static_cast<int64_t>(net.ops.size()) * kTflmNodeAndRegistrationBytes;
  tail.per_channel_bytes = channels * kTflmPerChannelBytes;
  return tail;
}

}  // namespace

util::Result<TflmArena> ComputeTflmArena(const graph::Network& net,
                                         const std::vector<int64_t>& scratch_bytes,
                                         const TflmArenaOptions& options) {
  util::Result<TflmBuffers> buffers = TflmLifetimes(net, scratch_bytes, options.file_tensor_index);
  if (!buffers) return buffers.error();
  TflmArena arena;
  arena.buffers = std::move(buffers).value();
  arena.placement = TflmGreedyPlan(arena.buffers.intervals);
  arena.head_bytes = arena.placement.arena_bytes;
  arena.lower_bound_bytes = LiveBytesBound(arena.buffers.intervals);
  arena.tail = Tail(net, options.file_tensor_count);
  arena.tail_bytes = arena.tail.total_bytes();
  arena.total_bytes = arena.head_bytes + arena.tail_bytes;
  return arena;
}

}  // namespace analysis
