#include "graph/network.h"

#include <algorithm>

namespace graph {

std::string_view OpKindName(OpKind kind) {
  switch (kind) {
    case OpKind::kConv2d: return "conv2d";
    case OpKind::kDepthwiseConv2d: return "depthwise_conv2d";
    case OpKind::kFullyConnected: return "fully_connected";
    case OpKind::kAdd: return "add";
    case OpKind::kMul: return "mul";
    case OpKind::kAveragePool: return "average_pool";
    case OpKind::kMaxPool: return "max_pool";
    case OpKind::kMean: return "mean";
    case OpKind::kPad: return "pad";
    case OpKind::kReshape: return "reshape";
    case OpKind::kSoftmax: return "softmax";
    case OpKind::kHardSwish: return "hard_swish";
    case OpKind::kQuantize: return "quantize";
    case OpKind::kDequantize: return "dequantize";
    case OpKind::kConcatenation: return "concatenation";
    case OpKind::kUnsupported: return "unsupported";
  }
  return "?";
}

std::string_view ActivationName(Activation act) {
  switch (act) {
    case Activation::kNone: return "none";
    case Activation::kRelu: return "relu";
    case Activation::kRelu6: return "relu6";
    case Activation::kHardSwish: return "hard_swish";
    case Activation::kHardSigmoid: return "hard_sigmoid";
  }
  return "?";
}

std::string_view OpRoleName(OpRole role) {
  switch (role) {
    case OpRole::kStem: return "stem";
    case OpRole::kBody: return "body";
    case OpRole::kSqueezeExcite: return "squeeze_excite";
    case OpRole::kHead: return "head";
    case OpRole::kClassifier: return "classifier";
  }
  return "?";
}

int SameOutputSize(int in, int stride) { return (in + stride - 1) / stride; }

int SamePaddingTotal(int in, int kernel, int stride) {
  return std::max((SameOutputSize(in, stride) - 1) * stride + kernel - in, 0);
}

}  // namespace graph
