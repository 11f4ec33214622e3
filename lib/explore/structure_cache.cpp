#include "explore/structure_cache.h"

#include <charconv>
#include <string_view>

namespace explore {
namespace {

// LEB128 of v + 1 (every field is >= -1): most fields take one byte.
void Put(int64_t v, std::string* key) {
  auto u = static_cast<uint64_t>(v + 1);
  do {
    const auto byte = static_cast<char>((u & 0x7f) | (u >= 0x80 ? 0x80 : 0));
    key->push_back(byte);
    u >>= 7;
  } while (u != 0);
}

// Whether `name` is `prefix` followed by `index` in decimal (the builder's names: "t12",
// "conv2d_7"), so the key can leave it out.
bool IsDerivedName(std::string_view name, std::string_view prefix, size_t index) {
  char digits[24];
  const char* end = std::to_chars(digits, digits + sizeof digits, index).ptr;
  const std::string_view number(digits, static_cast<size_t>(end - digits));
  return name.size() == prefix.size() + number.size() && name.starts_with(prefix) &&
         name.ends_with(number);
}

// A name: 0 when derived, else 1, its length and its bytes.
void PutName(std::string_view name, bool derived, std::string* key) {
  if (derived) {
    Put(0, key);
    return;
  }
  Put(1, key);
  Put(static_cast<int64_t>(name.size()), key);
  key->append(name);
}

}  // namespace

std::string StructureKey(const graph::Network& net) {
  std::string key;
  key.reserve(16 * (net.tensors.size() + net.ops.size()) + 32);
  for (int64_t v : {int64_t{net.input}, int64_t{net.output}, int64_t{net.activation_bits},
                    int64_t{net.weight_bits}, net.file_bytes,
                    static_cast<int64_t>(net.tensors.size()), static_cast<int64_t>(net.ops.size())}) {
    Put(v, &key);
  }
  for (size_t i = 0; i < net.tensors.size(); ++i) {
    const graph::Tensor& t = net.tensors[i];
    for (int v : {t.shape.h, t.shape.w, t.shape.c, t.element_bits}) Put(v, &key);
    PutName(t.name, IsDerivedName(t.name, "t", i), &key);
  }
  for (size_t i = 0; i < net.ops.size(); ++i) {
    const graph::Op& op = net.ops[i];
    const std::string_view kind = graph::OpKindName(op.kind);
    const std::string_view name = op.name;
    const bool derived = name.size() > kind.size() && name.starts_with(kind) &&
                         name[kind.size()] == '_' && IsDerivedName(name.substr(kind.size() + 1), "", i);
    for (int v : {static_cast<int>(op.kind), static_cast<int>(op.role), op.output, op.kernel_h,
                  op.kernel_w, op.stride_h, op.stride_w, op.padding.top, op.padding.bottom,
                  op.padding.left, op.padding.right, static_cast<int>(op.activation),
                  static_cast<int>(op.has_bias), static_cast<int>(op.has_batch_norm), op.block,
                  static_cast<int>(op.inputs.size())}) {
      Put(v, &key);
    }
    for (int input : op.inputs) Put(input, &key);
    PutName(op.name, derived, &key);
  }
  return key;
}

std::shared_ptr<const StructureEvaluations> StructureCache::Find(const std::string& key) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto it = map_.find(key);
  ++lookups_;
  if (it == map_.end()) return nullptr;
  ++hits_;
  return it->second;
}

void StructureCache::Insert(const std::string& key, StructureEvaluations value) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (map_.size() >= capacity_) return;
  map_.try_emplace(key, std::make_shared<const StructureEvaluations>(std::move(value)));
}

}  // namespace explore
