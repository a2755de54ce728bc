#include "transport/tcp/internal/connection.hpp"

#include <asio/read.hpp>
#include <asio/write.hpp>

#include "ockam/core/byte_reader.hpp"
#include "ockam/core/log.hpp"
#include "ockam/transport/tcp/constants.hpp"
#include "ockam/transport/tcp/transport_message.hpp"

namespace ockam::tcp {

Connection::Connection(Router& router, asio::ip::tcp::socket socket, std::string peer,
                       ClosedCallback on_closed)
    : router_(router),
      socket_(std::move(socket)),
      peer_(std::move(peer)),
      on_closed_(std::move(on_closed)),
      pending_{kProtocolVersion},
      write_wake_(router.io()),
      space_freed_(router.io()),
      read_buffer_(kReadBufferSize) {
  space_freed_.expires_at(std::chrono::steady_clock::time_point::max());
}

Result<TcpConnection> Connection::start(std::optional<FlowControlId> spawner_id,
                                        const std::vector<FlowControlId>& consumer_of) {
  FlowControls& flows = router_.flow_controls();
  FlowControlId flow_id = FlowControlId::generate();
  auto self = shared_from_this();
  if (auto r = router_.register_address(sender_, Endpoint{self, nullptr, nullptr}); !r) {
    return r.error();
  }
  auto receiver_registered = router_.register_address(
      receiver_,
      Endpoint{self, deny_all_incoming(), flows.producer_access_control(flow_id, spawner_id)});
  if (!receiver_registered) {
    router_.unregister_address(sender_);
    return receiver_registered.error();
  }
  flows.add_producer(receiver_, flow_id, spawner_id, {sender_});
  for (const FlowControlId& id : consumer_of) {
    flows.add_consumer(sender_, id);
  }
  asio::error_code ignored;
  socket_.set_option(asio::ip::tcp::no_delay(true), ignored);
  socket_.set_option(asio::socket_base::keep_alive(true), ignored);
  asio::co_spawn(router_.io(), read_loop(), asio::detached);
  asio::co_spawn(router_.io(), write_loop(), asio::detached);
  return TcpConnection(sender_, receiver_, flow_id, peer_);
}

Task<> Connection::wait_for_space() {
  // Senders only wait for a cancel(): re-arming the shared timer here would cancel the other
  // waiting senders, which would then wake each other in a loop.
  auto self = shared_from_this();
  while (!has_space()) {
    ++producers_waiting_;
    co_await space_freed_.async_wait(kUseTuple);
  }
}

Result<void> Connection::push(Envelope envelope) {
  if (closed_) {
    return Error(Origin::kTransport, Kind::kShutdown, "the TCP connection is closed");
  }
  if (envelope.destination != sender_) {
    return Error(Origin::kTransport, Kind::kPermission, "the TCP receiver accepts no messages");
  }
  LocalMessage& message = envelope.message;
  (void)message.onward_route.step();  // our own address
  auto framed = append_frame(pending_, message.onward_route, message.return_route, message.payload);
  if (!framed) {
    log::warn("tcp", "dropped an outgoing message to {}: larger than 16 MiB", peer_);
    return framed;
  }
  if (writer_waiting_) {
    write_wake_.cancel();
  }
  return ok();
}

void Connection::close() {
  if (closed_) {
    return;
  }
  auto self = shared_from_this();
  closed_ = true;
  asio::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  write_wake_.cancel();
  space_freed_.cancel();
  router_.unregister_address(sender_);
  router_.unregister_address(receiver_);
  if (on_closed_) {
    on_closed_(sender_);
  }
}

Task<> Connection::write_loop() {
  auto self = shared_from_this();
  while (!closed_) {
    if (pending_.empty()) {
      writer_waiting_ = true;
      write_wake_.expires_at(std::chrono::steady_clock::time_point::max());
      co_await write_wake_.async_wait(kUseTuple);
      writer_waiting_ = false;
      continue;
    }
    writing_.swap(pending_);
    auto [ec, written] = co_await asio::async_write(socket_, asio::buffer(writing_), kUseTuple);
    writing_.clear();
    if (producers_waiting_ > 0) {
      producers_waiting_ = 0;
      space_freed_.cancel();
    }
    if (ec) {
      log::debug("tcp", "write to {} failed: {}", peer_, ec.message());
      close();
    }
  }
}

Task<bool> Connection::fill(std::size_t count) {
  while (read_end_ - read_begin_ < count) {
    if (read_buffer_.size() - read_begin_ < count) {
      // Move what is buffered to the front, growing the buffer for a large frame (the frame
      // length was checked against kMaxMessageSize before we get here).
      std::copy(read_buffer_.begin() + static_cast<std::ptrdiff_t>(read_begin_),
                read_buffer_.begin() + static_cast<std::ptrdiff_t>(read_end_),
                read_buffer_.begin());
      read_end_ -= read_begin_;
      read_begin_ = 0;
      if (read_buffer_.size() < count) {
        read_buffer_.resize(count);
      }
    }
    auto [ec, n] = co_await socket_.async_read_some(
        asio::buffer(read_buffer_.data() + read_end_, read_buffer_.size() - read_end_), kUseTuple);
    if (ec) {
      if (ec != asio::error::eof && ec != asio::error::operation_aborted) {
        log::debug("tcp", "read from {} failed: {}", peer_, ec.message());
      }
      co_return false;
    }
    read_end_ += n;
  }
  co_return true;
}

Task<> Connection::read_loop() {
  auto self = shared_from_this();
  if (!co_await fill(1)) {
    close();
    co_return;
  }
  if (read_buffer_[read_begin_] != kProtocolVersion) {
    log::warn("tcp", "peer {} sent an unsupported protocol version; closing", peer_);
    close();
    co_return;
  }
  ++read_begin_;
  while (!closed_) {
    if (!co_await fill(kFrameHeaderLength)) {
      break;
    }
    ByteReader header(ByteView(read_buffer_).subspan(read_begin_, kFrameHeaderLength));
    std::uint32_t length = 0;
    (void)header.read_u32_be(length);
    if (length > kMaxMessageSize) {
      log::warn("tcp", "peer {} announced a frame above 16 MiB; closing", peer_);
      break;
    }
    if (!co_await fill(kFrameHeaderLength + length)) {
      break;
    }
    auto decoded = decode_transport_message(
        ByteView(read_buffer_).subspan(read_begin_ + kFrameHeaderLength, length));
    read_begin_ += kFrameHeaderLength + length;
    if (read_begin_ == read_end_) {
      read_begin_ = read_end_ = 0;
      if (read_buffer_.size() > kMaxRetainedReadBuffer) {
        // A rare huge frame: give the memory back rather than keep 16 MiB per connection.
        read_buffer_.resize(kReadBufferSize);
        read_buffer_.shrink_to_fit();
      }
    }
    if (!decoded) {
      log::warn("tcp", "peer {} sent a malformed frame; closing", peer_);
      break;
    }
    if (decoded->onward_route.empty()) {
      continue;  // a heartbeat
    }
    if (!decoded->onward_route.next()->is_local()) {
      // A peer may not make this node open connections on its behalf (as Ockam).
      log::debug("tcp", "dropped a message from {} whose next hop is not local", peer_);
      continue;
    }
    LocalMessage message;
    message.onward_route = std::move(decoded->onward_route);
    message.return_route = std::move(decoded->return_route);
    message.return_route.prepend(sender_);
    message.payload = std::move(decoded->payload);
    auto routed = co_await router_.route(receiver_, std::move(message));
    if (!routed) {
      log::debug("tcp", "message from {} not delivered: {}", peer_, routed.error().to_string());
    }
  }
  close();
}

}  // namespace ockam::tcp
