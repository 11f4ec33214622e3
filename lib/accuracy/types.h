#pragma once
// Small value types shared by the accuracy tables, the surrogate and the measured store.

#include <optional>
#include <string>
#include <string_view>

namespace accuracy {

/// Numeric precision an accuracy was obtained at. The surrogate predicts kFp32 and kInt8
/// (standard post-training quantisation); kInt4 and kMixed rows are kept as data only.
enum class Precision { kFp32, kInt8, kInt4, kMixed };

/// "fp32", "int8", "int4", "mixed".
std::string_view PrecisionName(Precision precision);
/// The precision named `text`, nullopt when it is none of the names above.
std::optional<Precision> ParsePrecision(std::string_view text);

/// Where a top-1 figure comes from: the fitted surrogate, or a user's imported measurement.
enum class Provenance { kPredicted, kMeasured };
/// "predicted", "measured".
std::string_view ProvenanceName(Provenance provenance);

}  // namespace accuracy
