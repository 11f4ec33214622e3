// ParseModel: walks the TFLite schema subset with the bounds-checked Decoder.
// Field ids below are the 0-based field order of each table in schema.fbs (a union takes two
// ids: its type byte, then its value).

#include "tflite/model.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "tflite/flatbuffer.h"
#include "tflite/options.h"

namespace tflite {
namespace {

namespace model_field { enum { kVersion = 0, kOperatorCodes = 1, kSubgraphs = 2, kDescription = 3, kBuffers = 4 }; }
namespace code_field { enum { kDeprecatedBuiltin = 0, kCustomCode = 1, kVersion = 2, kBuiltin = 3 }; }
namespace subgraph_field { enum { kTensors = 0, kInputs = 1, kOutputs = 2, kOperators = 3 }; }
namespace tensor_field { enum { kShape = 0, kType = 1, kBuffer = 2, kName = 3, kQuantization = 4 }; }
namespace quant_field { enum { kScale = 2, kZeroPoint = 3, kQuantizedDimension = 6 }; }
namespace buffer_field { enum { kData = 0, kOffset = 1, kSize = 2 }; }
namespace operator_field { enum { kOpcodeIndex = 0, kInputs = 1, kOutputs = 2 }; }

constexpr uint32_t kSchemaVersion = 3;
constexpr uint32_t kMaxRank = 8;
constexpr size_t kMaxInt32ConstantValues = 64;  // values kept of a small int32 constant

// Decodes one model. The copy budget bounds the values copied out of vectors to a multiple of
// the file size, so vectors shared by many tables (legal in FlatBuffers, never written by the
// TFLite converter) cannot make memory grow quadratically with the file.
class Parser {
 public:
  explicit Parser(std::span<const uint8_t> bytes)
      : decoder_(bytes), copy_budget_(4 * static_cast<int64_t>(bytes.size()) + 4096) {}

  util::Result<Model> Run();

 private:
  Table ReadHeader();
  void ReadOperatorCodes(const Table& root);
  void ReadTensors(const Table& subgraph);
  void ReadTensor(const Table& table, Tensor& tensor);
  void ReadBufferData(uint32_t index, Tensor& tensor);
  void ReadOperators(const Table& subgraph);
  std::vector<int32_t> Indices(const Vector& v, bool allow_omitted, const char* what);
  template <typename T>
  std::vector<T> Copy(const Vector& v);
  void Spend(size_t values);  // takes from the copy budget; fails once it is exhausted

  Decoder decoder_;
  int64_t copy_budget_;
  Vector buffers_;
  std::vector<Operator> codes_;  // per operator code: builtin_code, custom_code, version
  Model model_;
};

void Parser::Spend(size_t values) {
  copy_budget_ -= static_cast<int64_t>(values);
  if (copy_budget_ < 0) {
    decoder_.Fail("vectors hold more values than the file has bytes (overlapping vectors)");
  }
}

template <typename T>
std::vector<T> Parser::Copy(const Vector& v) {
  std::vector<T> out;
  Spend(v.size());
  if (!decoder_.ok()) return out;
  out.reserve(v.size());
  for (uint32_t i = 0; i < v.size(); ++i) out.push_back(v.At<T>(i));
  return out;
}

std::string Printable(std::string_view raw) {
  std::string out;
  for (unsigned char ch : raw) {
    out += (ch >= 0x20 && ch < 0x7f) ? std::string(1, static_cast<char>(ch))
                                     : fmt::format("\\x{:02x}", ch);
  }
  return out;
}

Table Parser::ReadHeader() {
  if (decoder_.size() >= 8 && decoder_.Identifier() != "TFL3") {
    decoder_.Fail(fmt::format("not a TFLite file (file identifier '{}', expected 'TFL3')",
                              Printable(decoder_.Identifier())));
    return {};
  }
  const Table root = decoder_.Root();
  if (!decoder_.ok()) return {};
  model_.schema_version = root.Scalar<uint32_t>(model_field::kVersion, 0);
  if (decoder_.ok() && model_.schema_version != kSchemaVersion) {
    decoder_.Fail(fmt::format("unsupported TFLite schema version {} (expected {})",
                              model_.schema_version, kSchemaVersion));
  }
  return root;
}

void Parser::ReadOperatorCodes(const Table& root) {
  const Vector codes = root.Elements(model_field::kOperatorCodes, "operator_codes", 4);
  for (uint32_t i = 0; i < codes.size() && decoder_.ok(); ++i) {
    decoder_.set_where(fmt::format("operator code {}", i));
    const Table t = codes.TableAt(i, "operator code");
    Operator code;
    // TFLite's rule: the larger of the two fields (the byte field saturates at 127).
    code.builtin_code = std::max<int32_t>(t.Scalar<int8_t>(code_field::kDeprecatedBuiltin, 0),
                                          t.Scalar<int32_t>(code_field::kBuiltin, 0));
    code.custom_code = t.String(code_field::kCustomCode, "custom_code");
    Spend(code.custom_code.size());
    code.opcode_version = t.Scalar<int32_t>(code_field::kVersion, 1);
    codes_.push_back(std::move(code));
  }
}

void Parser::ReadBufferData(uint32_t index, Tensor& tensor) {
  if (index == 0) return;  // buffer 0 is the empty sentinel
  if (index >= buffers_.size()) {
    decoder_.Fail(fmt::format("buffer index {} out of range (the model has {} buffers)", index,
                              buffers_.size()));
    return;
  }
  const Table buffer = buffers_.TableAt(index, "buffer");
  const Vector data = buffer.Elements(buffer_field::kData, "buffer data", 1);
  tensor.data_bytes = data.size();
  const uint64_t offset = buffer.Scalar<uint64_t>(buffer_field::kOffset, 0);
  if (offset > 1) {  // data stored after the flatbuffer (models over 2 GB)
    const uint64_t size = buffer.Scalar<uint64_t>(buffer_field::kSize, 0);
    if (offset > decoder_.size() || size > decoder_.size() - offset) {
      decoder_.Fail(fmt::format("buffer {} data at byte {} ({} bytes) lies outside the "
                                "{}-byte file", index, offset, size, decoder_.size()));
      return;
    }
    tensor.data_bytes = static_cast<int64_t>(size);
    return;
  }
  const std::span<const uint8_t> raw = data.bytes();
  if (tensor.type != kInt32 || raw.size() % 4 != 0 || raw.size() / 4 > kMaxInt32ConstantValues) {
    return;
  }
  for (size_t i = 0; i < raw.size(); i += 4) {
    tensor.int32_data.push_back(static_cast<int32_t>(
        uint32_t{raw[i]} | uint32_t{raw[i + 1]} << 8 | uint32_t{raw[i + 2]} << 16 |
        uint32_t{raw[i + 3]} << 24));
  }
}

void Parser::ReadTensor(const Table& table, Tensor& tensor) {
  const Vector shape = table.Elements(tensor_field::kShape, "shape", 4);
  if (shape.size() > kMaxRank) {
    decoder_.Fail(fmt::format("rank {} is above the supported {}", shape.size(), kMaxRank));
    return;
  }
  tensor.shape = Copy<int32_t>(shape);
  for (int32_t dim : tensor.shape) {
    if (dim < 0) decoder_.Fail(fmt::format("negative dimension {} in the shape", dim));
  }
  tensor.type = table.Scalar<int8_t>(tensor_field::kType, kFloat32);
  tensor.buffer = table.Scalar<uint32_t>(tensor_field::kBuffer, 0);
  tensor.name = table.String(tensor_field::kName, "name");
  Spend(tensor.name.size());
  const Table quant = table.Child(tensor_field::kQuantization, "quantization");
  tensor.quantization.scale = Copy<float>(quant.Elements(quant_field::kScale, "scale", 4));
  tensor.quantization.zero_point =
      Copy<int64_t>(quant.Elements(quant_field::kZeroPoint, "zero_point", 8));
  tensor.quantization.quantized_dimension =
      quant.Scalar<int32_t>(quant_field::kQuantizedDimension, 0);
  ReadBufferData(tensor.buffer, tensor);
}

void Parser::ReadTensors(const Table& subgraph) {
  const Vector tensors = subgraph.Elements(subgraph_field::kTensors, "tensors", 4);
  for (uint32_t i = 0; i < tensors.size() && decoder_.ok(); ++i) {
    decoder_.set_where(fmt::format("subgraph 0, tensor {}", i));
    model_.tensors.emplace_back();
    ReadTensor(tensors.TableAt(i, "tensor"), model_.tensors.back());
  }
}

std::vector<int32_t> Parser::Indices(const Vector& v, bool allow_omitted, const char* what) {
  std::vector<int32_t> indices = Copy<int32_t>(v);
  for (int32_t index : indices) {
    if (allow_omitted && index == -1) continue;
    if (index < 0 || static_cast<size_t>(index) >= model_.tensors.size()) {
      decoder_.Fail(fmt::format("{} tensor index {} out of range (the subgraph has {} tensors)",
                                what, index, model_.tensors.size()));
      break;
    }
  }
  return indices;
}

void Parser::ReadOperators(const Table& subgraph) {
  const Vector ops = subgraph.Elements(subgraph_field::kOperators, "operators", 4);
  for (uint32_t i = 0; i < ops.size() && decoder_.ok(); ++i) {
    decoder_.set_where(fmt::format("subgraph 0, operator {}", i));
    const Table t = ops.TableAt(i, "operator");
    const uint32_t opcode_index = t.Scalar<uint32_t>(operator_field::kOpcodeIndex, 0);
    if (decoder_.ok() && opcode_index >= codes_.size()) {
      decoder_.Fail(fmt::format("opcode index {} out of range (the model has {} operator codes)",
                                opcode_index, codes_.size()));
      break;
    }
    if (!decoder_.ok()) break;
    Operator op = codes_[opcode_index];
    Spend(op.custom_code.size());
    op.inputs = Indices(t.Elements(operator_field::kInputs, "inputs", 4), true, "input");
    op.outputs = Indices(t.Elements(operator_field::kOutputs, "outputs", 4), false, "output");
    op.options = ReadOptions(t, op.builtin_code, decoder_);
    model_.operators.push_back(std::move(op));
  }
}

util::Result<Model> Parser::Run() {
  const Table root = ReadHeader();
  if (decoder_.ok()) {
    model_.description = root.String(model_field::kDescription, "description");
    buffers_ = root.Elements(model_field::kBuffers, "buffers", 4);
    ReadOperatorCodes(root);
  }
  decoder_.set_where("");
  const Vector subgraphs = root.Elements(model_field::kSubgraphs, "subgraphs", 4);
  model_.subgraph_count = static_cast<int>(subgraphs.size());
  if (decoder_.ok() && subgraphs.size() == 0) decoder_.Fail("the model has no subgraph");
  const Table subgraph = subgraphs.TableAt(0, "subgraph");
  ReadTensors(subgraph);
  decoder_.set_where("subgraph 0");
  model_.inputs = Indices(subgraph.Elements(subgraph_field::kInputs, "inputs", 4), false,
                          "graph input");
  model_.outputs = Indices(subgraph.Elements(subgraph_field::kOutputs, "outputs", 4), false,
                           "graph output");
  ReadOperators(subgraph);
  if (!decoder_.ok()) return util::InputError(decoder_.error());
  return std::move(model_);
}

}  // namespace

util::Result<Model> ParseModel(std::span<const uint8_t> bytes) { return Parser(bytes).Run(); }

util::Result<std::vector<uint8_t>> ReadFileBytes(const std::string& path) {
  constexpr std::streamoff kMaxFileBytes = std::streamoff{512} << 20;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return util::InputError(path + " is a directory; give a .tflite file");
  }
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return util::InputError(path + ": cannot open the file");
  const std::streamoff size = in.tellg();
  if (size < 0) return util::InputError(path + ": cannot read the file");
  if (size > kMaxFileBytes) {
    return util::InputError(fmt::format("{}: file of {} bytes is larger than the {} MiB limit",
                                        path, size, kMaxFileBytes >> 20));
  }
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  in.seekg(0);
  if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) {
    return util::InputError(path + ": cannot read the file");
  }
  return bytes;
}

}  // namespace tflite
