#pragma once

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

/// TcpListenerOptions: which flows the accepted connections' senders consume.
struct TcpListenerOptions {
  std::vector<FlowControlId> consumer_of;

  TcpListenerOptions& as_consumer(FlowControlId id) {
    consumer_of.push_back(std::move(id));
    return *this;
  }
};

}  // namespace ockam
