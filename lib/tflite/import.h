#pragma once
// tflite import: an int8 TFLite model as a graph::Network, the graph the firmware runs.
//
// Mapping (subgraph 0, ops in the file's execution order):
//  1. The graph input and every op output become IR tensors; NHWC shapes of rank <= 4 with
//     batch 1 ([c], [1,c], [1,w,c], [1,h,w,c]). Constant tensors (weights, biases, shapes,
//     paddings) are not IR tensors: they become op attributes.
//  2. CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED take their kernel size from the filter
//     tensor's shape and has_bias from the presence of the bias input; has_batch_norm is
//     false (TFLite folds it). Their input and filter must be int8: anything else is an error
//     (dse analyses int8-quantised models only).
//  3. Windows (convolutions, pools) get TFLite's own padding arithmetic: SAME gives
//     out = ceil(in / stride) and total = max((out - 1) * stride + k - in, 0), top = total / 2;
//     VALID gives out = ceil((in - k + 1) / stride) and no padding. The output tensor's shape
//     must agree, else the file is rejected.
//  4. Ops dse has no cost model for become OpKind::kUnsupported (no MACs, a real output
//     tensor), are named by their TFLite name and are counted in Import::unsupported.
//  5. Roles, heuristically: the first CONV_2D is the stem, the last CONV_2D or FULLY_CONNECTED
//     the classifier, ops after the first global pool or MEAN the head, the rest the body.
//     Block indices are unknown (-1).
// Limits: one graph input and one graph output; no dilation; no grouped CONV_2D; tensors of
// at most 2^28 elements and models of at most 2^52 MACs (beyond any microcontroller).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "graph/network.h"
#include "tflite/model.h"
#include "util/result.h"

namespace tflite {

struct UnsupportedOp {
  std::string name;  // TFLite op name, e.g. "TANH" or "CUSTOM:TFLite_Detection_PostProcess"
  int count = 0;
};

struct Import {
  graph::Network network;
  std::vector<UnsupportedOp> unsupported;  // by name, in order of first appearance
  int unsupported_count() const;           // sum of the counts
};

/// Maps a decoded model to the IR; the network is named `name`. Input errors name the op
/// ("op 12 (CONV_2D): ...") or tensor at fault.
util::Result<Import> ToNetwork(const Model& model, std::string name);

/// ParseModel + ToNetwork on bytes in memory.
util::Result<Import> ImportBytes(std::span<const uint8_t> bytes, std::string name);

/// Reads and maps a .tflite file; the network is named after the file's stem. Every error
/// message starts with "<path>: ".
util::Result<Import> ImportFile(const std::string& path);

}  // namespace tflite
