#include "tflite/flatbuffer.h"

#include <fmt/format.h>

#include <cstring>
#include <type_traits>

namespace tflite {

bool Decoder::Check(uint64_t position, uint64_t bytes, const char* what) const {
  if (!ok()) return false;
  if (position <= bytes_.size() && bytes <= bytes_.size() - position) return true;
  Fail(fmt::format("{} at byte {} ({} bytes) runs past the end of the {}-byte buffer", what,
                   position, bytes, bytes_.size()));
  return false;
}

void Decoder::Fail(const std::string& what) const {
  if (!ok()) return;
  error_ = where_.empty() ? what : where_ + ": " + what;
}

template <typename T>
T Decoder::Load(uint32_t position) const {
  // Byte-wise little-endian assembly: correct on any host and free of alignment traps.
  using Bits = std::conditional_t<sizeof(T) == 1, uint8_t,
               std::conditional_t<sizeof(T) == 2, uint16_t,
               std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>>>;
  Bits bits = 0;
  for (size_t i = 0; i < sizeof(T); ++i) {
    bits |= static_cast<Bits>(static_cast<Bits>(bytes_[position + i]) << (8 * i));
  }
  T value;
  std::memcpy(&value, &bits, sizeof(T));
  return value;
}

uint32_t Decoder::Follow(uint32_t position, const char* what) const {
  if (!Check(position, 4, what)) return 0;
  const uint64_t target = uint64_t{position} + Load<uint32_t>(position);
  if (target >= bytes_.size()) {
    Fail(fmt::format("{}: the offset at byte {} points to byte {}, outside the {}-byte buffer",
                     what, position, target, bytes_.size()));
    return 0;
  }
  return static_cast<uint32_t>(target);
}

Table Decoder::TableAt(uint32_t position, const char* name) const {
  if (!Check(position, 4, name)) return {};
  const int64_t vtable = int64_t{position} - Load<int32_t>(position);
  if (vtable < 0 || static_cast<uint64_t>(vtable) + 4 > bytes_.size()) {
    Fail(fmt::format("{} table at byte {}: its vtable at byte {} is outside the {}-byte buffer",
                     name, position, vtable, bytes_.size()));
    return {};
  }
  Table table;
  table.vtable_ = static_cast<uint32_t>(vtable);
  table.vtable_bytes_ = Load<uint16_t>(table.vtable_);
  table.table_bytes_ = Load<uint16_t>(table.vtable_ + 2);
  if (table.vtable_bytes_ < 4 || table.vtable_bytes_ % 2 != 0 || table.table_bytes_ < 4) {
    Fail(fmt::format("{} table at byte {} has a malformed vtable ({} vtable bytes, {} table "
                     "bytes)", name, position, table.vtable_bytes_, table.table_bytes_));
    return {};
  }
  if (!Check(table.vtable_, table.vtable_bytes_, name) ||
      !Check(position, table.table_bytes_, name)) {
    return {};
  }
  table.decoder_ = this;
  table.position_ = position;
  return table;
}

Vector Decoder::VectorAt(uint32_t position, uint32_t element_bytes, const char* name) const {
  if (!Check(position, 4, name)) return {};
  const uint32_t count = Load<uint32_t>(position);
  if (!Check(uint64_t{position} + 4, uint64_t{count} * element_bytes, name)) return {};
  Vector vector;
  vector.decoder_ = this;
  vector.data_ = position + 4;
  vector.count_ = count;
  vector.element_bytes_ = element_bytes;
  return vector;
}

Table Decoder::Root() const {
  if (bytes_.size() < 8) {
    Fail(fmt::format("file too short for a flatbuffer ({} bytes; at least 8 needed)",
                     bytes_.size()));
    return {};
  }
  if (bytes_.size() > UINT32_MAX) {  // positions are uint32, as in the format itself
    Fail(fmt::format("buffer of {} bytes is past the 4 GiB a flatbuffer can address",
                     bytes_.size()));
    return {};
  }
  const uint32_t root = Follow(0, "root table offset");
  return ok() ? TableAt(root, "model") : Table{};
}

std::string Decoder::Identifier() const {
  if (bytes_.size() < 8) return "";
  return std::string(reinterpret_cast<const char*>(bytes_.data()) + 4, 4);
}

uint32_t Table::FieldPosition(int field, uint32_t bytes, const char* name) const {
  if (decoder_ == nullptr || !decoder_->ok()) return 0;
  const uint32_t slot = 4 + 2 * static_cast<uint32_t>(field);
  if (slot + 2 > vtable_bytes_) return 0;  // field newer than the writer's schema: absent
  const uint16_t offset = decoder_->Load<uint16_t>(vtable_ + slot);
  if (offset == 0) return 0;
  if (offset < 4 || uint32_t{offset} + bytes > table_bytes_) {
    decoder_->Fail(fmt::format("field {} ({}) of the table at byte {} lies outside the table "
                               "(offset {}, table of {} bytes)", field, name, position_, offset,
                               table_bytes_));
    return 0;
  }
  return position_ + offset;
}

template <typename T>
T Table::Scalar(int field, T fallback) const {
  const uint32_t position = FieldPosition(field, sizeof(T), "scalar");
  return position == 0 ? fallback : decoder_->Load<T>(position);
}

Table Table::Child(int field, const char* name) const {
  const uint32_t position = FieldPosition(field, 4, name);
  if (position == 0) return {};
  const uint32_t target = decoder_->Follow(position, name);
  return decoder_->ok() ? decoder_->TableAt(target, name) : Table{};
}

Vector Table::Elements(int field, const char* name, uint32_t element_bytes) const {
  const uint32_t position = FieldPosition(field, 4, name);
  if (position == 0) return {};
  const uint32_t target = decoder_->Follow(position, name);
  return decoder_->ok() ? decoder_->VectorAt(target, element_bytes, name) : Vector{};
}

std::string Table::String(int field, const char* name) const {
  const std::span<const uint8_t> chars = Elements(field, name, 1).bytes();
  return std::string(chars.begin(), chars.end());
}

template <typename T>
T Vector::At(uint32_t i) const {
  if (decoder_ == nullptr || i >= count_ || sizeof(T) != element_bytes_) return T{};
  return decoder_->Load<T>(data_ + i * element_bytes_);
}

Table Vector::TableAt(uint32_t i, const char* name) const {
  if (decoder_ == nullptr || i >= count_ || element_bytes_ != 4) return {};
  const uint32_t target = decoder_->Follow(data_ + 4 * i, name);
  return decoder_->ok() ? decoder_->TableAt(target, name) : Table{};
}

std::span<const uint8_t> Vector::bytes() const {
  if (decoder_ == nullptr) return {};
  return decoder_->bytes_.subspan(data_, size_t{count_} * element_bytes_);
}

// The scalar types the TFLite schema uses.
template int8_t Table::Scalar<int8_t>(int, int8_t) const;
template uint8_t Table::Scalar<uint8_t>(int, uint8_t) const;
template int16_t Table::Scalar<int16_t>(int, int16_t) const;
template uint16_t Table::Scalar<uint16_t>(int, uint16_t) const;
template int32_t Table::Scalar<int32_t>(int, int32_t) const;
template uint32_t Table::Scalar<uint32_t>(int, uint32_t) const;
template int64_t Table::Scalar<int64_t>(int, int64_t) const;
template uint64_t Table::Scalar<uint64_t>(int, uint64_t) const;
template float Table::Scalar<float>(int, float) const;
template int32_t Vector::At<int32_t>(uint32_t) const;
template int64_t Vector::At<int64_t>(uint32_t) const;
template float Vector::At<float>(uint32_t) const;
template uint8_t Vector::At<uint8_t>(uint32_t) const;

}  // namespace tflite
