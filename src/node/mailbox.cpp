#include "ockam/node/mailbox.hpp"

namespace ockam {

Mailbox::Mailbox(asio::io_context& io, std::size_t capacity)
    : capacity_(capacity), message_arrived_(io), space_freed_(io) {}

Task<> Mailbox::wait_for_space() {
  while (!has_space()) {
    ++producers_waiting_;
    space_freed_.expires_at(std::chrono::steady_clock::time_point::max());
    co_await space_freed_.async_wait(kUseTuple);
    --producers_waiting_;
  }
}

Result<void> Mailbox::push(Envelope envelope) {
  if (closed_) {
    return Error(Origin::kNode, Kind::kShutdown, "the destination worker stopped");
  }
  queue_.push_back(std::move(envelope));
  if (consumer_waiting_) {
    message_arrived_.cancel();
  }
  return ok();
}

void Mailbox::close() {
  closed_ = true;
  queue_.clear();
  message_arrived_.cancel();
  space_freed_.cancel();
}

std::optional<Envelope> Mailbox::take() {
  if (queue_.empty()) {
    return std::nullopt;
  }
  Envelope envelope = std::move(queue_.front());
  queue_.pop_front();
  if (producers_waiting_ > 0) {
    space_freed_.cancel();
  }
  return envelope;
}

Task<std::optional<Envelope>> Mailbox::pop(std::chrono::steady_clock::time_point deadline) {
  while (!closed_) {
    if (auto envelope = take()) {
      co_return envelope;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      co_return std::nullopt;
    }
    consumer_waiting_ = true;
    message_arrived_.expires_at(deadline);
    co_await message_arrived_.async_wait(kUseTuple);
    consumer_waiting_ = false;
  }
  co_return std::nullopt;
}

Task<std::optional<Envelope>> Mailbox::pop() {
  return pop(std::chrono::steady_clock::time_point::max());
}

}  // namespace ockam
