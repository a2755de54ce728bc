#pragma once

#include <string>

#include "ockam/core/address.hpp"
#include "ockam/node/flow_control_id.hpp"

namespace ockam {

/// TcpConnection describes an established connection. Its sender address goes first in a
/// route to reach the peer node: `route(connection, "echoer")`. Messages that arrive on the
/// connection come from its receiver address, a flow-control producer of `flow_control_id()`.
class TcpConnection {
 public:
  TcpConnection(Address sender, Address receiver, FlowControlId flow_control_id, std::string peer)
      : sender_(std::move(sender)),
        receiver_(std::move(receiver)),
        flow_control_id_(std::move(flow_control_id)),
        peer_(std::move(peer)) {}

  const Address& sender_address() const noexcept { return sender_; }
  const Address& receiver_address() const noexcept { return receiver_; }
  const FlowControlId& flow_control_id() const noexcept { return flow_control_id_; }
  /// The peer as "ip:port".
  const std::string& peer() const noexcept { return peer_; }
  operator Address() const { return sender_; }  // NOLINT: implicit, for route(...)

 private:
  Address sender_;
  Address receiver_;
  FlowControlId flow_control_id_;
  std::string peer_;
};

}  // namespace ockam
