#include "tflite/import.h"

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <unordered_map>

#include "graph/blocks.h"

namespace tflite {
namespace {

constexpr int64_t kMaxTensorElements = int64_t{1} << 28;
constexpr int64_t kMaxModelMacs = int64_t{1} << 52;

std::optional<graph::OpKind> KindOf(int32_t code) {
  switch (code) {
    case kConv2d: return graph::OpKind::kConv2d;
    case kDepthwiseConv2d: return graph::OpKind::kDepthwiseConv2d;
    case kFullyConnected: return graph::OpKind::kFullyConnected;
    case kAdd: return graph::OpKind::kAdd;
    case kMul: return graph::OpKind::kMul;
    case kAveragePool2d: return graph::OpKind::kAveragePool;
    case kMaxPool2d: return graph::OpKind::kMaxPool;
    case kMean: return graph::OpKind::kMean;
    case kPad: return graph::OpKind::kPad;
    case kReshape: return graph::OpKind::kReshape;
    case kSoftmax: return graph::OpKind::kSoftmax;
    case kHardSwish: return graph::OpKind::kHardSwish;
    case kQuantize: return graph::OpKind::kQuantize;
    case kDequantize: return graph::OpKind::kDequantize;
    case kConcatenation: return graph::OpKind::kConcatenation;
    default: return std::nullopt;
  }
}

int64_t Elements(const std::vector<int32_t>& shape) {
  int64_t n = 1;
  for (int32_t d : shape) {
    n *= d;
    if (n > kMaxTensorElements) return kMaxTensorElements + 1;  // stops before any overflow
  }
  return n;
}

std::string ShapeText(const std::vector<int32_t>& shape) {
  return fmt::format("[{}]", fmt::join(shape, ","));
}

// Maps one Model; see import.h for the rules.
class Mapper {
 public:
  Mapper(const Model& model, std::string name) : model_(model) {
    import_.network.name = std::move(name);
    ir_of_.assign(model.tensors.size(), -1);
  }
  util::Result<Import> Run();

 private:
  util::Error OpError(const std::string& what) const;
  util::Result<graph::Shape> ToShape(int32_t index) const;
  util::Result<int> AddTensor(int32_t index);
  util::Status MapOp();
  util::Status MapInputs(const Operator& op, graph::Op& ir);
  util::Status MapAttributes(const Operator& op, graph::Op& ir);
  util::Status MapWeighted(const Operator& op, graph::Op& ir);
  util::Status CheckFilter(const Operator& op, int rank) const;
  util::Status MapWindow(const Operator& op, graph::Op& ir, int dilation_h, int dilation_w);
  void MapPad(const Operator& op, graph::Op& ir) const;
  util::Status MapActivation(FusedActivation act, graph::Op& ir) const;
  void CountUnsupported(const std::string& name);
  void AssignRoles();

  const Model& model_;
  Import import_;
  std::vector<int> ir_of_;  // IR tensor id per TFLite tensor, -1 while not produced
  std::unordered_map<std::string, size_t> unsupported_index_;  // name -> Import::unsupported
  size_t op_index_ = 0;     // the TFLite op being mapped
  int64_t macs_ = 0;
};

util::Error Mapper::OpError(const std::string& what) const {
  return util::InputError(fmt::format("op {} ({}): {}", op_index_,
                                      model_.operators[op_index_].name(), what));
}

util::Result<graph::Shape> Mapper::ToShape(int32_t index) const {
  const Tensor& t = model_.tensors[static_cast<size_t>(index)];
  const std::vector<int32_t>& s = t.shape;
  if (s.size() > 4) {
    return util::InputError(fmt::format("tensor '{}' has rank {} (shape {}); dse maps NHWC "
                                        "tensors of rank <= 4", t.name, s.size(), ShapeText(s)));
  }
  if (s.size() >= 2 && s[0] != 1) {
    return util::InputError(fmt::format("tensor '{}' has batch {} (shape {}); dse models "
                                        "batch 1", t.name, s[0], ShapeText(s)));
  }
  if (Elements(s) > kMaxTensorElements || Elements(s) == 0) {
    return util::InputError(fmt::format("tensor '{}' of shape {} is empty or above 2^28 "
                                        "elements", t.name, ShapeText(s)));
  }
  graph::Shape shape;
  const size_t rank = s.size();
  if (rank >= 1) shape.c = s[rank - 1];
  if (rank >= 3) shape.w = s[rank - 2];
  if (rank == 4) shape.h = s[1];
  return shape;
}

util::Result<int> Mapper::AddTensor(int32_t index) {
  if (ir_of_[static_cast<size_t>(index)] >= 0) {
    return util::InputError(fmt::format("tensor {} is written twice", index));
  }
  util::Result<graph::Shape> shape = ToShape(index);
  if (!shape) return shape.error();
  const Tensor& t = model_.tensors[static_cast<size_t>(index)];
  graph::Network& net = import_.network;
  const int bits = TensorTypeBits(t.type);
  net.tensors.push_back({t.name, *shape, bits == 8 ? 0 : bits});
  ir_of_[static_cast<size_t>(index)] = static_cast<int>(net.tensors.size()) - 1;
  return ir_of_[static_cast<size_t>(index)];
}

util::Status Mapper::MapInputs(const Operator& op, graph::Op& ir) {
  for (int32_t index : op.inputs) {
    if (index < 0) continue;  // an omitted optional input
    const Tensor& t = model_.tensors[static_cast<size_t>(index)];
    if (t.is_constant()) continue;  // weights, biases, shapes: attributes, not IR tensors
    const int id = ir_of_[static_cast<size_t>(index)];
    if (id < 0) {
      return OpError(fmt::format("reads tensor {} ('{}'), which is neither the graph input, "
                                 "a constant nor the output of an earlier op", index, t.name));
    }
    ir.inputs.push_back(id);
  }
  if (ir.inputs.empty()) return OpError("has no activation input");
  return util::Ok{};
}

util::Status Mapper::MapActivation(FusedActivation act, graph::Op& ir) const {
  switch (act) {
    case FusedActivation::kNone: ir.activation = graph::Activation::kNone; break;
    case FusedActivation::kRelu: ir.activation = graph::Activation::kRelu; break;
    case FusedActivation::kRelu6: ir.activation = graph::Activation::kRelu6; break;
    default:
      return OpError(fmt::format("fused activation {} is not supported",
                                 FusedActivationName(act)));
  }
  return util::Ok{};
}

// TFLite's window arithmetic (see import.h, step 3) on the H and W axes.
util::Status Mapper::MapWindow(const Operator& op, graph::Op& ir, int dilation_h,
                               int dilation_w) {
  const OpOptions& o = op.options;
  if (o.stride_h < 1 || o.stride_w < 1 || ir.kernel_h < 1 || ir.kernel_w < 1) {
    return OpError(fmt::format("invalid window: kernel {}x{}, stride {}x{}", ir.kernel_h,
                               ir.kernel_w, o.stride_h, o.stride_w));
  }
  if (dilation_h != 1 || dilation_w != 1) {
    return OpError(fmt::format("dilation {}x{} is not supported", dilation_h, dilation_w));
  }
  ir.stride_h = o.stride_h;
  ir.stride_w = o.stride_w;
  const graph::Shape& in = import_.network.tensor(ir.inputs[0]).shape;
  const graph::Shape& out = import_.network.tensor(ir.output).shape;
  const bool same = o.padding == PaddingType::kSame;
  auto axis = [same](int64_t size, int64_t k, int64_t s, int& before, int& after) {
    const int64_t n = same ? (size + s - 1) / s : (size - k + s) / s;
    const int64_t total = std::max<int64_t>((n - 1) * s + k - size, 0);
    before = static_cast<int>(same ? total / 2 : 0);
    after = static_cast<int>(same ? total - total / 2 : 0);
    return n;
  };
  const int64_t out_h = axis(in.h, ir.kernel_h, o.stride_h, ir.padding.top, ir.padding.bottom);
  const int64_t out_w = axis(in.w, ir.kernel_w, o.stride_w, ir.padding.left, ir.padding.right);
  if (out_h != out.h || out_w != out.w) {
    return OpError(fmt::format("output {}x{} does not match {} padding of a {}x{} input with a "
                               "{}x{} window and stride {}x{} (expected {}x{})", out.h, out.w,
                               same ? "SAME" : "VALID", in.h, in.w, ir.kernel_h, ir.kernel_w,
                               o.stride_h, o.stride_w, out_h, out_w));
  }
  return MapActivation(o.activation, ir);
}

util::Status Mapper::CheckFilter(const Operator& op, int rank) const {
  const std::string_view role = op.builtin_code == kFullyConnected ? "weights" : "filter";
  if (op.inputs.size() < 2 || op.inputs[0] < 0 || op.inputs[1] < 0) {
    return OpError(fmt::format("needs an input and {}", role));
  }
  const Tensor& input = model_.tensors[static_cast<size_t>(op.inputs[0])];
  const Tensor& filter = model_.tensors[static_cast<size_t>(op.inputs[1])];
  if (filter.type != kInt8 || input.type != kInt8) {
    const Tensor& bad = filter.type != kInt8 ? filter : input;
    return OpError(fmt::format("{} tensor '{}' is {}; dse analyses int8-quantised models only",
                               &bad == &filter ? role : "input", bad.name,
                               TensorTypeName(bad.type)));
  }
  if (!filter.is_constant()) return OpError(fmt::format("the {} are not constant", role));
  if (static_cast<int>(filter.shape.size()) != rank || Elements(filter.shape) == 0 ||
      Elements(filter.shape) > kMaxTensorElements) {
    return OpError(fmt::format("{} of shape {}, expected rank {}", role,
                               ShapeText(filter.shape), rank));
  }
  return util::Ok{};
}

util::Status Mapper::MapWeighted(const Operator& op, graph::Op& ir) {
  const bool fc = op.builtin_code == kFullyConnected;
  if (auto status = CheckFilter(op, fc ? 2 : 4); !status) return status;
  if (model_.tensors[static_cast<size_t>(op.inputs[0])].is_constant()) {
    return OpError("the input is a constant");
  }
  ir.inputs = {ir_of_[static_cast<size_t>(op.inputs[0])]};
  ir.has_bias = op.inputs.size() > 2 && op.inputs[2] >= 0;
  const std::vector<int32_t>& f = model_.tensors[static_cast<size_t>(op.inputs[1])].shape;
  const graph::Shape& in = import_.network.tensor(ir.inputs[0]).shape;
  const graph::Shape& out = import_.network.tensor(ir.output).shape;
  int64_t macs = 0;
  if (fc) {  // weights [out, in]
    if (f[0] != out.c || f[1] != in.elements()) {
      return OpError(fmt::format("weights {} do not map {} input values to {} outputs "
                                 "(batched FULLY_CONNECTED is not supported)", ShapeText(f),
                                 in.elements(), out.c));
    }
    macs = int64_t{f[0]} * f[1];
    if (auto status = MapActivation(op.options.activation, ir); !status) return status;
  } else {  // CONV_2D filter [Cout, kh, kw, Cin]; DEPTHWISE_CONV_2D filter [1, kh, kw, Cout]
    const bool depthwise = op.builtin_code == kDepthwiseConv2d;
    const int32_t filter_in = depthwise ? 1 : f[3];
    const int32_t filter_out = depthwise ? f[3] : f[0];
    if (filter_out != out.c || (depthwise ? f[0] != 1 || out.c % in.c != 0 : f[3] != in.c)) {
      return OpError(fmt::format("filter {} does not fit a {}-channel input and {}-channel "
                                 "output{}", ShapeText(f), in.c, out.c,
                                 depthwise ? "" : " (grouped CONV_2D is not supported)"));
    }
    ir.kernel_h = f[1];
    ir.kernel_w = f[2];
    if (auto status = MapWindow(op, ir, op.options.dilation_h, op.options.dilation_w); !status) {
      return status;
    }
    macs = out.elements() * f[1] * f[2] * filter_in;
  }
  macs_ += macs;
  if (macs_ > kMaxModelMacs) return OpError("the model's MACs pass 2^52");
  return util::Ok{};
}

void Mapper::MapPad(const Operator& op, graph::Op& ir) const {
  // paddings: an int32 constant [rank, 2]; for NHWC rows 1 and 2 are H and W.
  if (op.inputs.size() < 2 || op.inputs[1] < 0) return;
  const std::vector<int32_t>& p = model_.tensors[static_cast<size_t>(op.inputs[1])].int32_data;
  if (p.size() != 8) return;
  ir.padding = {p[2], p[3], p[4], p[5]};
}

util::Status Mapper::MapAttributes(const Operator& op, graph::Op& ir) {
  switch (op.builtin_code) {
    case kConv2d:
    case kDepthwiseConv2d:
    case kFullyConnected: return MapWeighted(op, ir);
    case kAveragePool2d:
    case kMaxPool2d:
      ir.kernel_h = op.options.filter_h;
      ir.kernel_w = op.options.filter_w;
      return MapWindow(op, ir, 1, 1);
    case kAdd:
    case kMul:
    case kConcatenation: return MapActivation(op.options.activation, ir);
    case kPad: MapPad(op, ir); return util::Ok{};
    default: return util::Ok{};
  }
}

void Mapper::CountUnsupported(const std::string& name) {
  const auto [it, added] = unsupported_index_.try_emplace(name, import_.unsupported.size());
  if (added) import_.unsupported.push_back({name, 0});
  ++import_.unsupported[it->second].count;
}

util::Status Mapper::MapOp() {
  const Operator& op = model_.operators[op_index_];
  const std::optional<graph::OpKind> kind = KindOf(op.builtin_code);
  if (op.outputs.empty()) return OpError("has no output");
  if (kind && op.outputs.size() != 1) {
    return OpError(fmt::format("has {} outputs, expected 1", op.outputs.size()));
  }
  graph::Op ir;
  ir.kind = kind.value_or(graph::OpKind::kUnsupported);
  ir.name = op.name();
  if (auto status = MapInputs(op, ir); !status) return status;
  if (!kind) CountUnsupported(ir.name);
  // An unsupported op with several outputs becomes one IR op per output (none has MACs).
  for (size_t k = 0; k < (kind ? 1 : op.outputs.size()); ++k) {
    util::Result<int> output = AddTensor(op.outputs[k]);
    if (!output) return OpError(output.error().message);
    ir.output = *output;
    if (auto status = MapAttributes(op, ir); !status) return status;
    import_.network.ops.push_back(ir);
  }
  return util::Ok{};
}

void Mapper::AssignRoles() {
  std::vector<graph::Op>& ops = import_.network.ops;
  int last_weighted = -1;
  bool stem_seen = false;
  bool in_head = false;
  for (size_t i = 0; i < ops.size(); ++i) {
    graph::Op& op = ops[i];
    const bool weighted = op.kind == graph::OpKind::kConv2d ||
                          op.kind == graph::OpKind::kFullyConnected;
    if (weighted) last_weighted = static_cast<int>(i);
    const graph::Shape& out = import_.network.output_shape(op);
    const bool global_pool = op.kind == graph::OpKind::kMean ||
                             (op.kind == graph::OpKind::kAveragePool && out.h == 1 && out.w == 1);
    in_head = in_head || global_pool;
    if (!stem_seen && op.kind == graph::OpKind::kConv2d) {
      op.role = graph::OpRole::kStem;
      stem_seen = true;
    } else {
      op.role = in_head ? graph::OpRole::kHead : graph::OpRole::kBody;
    }
  }
  if (last_weighted >= 0 && ops[static_cast<size_t>(last_weighted)].role != graph::OpRole::kStem) {
    ops[static_cast<size_t>(last_weighted)].role = graph::OpRole::kClassifier;
  }
}

util::Result<Import> Mapper::Run() {
  graph::Network& net = import_.network;
  if (model_.inputs.size() != 1 || model_.outputs.size() != 1) {
    return util::InputError(fmt::format("the model has {} inputs and {} outputs; dse maps "
                                        "models with one of each", model_.inputs.size(),
                                        model_.outputs.size()));
  }
  if (model_.operators.empty()) return util::InputError("the model has no operators");
  util::Result<int> input = AddTensor(model_.inputs[0]);
  if (!input) return input.error();
  net.input = *input;
  for (op_index_ = 0; op_index_ < model_.operators.size(); ++op_index_) {
    if (auto status = MapOp(); !status) return status.error();
  }
  const int output = ir_of_[static_cast<size_t>(model_.outputs[0])];
  if (output < 0) {
    return util::InputError(fmt::format("the graph output (tensor {}) is produced by no op",
                                        model_.outputs[0]));
  }
  net.output = output;
  net.activation_bits = 8;
  net.weight_bits = 8;
  AssignRoles();
  net = graph::InferBlocks(std::move(net));  // the file names no blocks: patch splits need them
  return std::move(import_);
}

}  // namespace

int Import::unsupported_count() const {
  int n = 0;
  for (const UnsupportedOp& u : unsupported) n += u.count;
  return n;
}

util::Result<Import> ToNetwork(const Model& model, std::string name) {
  return Mapper(model, std::move(name)).Run();
}

util::Result<Import> ImportBytes(std::span<const uint8_t> bytes, std::string name) {
  util::Result<Model> model = ParseModel(bytes);
  if (!model) return model.error();
  util::Result<Import> out = ToNetwork(*model, std::move(name));
  if (!out) return out.error();
  Import result = std::move(out).value();
  result.network.file_bytes = static_cast<int64_t>(bytes.size());  // flash as deployed
  return result;
}

util::Result<Import> ImportFile(const std::string& path) {
  util::Result<std::vector<uint8_t>> bytes = ReadFileBytes(path);
  if (!bytes) return bytes.error();
  util::Result<Import> result = ImportBytes(*bytes, std::filesystem::path(path).stem().string());
  if (!result) return util::InputError(path + ": " + result.error().message);
  return result;
}

}  // namespace tflite
