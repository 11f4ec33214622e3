#include "tflite/options.h"

#include <fmt/format.h>

namespace tflite {
namespace {

// Operator fields holding the BuiltinOptions union: its type byte, then the table.
constexpr int kOptionsTypeField = 3;
constexpr int kOptionsField = 4;

// BuiltinOptions union type ids (1-based position in the union of schema.fbs; 0 = NONE).
enum OptionsType : uint8_t {
  kNoOptions = 0,
  kConv2DOptions = 1,
  kDepthwiseConv2DOptions = 2,
  kPool2DOptions = 5,
  kFullyConnectedOptions = 8,
  kSoftmaxOptions = 9,
  kConcatenationOptions = 10,
  kAddOptions = 11,
  kReshapeOptions = 17,
  kMulOptions = 21,
  kPadOptions = 22,
  kReducerOptions = 27,
  kDequantizeOptions = 38,
  kQuantizeOptions = 89,
  kHardSwishOptions = 91,
};

// The option type each mapped op carries; kNoOptions for ops dse does not map.
uint8_t ExpectedOptionsType(int32_t code) {
  switch (code) {
    case kConv2d: return kConv2DOptions;
    case kDepthwiseConv2d: return kDepthwiseConv2DOptions;
    case kAveragePool2d:
    case kMaxPool2d: return kPool2DOptions;
    case kFullyConnected: return kFullyConnectedOptions;
    case kSoftmax: return kSoftmaxOptions;
    case kConcatenation: return kConcatenationOptions;
    case kAdd: return kAddOptions;
    case kReshape: return kReshapeOptions;
    case kMul: return kMulOptions;
    case kPad: return kPadOptions;
    case kMean: return kReducerOptions;
    case kDequantize: return kDequantizeOptions;
    case kQuantize: return kQuantizeOptions;
    case kHardSwish: return kHardSwishOptions;
    default: return kNoOptions;
  }
}

PaddingType ReadPadding(const Table& t, int field, const Decoder& decoder) {
  const int8_t value = t.Scalar<int8_t>(field, 0);
  if (value != 0 && value != 1) decoder.Fail(fmt::format("unknown padding type {}", value));
  return value == 1 ? PaddingType::kValid : PaddingType::kSame;
}

FusedActivation ReadActivation(const Table& t, int field, const Decoder& decoder) {
  const int8_t value = t.Scalar<int8_t>(field, 0);
  if (value < 0 || value > 5) {
    decoder.Fail(fmt::format("unknown fused activation {}", value));
    return FusedActivation::kNone;
  }
  return static_cast<FusedActivation>(value);
}

// Field ids follow each option table's field order in schema.fbs. Strides and filter sizes
// have no schema default (0): a file without them is caught by the importer's checks.
void ReadWindowOptions(const Table& t, int32_t code, const Decoder& decoder, OpOptions& o) {
  o.padding = ReadPadding(t, 0, decoder);
  o.stride_w = t.Scalar<int32_t>(1, 0);
  o.stride_h = t.Scalar<int32_t>(2, 0);
  if (code == kConv2d) {  // padding, stride_w, stride_h, activation, dilation_w, dilation_h
    o.activation = ReadActivation(t, 3, decoder);
    o.dilation_w = t.Scalar<int32_t>(4, 1);
    o.dilation_h = t.Scalar<int32_t>(5, 1);
  } else if (code == kDepthwiseConv2d) {  // ..., depth_multiplier, activation, dilations
    o.depth_multiplier = t.Scalar<int32_t>(3, 0);
    o.activation = ReadActivation(t, 4, decoder);
    o.dilation_w = t.Scalar<int32_t>(5, 1);
    o.dilation_h = t.Scalar<int32_t>(6, 1);
  } else {  // pools: ..., filter_width, filter_height, activation
    o.filter_w = t.Scalar<int32_t>(3, 0);
    o.filter_h = t.Scalar<int32_t>(4, 0);
    o.activation = ReadActivation(t, 5, decoder);
  }
}

void ReadFields(const Table& t, int32_t code, const Decoder& decoder, OpOptions& o) {
  switch (code) {
    case kConv2d:
    case kDepthwiseConv2d:
    case kAveragePool2d:
    case kMaxPool2d: ReadWindowOptions(t, code, decoder, o); break;
    case kFullyConnected:  // activation, weights_format, keep_num_dims
    case kAdd:             // activation, pot_scale_int16
    case kMul: o.activation = ReadActivation(t, 0, decoder); break;
    case kConcatenation:  // axis, activation
      o.axis = t.Scalar<int32_t>(0, 0);
      o.activation = ReadActivation(t, 1, decoder);
      break;
    case kSoftmax: o.softmax_beta = t.Scalar<float>(0, 0.0f); break;
    case kMean: o.keep_dims = t.Scalar<uint8_t>(0, 0) != 0; break;
    case kReshape: {
      const Vector shape = t.Elements(0, "new_shape", 4);
      if (shape.size() > 8) {
        decoder.Fail(fmt::format("new_shape of rank {} is above the supported 8", shape.size()));
        break;
      }
      for (uint32_t i = 0; i < shape.size(); ++i) o.new_shape.push_back(shape.At<int32_t>(i));
      break;
    }
    default: break;  // PAD, QUANTIZE, DEQUANTIZE, HARD_SWISH: empty option tables
  }
}

}  // namespace

OpOptions ReadOptions(const Table& op, int32_t builtin_code, const Decoder& decoder) {
  OpOptions options;
  const uint8_t expected = ExpectedOptionsType(builtin_code);
  if (expected == kNoOptions) return options;
  const uint8_t type = op.Scalar<uint8_t>(kOptionsTypeField, kNoOptions);
  if (type == kNoOptions) return options;
  if (type != expected) {
    decoder.Fail(fmt::format("{} carries builtin options of type {}, expected type {}",
                             BuiltinName(builtin_code), type, expected));
    return options;
  }
  const Table table = op.Child(kOptionsField, "builtin_options");
  if (table.present()) ReadFields(table, builtin_code, decoder, options);
  return options;
}

}  // namespace tflite
