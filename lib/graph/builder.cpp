#include "graph/builder.h"

#include <utility>

namespace graph {

Builder::Builder(std::string name, int resolution, int channels) {
  network_.name = std::move(name);
  network_.input = AddTensor({resolution, resolution, channels});
}

int Builder::AddTensor(Shape shape) {
  std::string name = "t";  // appended, not "t" + ...: GCC 12 warns falsely (-Wrestrict) on that
  name += std::to_string(network_.tensors.size());
  network_.tensors.push_back({std::move(name), shape});
  return static_cast<int>(network_.tensors.size()) - 1;
}

Op& Builder::AddOp(OpKind kind, std::vector<int> inputs, Shape out_shape) {
  Op op;
  op.kind = kind;
  op.role = role_;
  op.block = block_;
  op.inputs = std::move(inputs);
  op.output = AddTensor(out_shape);
  op.name = std::string(OpKindName(kind)) + "_" + std::to_string(network_.ops.size());
  network_.ops.push_back(std::move(op));
  return network_.ops.back();
}

void Builder::SetWindow(Op& op, const Shape& in, int kernel, int stride) {
  op.kernel_h = op.kernel_w = kernel;
  op.stride_h = op.stride_w = stride;
  const int pad_h = SamePaddingTotal(in.h, kernel, stride);
  const int pad_w = SamePaddingTotal(in.w, kernel, stride);
  op.padding = {pad_h / 2, pad_h - pad_h / 2, pad_w / 2, pad_w - pad_w / 2};
}

int Builder::Conv(int input, const ConvSpec& spec) {
  const Shape in = shape(input);
  const Shape out{SameOutputSize(in.h, spec.stride), SameOutputSize(in.w, spec.stride),
                  spec.out_channels};
  Op& op = AddOp(OpKind::kConv2d, {input}, out);
  SetWindow(op, in, spec.kernel, spec.stride);
  op.activation = spec.activation;
  op.has_bias = spec.has_bias;
  op.has_batch_norm = spec.has_batch_norm;
  return op.output;
}

int Builder::DepthwiseConv(int input, const ConvSpec& spec) {
  const Shape in = shape(input);
  const Shape out{SameOutputSize(in.h, spec.stride), SameOutputSize(in.w, spec.stride), in.c};
  Op& op = AddOp(OpKind::kDepthwiseConv2d, {input}, out);
  SetWindow(op, in, spec.kernel, spec.stride);
  op.activation = spec.activation;
  op.has_bias = spec.has_bias;
  op.has_batch_norm = spec.has_batch_norm;
  return op.output;
}

int Builder::FullyConnected(int input, int out_features, Activation activation, bool has_bias) {
  Op& op = AddOp(OpKind::kFullyConnected, {input}, {1, 1, out_features});
  op.activation = activation;
  op.has_bias = has_bias;
  return op.output;
}

int Builder::Add(int a, int b) { return AddOp(OpKind::kAdd, {a, b}, shape(a)).output; }

int Builder::Mul(int a, int gate) { return AddOp(OpKind::kMul, {a, gate}, shape(a)).output; }

int Builder::GlobalAveragePool(int input) {
  const Shape in = shape(input);
  Op& op = AddOp(OpKind::kAveragePool, {input}, {1, 1, in.c});
  op.kernel_h = op.stride_h = in.h;
  op.kernel_w = op.stride_w = in.w;
  return op.output;
}

int Builder::Reshape(int input, Shape to) { return AddOp(OpKind::kReshape, {input}, to).output; }

Network Builder::Finish(int output, int activation_bits, int weight_bits) {
  network_.output = output;
  network_.activation_bits = activation_bits;
  network_.weight_bits = weight_bits;
  return std::move(network_);
}

}  // namespace graph
