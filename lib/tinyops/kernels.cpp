#include "tinyops/kernels.h"

namespace tinyops {

namespace {
bool IsConv(const graph::Op& op) {
  return op.kind == graph::OpKind::kConv2d || op.kind == graph::OpKind::kDepthwiseConv2d;
}
}  // namespace

int64_t KernelScratchBytes(const graph::Network& net, const graph::Op& op) {
  const int64_t cin = net.input_shape(op).c;
  const int64_t window = int64_t{op.kernel_h} * op.kernel_w;
  if (op.kind == graph::OpKind::kConv2d) {
    const graph::Padding& p = op.padding;
    const bool unpadded = p.top == 0 && p.bottom == 0 && p.left == 0 && p.right == 0;
    const bool fast_1x1 = window == 1 && op.stride_h == 1 && op.stride_w == 1 && unpadded &&
                          cin % 4 == 0;
    return fast_1x1 ? 0 : 4 * window * cin;
  }
  if (op.kind == graph::OpKind::kDepthwiseConv2d) {
    if (net.output_shape(op).c != cin) return 0;  // channel multiplier > 1: generic, no scratch
    const bool kernel_3x3 = op.kernel_h == 3 && op.kernel_w == 3 && op.padding.top <= 1 &&
                            op.padding.left <= 1;
    return kernel_3x3 ? 0 : 2 * window * cin;
  }
  return 0;
}

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
