#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

#include "ockam/node/flow_control_id.hpp"

namespace ockam {

/// TcpConnectionOptions: which flows the connection's sender consumes (so messages produced by
/// e.g. a secure channel listener may be sent over it).
struct TcpConnectionOptions {
  std::vector<FlowControlId> consumer_of;

  TcpConnectionOptions& as_consumer(FlowControlId id) {
    consumer_of.push_back(std::move(id));
    return *this;
  }
};

/// TcpListenerOptions: which flows the accepted connections' senders consume, and how many
/// connections the listener keeps open at once.
struct TcpListenerOptions {
  std::vector<FlowControlId> consumer_of;
  /// At this many open connections, a new one replaces the oldest connection that has not yet
  /// delivered a valid frame; when every connection has, the new one is closed at once.
  std::size_t max_connections = 1000;

  TcpListenerOptions& as_consumer(FlowControlId id) {
    consumer_of.push_back(std::move(id));
    return *this;
  }
};

/// TcpLimits bounds what a peer can make the TCP transport hold (docs/transport.md, "What a
/// hostile peer can cost us"). Every field has a default suited to a production node.
struct TcpLimits {
  /// A connection whose peer has not sent its version byte by then is closed.
  std::chrono::milliseconds version_deadline{10'000};
  /// A frame must be complete this long after its first byte arrived, else the connection
  /// is closed (slowloris).
  std::chrono::milliseconds frame_deadline{30'000};
  /// Bytes of unfinished incoming frames held by all of the transport's connections together;
  /// a connection whose frame would take more is closed.
  std::size_t max_unfinished_frame_bytes = std::size_t{256} * 1024 * 1024;
  /// Bytes queued toward one peer before senders wait (back-pressure).
  std::size_t max_pending_write_bytes = std::size_t{4} * 1024 * 1024;
  /// How long senders may wait for a full connection to drain; then the connection is closed
  /// (a peer that does not read) and the senders go on.
  std::chrono::milliseconds write_stall_timeout{5'000};
};

}  // namespace ockam
