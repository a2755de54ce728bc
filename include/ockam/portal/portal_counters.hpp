#pragma once

#include <atomic>
#include <cstdint>

namespace ockam {

/// PortalCounters counts what one inlet or outlet did, for monitoring and tests. Updated on the
/// node's thread; safe to read from any thread.
struct PortalCounters {
  /// Portals open now (sockets being piped or waiting for Pong).
  std::atomic<std::uint64_t> active{0};
  /// Portals opened since the start.
  std::atomic<std::uint64_t> opened{0};
  /// Messages that did not decode as a portal message (each closes its portal), or that arrived
  /// at the outlet listener and were not a Ping.
  std::atomic<std::uint64_t> dropped_malformed{0};
  /// Payloads that arrived before the Pong (each closes its portal).
  std::atomic<std::uint64_t> dropped_before_pong{0};
  /// Messages that came through a different secure channel identity than the portal's first
  /// one (dropped; the portal stays open).
  std::atomic<std::uint64_t> dropped_wrong_identity{0};
  /// Messages whose onward route went on past the portal (dropped, as Ockam does).
  std::atomic<std::uint64_t> dropped_bad_route{0};
  /// Clients or Pings refused because `max_portals` portals were open.
  std::atomic<std::uint64_t> refused_over_limit{0};
  /// Inlet portals closed because no Pong came in time.
  std::atomic<std::uint64_t> pong_timeouts{0};
  /// Outlet connections to the target that failed (each answered with Disconnect).
  std::atomic<std::uint64_t> target_unreachable{0};
  /// Payloads whose packet counter was not the next one (each closes its portal, as Ockam).
  std::atomic<std::uint64_t> bad_packet_counter{0};
  /// Inlet: times the path to the outlet was found dead (pings unanswered, or its first hop, such
  /// as the secure channel, gone); each closed the inlet's portals.
  std::atomic<std::uint64_t> paths_lost{0};
  /// Inlet: times the path came back after a loss (a new route made, or pings answered again).
  std::atomic<std::uint64_t> paths_restored{0};
  /// Inlet: clients refused (closed at once) while the path to the outlet was lost.
  std::atomic<std::uint64_t> refused_path_down{0};
};

}  // namespace ockam
