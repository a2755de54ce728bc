#include "transport/tcp/internal/connection.hpp"

#include <array>

#include <asio/write.hpp>

#include "ockam/core/log.hpp"
#include "ockam/core/log_limit.hpp"
#include "ockam/node/transfer_all.hpp"
#include "ockam/transport/tcp/constants.hpp"
#include "ockam/transport/tcp/transport_message.hpp"

namespace ockam::tcp {
namespace {

using Clock = std::chrono::steady_clock;

/// Every connection of a node reads into this one buffer, then keeps only the bytes of an
/// unfinished frame: an idle connection holds no read buffer. Reads are synchronous (after a
/// wait for readability) and everything read is consumed before the next suspension.
Bytes& shared_read_buffer() {
  thread_local Bytes buffer(kReadBufferSize);
  return buffer;
}

}  // namespace

Connection::Connection(Router& router, asio::ip::tcp::socket socket, std::string peer,
                       std::shared_ptr<SharedLimits> shared, ClosedCallback on_closed)
    : router_(router),
      socket_(std::move(socket)),
      peer_(std::move(peer)),
      shared_(std::move(shared)),
      on_closed_(std::move(on_closed)),
      pending_{kProtocolVersion},
      write_wake_(router.io()),
      space_freed_(router.io()),
      stall_timer_(router.io()),
      deadline_timer_(router.io()) {
  space_freed_.expires_at(Clock::time_point::max());
}

Result<TcpConnection> Connection::start(FlowControlId flow_id,
                                        std::optional<FlowControlId> spawner_id,
                                        const std::vector<FlowControlId>& consumer_of) {
  FlowControls& flows = router_.flow_controls();
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
  // Reads and pushes write synchronously, never blocking (asio's async operations allow it).
  socket_.non_blocking(true, ignored);
  started_ = true;
  ++router_.metrics().tcp_connections;
  account();
  set_deadline(Clock::now() + shared_->limits.version_deadline);
  asio::co_spawn(router_.io(), read_loop(), asio::detached);
  asio::co_spawn(router_.io(), write_loop(), asio::detached);
  return TcpConnection(sender_, receiver_, flow_id, peer_);
}

Task<> Connection::wait_for_space() {
  // Senders only wait for a cancel(): re-arming the shared timer here would cancel the other
  // waiting senders, which would then wake each other in a loop. The stall timer bounds the
  // wait: a peer that does not read costs its senders at most write_stall_timeout.
  auto self = shared_from_this();
  while (!has_space()) {
    if (!stall_armed_) {
      stall_armed_ = true;
      stall_timer_.expires_after(shared_->limits.write_stall_timeout);
      stall_timer_.async_wait([weak = weak_from_this()](asio::error_code ec) {
        if (auto connection = weak.lock(); connection && !ec) {
          connection->on_write_stalled();
        }
      });
    }
    ++producers_waiting_;
    co_await space_freed_.async_wait(kUseTuple);
  }
}

void Connection::on_write_stalled() {
  stall_armed_ = false;
  if (!closed_ && !has_space()) {
    close_for(DropReason::kLimits, "does not read what we send");
  }
}

void Connection::wake_producers() {
  if (producers_waiting_ > 0) {
    producers_waiting_ = 0;
    space_freed_.cancel();
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
  const bool gathered = message.payload.size() >= kMinGatheredPayload;
  auto framed = gathered ? frames_.append_frame_head(pending_, message.onward_route,
                                                     message.return_route, message.payload.size())
                         : frames_.append_frame(pending_, message.onward_route,
                                                message.return_route, message.payload);
  if (framed && gathered) {
    pending_payload_bytes_ += message.payload.size();
    pending_payloads_.push_back(GatheredPayload{pending_.size(), std::move(message.payload)});
  }
  if (!framed) {
    // The peer would call this frame malformed and close the connection every other message
    // on it shares: drop it here instead.
    router_.metrics().count_drop(DropReason::kLimits);
    static log::RateLimit limit;
    log::warn_limited(limit, "tcp", "dropped an outgoing message to {}: {}", peer_,
                      framed.error().to_string());
    return ok();
  }
  account();
  if (writer_waiting_) {
    // An idle writer has nothing in flight, so writing here keeps the byte order.
    if (!socket_full_ && pending_payloads_.empty() && pending_.size() >= kWriteInPushBytes) {
      write_in_push();
    }
    write_wake_.cancel();
  }
  return ok();
}

void Connection::write_in_push() {
  asio::error_code ec;
  std::size_t written = socket_.write_some(asio::buffer(pending_), ec);
  if (ec) {
    socket_full_ = true;  // would block, or an error the writer meets and reports
    return;
  }
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(written));
  account();
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
  stall_timer_.cancel();
  deadline_timer_.cancel();
  reader_ = FrameReader();
  // writing_ and writing_payloads_ belong to the writer until its write completes.
  Bytes().swap(pending_);
  pending_payloads_.clear();
  pending_payload_bytes_ = 0;
  if (started_) {
    --router_.metrics().tcp_connections;
    account();
  }
  router_.unregister_address(sender_);
  router_.unregister_address(receiver_);
  if (on_closed_) {
    on_closed_(sender_);
  }
}

void Connection::close_for(DropReason reason, std::string_view what) {
  router_.metrics().count_drop(reason);
  static std::array<log::RateLimit, kDropReasonCount> limits;
  log::warn_limited(limits[static_cast<std::size_t>(reason)], "tcp",
                    "closing the connection with {}: the peer {}", peer_, what);
  close();
}

void Connection::account() {
  std::size_t read_held = reader_.held_bytes();
  std::size_t write_held =
      pending_.size() + pending_payload_bytes_ + writing_.size() + writing_payload_bytes_;
  NodeMetrics& metrics = router_.metrics();
  // Unsigned arithmetic wraps, so adding a difference works in both directions.
  metrics.buffered_bytes += (read_held + write_held) - (accounted_read_ + accounted_write_);
  shared_->unfinished_frame_bytes += read_held - accounted_read_;
  accounted_read_ = read_held;
  accounted_write_ = write_held;
}

void Connection::set_deadline(Clock::time_point at) {
  deadline_ = at;
  if (deadline_armed_ && deadline_timer_.expiry() <= at) {
    return;  // the armed wait fires first and re-arms for the new deadline
  }
  deadline_armed_ = true;
  deadline_timer_.expires_at(at);  // cancels an armed wait, whose handler then does nothing
  deadline_timer_.async_wait([weak = weak_from_this()](asio::error_code ec) {
    if (auto connection = weak.lock(); connection && !ec) {
      connection->on_deadline_timer();
    }
  });
}

void Connection::on_deadline_timer() {
  deadline_armed_ = false;
  if (closed_ || deadline_ == Clock::time_point::max()) {
    return;
  }
  if (Clock::now() >= deadline_) {
    close_for(DropReason::kLimits, reader_.version_received() ? "did not finish a frame in time"
                                                              : "sent no version byte in time");
    return;
  }
  set_deadline(deadline_);
}

Task<> Connection::write_loop() {
  auto self = shared_from_this();
  std::vector<asio::const_buffer> buffers;
  while (!closed_) {
    if (pending_.empty()) {
      writer_waiting_ = true;
      write_wake_.expires_at(Clock::time_point::max());
      co_await write_wake_.async_wait(kUseTuple);
      writer_waiting_ = false;
      continue;
    }
    writing_.swap(pending_);
    writing_payloads_.swap(pending_payloads_);
    std::swap(writing_payload_bytes_, pending_payload_bytes_);
    // The queue is empty now: senders waiting for room go on while this write is in flight
    // (left waiting until it completes, they would wait for ever on a peer that does not read,
    // and the stall check, which finds room, would not close the connection).
    wake_producers();
    gather(buffers);
    auto [ec, written] = co_await asio::async_write(socket_, buffers, TransferAll(), kUseTuple);
    socket_full_ = false;
    writing_.clear();
    writing_payloads_.clear();
    writing_payload_bytes_ = 0;
    if (closed_) {
      Bytes().swap(writing_);
      account();
      break;
    }
    account();
    if (stall_armed_) {
      stall_armed_ = false;
      stall_timer_.cancel();
    }
    wake_producers();
    if (ec) {
      log::debug("tcp", "write to {} failed: {}", peer_, ec.message());
      close();
    }
  }
}

void Connection::gather(std::vector<asio::const_buffer>& buffers) const {
  buffers.clear();
  std::size_t written_up_to = 0;
  for (const GatheredPayload& gathered : writing_payloads_) {
    buffers.emplace_back(writing_.data() + written_up_to, gathered.offset - written_up_to);
    buffers.emplace_back(gathered.payload.data(), gathered.payload.size());
    written_up_to = gathered.offset;
  }
  buffers.emplace_back(writing_.data() + written_up_to, writing_.size() - written_up_to);
}

bool Connection::decode_frame(ByteView body, std::vector<LocalMessage>& out) {
  auto decoded = decode_transport_message(body);
  if (!decoded) {
    return false;
  }
  if (decoded->onward_route.empty()) {
    return true;  // a heartbeat
  }
  delivered_ = true;
  if (!decoded->onward_route.next()->is_local()) {
    // A peer may not make this node open connections on its behalf (as Ockam).
    router_.metrics().count_drop(DropReason::kForgery);
    log::debug("tcp", "dropped a message from {} whose next hop is not local", peer_);
    return true;
  }
  LocalMessage& message = out.emplace_back();
  message.onward_route = std::move(decoded->onward_route);
  message.return_route = std::move(decoded->return_route);
  message.return_route.prepend(sender_);
  message.payload = std::move(decoded->payload);
  return true;
}

Task<> Connection::read_loop() {
  auto self = shared_from_this();
  asio::error_code ec;
  std::vector<LocalMessage> arrived;
  while (!closed_) {
    auto [wait_error] = co_await socket_.async_wait(asio::socket_base::wait_read, kUseTuple);
    if (wait_error || closed_) {
      break;
    }
    Bytes& buffer = shared_read_buffer();
    std::size_t n = socket_.read_some(asio::buffer(buffer), ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again) {
      continue;
    }
    if (ec) {
      if (ec != asio::error::eof) {
        log::debug("tcp", "read from {} failed: {}", peer_, ec.message());
      }
      break;
    }
    bool was_in_progress = reader_.frame_in_progress();
    std::uint64_t completed_before = reader_.frames_completed();
    auto status = reader_.feed(ByteView(buffer.data(), n),
                               [&](ByteView body) { return decode_frame(body, arrived); });
    account();
    if (status == FrameReader::Status::kBadVersion) {
      close_for(DropReason::kMalformed, "sent an unsupported protocol version");
    } else if (status == FrameReader::Status::kOversized) {
      close_for(DropReason::kLimits, "announced a frame above 16 MiB");
    } else if (status == FrameReader::Status::kStopped) {
      close_for(DropReason::kMalformed, "sent a malformed frame");
    } else if (shared_->unfinished_frame_bytes > shared_->limits.max_unfinished_frame_bytes) {
      close_for(DropReason::kLimits, "needs more buffer than the transport's limit");
    }
    if (closed_) {
      break;
    }
    if (reader_.version_received()) {  // until then, the version deadline stays
      if (!reader_.frame_in_progress()) {
        deadline_ = Clock::time_point::max();
      } else if (!was_in_progress || reader_.frames_completed() != completed_before) {
        set_deadline(Clock::now() + shared_->limits.frame_deadline);
      }
    }
    for (LocalMessage& message : arrived) {
      // Synchronous unless the destination is full: an idle decryptor opens the message here.
      auto delivered = router_.try_route(receiver_, message);
      Result<void> routed = ok();
      if (!delivered) {
        routed = delivered.error();
      } else if (!*delivered) {
        routed = co_await router_.route(receiver_, std::move(message));
      }
      if (!routed) {
        log::debug("tcp", "message from {} not delivered: {}", peer_, routed.error().to_string());
      }
      if (closed_) {
        break;
      }
    }
    arrived.clear();
  }
  close();
}

}  // namespace ockam::tcp
