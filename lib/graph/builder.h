#pragma once
// graph::Builder — appends ops to a Network and derives every output shape and SAME padding,
// so code that describes an architecture never computes a shape by hand.

#include <string>

#include "graph/network.h"

namespace graph {

struct ConvSpec {
  int out_channels = 0;
  int kernel = 1;
  int stride = 1;
  Activation activation = Activation::kNone;
  bool has_bias = false;
  bool has_batch_norm = true;
};

class Builder {
 public:
  // Starts a network whose input image is resolution x resolution x channels.
  Builder(std::string name, int resolution, int channels = 3);

  // Each call appends one op reading `input` and returns the id of its output tensor.
  int Conv(int input, const ConvSpec& spec);
  int DepthwiseConv(int input, const ConvSpec& spec);  // spec.out_channels is ignored
  int FullyConnected(int input, int out_features, Activation activation, bool has_bias);
  int Add(int a, int b);
  int Mul(int a, int gate);          // gate is 1x1xC, broadcast over H and W
  int GlobalAveragePool(int input);  // kernel = stride = H x W, output 1x1xC
  int Reshape(int input, Shape to);

  // Attributes applied to ops appended from now on.
  void set_role(OpRole role) { role_ = role; }
  void set_block(int block) { block_ = block; }

  int input() const { return network_.input; }
  const Shape& shape(int tensor) const { return network_.tensor(tensor).shape; }
  // Finishes the network with `output` as its result.
  Network Finish(int output, int activation_bits = 8, int weight_bits = 8);

 private:
  int AddTensor(Shape shape);
  Op& AddOp(OpKind kind, std::vector<int> inputs, Shape out_shape);
  void SetWindow(Op& op, const Shape& in, int kernel, int stride);

  Network network_;
  OpRole role_ = OpRole::kBody;
  int block_ = -1;
};

}  // namespace graph
