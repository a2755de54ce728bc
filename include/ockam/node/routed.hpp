#pragma once

#include <utility>

#include "ockam/core/local_message.hpp"

namespace ockam {

/// Any is the message type of workers that forward messages without decoding their bodies.
struct Any {};

/// Routed<T> is a decoded message body together with its routes and the address it reached.
template <class T>
class Routed {
 public:
  Routed(Address msg_address, LocalMessage message, T body)
      : msg_address_(std::move(msg_address)),
        message_(std::move(message)),
        body_(std::move(body)) {}

  /// The worker address this message was delivered to (a worker may own several).
  const Address& msg_address() const noexcept { return msg_address_; }
  const Route& onward_route() const noexcept { return message_.onward_route; }
  const Route& return_route() const noexcept { return message_.return_route; }
  /// The last address of the return route: who sent the message.
  const Address* sender() const noexcept { return message_.return_route.recipient(); }
  const T& body() const noexcept { return body_; }
  /// The body, as Rust's `Deref` on `Routed<T>`: `*msg`, `msg->size()`.
  const T& operator*() const noexcept { return body_; }
  const T* operator->() const noexcept { return &body_; }
  T take_body() && { return std::move(body_); }
  const LocalMessage& local_message() const noexcept { return message_; }
  LocalMessage take_local_message() && { return std::move(message_); }

 private:
  Address msg_address_;
  LocalMessage message_;
  T body_;
};

}  // namespace ockam
