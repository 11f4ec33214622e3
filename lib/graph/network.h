#pragma once
// graph::Network — a deployed network as the MCU runs it: ops in execution order over
// NHWC tensors of exact shape (batch 1). It carries nothing about a board or a deployment:
// cost models take a Network, a hw::Board and a Deployment as separate const inputs.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace graph {

// The operator kinds of the deployed (TFLite) graph. Batch norm is folded and activations are
// attributes of the op that produces them, as in a TFLite int8 export.
enum class OpKind {
  kConv2d,
  kDepthwiseConv2d,
  kFullyConnected,
  kAdd,             // elementwise, not in place: the output is a new tensor
  kMul,             // elementwise with a per-channel broadcast of input 1 (the SE gate)
  kAveragePool,     // windowed or global
  kMaxPool,
  kMean,            // reduce over H and W (TFLite MEAN)
  kPad,
  kReshape,         // an alias: shares its input's bytes
  kSoftmax,
  kHardSwish,       // a standalone activation op, where a graph has one
  kQuantize,
  kDequantize,
  kConcatenation,
  // An op of an imported graph that dse does not model (e.g. TFLite TANH): no MACs, no
  // weights; its output is a real tensor so lifetimes stay right. Op::name holds the source
  // op's name. Importers count these and report them; they are never dropped.
  kUnsupported,
};

// Fused output activation.
enum class Activation { kNone, kRelu, kRelu6, kHardSwish, kHardSigmoid };

// What an op is for inside its network; drives the MAC share per op class (paper Fig. 6).
enum class OpRole {
  kStem,        // the first convolution
  kBody,        // inverted-residual blocks (expand, depthwise, project, residual add)
  kSqueezeExcite,
  kHead,        // feature-mix and post-pool 1x1 convs, hidden linear layers, pooling
  kClassifier,  // the last linear layer (a 1x1 conv in TinyOps' TFLite exports)
};

std::string_view OpKindName(OpKind kind);        // "conv2d", "depthwise_conv2d", ...
std::string_view ActivationName(Activation act);  // "none", "relu", "relu6", ...
std::string_view OpRoleName(OpRole role);         // "stem", "body", ...

// NHWC shape with N = 1.
struct Shape {
  int h = 1;
  int w = 1;
  int c = 1;
  int64_t elements() const { return int64_t{h} * w * c; }
  bool operator==(const Shape&) const = default;
};

struct Tensor {
  std::string name;
  Shape shape;
  // Bits per element when it differs from the network's activation_bits (e.g. an int32 or
  // float32 tensor of an imported graph); 0 means activation_bits.
  int element_bits = 0;
  bool operator==(const Tensor&) const = default;
};

// Explicit padding in rows/columns, as TFLite computes it (SAME: top = floor(total / 2)).
struct Padding {
  int top = 0;
  int bottom = 0;
  int left = 0;
  int right = 0;
  bool operator==(const Padding&) const = default;
};

struct Op {
  OpKind kind = OpKind::kConv2d;
  OpRole role = OpRole::kBody;
  std::string name;
  std::vector<int> inputs;  // tensor ids; weights are attributes, not tensors
  int output = -1;          // tensor id
  int kernel_h = 1;
  int kernel_w = 1;
  int stride_h = 1;
  int stride_w = 1;
  Padding padding;
  Activation activation = Activation::kNone;
  // Parameters as trained (before folding): a bias vector and/or a batch norm (gamma, beta)
  // on the output channels. Counted by analysis::CountParams the way the paper counts them.
  bool has_bias = false;
  bool has_batch_norm = false;
  int block = -1;  // index of the inverted-residual block the op belongs to, -1 outside blocks
  bool operator==(const Op&) const = default;
};

// A whole network. Invariant: ops are in execution order and every input of op i is the
// network input or the output of an op before i.
struct Network {
  std::string name;
  std::vector<Tensor> tensors;
  std::vector<Op> ops;
  int input = 0;  // tensor id of the image
  int output = 0;
  int activation_bits = 8;  // 8 for int8 nets, 4 for MCUNet's int4 nets
  int weight_bits = 8;
  // The size of the file an imported network came from (its flash as deployed, issue 14);
  // 0 for a network dse built (placement/model_flash.h estimates that one's flatbuffer).
  int64_t file_bytes = 0;

  /// Equal in every field (name, tensors, ops, ids, bits, file size).
  bool operator==(const Network&) const = default;

  const Tensor& tensor(int id) const { return tensors[static_cast<size_t>(id)]; }
  const Shape& input_shape(const Op& op, size_t i = 0) const { return tensor(op.inputs[i]).shape; }
  const Shape& output_shape(const Op& op) const { return tensor(op.output).shape; }
};

// Output size of a window along one axis under TF "SAME" padding: ceil(in / stride).
int SameOutputSize(int in, int stride);
// Total SAME padding along one axis: max((out - 1) * stride + kernel - in, 0).
int SamePaddingTotal(int in, int kernel, int stride);

}  // namespace graph
