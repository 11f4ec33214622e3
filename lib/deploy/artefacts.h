#pragma once
// deploy — the files `dse deploy` writes for the firmware (issue 14 item 5):
//  * dse_model_config.h: the runtime's sizes as C macros. TFLM-style modes: TENSOR_ARENA_SIZE.
//    TinyOps: PARTITION_FACTOR and the seven buffer sizes under the macro names of the TinyOps F4
//    firmware (reference tinyops.md §2.1: TENSOR_BUFFER_SIZE for the input ping and pong,
//    INPUT2_TENSOR_BUFFER_0_SIZE, INPUT2_TENSOR_BUFFER_1_SIZE, BIAS_TENSOR_BUFFER_SIZE,
//    QUANT_PARAMS_BUFFER_SIZE for multipliers and shifts; the firmware adds SCRATCH_BUFFER_EXTRA
//    = 32 to each array and 128 to each quantisation array, so the macros are the plan's buffer
//    bytes less those), plus the schedule of a schedule mode as comments;
//  * dse_memory.ld: the GNU ld fragment of the memory map (memory_map.h);
//  * layer_report.txt / layer_report.csv: per layer, as STM32Cube.AI's analyze: MACs, ROM
//    (weights, biases, quantisation data) and RAM (live activations while it runs + its kernel
//    scratch), the totals and the region map.

#include <string>
#include <utility>
#include <vector>

#include "deploy/memory_map.h"
#include "graph/network.h"
#include "hw/board.h"
#include "kernels/runtime.h"
#include "placement/mode.h"
#include "util/result.h"

namespace deploy {

/// File name and content, in the order they are written.
using Files = std::vector<std::pair<std::string, std::string>>;

/// The config header for `fit` (see above).
std::string ConfigHeader(const graph::Network& net, const hw::Board& board,
                         const placement::Footprint& footprint, const placement::Fit& fit);

/// The per-layer report as CSV (header "op,name,kind,output,macs,rom_bytes,ram_bytes") and as
/// text; RAM under the mode's schedule where it has one.
std::string LayerReportCsv(const graph::Network& net, const kernels::Runtime& runtime,
                           const placement::Fit& fit);
std::string LayerReportText(const graph::Network& net, const kernels::Runtime& runtime,
                            const placement::Fit& fit, const MemoryMap& map);

/// Every file of a deployment.
Files BuildArtefacts(const graph::Network& net, const hw::Board& board,
                     const kernels::Runtime& runtime, const placement::Footprint& footprint,
                     const placement::Fit& fit);

/// Writes `files` into `dir` (created when missing), all or nothing: each is written into a
/// staging directory in `dir` and the set is moved in once every file is written. On a failure
/// (named by its file in `dir`) nothing of this call is left: `dir` keeps what it held, or is
/// removed again when this call made it.
util::Status WriteArtefacts(const std::string& dir, const Files& files);

}  // namespace deploy
