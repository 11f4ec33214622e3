#pragma once
// The per-op terms of the TinyOps buffer sizing (shared reference tinyops.md §2.1, §3):
// receptive field, filter bytes, output channels. The kernels' scratch is kernels::ScratchBytes.

#include <cstdint>

#include "graph/network.h"

namespace tinyops {

/// The op's term of RF (§2.1): 4*kh*kw*Cin for CONV_2D, 2*kh*kw*C for DEPTHWISE_CONV_2D, else 0.
int64_t ReceptiveFieldBytes(const graph::Network& net, const graph::Op& op);

/// Bytes of the op's filter (product of its 4 dims): Cout*kh*kw*Cin for CONV_2D, kh*kw*C for
/// DEPTHWISE_CONV_2D, at the network's weight bits; 0 for other ops.
int64_t FilterBytes(const graph::Network& net, const graph::Op& op);

/// Output channels of a conv or depthwise op (the length of its bias and quant vectors), else 0.
int ConvOutChannels(const graph::Network& net, const graph::Op& op);

}  // namespace tinyops
