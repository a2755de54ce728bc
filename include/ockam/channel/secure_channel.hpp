#pragma once

#include "ockam/core/address.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/node/flow_control_id.hpp"

namespace ockam {

/// SecureChannel describes an established channel. Its encryptor address goes first in a route
/// to send through the channel: `route(channel, "echoer")`. Messages the channel decrypts are
/// produced in flow `flow_control_id()`.
class SecureChannel {
 public:
  SecureChannel(Address encryptor, identity::Identifier their_identifier, FlowControlId flow)
      : encryptor_(std::move(encryptor)),
        their_identifier_(std::move(their_identifier)),
        flow_control_id_(std::move(flow)) {}

  const Address& encryptor_address() const noexcept { return encryptor_; }
  const identity::Identifier& their_identifier() const noexcept { return their_identifier_; }
  const FlowControlId& flow_control_id() const noexcept { return flow_control_id_; }
  operator Address() const { return encryptor_; }  // NOLINT: implicit, for route(...)

 private:
  Address encryptor_;
  identity::Identifier their_identifier_;
  FlowControlId flow_control_id_;
};

/// SecureChannelListener describes a listener. Channels it accepts produce decrypted messages
/// in flows spawned from `flow_control_id()`:
/// `flow_controls().add_consumer("echoer", listener.flow_control_id())`.
class SecureChannelListener {
 public:
  SecureChannelListener(Address address, FlowControlId flow)
      : address_(std::move(address)), flow_control_id_(std::move(flow)) {}

  const Address& address() const noexcept { return address_; }
  const FlowControlId& flow_control_id() const noexcept { return flow_control_id_; }

 private:
  Address address_;
  FlowControlId flow_control_id_;
};

}  // namespace ockam
