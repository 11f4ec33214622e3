#pragma once
// A bounds-checked reader of the FlatBuffers wire format, enough for the TFLite schema.
//
// Layout it relies on (FlatBuffers "binary format"; all integers little-endian):
//  * the buffer starts with a uoffset_t (uint32) to the root table, then a 4-byte identifier;
//  * a table starts with an soffset_t (int32): vtable position = table position - soffset;
//  * a vtable is uint16 vtable_bytes, uint16 table_bytes, then one uint16 per field: the
//    field's offset inside the table, 0 when absent (the reader then uses the default);
//  * a reference field (table, vector, string) holds a uoffset_t relative to its own position;
//  * a vector is a uint32 element count followed by the elements (tables by uoffset_t each);
//    a string is a vector of bytes followed by a NUL.
//
// Every read is checked against the buffer. The first failure is recorded in the Decoder, with
// the context set by set_where(), and every later read returns a default (0, absent, empty),
// so a caller reads a whole structure and checks ok() once. Nothing here ever reads outside
// the buffer it was given, whatever the bytes say.

#include <cstdint>
#include <span>
#include <string>

namespace tflite {

class Decoder;
class Vector;

/// A table inside the buffer. A default-constructed Table is "absent": its fields read as
/// their defaults.
class Table {
 public:
  Table() = default;
  bool present() const { return decoder_ != nullptr; }

  /// Scalar field `field` (0-based id in the schema), or `fallback` when absent.
  /// T is one of int8_t, uint8_t, int16_t, uint16_t, int32_t, uint32_t, int64_t, uint64_t, float.
  template <typename T>
  T Scalar(int field, T fallback) const;

  /// A sub-table, absent when the field is absent. `name` is for error messages.
  Table Child(int field, const char* name) const;
  /// A vector of `element_bytes`-sized elements (4 for a vector of tables); empty when absent.
  Vector Elements(int field, const char* name, uint32_t element_bytes) const;
  /// A string; empty when absent.
  std::string String(int field, const char* name) const;

 private:
  friend class Decoder;
  // Position of field `field` inside the buffer, or 0 when absent; checks that `bytes` bytes
  // of it lie inside the table.
  uint32_t FieldPosition(int field, uint32_t bytes, const char* name) const;

  const Decoder* decoder_ = nullptr;
  uint32_t position_ = 0;
  uint32_t vtable_ = 0;
  uint16_t vtable_bytes_ = 0;
  uint16_t table_bytes_ = 0;
};

/// A vector inside the buffer; a default-constructed Vector is empty.
class Vector {
 public:
  Vector() = default;
  uint32_t size() const { return count_; }
  /// Element i as a scalar; T's size must equal the vector's element size. i < size().
  template <typename T>
  T At(uint32_t i) const;
  /// Element i of a vector of tables. i < size().
  Table TableAt(uint32_t i, const char* name) const;
  /// The raw bytes of the elements (for byte vectors).
  std::span<const uint8_t> bytes() const;

 private:
  friend class Table;
  friend class Decoder;
  const Decoder* decoder_ = nullptr;
  uint32_t data_ = 0;  // position of element 0
  uint32_t count_ = 0;
  uint32_t element_bytes_ = 0;
};

class Decoder {
 public:
  /// `bytes` must outlive the decoder and every Table and Vector read from it.
  explicit Decoder(std::span<const uint8_t> bytes) : bytes_(bytes) {}

  /// The root table; records an error when the buffer is too short or the offset is bad.
  Table Root() const;
  /// The 4-byte file identifier after the root offset, or "" when the buffer is too short.
  std::string Identifier() const;

  bool ok() const { return error_.empty(); }
  /// The first failure: "<where>: <what>", empty while ok().
  const std::string& error() const { return error_; }
  /// Context prefixed to the next failure, e.g. "subgraph 0, tensor 17".
  void set_where(std::string where) { where_ = std::move(where); }
  /// Records a failure the caller found (e.g. an index out of range); keeps the first one.
  void Fail(const std::string& what) const;
  size_t size() const { return bytes_.size(); }

 private:
  friend class Table;
  friend class Vector;
  // True when [position, position + bytes) lies inside the buffer; else records a failure.
  bool Check(uint64_t position, uint64_t bytes, const char* what) const;
  template <typename T>
  T Load(uint32_t position) const;  // unchecked: callers Check first
  // Follows the uoffset_t at `position`; 0 (with an error recorded) when it leaves the buffer.
  uint32_t Follow(uint32_t position, const char* what) const;
  Table TableAt(uint32_t position, const char* name) const;
  Vector VectorAt(uint32_t position, uint32_t element_bytes, const char* name) const;

  std::span<const uint8_t> bytes_;
  std::string where_;
  mutable std::string error_;
};

}  // namespace tflite
