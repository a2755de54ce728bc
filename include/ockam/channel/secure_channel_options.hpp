#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <vector>

#include "ockam/channel/constants.hpp"
#include "ockam/channel/key_agreement.hpp"
#include "ockam/identity/trust_policy.hpp"
#include "ockam/node/flow_control_id.hpp"

namespace ockam {

/// SecureChannelOptions: the initiator's trust policy (default: trust everyone, as Ockam), its
/// key agreement (default Noise XX) and how long to wait for the handshake.
struct SecureChannelOptions {
  identity::TrustPolicy trust_policy = identity::trust_everyone();
  std::chrono::milliseconds timeout = channel::kDefaultHandshakeTimeout;
  channel::KeyAgreement key_agreement = channel::KeyAgreement::kNoiseXx;

  SecureChannelOptions& with_key_agreement(channel::KeyAgreement value) {
    key_agreement = value;
    return *this;
  }
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
/// handshakes to it (e.g. a TCP listener's: `as_consumer(tcp_listener.flow_control_id())`), the
/// key agreements it accepts (default Noise XX only), how long a half-open handshake may wait
/// before it is dropped, and how many may be open at once (at the limit, the oldest is dropped
/// for a new one).
struct SecureChannelListenerOptions {
  identity::TrustPolicy trust_policy = identity::trust_everyone();
  std::vector<FlowControlId> consumer_of;
  std::chrono::milliseconds handshake_timeout = channel::kResponderHandshakeTimeout;
  std::vector<channel::KeyAgreement> key_agreements{channel::KeyAgreement::kNoiseXx};
  std::size_t max_half_open_handshakes = 1000;

  /// Accepts exactly `values` (both: a first message of 64 bytes starts X3DH, any other XX).
  SecureChannelListenerOptions& with_key_agreements(std::vector<channel::KeyAgreement> values) {
    key_agreements = std::move(values);
    return *this;
  }
  bool accepts(channel::KeyAgreement value) const {
    return std::find(key_agreements.begin(), key_agreements.end(), value) != key_agreements.end();
  }
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
