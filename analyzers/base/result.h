#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "analyzers/base/error.h"

namespace tonewatch {

// Holds either a value or an Error, shaped like C++23's std::expected so it can be replaced by it
// later. Errors are values at module boundaries: no exception crosses a public header.
//
// value()/operator* may be called only when has_value(); error() only when !has_value()
// (checked by assert in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit like expected
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    assert(has_value());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const {
    assert(!has_value());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

inline Result<void> Ok() { return Result<void>(); }

template <typename T>
Result<std::decay_t<T>> Ok(T&& value) {
  return Result<std::decay_t<T>>(std::forward<T>(value));
}

inline Error Err(ErrorCode code, std::string where, std::string message, std::string hint = {}) {
  return MakeError(code, std::move(where), std::move(message), std::move(hint));
}

}  // namespace tonewatch
