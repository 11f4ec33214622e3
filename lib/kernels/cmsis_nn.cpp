#include "kernels/cmsis_nn.h"

#include <algorithm>

#include "analysis/cost.h"

namespace kernels {
namespace {

using graph::OpKind;

int64_t CeilHalf(int64_t n) { return (n + 1) / 2; }

KernelClass ClassifyConv(const graph::Network& net, const graph::Op& op) {
  const graph::Padding& pad = op.padding;
  const bool no_pad = pad.top == 0 && pad.bottom == 0 && pad.left == 0 && pad.right == 0;
  const bool fast = op.kernel_h == 1 && op.kernel_w == 1 && op.stride_h == 1 &&
                    op.stride_w == 1 && no_pad && net.input_shape(op).c % 4 == 0;
  return fast ? KernelClass::kConv1x1Fast : KernelClass::kConvIm2col;
}

KernelClass ClassifyDepthwise(const graph::Network& net, const graph::Op& op) {
  if (net.output_shape(op).c != net.input_shape(op).c) return KernelClass::kDwGeneric;
  const bool three = op.kernel_h == 3 && op.kernel_w == 3;
  const bool small_pad = op.padding.top <= 1 && op.padding.left <= 1;
  return three && small_pad ? KernelClass::kDw3x3Fast : KernelClass::kDwOpt;
}

// Conv kernels sweep the whole filter once per pair of output pixels (the s8 mat-mult takes
// two columns at a time) and each column once per pair of output channels.
void ConvTraffic(const graph::Network& net, const graph::Op& op, OpWork* w) {
  const graph::Shape& in = net.input_shape(op);
  const graph::Shape& out = net.output_shape(op);
  const int64_t pixels = int64_t{out.h} * out.w;
  const int64_t taps = int64_t{op.kernel_h} * op.kernel_w * in.c;
  w->weight_read_bytes = w->weight_bytes * CeilHalf(pixels);
  w->weight_footprint_bytes = w->weight_bytes;
  if (w->kernel == KernelClass::kConv1x1Fast) {
    // arm_nn_mat_mult_nt_t_s8 runs its SIMD loop over 16 columns at a time; the rest is scalar.
    w->leftover_macs = pixels * out.c * (in.c % 16);
    w->input_read_bytes = pixels * in.c * CeilHalf(out.c);
    w->input_footprint_bytes = 2 * int64_t{in.c};
    return;
  }
  // im2col: gather k x k x Cin per pixel into s16 columns, then the mat-mult reads them.
  w->input_read_bytes = pixels * taps;
  w->gathered_elements = pixels * taps;
  w->input_footprint_bytes = int64_t{op.kernel_h} * in.w * in.c;
  w->scratch_bytes = 2 * pixels * taps + 2 * pixels * taps * CeilHalf(out.c);
  w->scratch_write_bytes = 2 * pixels * taps;
  w->scratch_footprint_bytes = 2 * 2 * taps;
}

// Depthwise kernels read each tap of input and filter once per output pixel; the _opt kernel
// also writes the window to an s16 im2col buffer and reads it back.
void DepthwiseTraffic(const graph::Network& net, const graph::Op& op, OpWork* w) {
  const graph::Shape& in = net.input_shape(op);
  const int64_t window = int64_t{op.kernel_h} * op.kernel_w * in.c;
  w->weight_read_bytes = w->macs;
  w->weight_footprint_bytes = w->weight_bytes;
  w->input_read_bytes = w->macs;
  w->input_footprint_bytes = int64_t{op.kernel_h} * in.w * in.c;
  if (w->kernel == KernelClass::kDwOpt) {
    w->scratch_bytes = 4 * w->macs;
    w->scratch_write_bytes = 2 * w->macs;
    w->scratch_footprint_bytes = 2 * window;
  }
}

void NonMacWork(const graph::Network& net, const graph::Op& op, OpWork* w) {
  const int64_t out_elements = net.output_shape(op).elements();
  const int64_t in_elements = net.input_shape(op).elements();
  switch (op.kind) {
    case OpKind::kAdd:
    case OpKind::kMul:
      w->other_elements = out_elements;
      w->output_elements = out_elements;  // requantised
      w->input_read_bytes = 2 * out_elements;
      break;
    case OpKind::kAveragePool:
    case OpKind::kMaxPool:
    case OpKind::kMean:
      w->other_elements = std::max(in_elements, out_elements * op.kernel_h * op.kernel_w);
      w->input_read_bytes = w->other_elements;
      break;
    case OpKind::kReshape:
      break;  // an alias: no data moves
    default:
      w->other_elements = out_elements;
      w->input_read_bytes = in_elements;
      break;
  }
  w->input_footprint_bytes = w->input_read_bytes;  // streamed once
}

}  // namespace

std::string_view KernelClassName(KernelClass kind) {
  switch (kind) {
    case KernelClass::kConv1x1Fast: return "conv1x1_fast";
    case KernelClass::kConvIm2col: return "conv_im2col";
    case KernelClass::kDw3x3Fast: return "dw3x3_fast";
    case KernelClass::kDwOpt: return "dw_opt";
    case KernelClass::kDwGeneric: return "dw_generic";
    case KernelClass::kFullyConnected: return "fully_connected";
    case KernelClass::kElementwise: return "elementwise";
    case KernelClass::kPool: return "pool";
    case KernelClass::kPad: return "pad";
    case KernelClass::kSoftmax: return "softmax";
    case KernelClass::kCopy: return "copy";
  }
  return "copy";
}

KernelClass Classify(const graph::Network& net, const graph::Op& op) {
  switch (op.kind) {
    case OpKind::kConv2d: return ClassifyConv(net, op);
    case OpKind::kDepthwiseConv2d: return ClassifyDepthwise(net, op);
    case OpKind::kFullyConnected: return KernelClass::kFullyConnected;
    case OpKind::kAdd:
    case OpKind::kMul:
    case OpKind::kHardSwish: return KernelClass::kElementwise;
    case OpKind::kAveragePool:
    case OpKind::kMaxPool:
    case OpKind::kMean: return KernelClass::kPool;
    case OpKind::kPad: return KernelClass::kPad;
    case OpKind::kSoftmax: return KernelClass::kSoftmax;
    default: return KernelClass::kCopy;
  }
}

OpWork MeasureOp(const graph::Network& net, const graph::Op& op) {
  const analysis::OpCost cost = analysis::CountOp(net, op);
  OpWork w;
  w.kernel = Classify(net, op);
  w.kernel_size = std::max(op.kernel_h, op.kernel_w);
  w.macs = cost.macs;
  w.weight_bytes = cost.weight_bytes;
  w.bias_bytes = cost.macs > 0 ? cost.bias_bytes : 0;
  w.quant_bytes = cost.quant_param_bytes;
  w.input_bytes = analysis::TensorBytes(net, op.inputs.front());
  w.output_bytes = analysis::TensorBytes(net, op.output);
  if (cost.macs == 0) {
    NonMacWork(net, op, &w);
    return w;
  }
  w.output_elements = net.output_shape(op).elements();
  switch (w.kernel) {
    case KernelClass::kConv1x1Fast:
    case KernelClass::kConvIm2col: ConvTraffic(net, op, &w); break;
    case KernelClass::kFullyConnected:
      w.weight_read_bytes = w.weight_bytes;
      w.weight_footprint_bytes = w.weight_bytes;
      w.input_read_bytes = w.macs;
      w.input_footprint_bytes = w.input_bytes;
      break;
    default: DepthwiseTraffic(net, op, &w); break;
  }
  return w;
}

int64_t ScratchBytes(const graph::Network& net, const graph::Op& op) {
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

int64_t CachedBytes(int64_t read_bytes, int64_t unique_bytes, int64_t footprint_bytes,
                    int64_t dcache_bytes) {
  if (dcache_bytes > 0 && footprint_bytes <= dcache_bytes / 2) {
    return std::min(read_bytes, unique_bytes);
  }
  return read_bytes;
}

}  // namespace kernels
