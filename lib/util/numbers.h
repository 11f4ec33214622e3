#pragma once
// Numbers as command-line text: whole counts, sizes in bytes with a K/M (binary) suffix, and
// counts with a k/M/G (decimal) suffix (MACs); and counts in prose.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace util {

/// `text` as a whole number, the whole text and nothing else ("12", "-5"); nullopt when it is
/// empty, has anything else in it ("12kb", "1e5") or is out of int64 range.
std::optional<int64_t> ParseWholeNumber(std::string_view text);

/// A size in bytes for `option`: a whole number with an optional binary suffix, K or KiB (x 1024)
/// or M or MiB (x 1,048,576), as MCU tools and linker scripts write sizes: "262144", "256K",
/// "256KiB", "1M". An input error naming `option` when it is not a whole number of bytes
/// ("12kb", "1e5", "1.5M", out of int64 range) or is not positive.
Result<int64_t> ParseBytes(const std::string& option, const std::string& text);

/// "300M", "0.3G", "2.95e6", "300000000" or "5k" -> the count in millions. An input error
/// naming `option` when it is not a positive number, or when a bare number (no suffix) is
/// below 1000: almost certainly meant in millions, so refused with a hint, not guessed.
Result<double> ParseMillions(const std::string& option, const std::string& text);

/// "1 board", "0 boards", "694 variants": `count` and `noun`, + "s" unless count is 1.
std::string CountOf(int64_t count, std::string_view noun);

}  // namespace util
