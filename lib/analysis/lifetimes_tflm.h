#pragma once
// TFLM lifetimes: the buffer list TFLM's allocator hands to its memory planner (reference:
// memory_schedules.md §1.1; tflite-micro micro_allocation_info.cc MarkAllocationLifetimes and
// micro_allocator.cc CreatePlan). Separate from liveness.h, whose rule (RESHAPE aliases, steps
// = op indices) stays the one behind the peak-activation counts.
//
// Steps (N ops, file order; op i is scope i + 1):
//  1. The graph input is created and last used at scope 0.
//  2. Op i's output: first_step = last_step = i + 1 (its first writer).
//  3. Every input of op i: last_step = i + 1 (the last reader wins), so the graph input dies at
//     its last reader; it is not kept to the end.
//  4. The graph output: last_step = N.
//  5. Every tensor of the IR is planned (the importer drops constants; graph::Network has no
//     variable tensors). RESHAPE is a real op with its own output buffer (TFLM copies), and no
//     op is in place: an op's input and output always overlap at its scope.
//  6. Sizes are rounded up to 16 B (AlignSizeUp(bytes, MicroArenaBufferAlignment())).
//  7. Tensor buffers come in TFLM's add order: the .tflite tensor index when the caller gives
//     it, else IR tensor order (graph input, then op outputs in op order). The add order only
//     matters to the planner's tie-break between equal sizes.
//  8. Scratch: op i's scratch request (bytes > 0) is one buffer [i + 1, i + 1], appended
//     after all tensors in op order (allocation-info index = tensor count + request index).
// Limits: one subgraph, no control flow (IF/WHILE/CALL_ONCE open nested scopes in TFLM), one
// scratch request per op, no offline plan (planner_tflm.h takes one separately).

#include <cstdint>
#include <vector>

#include "analysis/liveness.h"
#include "graph/network.h"
#include "util/result.h"

namespace analysis {

/// TFLM's arena buffer alignment (MicroArenaBufferAlignment()).
inline constexpr int64_t kTflmAlignmentBytes = 16;

struct TflmBuffers {
  /// Tensors (Interval::tensor = IR tensor id) in add order, then scratch buffers
  /// (Interval::tensor = -1). Steps are TFLM scopes: 0 = before op 0, i + 1 = op i.
  std::vector<Interval> intervals;
  int tensor_buffers = 0;       // intervals[0, tensor_buffers) are tensors
  std::vector<int> scratch_op;  // op index of intervals[tensor_buffers + k]
};

/// The TFLM buffer list of `net` (steps 1-8). `scratch_bytes` is empty (no scratch) or one
/// entry per op (e.g. kernels::ScratchBytes for CMSIS-NN); `file_tensor_index` is empty or one
/// .tflite tensor index per IR tensor (distinct). InputError on a length mismatch, a negative
/// scratch size or a repeated file index.
util::Result<TflmBuffers> TflmLifetimes(const graph::Network& net,
                                        const std::vector<int64_t>& scratch_bytes = {},
                                        const std::vector<int>& file_tensor_index = {});

}  // namespace analysis
