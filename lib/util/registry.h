#pragma once
// util::Registry<T> — the one place the implementations of a seam are listed (design.md
// "Seams": one interface, one registration to add an implementation). T has
// `std::string_view id() const`. Built-in implementations are added by the registry's owner on
// first use; a test or plug-in adds its own with Register (typically from a static initialiser).
// Registration happens before any lookup in practice; lookups are read-only and thread-safe
// once registration is over.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"
#include "util/spellcheck.h"

namespace util {

template <typename T>
class Registry {
 public:
  /// `kind` names the seam in messages, e.g. "deployment mode"; `list_label` heads the list of
  /// registered ids in an unknown-id message, e.g. "modes".
  Registry(std::string kind, std::string list_label)
      : kind_(std::move(kind)), list_label_(std::move(list_label)) {}

  /// Adds `item`; an id already registered is an input error and `item` is dropped.
  Status Register(std::unique_ptr<T> item) {
    if (Find(item->id()) != nullptr) {
      return InputError(fmt::format("{} '{}' is registered twice", kind_, item->id()));
    }
    items_.push_back(std::move(item));
    return Ok{};
  }

  /// The item with `id`, nullptr when none.
  const T* Find(std::string_view id) const {
    for (const auto& item : items_) {
      if (item->id() == id) return item.get();
    }
    return nullptr;
  }

  /// The item with `id`; an unknown id is an input error naming the nearest registered id and
  /// listing them all.
  Result<const T*> Lookup(std::string_view id) const {
    if (const T* item = Find(id)) return item;
    const std::vector<std::string> ids = Ids();
    return InputError(fmt::format("unknown {} '{}'{} ({}: {})", kind_, id, DidYouMean(id, ids),
                                  list_label_, fmt::join(ids, ", ")));
  }

  /// Every item in registration order.
  std::vector<const T*> All() const {
    std::vector<const T*> out;
    for (const auto& item : items_) out.push_back(item.get());
    return out;
  }

  std::vector<std::string> Ids() const {
    std::vector<std::string> out;
    for (const auto& item : items_) out.emplace_back(item->id());
    return out;
  }

 private:
  std::string kind_;
  std::string list_label_;
  std::vector<std::unique_ptr<T>> items_;
};

}  // namespace util
