#include "util/hash.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace util {

uint64_t Fnv1a64(std::string_view bytes, uint64_t hash) {
  constexpr uint64_t kPrime = 1099511628211ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= kPrime;
  }
  return hash;
}

std::string HashHex(uint64_t hash) { return fmt::format("{:016x}", hash); }

std::string HashFiles(const std::vector<std::string>& paths) {
  uint64_t hash = kInputsHashBasis;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    hash = Fnv1a64(text.str(), hash);
  }
  return HashHex(hash);
}

}  // namespace util
