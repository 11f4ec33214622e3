#pragma once
// The TFLM arena of a network as TFLM lays it out (reference: memory_schedules.md §1.3-1.4).
// placement's "tflm" SRAM layout (placement/sram_layout_tflm.cpp) is built on it.
//
//  1. Head (non-persistent, reused every Invoke): the TFLM buffer list (lifetimes_tflm.h: every
//     activation tensor, sizes rounded to 16 B, then the per-op scratch buffers) placed by
//     TFLM's greedy planner (planner_tflm.h); head = max offset + bytes (§1.2 step 4).
//  2. Tail (persistent), only the parts §1.3/§1.5 give rules for, with 32-bit Cortex-M sizes
//     measured on person_detect (tflite-micro benchmarking README, §1.5 table):
//      a. one TfLiteEvalTensor per .tflite tensor, weights included: 12 B (1,068 B / 89);
//      b. one NodeAndRegistration per op: 32 B (992 B / 31);
//      c. per-channel requantisation of CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED: a
//         multiplier and a shift, 2 x int32 = 8 B per output channel (§1.3 "OpData").
//  3. total = head + tail (arena_used_bytes() once planning's temp area is released, §1.3).
// Limits: the tail leaves out the other OpData fields, quantisation structs, variable
// tensors and the allocator's own objects, so it is a lower estimate (person_detect: these
// rules give 23,964 B of its published 29,140 B). The planning-temp high-water mark and the
// +16 B for an unaligned arena pointer are not included. x86-64 struct sizes (TFLM's
// threshold tests) differ from these.

#include <cstdint>
#include <vector>

#include "analysis/lifetimes_tflm.h"
#include "analysis/planner.h"
#include "graph/network.h"
#include "util/result.h"

namespace analysis {

inline constexpr int64_t kTflmEvalTensorBytes = 12;         // step 2a
inline constexpr int64_t kTflmNodeAndRegistrationBytes = 32;  // step 2b
inline constexpr int64_t kTflmPerChannelBytes = 8;            // step 2c

struct TflmArenaOptions {
  /// One .tflite tensor index per IR tensor (the planner's tie order), or empty: IR order.
  std::vector<int> file_tensor_index;
  /// Tensors in the .tflite subgraph, constants included (step 2a); 0 estimates it as the IR
  /// tensors plus a filter and, with has_bias, a bias per CONV / DEPTHWISE / FC op.
  int file_tensor_count = 0;
};

struct TflmTail {
  int64_t eval_tensor_bytes = 0;  // step 2a
  int64_t node_bytes = 0;         // step 2b
  int64_t per_channel_bytes = 0;  // step 2c
  int64_t total_bytes() const { return eval_tensor_bytes + node_bytes + per_channel_bytes; }
};

struct TflmArena {
  int64_t head_bytes = 0;         // step 1
  int64_t tail_bytes = 0;         // step 2, = tail.total_bytes()
  int64_t total_bytes = 0;        // step 3
  int64_t lower_bound_bytes = 0;  // LiveBytesBound of the head's buffers (§1.4)
  TflmTail tail;
  TflmBuffers buffers;            // the planned buffers (tensors, then scratch)
  Placement placement;            // one offset per buffers.intervals entry
};

/// The TFLM arena of `net`: `scratch_bytes` is empty or one entry per op (bytes requested by
/// its kernel, e.g. kernels::ScratchBytes). Errors are TflmLifetimes's.
util::Result<TflmArena> ComputeTflmArena(const graph::Network& net,
                                         const std::vector<int64_t>& scratch_bytes = {},
                                         const TflmArenaOptions& options = {});

}  // namespace analysis
