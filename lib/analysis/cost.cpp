#include "analysis/cost.h"

#include <algorithm>
#include <map>

namespace analysis {

using graph::OpKind;

OpCost CountOp(const graph::Network& net, const graph::Op& op) {
  OpCost cost;
  const graph::Shape& out = net.output_shape(op);
  int64_t weights = 0;
  int64_t channels_out = out.c;
  switch (op.kind) {
    case OpKind::kConv2d: {
      const int64_t in_c = net.input_shape(op).c;
      weights = channels_out * in_c * op.kernel_h * op.kernel_w;
      cost.macs = out.elements() * in_c * op.kernel_h * op.kernel_w;
      break;
    }
    case OpKind::kDepthwiseConv2d:
      weights = channels_out * op.kernel_h * op.kernel_w;
      cost.macs = out.elements() * op.kernel_h * op.kernel_w;
      break;
    case OpKind::kFullyConnected:
      weights = net.input_shape(op).elements() * channels_out;
      cost.macs = weights;
      break;
    default:
      return cost;
  }
  cost.params = weights + (op.has_bias ? channels_out : 0) + (op.has_batch_norm ? 2 * channels_out : 0);
  cost.weight_bytes = (weights * net.weight_bits + 7) / 8;
  cost.bias_bytes = 4 * channels_out;
  cost.quant_param_bytes = op.kind == OpKind::kFullyConnected ? 8 : 8 * channels_out;
  return cost;
}

Totals CountNetwork(const graph::Network& net) {
  Totals totals;
  for (const graph::Op& op : net.ops) {
    const OpCost c = CountOp(net, op);
    totals.macs += c.macs;
    totals.params += c.params;
    totals.weight_bytes += c.weight_bytes;
    totals.flash_bytes += c.flash_bytes();
  }
  return totals;
}

std::string OpClass(const graph::Op& op) {
  if (op.role == graph::OpRole::kSqueezeExcite) return "se";
  if (op.role == graph::OpRole::kStem) return "stem";
  if (op.role == graph::OpRole::kClassifier || op.kind == OpKind::kFullyConnected) return "fc";
  if (op.kind == OpKind::kDepthwiseConv2d) {
    return "dw" + std::to_string(op.kernel_h) + "x" + std::to_string(op.kernel_w);
  }
  if (op.kind == OpKind::kConv2d) {
    return op.kernel_h == 1 && op.kernel_w == 1 ? "conv1x1" : "conv_kxk";
  }
  return "other";
}

std::vector<ClassShare> MacShares(const graph::Network& net) {
  std::map<std::string, int64_t> by_class;
  int64_t total = 0;
  for (const graph::Op& op : net.ops) {
    const int64_t macs = CountOp(net, op).macs;
    if (macs == 0) continue;
    by_class[OpClass(op)] += macs;
    total += macs;
  }
  std::vector<ClassShare> shares;
  for (const auto& [name, macs] : by_class) {
    shares.push_back({name, macs, total > 0 ? static_cast<double>(macs) / total : 0.0});
  }
  std::stable_sort(shares.begin(), shares.end(),
                   [](const ClassShare& a, const ClassShare& b) { return a.macs > b.macs; });
  return shares;
}

double DepthwiseShare(const graph::Network& net) {
  int64_t dw = 0;
  int64_t total = 0;
  for (const graph::Op& op : net.ops) {
    const int64_t macs = CountOp(net, op).macs;
    total += macs;
    if (op.kind == OpKind::kDepthwiseConv2d) dw += macs;
  }
  return total > 0 ? static_cast<double>(dw) / total : 0.0;
}

int64_t TensorBytes(const graph::Network& net, int tensor) {
  const graph::Tensor& t = net.tensor(tensor);
  const int bits = t.element_bits > 0 ? t.element_bits : net.activation_bits;
  return (t.shape.elements() * bits + 7) / 8;
}

}  // namespace analysis
