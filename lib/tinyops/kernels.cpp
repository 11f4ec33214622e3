#include "tinyops/kernels.h"

namespace tinyops {

namespace {
bool IsConv(const graph::Op& op) {
  return op.kind == graph::OpKind::kConv2d || op.kind == graph::OpKind::kDepthwiseConv2d;
}
}  // namespace

int64_t ReceptiveFieldBytes(const graph::Network& net, const graph::Op& op) {
  const int64_t window = int64_t{op.kernel_h} * op.kernel_w;
  const int64_t cin = net.input_shape(op).c;
  if (op.kind == graph::OpKind::kConv2d) return 4 * window * cin;
  if (op.kind == graph::OpKind::kDepthwiseConv2d) return 2 * window * cin;
  return 0;
}

int64_t FilterBytes(const graph::Network& net, const graph::Op& op) {
  const int64_t window = int64_t{op.kernel_h} * op.kernel_w;
  int64_t elements = 0;
  if (op.kind == graph::OpKind::kConv2d) {
    elements = int64_t{net.output_shape(op).c} * window * net.input_shape(op).c;
  } else if (op.kind == graph::OpKind::kDepthwiseConv2d) {
    elements = window * net.output_shape(op).c;
  }
  return (elements * net.weight_bits + 7) / 8;
}

int ConvOutChannels(const graph::Network& net, const graph::Op& op) {
  return IsConv(op) ? net.output_shape(op).c : 0;
}

}  // namespace tinyops
