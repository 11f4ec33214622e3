#pragma once
// Test helper: writes small FlatBuffers by hand, so tests can build synthetic TFLite models
// (float weights, bad indices, odd opcodes) and corrupt them at known places.
//
// Layout: the 8-byte header, then each table as [vtable][table] followed by its children, so
// every uoffset points forward. A Node is a table, a vector of scalars, a string or a vector
// of tables.

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace fbtest {

struct Node;
using NodePtr = std::shared_ptr<Node>;

struct Node {
  enum class Kind { kTable, kScalars, kTables } kind = Kind::kTable;
  std::map<int, std::vector<uint8_t>> scalars;  // table: field id -> little-endian bytes
  std::map<int, NodePtr> refs;                  // table: field id -> child
  std::vector<uint8_t> raw;                     // scalars: element bytes (+ NUL for strings)
  uint32_t count = 0;                           // scalars and tables: the element count written
  std::vector<NodePtr> items;                   // tables
};

inline NodePtr Table() { return std::make_shared<Node>(); }

template <typename T>
void Set(const NodePtr& table, int field, T value) {
  std::vector<uint8_t> bytes(sizeof(T));
  std::memcpy(bytes.data(), &value, sizeof(T));
  table->scalars[field] = bytes;
}

inline void Ref(const NodePtr& table, int field, NodePtr child) { table->refs[field] = child; }

template <typename T>
NodePtr Vec(const std::vector<T>& values) {
  auto n = std::make_shared<Node>();
  n->kind = Node::Kind::kScalars;
  n->count = static_cast<uint32_t>(values.size());
  n->raw.resize(values.size() * sizeof(T));
  if (!values.empty()) std::memcpy(n->raw.data(), values.data(), n->raw.size());
  return n;
}

inline NodePtr Str(const std::string& s) {
  NodePtr n = Vec(std::vector<uint8_t>(s.begin(), s.end()));
  n->raw.push_back(0);
  return n;
}

inline NodePtr Tables(std::vector<NodePtr> items) {
  auto n = std::make_shared<Node>();
  n->kind = Node::Kind::kTables;
  n->count = static_cast<uint32_t>(items.size());
  n->items = std::move(items);
  return n;
}

class Writer {
 public:
  std::vector<uint8_t> Finish(const NodePtr& root, const std::string& identifier = "TFL3") {
    out_.assign(8, 0);
    std::memcpy(out_.data() + 4, identifier.data(), 4);
    Patch(0, Write(*root));
    return out_;
  }

 private:
  void Align(size_t n) { out_.resize((out_.size() + n - 1) / n * n, 0); }
  void Put32(size_t at, uint32_t v) { std::memcpy(out_.data() + at, &v, 4); }
  void Patch(size_t at, uint32_t target) { Put32(at, target - static_cast<uint32_t>(at)); }

  uint32_t Write(const Node& n) {
    if (n.kind == Node::Kind::kTable) return WriteTable(n);
    Align(4);
    const size_t at = out_.size();
    out_.resize(at + 4);
    Put32(at, n.count);
    if (n.kind == Node::Kind::kScalars) {
      out_.insert(out_.end(), n.raw.begin(), n.raw.end());
      return static_cast<uint32_t>(at);
    }
    const size_t slots = out_.size();
    out_.resize(slots + 4 * n.items.size());
    for (size_t i = 0; i < n.items.size(); ++i) Patch(slots + 4 * i, Write(*n.items[i]));
    return static_cast<uint32_t>(at);
  }

  uint32_t WriteTable(const Node& n) {
    int fields = 0;
    for (const auto& [id, v] : n.scalars) fields = std::max(fields, id + 1);
    for (const auto& [id, v] : n.refs) fields = std::max(fields, id + 1);
    std::vector<uint16_t> offsets(static_cast<size_t>(fields), 0);
    std::vector<uint8_t> body(4, 0);  // the soffset, filled below
    for (const auto& [id, bytes] : n.scalars) {
      body.resize((body.size() + bytes.size() - 1) / bytes.size() * bytes.size(), 0);
      offsets[static_cast<size_t>(id)] = static_cast<uint16_t>(body.size());
      body.insert(body.end(), bytes.begin(), bytes.end());
    }
    body.resize((body.size() + 3) / 4 * 4, 0);
    for (const auto& [id, child] : n.refs) {
      offsets[static_cast<size_t>(id)] = static_cast<uint16_t>(body.size());
      body.resize(body.size() + 4, 0);
    }
    Align(4);
    const size_t vtable = out_.size();
    const auto vtable_bytes = static_cast<uint16_t>(4 + 2 * fields);
    const auto push16 = [this](uint16_t v) { out_.push_back(v & 0xff); out_.push_back(v >> 8); };
    push16(vtable_bytes);
    push16(static_cast<uint16_t>(body.size()));
    for (uint16_t off : offsets) push16(off);
    Align(4);
    const size_t table = out_.size();
    out_.insert(out_.end(), body.begin(), body.end());
    Put32(table, static_cast<uint32_t>(table - vtable));
    for (const auto& [id, child] : n.refs) Patch(table + offsets[static_cast<size_t>(id)], Write(*child));
    return static_cast<uint32_t>(table);
  }

  std::vector<uint8_t> out_;
};

}  // namespace fbtest
