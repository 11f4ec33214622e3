#pragma once
// What the CMSIS-NN int8 kernels the TinyOps firmware links need besides their tensors
// (shared reference tinyops.md §2.1, §3): im2col scratch per op, and the per-op terms of the
// buffer sizing (receptive field, bias bytes).

#include <cstdint>

#include "graph/network.h"

namespace tinyops {

/// Scratch bytes the CMSIS-NN kernel chosen for `op` requests, 0 when it needs none:
///  * CONV_2D: 0 for a 1x1, stride 1, unpadded conv with Cin % 4 == 0 (arm_convolve_1x1_s8_fast),
///    else 4*kh*kw*Cin (arm_convolve_s8: two im2col columns of int16).
///  * DEPTHWISE_CONV_2D with channel multiplier 1: 0 for 3x3 with top/left pad <= 1
///    (arm_depthwise_conv_3x3_s8), else 2*kh*kw*C (arm_depthwise_conv_s8_opt).
///  * every other op: 0.
int64_t KernelScratchBytes(const graph::Network& net, const graph::Op& op);

/// The op's term of RF (§2.1): 4*kh*kw*Cin for CONV_2D, 2*kh*kw*C for DEPTHWISE_CONV_2D, else 0.
int64_t ReceptiveFieldBytes(const graph::Network& net, const graph::Op& op);

/// Bytes of the op's filter (product of its 4 dims): Cout*kh*kw*Cin for CONV_2D, kh*kw*C for
/// DEPTHWISE_CONV_2D, at the network's weight bits; 0 for other ops.
int64_t FilterBytes(const graph::Network& net, const graph::Op& op);

/// Output channels of a conv or depthwise op (the length of its bias and quant vectors), else 0.
int ConvOutChannels(const graph::Network& net, const graph::Op& op);

}  // namespace tinyops
