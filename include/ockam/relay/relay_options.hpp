#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace ockam {

/// RelayOptions say how a relay that reaches its next node through a transport address (a
/// `Relay` over `tcp_address(...)`, or a remote relay registered over one) finds out that its
/// path died and how it gets it back. The defaults are those of Ockam's sessions.
struct RelayOptions {
  /// How often a liveness ping goes to `ping_service` on the node at the end of the route's
  /// transport hops (Ockam: 10 s). Zero turns the pings off: only a connection that closes is
  /// noticed then.
  std::chrono::milliseconds ping_interval{10'000};
  /// Pings in a row left unanswered after which the path is dead (Ockam: 3). Its connection is
  /// then closed and the relay reconnects (or registers its name again).
  std::size_t max_missed_pings = 3;
  /// Pause before the second attempt to reconnect; it doubles after each failure up to
  /// `longest_retry` (Ockam retries after 5 s).
  std::chrono::milliseconds first_retry{500};
  std::chrono::milliseconds longest_retry{5000};
  /// The worker that answers pings by sending them back: Ockam nodes run their echoer at "echo".
  std::string ping_service = "echo";
};

}  // namespace ockam
