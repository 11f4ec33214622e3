#pragma once
// Test helper: tiny TFLite models written with fb_writer.h, field ids as in schema.fbs.

#include <string>
#include <vector>

#include "tflite/fb_writer.h"

namespace synthetic {

struct Tensor {
  Tensor(std::string n, std::vector<int32_t> s, int8_t t = 9, std::vector<uint8_t> d = {})
      : name(std::move(n)), shape(std::move(s)), type(t), data(std::move(d)) {}
  std::string name;
  std::vector<int32_t> shape;
  int8_t type = 9;            // INT8
  std::vector<uint8_t> data;  // non-empty: a constant with its own buffer
};

struct Op {
  Op(int8_t dep, int32_t code, std::vector<int32_t> in, std::vector<int32_t> out,
     uint8_t opt_type = 0, fbtest::NodePtr opt = nullptr)
      : deprecated_code(dep), builtin_code(code), inputs(std::move(in)), outputs(std::move(out)),
        options_type(opt_type), options(std::move(opt)) {}
  int8_t deprecated_code = 0;
  int32_t builtin_code = -1;  // -1: field absent
  std::vector<int32_t> inputs;
  std::vector<int32_t> outputs;
  uint8_t options_type = 0;
  fbtest::NodePtr options;
};

struct Model {
  std::vector<Tensor> tensors;
  std::vector<Op> ops;
  std::vector<int32_t> inputs{0};
  std::vector<int32_t> outputs;
  uint32_t version = 3;
};

inline std::vector<uint8_t> Write(const Model& m) {
  using namespace fbtest;
  std::vector<NodePtr> buffers{Table()};
  std::vector<NodePtr> tensors;
  for (const Tensor& t : m.tensors) {
    NodePtr table = Table();
    Ref(table, 0, Vec(t.shape));
    Set<int8_t>(table, 1, t.type);
    Ref(table, 3, Str(t.name));
    if (!t.data.empty()) {
      NodePtr buffer = Table();
      Ref(buffer, 0, Vec(t.data));
      Set<uint32_t>(table, 2, static_cast<uint32_t>(buffers.size()));
      buffers.push_back(buffer);
    }
    tensors.push_back(table);
  }
  std::vector<NodePtr> codes;
  std::vector<NodePtr> ops;
  for (const Op& op : m.ops) {
    NodePtr code = Table();
    Set<int8_t>(code, 0, op.deprecated_code);
    if (op.builtin_code >= 0) Set<int32_t>(code, 3, op.builtin_code);
    NodePtr table = Table();
    Set<uint32_t>(table, 0, static_cast<uint32_t>(codes.size()));
    Ref(table, 1, Vec(op.inputs));
    Ref(table, 2, Vec(op.outputs));
    if (op.options) {
      Set<uint8_t>(table, 3, op.options_type);
      Ref(table, 4, op.options);
    }
    codes.push_back(code);
    ops.push_back(table);
  }
  NodePtr subgraph = Table();
  Ref(subgraph, 0, Tables(tensors));
  Ref(subgraph, 1, Vec(m.inputs));
  Ref(subgraph, 2, Vec(m.outputs));
  Ref(subgraph, 3, Tables(ops));
  NodePtr model = Table();
  Set<uint32_t>(model, 0, m.version);
  Ref(model, 1, Tables(codes));
  Ref(model, 2, Tables({subgraph}));
  Ref(model, 4, Tables(buffers));
  return Writer().Finish(model);
}

// Conv2DOptions: padding (0 SAME, 1 VALID), stride_w, stride_h, fused activation.
inline fbtest::NodePtr ConvOptions(int8_t padding, int32_t stride, int8_t activation = 0) {
  fbtest::NodePtr t = fbtest::Table();
  fbtest::Set<int8_t>(t, 0, padding);
  fbtest::Set<int32_t>(t, 1, stride);
  fbtest::Set<int32_t>(t, 2, stride);
  fbtest::Set<int8_t>(t, 3, activation);
  return t;
}

// One CONV_2D (3x3, 3 -> 4 channels, with bias) on an in_hw x in_hw x 3 int8 input, output
// out_hw x out_hw x 4. Tensors: 0 input, 1 filter, 2 bias, 3 output.
inline Model OneConv(int in_hw, int out_hw, int8_t padding, int32_t stride,
                     int8_t filter_type = 9) {
  const int filter_bytes = filter_type == 9 ? 1 : 4;
  Model m;
  m.tensors = {{"input", {1, in_hw, in_hw, 3}},
               {"filter", {4, 3, 3, 3}, filter_type,
                std::vector<uint8_t>(static_cast<size_t>(108 * filter_bytes), 1)},
               {"bias", {4}, 2, std::vector<uint8_t>(16, 0)},
               {"output", {1, out_hw, out_hw, 4}}};
  m.ops = {{3, 3, {0, 1, 2}, {3}, 1, ConvOptions(padding, stride, 3)}};
  m.outputs = {3};
  return m;
}

}  // namespace synthetic
