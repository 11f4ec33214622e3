#include "explore/model_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>

#include "util/file.h"

namespace explore {
namespace {

namespace fs = std::filesystem;

// The *.tflite files directly in `dir`, sorted by path.
util::Result<std::vector<std::string>> FilesIn(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return util::InputError(fmt::format("--models '{}': no such directory", dir));
  }
  std::vector<std::string> found;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tflite" && e.is_regular_file(ec)) found.push_back(e.path().string());
  }
  if (ec) return util::InputError(fmt::format("--models '{}': cannot list it: {}", dir, ec.message()));
  if (found.empty()) return util::InputError(fmt::format("--models '{}': no .tflite file in it", dir));
  std::sort(found.begin(), found.end());
  return found;
}

// SHA-256 round constants: the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes (FIPS 180-4, 4.2.2).
constexpr std::array<uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

// One 64-byte block into the state `h` (FIPS 180-4, 6.2.2).
void Compress(std::array<uint32_t, 8>& h, const unsigned char* block) {
  std::array<uint32_t, 64> w{};
  for (int t = 0; t < 16; ++t) {
    w[t] = uint32_t{block[4 * t]} << 24 | uint32_t{block[4 * t + 1]} << 16 |
           uint32_t{block[4 * t + 2]} << 8 | uint32_t{block[4 * t + 3]};
  }
  for (int t = 16; t < 64; ++t) {
    const uint32_t s0 = Rotr(w[t - 15], 7) ^ Rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
    const uint32_t s1 = Rotr(w[t - 2], 17) ^ Rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  std::array<uint32_t, 8> v = h;  // a..h
  for (int t = 0; t < 64; ++t) {
    const uint32_t t1 = v[7] + (Rotr(v[4], 6) ^ Rotr(v[4], 11) ^ Rotr(v[4], 25)) +
                        ((v[4] & v[5]) ^ (~v[4] & v[6])) + kRound[t] + w[t];
    const uint32_t t2 = (Rotr(v[0], 2) ^ Rotr(v[0], 13) ^ Rotr(v[0], 22)) +
                        ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
    v = {t1 + t2, v[0], v[1], v[2], v[3] + t1, v[4], v[5], v[6]};
  }
  for (int i = 0; i < 8; ++i) h[i] += v[i];
}

}  // namespace

std::string ModelNameOf(const std::string& path) { return fs::path(path).filename().string(); }

std::string Sha256Hex(std::string_view bytes) {
  // Initial hash value: fractional parts of the square roots of the first 8 primes (5.3.3).
  std::array<uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t whole = bytes.size() / 64 * 64;
  for (size_t i = 0; i < whole; i += 64) Compress(h, data + i);
  // Padding (5.1.1): 0x80, zeros, the length in bits as a 64-bit big-endian number.
  std::array<unsigned char, 128> tail{};
  const size_t rest = bytes.size() - whole;
  std::copy(data + whole, data + bytes.size(), tail.begin());
  tail[rest] = 0x80;
  const size_t tail_size = rest < 56 ? 64 : 128;
  const uint64_t bits = static_cast<uint64_t>(bytes.size()) * 8;
  for (int i = 0; i < 8; ++i) tail[tail_size - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  for (size_t i = 0; i < tail_size; i += 64) Compress(h, tail.data() + i);
  std::string hex;
  for (uint32_t word : h) hex += fmt::format("{:08x}", word);
  return hex;
}

bool IsSha256Hex(std::string_view text) {
  return text.size() == 64 &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

util::Result<std::map<std::string, std::string>> ModelIdentities(
    const std::vector<std::string>& files) {
  std::map<std::string, std::string> sha_of_name;
  for (const std::string& path : files) {
    auto bytes = util::ReadFile(path, "model file");
    if (!bytes) return util::InputError(fmt::format("--model '{}': cannot read it", path));
    sha_of_name[ModelNameOf(path)] = Sha256Hex(*bytes);
  }
  return sha_of_name;
}

util::Result<std::vector<std::string>> ImportedModelFiles(const std::vector<std::string>& dirs,
                                                          const std::vector<std::string>& files) {
  std::vector<std::string> all;
  for (const std::string& dir : dirs) {
    auto found = FilesIn(dir);
    if (!found) return found.error();
    all.insert(all.end(), found->begin(), found->end());
  }
  all.insert(all.end(), files.begin(), files.end());
  std::map<std::string, std::string> path_of_name;  // model name -> the file that has it
  std::vector<std::string> unique;
  for (const std::string& path : all) {
    const std::string name = ModelNameOf(path);
    const auto [it, added] = path_of_name.emplace(name, path);
    if (added) {
      unique.push_back(path);
      continue;
    }
    std::error_code ec;
    if (!fs::equivalent(it->second, path, ec)) {
      return util::InputError(fmt::format("two models named '{}': '{}' and '{}' (models are "
                                          "named by their file name)",
                                          name, it->second, path));
    }
  }
  // One model under two names would be two rows of one model in one run.
  std::map<std::string, std::string> path_of_sha;
  for (const std::string& path : unique) {
    auto bytes = util::ReadFile(path, "model file");
    if (!bytes) continue;  // the import reports an unreadable file
    const auto [it, added] = path_of_sha.emplace(Sha256Hex(*bytes), path);
    if (!added) {
      return util::InputError(fmt::format("'{}' and '{}' are the same model (identical bytes, "
                                          "SHA-256 {}); give it once",
                                          it->second, path, it->first.substr(0, 12)));
    }
  }
  return unique;
}

}  // namespace explore
