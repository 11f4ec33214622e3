#pragma once
// Builtin options of the ops dse maps: the option tables of schema.fbs and their union type ids.
// Internal to lib/tflite (used by model.cpp).

#include <cstdint>

#include "tflite/flatbuffer.h"
#include "tflite/model.h"

namespace tflite {

/// Reads the builtin options of an Operator table whose op is `builtin_code`. Ops dse does not
/// map keep default options. Records a failure in `decoder` when the options union holds
/// another option type than the op's, or an enum value the schema does not define.
OpOptions ReadOptions(const Table& op, int32_t builtin_code, const Decoder& decoder);

}  // namespace tflite
