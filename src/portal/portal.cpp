#include "portal/internal/portal.hpp"

#include <algorithm>
#include <vector>

#include <asio/write.hpp>

#include "ockam/channel/peer_identity.hpp"
#include "ockam/core/log.hpp"
#include "ockam/node/transfer_all.hpp"
#include "ockam/portal/portal_message.hpp"
#include "portal/internal/payload_buffer.hpp"
#include "portal/internal/portal_count.hpp"

namespace ockam::portal {
namespace {

constexpr auto kNever = std::chrono::steady_clock::time_point::max();

}  // namespace

Portal::Portal(Router& router, asio::ip::tcp::socket socket,
               std::shared_ptr<const PortalSettings> settings)
    : router_(router),
      socket_(std::move(socket)),
      settings_(std::move(settings)),
      write_wake_(router.io()),
      space_freed_(router.io()),
      deadline_(router.io()) {
  asio::error_code ignored;
  socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
  space_freed_.expires_at(kNever);
  count(router_, settings_->counters->active, &NodeMetrics::portals_open);
  count(router_, settings_->counters->opened, &NodeMetrics::portals_opened);
}

Portal::~Portal() {
  --settings_->counters->active;
  --router_.metrics().portals_open;
}

Result<void> Portal::register_with(const Route& flow_hop) {
  auto registered = router_.register_address(
      address_, Endpoint{shared_from_this(), settings_->incoming_access_control, nullptr});
  if (!registered) {
    return registered;
  }
  registered_ = true;
  // Messages from the other side come out of the producer that also carries ours (a channel's
  // decryptor or a TCP receiver): join its flow, as Ockam's setup_flow_control does.
  if (const Address* hop = flow_hop.next()) {
    FlowControls& flows = router_.flow_controls();
    if (const ProducerInfo* producer = flows.find_producer(*hop)) {
      flows.add_consumer(address_, producer->flow_control_id);
    }
  }
  return ok();
}

Task<Result<void>> Portal::start_inlet(Route outlet_route) {
  auto self = shared_from_this();
  auto resolved = co_await router_.resolve_route(std::move(outlet_route));
  if (!resolved) {
    close();
    co_return resolved.error();
  }
  if (auto registered = register_with(*resolved); !registered) {
    close();
    co_return registered.error();
  }
  deadline_.expires_after(settings_->pong_timeout);
  asio::co_spawn(router_.io(), pong_timer(), asio::detached);
  LocalMessage ping;
  ping.onward_route = std::move(*resolved);
  ping.return_route.append(address_);
  ping.payload = encode_portal_ping();
  auto sent = co_await router_.route(address_, std::move(ping));
  if (!sent) {
    close();
    co_return sent.error();
  }
  co_return ok();
}

Task<Result<void>> Portal::start_outlet(Route pong_route,
                                        std::optional<identity::Identifier> peer) {
  auto self = shared_from_this();
  identity_pinned_ = true;
  peer_ = std::move(peer);
  if (auto registered = register_with(pong_route); !registered) {
    close();
    co_return registered.error();
  }
  remote_route_ = std::move(pong_route);
  state_ = State::kOpen;
  // Pong only once the target is connected (the caller did that), so no Payload precedes it.
  auto sent = co_await send_control(encode_portal_pong());
  if (!sent) {
    close();
    co_return sent.error();
  }
  start_piping();
  co_return ok();
}

bool Portal::has_space() const {
  return closed_ || queued_bytes_ < settings_->limits.window;
}

Task<> Portal::wait_for_space() {
  auto self = shared_from_this();
  while (!has_space()) {
    ++producers_waiting_;
    co_await space_freed_.async_wait(kUseTuple);
  }
}

Result<void> Portal::push(Envelope envelope) {
  // Closing unregisters this inbox while the router is still inside this call.
  auto self = shared_from_this();
  if (!closed_) {
    on_message(envelope.message);
  }
  return ok();
}

void Portal::on_message(LocalMessage& message) {
  PortalCounters& counters = *settings_->counters;
  if (!message.onward_route.step() || !message.onward_route.empty()) {
    count(router_, counters.dropped_bad_route, &NodeMetrics::portal_messages_dropped);
    return;
  }
  auto sender = peer_identifier(message);
  if (!identity_pinned_) {
    identity_pinned_ = true;
    peer_ = std::move(sender);
  } else if (sender != peer_) {
    count(router_, counters.dropped_wrong_identity, &NodeMetrics::portal_messages_dropped);
    log::debug("portal", "portal {} dropped a message from another identity", address_.to_string());
    return;
  }
  auto decoded = decode_portal_message(message.payload);
  if (!decoded) {
    count(router_, counters.dropped_malformed, &NodeMetrics::portal_messages_dropped);
    log::debug("portal", "portal {} got a malformed message; closing", address_.to_string());
    abort();
    return;
  }
  switch (decoded->kind) {
    case PortalMessage::Kind::kPing:
      return;
    case PortalMessage::Kind::kPong:
      if (state_ == State::kAwaitingPong) {
        remote_route_ = std::move(message.return_route);
        state_ = State::kOpen;
        deadline_.cancel();
        start_piping();
      }
      return;
    case PortalMessage::Kind::kDisconnect:
      disconnect_sent_ = true;  // never answer a Disconnect
      if (state_ == State::kAwaitingPong) {
        close();  // the outlet could not reach its target
      } else if (state_ == State::kOpen) {
        state_ = State::kRemoteClosed;
        wake_writer();
      }
      return;
    case PortalMessage::Kind::kPayload:
      break;
  }
  if (state_ == State::kAwaitingPong) {
    count(router_, counters.dropped_before_pong, &NodeMetrics::portal_messages_dropped);
    close();
    return;
  }
  if (state_ == State::kRemoteClosed) {
    return;
  }
  if (!counter_is_next(decoded->counter)) {
    count(router_, counters.bad_packet_counter, &NodeMetrics::portal_messages_dropped);
    abort();
    return;
  }
  if (decoded->data.empty()) {
    return;
  }
  auto begin = static_cast<std::size_t>(decoded->data.data() - message.payload.data());
  std::size_t end = begin + decoded->data.size();
  queued_bytes_ += end - begin;
  queue_.push_back(Chunk{std::move(message.payload), begin, end});
  wake_writer();
  return;
}

bool Portal::counter_is_next(std::optional<std::uint16_t> counter) {
  if (!counter) {
    return true;
  }
  auto expected = static_cast<std::uint16_t>(last_counter_ + 1);
  if (*counter != expected) {
    return false;
  }
  last_counter_ = *counter;
  return true;
}

void Portal::start_piping() {
  asio::co_spawn(router_.io(), read_loop(), asio::detached);
  asio::co_spawn(router_.io(), write_loop(), asio::detached);
}

Task<> Portal::read_loop() {
  auto self = shared_from_this();
  PayloadBuffer buffer(settings_->limits.chunk_size);
  while (!closed_ && state_ != State::kLocalClosed) {
    std::span<std::uint8_t> space = buffer.space();
    auto [ec, n] =
        co_await socket_.async_read_some(asio::buffer(space.data(), space.size()), kUseTuple);
    if (closed_) {
      co_return;
    }
    if (state_ == State::kRemoteClosed) {
      // The other side is gone: discard until the socket ends, so that closing it with unread
      // bytes does not reset the connection before the queued bytes and the FIN arrive.
      if (ec) {
        socket_ended_ = true;
        if (send_shut_) {
          close();
        }
        co_return;
      }
      continue;
    }
    if (ec) {
      co_await send_disconnect();  // after every Payload this loop sent
      if (ec == asio::error::eof) {
        state_ = State::kLocalClosed;  // write what is queued, then close
        wake_writer();
      } else {
        log::debug("portal", "portal {} read failed: {}", address_.to_string(), ec.message());
        close();
      }
      co_return;
    }
    LocalMessage message;
    message.onward_route = remote_route_;
    message.return_route.append(address_);
    message.payload = buffer.take(n);
    // Waits while the next hop is full: a slow remote slows this reader (back-pressure).
    auto routed = co_await router_.route(address_, std::move(message));
    if (!routed) {
      log::debug("portal", "portal {} cannot reach the other side: {}", address_.to_string(),
                 routed.error().to_string());
      close();
      co_return;
    }
  }
}

Task<> Portal::write_loop() {
  auto self = shared_from_this();
  std::vector<asio::const_buffer> buffers;
  buffers.reserve(kMaxBuffersPerWrite);
  while (!closed_) {
    if (queue_.empty()) {
      if (state_ == State::kLocalClosed || state_ == State::kRemoteClosed) {
        // Everything queued is written: end the stream with a FIN. Close once the socket's
        // own end came (or at once after a local EOF); wait at most kCloseLinger for it.
        asio::error_code ignored;
        socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
        send_shut_ = true;
        if (state_ == State::kRemoteClosed && !socket_ended_) {
          deadline_.expires_after(kCloseLinger);
          co_await deadline_.async_wait(kUseTuple);
        }
        close();
        co_return;
      }
      writer_waiting_ = true;
      write_wake_.expires_at(kNever);
      co_await write_wake_.async_wait(kUseTuple);
      writer_waiting_ = false;
      continue;
    }
    std::size_t count = std::min(queue_.size(), kMaxBuffersPerWrite);
    buffers.clear();
    for (std::size_t i = 0; i < count; ++i) {
      const Chunk& chunk = queue_[i];
      buffers.emplace_back(chunk.message.data() + chunk.begin, chunk.end - chunk.begin);
    }
    auto [ec, written] = co_await asio::async_write(socket_, buffers, TransferAll(), kUseTuple);
    if (closed_) {
      co_return;
    }
    if (ec) {
      log::debug("portal", "portal {} write failed: {}", address_.to_string(), ec.message());
      co_await send_disconnect();
      close();
      co_return;
    }
    for (std::size_t i = 0; i < count; ++i) {
      queued_bytes_ -= queue_.front().end - queue_.front().begin;
      queue_.pop_front();
    }
    if (producers_waiting_ > 0 && has_space()) {
      producers_waiting_ = 0;
      space_freed_.cancel();
    }
  }
}

Task<> Portal::pong_timer() {
  auto self = shared_from_this();
  if (state_ != State::kAwaitingPong || closed_) {
    co_return;  // the Pong (or the end) came before this coroutine started
  }
  co_await deadline_.async_wait(kUseTuple);
  if (state_ == State::kAwaitingPong && !closed_) {
    count(router_, settings_->counters->pong_timeouts, &NodeMetrics::portals_failed);
    log::debug("portal", "portal {} got no Pong in time; closing", address_.to_string());
    close();
  }
}

Task<> Portal::send_disconnect() {
  if (disconnect_sent_ || remote_route_.empty()) {
    co_return;
  }
  disconnect_sent_ = true;
  (void)co_await send_control(encode_portal_disconnect());
}

void Portal::disconnect_detached() {
  if (!disconnect_sent_ && !remote_route_.empty()) {
    asio::co_spawn(router_.io(), send_disconnect_of(shared_from_this()), asio::detached);
  }
}

Task<> Portal::send_disconnect_of(std::shared_ptr<Portal> portal) {
  co_await portal->send_disconnect();
}

Task<Result<void>> Portal::send_control(Bytes message) {
  LocalMessage local;
  local.onward_route = remote_route_;
  local.return_route.append(address_);
  local.payload = std::move(message);
  return router_.route(address_, std::move(local));
}

void Portal::wake_writer() {
  if (writer_waiting_) {
    write_wake_.cancel();
  }
}

void Portal::abort() {
  disconnect_detached();
  close();
}

void Portal::close() {
  if (closed_) {
    return;
  }
  closed_ = true;
  asio::error_code ignored;
  socket_.close(ignored);
  write_wake_.cancel();
  space_freed_.cancel();
  deadline_.cancel();
  queue_.clear();
  queued_bytes_ = 0;
  if (registered_) {
    router_.unregister_address(address_);
  }
}

}  // namespace ockam::portal
