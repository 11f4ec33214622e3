#pragma once
// Result<T>: a value or an error message, the way lib/ reports failure.
// lib/ never prints and never exits; apps/ turns an error into "dse: error: ..." and an exit code.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace util {

// What went wrong, ready for the user: "file:line: what is wrong" plus, where known, the
// offending line and a hint. `kind` tells the app which exit code to pick.
struct Error {
  enum class Kind { kInput, kRuntime };
  Kind kind = Kind::kInput;
  std::string message;
};

inline Error InputError(std::string message) { return {Error::Kind::kInput, std::move(message)}; }
inline Error RuntimeError(std::string message) {
  return {Error::Kind::kRuntime, std::move(message)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Contract: call value() only when ok(), error() only when !ok().
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T& value() & { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result<void> equivalent.
struct Ok {};
using Status = Result<Ok>;

}  // namespace util
