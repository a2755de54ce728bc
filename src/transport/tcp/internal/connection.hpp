#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <asio/ip/tcp.hpp>

#include "ockam/node/router.hpp"
#include "ockam/transport/tcp/frame_encoder.hpp"
#include "ockam/transport/tcp/tcp_connection.hpp"
#include "ockam/transport/tcp/tcp_options.hpp"
#include "transport/tcp/internal/frame_reader.hpp"

namespace ockam::tcp {

/// SharedLimits is what one transport's connections share: the limits, and the bytes of
/// unfinished frames they hold together (checked against `max_unfinished_frame_bytes`).
struct SharedLimits {
  TcpLimits limits;
  std::size_t unfinished_frame_bytes = 0;
};

/// Connection is one TCP socket with its two node addresses: the sender (an Inbox that frames
/// what it is given and queues it for the socket's single writer coroutine, which sends all
/// queued frames with one gather write, large payloads from where they lie) and the receiver (a
/// flow-control producer that routes what the reader coroutine decodes). Bad input from the peer, a
/// missed deadline or a peer that stops reading closes the connection; each is counted in the
/// node's metrics.
class Connection final : public Inbox, public std::enable_shared_from_this<Connection> {
 public:
  using ClosedCallback = std::function<void(const Address& sender)>;

  Connection(Router& router, asio::ip::tcp::socket socket, std::string peer,
             std::shared_ptr<SharedLimits> shared, ClosedCallback on_closed);

  /// Registers the addresses and flow control (the receiver produces `flow_id`), then starts
  /// the reader and writer.
  Result<TcpConnection> start(FlowControlId flow_id, std::optional<FlowControlId> spawner_id,
                              const std::vector<FlowControlId>& consumer_of);

  bool has_space() const override {
    return closed_ ||
           pending_.size() + pending_payload_bytes_ < shared_->limits.max_pending_write_bytes;
  }
  Task<> wait_for_space() override;
  Result<void> push(Envelope envelope) override;
  void close() override;
  bool is_closed() const override { return closed_; }

  /// True once the peer sent a frame that decoded (listeners replace connections that never
  /// did first when they are full).
  bool has_delivered() const noexcept { return delivered_; }

 private:
  Task<> read_loop();
  Task<> write_loop();
  /// The pieces of the batch being written: frames and gathered payloads in their order.
  void gather(std::vector<asio::const_buffer>& buffers) const;
  /// Writes what the socket takes now of the queued frames (see kWriteInPushBytes).
  void write_in_push();
  /// Decodes one frame body into `out`; false when it is malformed.
  bool decode_frame(ByteView body, std::vector<LocalMessage>& out);
  /// Brings the node's gauges and the shared budget up to date with what this connection holds.
  void account();
  void set_deadline(std::chrono::steady_clock::time_point at);
  void on_deadline_timer();
  void on_write_stalled();
  /// Wakes the senders waiting in wait_for_space (there is room again).
  void wake_producers();
  /// Closes the connection because of the peer: counts `reason` and logs at most once a second.
  void close_for(DropReason reason, std::string_view what);

  Router& router_;
  asio::ip::tcp::socket socket_;
  std::string peer_;
  std::shared_ptr<SharedLimits> shared_;
  ClosedCallback on_closed_;
  Address sender_ = Address::random_local();
  Address receiver_ = Address::random_local();
  bool closed_ = false;
  bool started_ = false;
  bool delivered_ = false;

  // A large payload queued where it lies (see kMinGatheredPayload), to be written after the
  // first `offset` bytes of the frames buffer it belongs to.
  struct GatheredPayload {
    std::size_t offset;
    Bytes payload;
  };

  FrameEncoder frames_;
  Bytes pending_;
  std::vector<GatheredPayload> pending_payloads_;
  std::size_t pending_payload_bytes_ = 0;
  Bytes writing_;
  std::vector<GatheredPayload> writing_payloads_;
  std::size_t writing_payload_bytes_ = 0;
  bool writer_waiting_ = false;
  // The socket refused a write from a push (its buffer is full): pushes leave writing to the
  // writer until one of its writes completes, instead of a failing system call each.
  bool socket_full_ = false;
  std::size_t producers_waiting_ = 0;
  asio::steady_timer write_wake_;
  asio::steady_timer space_freed_;
  asio::steady_timer stall_timer_;
  bool stall_armed_ = false;

  FrameReader reader_;
  asio::steady_timer deadline_timer_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  bool deadline_armed_ = false;

  std::size_t accounted_read_ = 0;
  std::size_t accounted_write_ = 0;
};

}  // namespace ockam::tcp
