#pragma once
// graph::InferBlocks — the inverted-residual blocks of a network that came without them (an
// imported .tflite: Op::block is -1 everywhere), so the analyses that work block by block
// (patch-based inference's split points) see the same structure as on a built network.
//  1. Every DEPTHWISE_CONV_2D, in op order, anchors one block.
//  2. Backwards from it: through a PAD that only it reads, to the op producing that input; when
//     that op is a 1x1 stride-1 CONV_2D not already in a block (a previous block's project) and
//     not the stem, it is the block's expand conv and the block starts there, or at a PAD
//     before it that only it reads (the MCUNet zoo files pad before every conv, 1x1 included).
//  3. Forwards: through a PAD that only the next op reads, to the one op reading the depthwise
//     output; when that is a 1x1 CONV_2D it is the project conv and ends the block, unless the
//     one op reading the project output is an ADD (the residual), which then ends it.
//  4. The block is the range of ops from its first to its last op (ops run in order, so the
//     PADs and anything the exporter placed between belong to it); blocks are numbered from 0
//     in order. A depthwise without a project conv (a MobileNetV1-style chain ends otherwise)
//     anchors no block.
// A network where some op already has a block is returned unchanged.

#include "graph/network.h"

namespace graph {

/// `net` with Op::block set by the rules above; the number of blocks found in `*blocks` when
/// not null.
Network InferBlocks(Network net, int* blocks = nullptr);

}  // namespace graph
