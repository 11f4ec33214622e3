#pragma once
// What a network needs of any board under one runtime: weight bytes, the liveness peak, the
// arena (the peak of live tensors plus the running op's kernel scratch: what the external
// modes put in external RAM) and the internal SRAM as the runtime's layout places it
// (sram_layout.h: the internal mode's figure).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/liveness.h"
#include "graph/network.h"
#include "hw/board.h"
#include "kernels/runtime.h"
#include "placement/model_flash.h"
#include "placement/sram_layout.h"

namespace placement {

struct Footprint {
  int64_t weight_bytes = 0;          // weights + biases + quant params (analysis flash bytes)
  int64_t peak_activation_bytes = 0; // live tensors at the peak (analysis::ComputePeak)
  int64_t arena_bytes = 0;           // max over ops of live tensors + that op's kernel scratch
  int arena_peak_op = 0;             // the op where arena_bytes is reached
  SramNeed sram;                     // internal SRAM by the runtime's layout (LayoutOf)
  ModelFlash model;                  // the model as deployed in flash (model_flash.h)
  std::vector<int64_t> op_scratch_bytes;  // per op, the runtime's kernel scratch (ScratchBytes)
  std::optional<RuntimeCode> code;   // the runtime's code (SramLayout::code); nullopt = the
                                     // board's [flash] reserved_bytes
  std::string runtime_id;            // the runtime measured under, for the texts of violations
  kernels::RuntimeBuild runtime_build;  // what it is built from (modes that patch one check it)
};

/// The runtime code `f` puts in `board`'s flash: its layout's documented figure, else the
/// board's [flash] reserved_bytes.
int64_t RuntimeCodeBytes(const Footprint& f, const hw::Board& board);

/// The footprint of `net` under `runtime` (its kernels' scratch and its SRAM layout).
Footprint Measure(const graph::Network& net, const kernels::Runtime& runtime);
/// Same, reusing the liveness `peak` of `net` and its `weight_bytes` already computed.
Footprint Measure(const graph::Network& net, const kernels::Runtime& runtime,
                  const analysis::PeakActivation& peak, int64_t weight_bytes);

}  // namespace placement
