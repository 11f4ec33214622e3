#pragma once
// FNV-1a (64-bit) over bytes and over the contents of files: the `inputs_hash` a results-database
// run records, so a number can be traced to the exact inputs that produced it. Not
// cryptographic: it tells inputs apart, it does not protect them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace util {

/// The standard FNV-1a 64-bit offset basis (the published FNV test vectors start from it).
inline constexpr uint64_t kFnv1a64Offset = 14695981039346656037ull;

/// The start value of `inputs_hash`: the standard basis with its last digit missing. Every run
/// stored so far was hashed from it, so it stays, to keep old and new runs comparable.
inline constexpr uint64_t kInputsHashBasis = 1469598103934665603ull;

/// FNV-1a 64 of `bytes`, continuing from `hash` (pass the previous result to hash a sequence of
/// pieces as if they were one string).
uint64_t Fnv1a64(std::string_view bytes, uint64_t hash = kFnv1a64Offset);

/// `hash` as 16 lower-case hex digits, zero-padded ("cbf29ce484222325").
std::string HashHex(uint64_t hash);

/// FNV-1a 64 from kInputsHashBasis over the concatenated contents of `paths`, in order, as
/// HashHex. A file that cannot
/// be read contributes no bytes (the run still records the hash of what it could read).
std::string HashFiles(const std::vector<std::string>& paths);

}  // namespace util
