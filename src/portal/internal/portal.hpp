#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>

#include <asio/ip/tcp.hpp>
#include <asio/steady_timer.hpp>

#include "ockam/identity/identifier.hpp"
#include "ockam/node/router.hpp"
#include "ockam/portal/portal_counters.hpp"
#include "ockam/portal/tcp_portal_options.hpp"

namespace ockam::portal {

/// PortalSettings is what every portal of one inlet or outlet shares.
struct PortalSettings {
  PortalLimits limits;
  IncomingAccessControlPtr incoming_access_control;
  std::chrono::milliseconds pong_timeout{kDefaultPongTimeout};
  std::shared_ptr<PortalCounters> counters = std::make_shared<PortalCounters>();
};

/// Portal pipes one TCP socket through the node (Ockam's TcpPortalWorker and its receiver in one
/// object). Its one address receives Pong, Payload and Disconnect from the other side (an Inbox
/// that queues payload bytes for the socket's writer, at most `window` bytes before senders
/// wait) and is the source and return address of everything it sends. A reader coroutine turns
/// each socket read into one Payload toward the remote portal.
class Portal final : public Inbox, public std::enable_shared_from_this<Portal> {
 public:
  Portal(Router& router, asio::ip::tcp::socket socket,
         std::shared_ptr<const PortalSettings> settings);
  ~Portal() override;

  /// Inlet side: registers the portal, admits replies from the flow of the route's first hop,
  /// sends Ping along `outlet_route` (which ends at the outlet listener) and waits for the Pong
  /// (closing the socket after `pong_timeout`).
  Task<Result<void>> start_inlet(Route outlet_route);
  /// Outlet side: registers the portal, admits messages from the flow of the Ping's first
  /// return hop, pins the Ping's secure channel identity, sends Pong and starts piping.
  Task<Result<void>> start_outlet(Route pong_route, std::optional<identity::Identifier> peer);

  const Address& address() const noexcept { return address_; }

  bool has_space() const override;
  Task<> wait_for_space() override;
  /// Handles one message from the other side; never waits.
  Result<void> push(Envelope envelope) override;
  /// Closes the socket at once and unregisters (queued bytes are dropped).
  void close() override;
  /// Tells the other side (Disconnect, once its address is known) and closes at once.
  void abort();
  bool is_closed() const override { return closed_; }

 private:
  enum class State : std::uint8_t {
    kAwaitingPong,
    kOpen,
    // One side closed: no more reading; queued bytes are written, then the socket closes.
    kLocalClosed,
    kRemoteClosed,
  };
  // A received Payload whose bytes [begin, end) of `message` are still to be written.
  struct Chunk {
    Bytes message;
    std::size_t begin;
    std::size_t end;
  };

  Result<void> register_with(const Route& flow_hop);
  void on_message(LocalMessage& message);
  bool counter_is_next(std::optional<std::uint16_t> counter);
  void start_piping();
  Task<> read_loop();
  Task<> write_loop();
  Task<> pong_timer();
  // Tells the other side (at most once, and only once its address is known).
  Task<> send_disconnect();
  void disconnect_detached();
  static Task<> send_disconnect_of(std::shared_ptr<Portal> portal);
  Task<Result<void>> send_control(Bytes message);
  void wake_writer();

  Router& router_;
  asio::ip::tcp::socket socket_;
  std::shared_ptr<const PortalSettings> settings_;
  Address address_ = Address::random_local();
  State state_ = State::kAwaitingPong;
  bool registered_ = false;
  bool closed_ = false;
  bool disconnect_sent_ = false;
  // Our FIN is sent / the socket's peer ended its side (read EOF or error).
  bool send_shut_ = false;
  bool socket_ended_ = false;
  Route remote_route_;

  // Identity of the secure channel the first message came through (nullopt: no channel).
  bool identity_pinned_ = false;
  std::optional<identity::Identifier> peer_;
  // Ockam's receive-side packet counter: u16::MAX means "expect 0".
  std::uint16_t last_counter_ = UINT16_MAX;

  std::deque<Chunk> queue_;
  std::size_t queued_bytes_ = 0;
  bool writer_waiting_ = false;
  std::size_t producers_waiting_ = 0;
  asio::steady_timer write_wake_;
  asio::steady_timer space_freed_;
  // The Pong timeout, then the wait for the socket's end after our FIN.
  asio::steady_timer deadline_;
};

}  // namespace ockam::portal
