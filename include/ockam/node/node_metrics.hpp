#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ockam {

/// DropReason says why a node refused a message, a frame or a connection.
enum class DropReason : std::uint8_t {
  kMalformed,       ///< bytes that do not parse (bad frame, wrong version byte)
  kFlowControl,     ///< a network producer's message to an address outside its flow
  kAccessControl,   ///< denied by an address's incoming or outgoing access control
  kUnknownAddress,  ///< no worker at the destination address
  kForgery,         ///< a message that did not start on this node asked for a transport hop
  kLimits,          ///< a bound was reached (connections, buffered bytes, deadlines, sizes)
};
inline constexpr std::size_t kDropReasonCount = 6;

/// drop_reason_name is the reason in lower case ("unknown_address"), for logs and tools.
std::string_view drop_reason_name(DropReason reason) noexcept;

/// NodeMetrics counts what a node holds for its peers and what it refused. Gauges say what is
/// held now, counters only grow. Owned by the Router; read it through `Node::metrics()`.
struct NodeMetrics {
  /// Open TCP connections (gauge).
  std::uint64_t tcp_connections = 0;
  /// Secure channel handshakes a listener started and that have not finished (gauge).
  std::uint64_t half_open_handshakes = 0;
  /// Bytes held for peers: unfinished incoming frames and frames queued for sending (gauge).
  std::uint64_t buffered_bytes = 0;
  /// Messages, frames and connections refused, by reason (counters).
  std::array<std::uint64_t, kDropReasonCount> drops{};
  /// Relay paths found dead because liveness pings went unanswered (counter).
  std::uint64_t relay_paths_lost = 0;
  /// Relays that reconnected, and remote relays registered again, after losing their path to a
  /// closed connection or unanswered pings (counter).
  std::uint64_t relay_paths_restored = 0;
  /// TCP portals open now, over every inlet and outlet (gauge).
  std::uint64_t portals_open = 0;
  /// TCP portals opened since the start (counter).
  std::uint64_t portals_opened = 0;
  /// Portal messages dropped: malformed, Payload before Pong, another channel identity, a route
  /// past the portal, a packet-counter gap (counter; each inlet or outlet says which).
  std::uint64_t portal_messages_dropped = 0;
  /// Clients and Pings refused because an inlet or outlet had `max_portals` open, or an inlet had
  /// lost its path to the outlet (counter).
  std::uint64_t portals_refused = 0;
  /// Portals that never opened: no Pong in time, or the outlet's target unreachable (counter).
  std::uint64_t portals_failed = 0;
  /// Inlets that found the path to their outlet dead: pings unanswered, or the route's first hop
  /// gone (counter).
  std::uint64_t inlet_paths_lost = 0;
  /// Inlets whose path came back after a loss (counter).
  std::uint64_t inlet_paths_restored = 0;

  std::uint64_t dropped(DropReason reason) const noexcept {
    return drops[static_cast<std::size_t>(reason)];
  }
  void count_drop(DropReason reason) noexcept { ++drops[static_cast<std::size_t>(reason)]; }
};

}  // namespace ockam
