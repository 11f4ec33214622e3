#pragma once
// Which CMSIS-NN kernel runs an op, and how much work and memory traffic it does.
//
// The kernel choice follows the CMSIS-NN version bundled with the TinyOps firmware
// (shared reference latency.md §3.1, tinyops.md §3):
//  * conv: arm_convolve_1x1_s8_fast iff kernel 1x1, padding 0, stride 1 and Cin % 4 == 0;
//    otherwise arm_convolve_s8 (im2col of two output pixels to s16, then mat-mult).
//  * depthwise, channel multiplier 1: arm_depthwise_conv_3x3_s8 for 3x3 with pad <= 1, else
//    arm_depthwise_conv_s8_opt (im2col of the k x k x C window to s16 per output pixel);
//    channel multiplier != 1: the generic arm_depthwise_conv_s8.
//  * fully connected, elementwise (add, mul, hard-swish), pooling (average, max, mean), pad,
//    softmax, and copies (reshape, concatenation, (de)quantize).
// Traffic counts are bytes the CPU touches with the access pattern of those kernels; where they
// come from (SRAM, flash, external RAM, a cache) is decided by the latency model per mode.

#include <cstdint>
#include <string_view>

#include "graph/network.h"

namespace kernels {

enum class KernelClass {
  kConv1x1Fast,
  kConvIm2col,
  kDw3x3Fast,
  kDwOpt,      // channel multiplier 1, not the 3x3 fast path
  kDwGeneric,  // channel multiplier != 1
  kFullyConnected,
  kElementwise,
  kPool,
  kPad,
  kSoftmax,
  kCopy,       // reshape (an alias: dispatch only), concatenation, (de)quantize
};

std::string_view KernelClassName(KernelClass kind);  // "conv1x1_fast", "conv_im2col", ...

/// The CMSIS-NN kernel that runs `op` (rules above).
KernelClass Classify(const graph::Network& net, const graph::Op& op);

/// Work and traffic of one op, in elements and bytes (int8 activations and weights).
struct OpWork {
  KernelClass kernel = KernelClass::kCopy;
  int kernel_size = 1;             // max(kh, kw); selects the depthwise coefficient
  int64_t macs = 0;
  int64_t leftover_macs = 0;       // 1x1 fast path: MACs of the scalar Cin % 16 column loop
  int64_t gathered_elements = 0;   // im2col conv: input elements copied into s16 columns
  int64_t output_elements = 0;     // each is requantised once (conv, dw, fc, add)
  int64_t other_elements = 0;      // elements processed by non-MAC kernels (add, pool, pad, ...)
  int64_t input_bytes = 0;         // first input tensor
  int64_t output_bytes = 0;
  int64_t weight_bytes = 0;        // filter
  int64_t bias_bytes = 0;          // int32 per output channel
  int64_t quant_bytes = 0;         // per-channel multiplier and shift
  // Bytes the kernel reads or writes, counting every re-read (no cache).
  int64_t weight_read_bytes = 0;
  int64_t input_read_bytes = 0;
  int64_t scratch_bytes = 0;       // im2col buffer writes + reads
  int64_t scratch_write_bytes = 0;  // of which written (the gather into the s16 buffer)
  // Working set that must stay cached for re-reads to hit (see CachedBytes).
  int64_t weight_footprint_bytes = 0;
  int64_t input_footprint_bytes = 0;
  int64_t scratch_footprint_bytes = 0;  // the im2col buffer itself
};

/// Work of `op` in `net`.
OpWork MeasureOp(const graph::Network& net, const graph::Op& op);

/// Scratch bytes the CMSIS-NN kernel chosen for `op` requests, 0 when it needs none:
///  * CONV_2D: 0 for a 1x1, stride 1, unpadded conv with Cin % 4 == 0 (arm_convolve_1x1_s8_fast),
///    else 4*kh*kw*Cin (arm_convolve_s8: two im2col columns of int16).
///  * DEPTHWISE_CONV_2D with channel multiplier 1: 0 for 3x3 with top/left pad <= 1
///    (arm_depthwise_conv_3x3_s8), else 2*kh*kw*C (arm_depthwise_conv_s8_opt).
///  * every other op: 0.
int64_t ScratchBytes(const graph::Network& net, const graph::Op& op);


/// Bytes fetched from a memory behind a data cache of `dcache_bytes` (0: none) for a stream of
/// `read_bytes` accesses over `unique_bytes` distinct bytes whose re-reads span
/// `footprint_bytes`. Re-reads hit only when the footprint fits in half the cache (the other
/// half holds the other operands); then each byte is fetched once.
int64_t CachedBytes(int64_t read_bytes, int64_t unique_bytes, int64_t footprint_bytes,
                    int64_t dcache_bytes);

}  // namespace kernels
