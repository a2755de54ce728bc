#pragma once

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "ockam/core/error.hpp"

namespace ockam {

/// Result<T> holds either a value or an Error. Its members are named like the subset of
/// `std::expected` we need, so a later switch is a one-line alias. `value()` on an error
/// throws the Error, which lets short programs use exceptions if they prefer.
template <class T>
class [[nodiscard]] Result {
 public:
  using value_type = T;

  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}       // NOLINT: implicit

  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & {
    throw_if_error();
    return std::get<0>(state_);
  }
  const T& value() const& {
    throw_if_error();
    return std::get<0>(state_);
  }
  T&& value() && {
    throw_if_error();
    return std::get<0>(std::move(state_));
  }
  const Error& error() const { return std::get<1>(state_); }

  T& operator*() & { return std::get<0>(state_); }
  const T& operator*() const& { return std::get<0>(state_); }
  T&& operator*() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &std::get<0>(state_); }
  const T* operator->() const { return &std::get<0>(state_); }

  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  void throw_if_error() const {
    if (!has_value()) {
      throw std::get<1>(state_);
    }
  }

  std::variant<T, Error> state_;
};

/// Result<void> is success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  using value_type = void;

  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit

  bool has_value() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return has_value(); }
  void value() const {
    if (error_) {
      throw *error_;
    }
  }
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

/// ok() is the successful Result<void>.
inline Result<void> ok() {
  return {};
}

}  // namespace ockam
