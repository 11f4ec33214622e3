#pragma once
// tinyops::Plan — the TinyOps deployment of one network under one SRAM budget, as a value.
// The partitioner (partitioner.h) produces it; the latency model consumes it. Everything the
// firmware decides ahead of inference is here: the partition factor, the seven SRAM buffers,
// per op its parts (input rows with halo, output rows, bytes moved), what is overlaid into
// SRAM and what the CPU reads in place from external RAM.
//
// Byte counts are of int8 (or int4, packed) tensor data. "DMA" bytes are copied external RAM
// -> SRAM by the DMA engine; "in place" bytes are read by the CPU straight from external RAM;
// "output" bytes are written by the CPU straight to external RAM (outputs are never overlaid).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.h"
#include "tinyops/split.h"

namespace tinyops {

/// The seven SRAM buffers, in the firmware's layout order (tinyops.md §2.1).
enum class Buffer {
  kInputPing,        // input 1 ping: S + 32
  kInputPong,        // input 1 pong: S + 32
  kFilter,           // input 2 ping = filter overlay: S + 32 (+ the unused budget with growth)
  kIm2col,           // input 2 pong = im2col scratch: max(S, RF) + 32
  kBias,             // Bmax + 32
  kQuantMultiplier,  // Bmax + 32 + 128
  kQuantShift,       // Bmax + 32 + 128
};
inline constexpr int kBufferCount = 7;
/// "input_ping", "input_pong", "filter", "im2col", "bias", "quant_multiplier", "quant_shift".
std::string_view BufferName(Buffer buffer);

/// MEM_ALIGNMENT_PAINT / SCRATCH_BUFFER_EXTRA: 32 B added to every buffer and gap (§1.7, §2.2).
inline constexpr int64_t kAlignBytes = 32;
/// Extra bytes of each quantisation buffer: the data is written at offset 64 (§1.7, §2.1).
inline constexpr int64_t kQuantExtraBytes = 128;
/// The firmware tries partition factors 2 .. MAX_PARTITION_FACTOR - 1 (§1.1).
inline constexpr int kMaxPartitionFactor = 223;

/// One part of a partitioned op: its rows (split.h) and the bytes it moves.
struct Part {
  RowPart rows;
  int64_t input_dma_bytes = 0;   // input 1 rows copied into the ping-pong buffer
  int64_t input2_dma_bytes = 0;  // ADD/MUL: input 2 at input 1's rows (0 otherwise)
  int64_t output_bytes = 0;      // written to external RAM
};

/// How the firmware splits an op kind (tinyops.md §1.2).
enum class SplitRule { kNone, kConv, kPool, kRows };

struct OpPlan {
  int op = -1;  // index into Network::ops
  graph::OpKind kind = graph::OpKind::kConv2d;
  SplitRule rule = SplitRule::kNone;  // kNone: runs unpartitioned, in place on external RAM
  int global_parts = 0;      // parts at the network's partition factor, before the reduction
  int partition_factor = 0;  // factor the op runs with after the reduction (§1.6); 0 unpartitioned
  std::vector<Part> parts;   // empty when unpartitioned
  int64_t max_part_bytes = 0;  // largest input-1 part at the network factor (0 unpartitioned)

  // Conv and depthwise only (§3); false/0 for other ops.
  bool filter_overlaid = false;  // filter bytes < filter buffer: DMA'd on stream 1
  bool bias_overlaid = false;
  bool quant_overlaid = false;
  int64_t filter_bytes = 0;      // Cout*kh*kw*Cin (conv) or kh*kw*C (depthwise)
  int64_t bias_bytes = 0;        // 4 * Cout
  int64_t quant_bytes = 0;       // multipliers + shifts: 2 * 4 * Cout
  int64_t scratch_bytes = 0;     // CMSIS-NN kernel scratch (im2col), 0 when the kernel needs none
  bool scratch_in_sram = false;  // scratch in the im2col buffer rather than the external arena

  int64_t dma_bytes = 0;            // everything this op moves by DMA (inputs + overlays)
  int64_t in_place_read_bytes = 0;  // read by the CPU from external RAM
  int64_t output_bytes = 0;         // written by the CPU to external RAM
};

/// Why no plan fits the budget: the op that limits every partition factor and its smallest
/// part (at the largest factor the firmware tries), and the smallest plan's SRAM.
struct Shortfall {
  int op = -1;
  std::string op_name;
  int smallest_part_rows = 0;
  int64_t smallest_part_bytes = 0;
  int64_t smallest_sram_bytes = 0;  // SRAM of the plan at the largest partition factor
  std::string reason;               // one sentence for the user
};

struct Plan {
  bool fits = false;
  int partition_factor = 0;         // network PF (the first that fits; kMaxPartitionFactor if none)
  int64_t max_partition_bytes = 0;  // S: the largest input part of any op at that factor
  int max_partition_op = -1;        // the op that sets S
  int64_t receptive_field_bytes = 0;  // RF: largest im2col need, 4*k*k*Cin conv, 2*k*k*C dw
  int64_t max_bias_bytes = 0;         // Bmax: 4 * the largest Cout of a conv
  std::array<int64_t, kBufferCount> buffer_bytes{};  // indexed by Buffer; each includes its +32
  int64_t sram_bytes = 0;           // 32 + sum of (buffer + 32): the fit check of §1.7
  int64_t budget_bytes = 0;
  bool filter_growth = true;
  int64_t filter_growth_bytes = 0;  // unused budget given to the filter buffer (0 if off)
  // true: the firmware's own choice (Partitioner::Run: the first PF that fits, input buffers
  // S + 32); false: a static configuration (Partitioner::RunStatic).
  bool firmware_rule = true;
  int64_t input_buffer_raise_bytes = 0;  // added to each input buffer above S + 32 (static only)
  std::vector<OpPlan> ops;          // one per network op, in execution order
  int64_t dma_bytes = 0;            // totals over ops
  int64_t in_place_read_bytes = 0;
  int64_t output_bytes = 0;
  std::optional<Shortfall> shortfall;  // set exactly when !fits
  std::vector<std::string> warnings;   // graph shapes the firmware does not handle (§1.2)

  int64_t buffer(Buffer b) const { return buffer_bytes[static_cast<size_t>(b)]; }
};

}  // namespace tinyops
