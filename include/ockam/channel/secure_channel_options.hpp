#pragma once

#include <chrono>
#include <vector>

#include "ockam/channel/constants.hpp"
#include "ockam/identity/trust_policy.hpp"
#include "ockam/node/flow_control_id.hpp"

namespace ockam {

/// SecureChannelOptions: the initiator's trust policy (default: trust everyone, as Ockam) and
/// how long to wait for the handshake.
struct SecureChannelOptions {
  identity::TrustPolicy trust_policy = identity::trust_everyone();
  std::chrono::milliseconds timeout = channel::kDefaultHandshakeTimeout;

  SecureChannelOptions& with_trust_policy(identity::TrustPolicy policy) {
    trust_policy = std::move(policy);
    return *this;
  }
  SecureChannelOptions& with_timeout(std::chrono::milliseconds value) {
    timeout = value;
    return *this;
  }
};

/// SecureChannelListenerOptions: the responder's trust policy, which flows may deliver
/// handshakes to it (e.g. a TCP listener's: `as_consumer(tcp_listener.flow_control_id())`), and
/// how long a half-open handshake may wait before it is dropped.
struct SecureChannelListenerOptions {
  identity::TrustPolicy trust_policy = identity::trust_everyone();
  std::vector<FlowControlId> consumer_of;
  std::chrono::milliseconds handshake_timeout = channel::kResponderHandshakeTimeout;

  SecureChannelListenerOptions& with_trust_policy(identity::TrustPolicy policy) {
    trust_policy = std::move(policy);
    return *this;
  }
  SecureChannelListenerOptions& as_consumer(FlowControlId id) {
    consumer_of.push_back(std::move(id));
    return *this;
  }
};

}  // namespace ockam
