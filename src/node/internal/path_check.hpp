#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "ockam/node/runtime.hpp"

namespace ockam {

/// PathProbe sends liveness pings along one route and collects the answers, as Ockam's sessions
/// do: each ping is a random u64 as a CBOR unsigned integer, which the echo service at the end
/// of the route sends back unchanged. Its collector address admits replies through the flow of
/// the route's first hop and stops waiting as soon as that hop goes away (e.g. the connection
/// or the secure channel closed). Use it on the node's thread.
class PathProbe {
 public:
  using Clock = std::chrono::steady_clock;

  /// A probe for `ping_route` (resolved: its first hop is a registered address, the last one the
  /// echo service); null when the route is empty or no collector address could be made.
  static std::unique_ptr<PathProbe> open(Runtime& runtime, Route ping_route);
  ~PathProbe();
  PathProbe(const PathProbe&) = delete;
  PathProbe& operator=(const PathProbe&) = delete;

  /// Sends one ping with a fresh nonce, which stays unanswered until its answer comes.
  Task<> send_ping();
  /// Waits until `deadline` for the answer to an unanswered ping: true when one came (every
  /// ping sent so far is answered then); false at the deadline or once the first hop is gone.
  /// Anything else that arrives (a wrong nonce, trailing bytes) is ignored.
  Task<bool> answer_before(Clock::time_point deadline);

  std::size_t unanswered() const noexcept { return unanswered_.size(); }
  bool first_hop_gone() const noexcept { return *first_hop_gone_; }
  const Address& first_hop() const noexcept { return first_hop_; }

 private:
  PathProbe(Runtime& runtime, std::unique_ptr<Context> collector, Route ping_route);

  Runtime& runtime_;
  std::unique_ptr<Context> collector_;
  Route ping_route_;
  Address first_hop_;
  std::shared_ptr<bool> first_hop_gone_ = std::make_shared<bool>(false);
  std::uint64_t watch_ = 0;
  std::vector<std::uint64_t> unanswered_;
};

/// PathCheck is what the liveness pings of one path share across its reconnections.
struct PathCheck {
  /// The owner stopped: the pings stop too.
  bool stopped = false;
  /// The far node answered a ping once, so it runs the echo service: from then on silence means
  /// that the path died. A node that never answered is not judged (it may not run one).
  bool answered = false;
};

/// How often a path is pinged and how many pings in a row may go unanswered.
struct PingSchedule {
  std::chrono::milliseconds interval{0};
  std::size_t max_missed = 0;

  bool enabled() const noexcept { return interval.count() > 0 && max_missed > 0; }
};

/// How `ping_until_lost` ended.
enum class PathVerdict : std::uint8_t {
  kLost,          ///< `max_missed` pings in a row unanswered, after the far node answered once
  kSilent,        ///< `max_missed` pings unanswered and the far node never answered any
  kFirstHopGone,  ///< the route's first hop went away
  kStopped,       ///< `check->stopped`, the node stops, the schedule is off, or no probe
};

/// ping_until_lost pings along `ping_route` (resolved) every `schedule.interval` until it can
/// tell a verdict. It sets `check->answered` when an answer comes.
Task<PathVerdict> ping_until_lost(Runtime& runtime, Route ping_route, PingSchedule schedule,
                                  std::shared_ptr<PathCheck> check);

}  // namespace ockam
