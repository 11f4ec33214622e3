#pragma once
// tflite::Model — subgraph 0 of a TFLite flatbuffer, decoded into plain values: tensors (shape,
// type, quantisation, constant data size), operators in execution order with their builtin
// code and the options of the ops dse understands. The schema subset is written here from the
// TFLite schema's documented field order (schema.fbs, file identifier "TFL3"); no generated
// code is used.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace tflite {

// TensorType values of the schema (only the ones dse names; others print as "type <n>").
enum TensorType : int8_t {
  kFloat32 = 0,
  kFloat16 = 1,
  kInt32 = 2,
  kUInt8 = 3,
  kInt64 = 4,
  kInt16 = 7,
  kInt8 = 9,
};
std::string TensorTypeName(int type);  // "float32", "int8", ..., "type 42"
/// Bits per element of a tensor type, 0 when unknown.
int TensorTypeBits(int type);

// BuiltinOperator values of the ops dse maps (the rest are reported by name as unsupported).
enum BuiltinCode : int32_t {
  kAdd = 0,
  kAveragePool2d = 1,
  kConcatenation = 2,
  kConv2d = 3,
  kDepthwiseConv2d = 4,
  kDequantize = 6,
  kFullyConnected = 9,
  kMaxPool2d = 17,
  kMul = 18,
  kReshape = 22,
  kSoftmax = 25,
  kCustom = 32,
  kPad = 34,
  kMean = 40,
  kQuantize = 114,
  kHardSwish = 117,
};
/// The schema's name of a builtin code ("CONV_2D"), or "BUILTIN_<n>" past the known table.
std::string BuiltinName(int32_t code);

enum class PaddingType { kSame, kValid };
// ActivationFunctionType of the schema.
enum class FusedActivation { kNone = 0, kRelu = 1, kReluN1To1 = 2, kRelu6 = 3, kTanh = 4, kSignBit = 5 };
std::string_view FusedActivationName(FusedActivation act);

struct Quantization {
  std::vector<float> scale;
  std::vector<int64_t> zero_point;
  int quantized_dimension = 0;
};

struct Tensor {
  std::string name;
  std::vector<int32_t> shape;
  int type = kFloat32;  // TensorType; an int because files may hold values past the enum
  uint32_t buffer = 0;  // index into the model's buffers; 0 = no data (an activation)
  Quantization quantization;
  int64_t data_bytes = 0;          // bytes of constant data; 0 for activations
  std::vector<int32_t> int32_data; // the data of small int32 constants (<= 64 values), e.g. PAD's paddings
  bool is_constant() const { return data_bytes > 0; }
};

// The builtin options dse reads, in one flat record; fields an op does not have keep defaults.
struct OpOptions {
  PaddingType padding = PaddingType::kSame;  // CONV_2D, DEPTHWISE_CONV_2D, pools
  int stride_w = 1;
  int stride_h = 1;
  int dilation_w = 1;                        // convolutions
  int dilation_h = 1;
  int depth_multiplier = 1;                  // DEPTHWISE_CONV_2D
  int filter_w = 1;                          // pools
  int filter_h = 1;
  FusedActivation activation = FusedActivation::kNone;
  bool keep_dims = false;                    // MEAN
  int axis = 0;                              // CONCATENATION
  float softmax_beta = 1.0f;                 // SOFTMAX
  std::vector<int32_t> new_shape;            // RESHAPE (may be empty: the shape is an input)
};

struct Operator {
  int32_t builtin_code = 0;  // max(deprecated_builtin_code, builtin_code), as TFLite resolves it
  std::string custom_code;   // for CUSTOM ops
  int opcode_version = 1;
  std::vector<int32_t> inputs;   // tensor indices; -1 marks an omitted optional input
  std::vector<int32_t> outputs;
  OpOptions options;
  std::string name() const;  // BuiltinName, or "CUSTOM:<custom_code>"
};

struct Model {
  uint32_t schema_version = 0;
  std::string description;
  int subgraph_count = 0;  // only subgraph 0 is decoded
  std::vector<Tensor> tensors;
  std::vector<Operator> operators;  // execution order
  std::vector<int32_t> inputs;      // graph input tensor indices
  std::vector<int32_t> outputs;
};

/// Decodes a TFLite flatbuffer. Every offset is bounds-checked; a truncated or corrupt buffer,
/// a file that is not TFLite, or indices that point at no tensor, buffer or opcode give an
/// input error naming what was being read. Never reads outside `bytes`.
util::Result<Model> ParseModel(std::span<const uint8_t> bytes);

/// Reads a whole file (at most 512 MiB); an input error when it cannot be read or is a directory.
util::Result<std::vector<uint8_t>> ReadFileBytes(const std::string& path);

}  // namespace tflite
