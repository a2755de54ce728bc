#pragma once

#include <cstdint>
#include <string>

#include "ockam/core/address.hpp"
#include "ockam/node/flow_control_id.hpp"

namespace ockam {

/// TcpListener describes a listening socket. Connections it accepts produce messages in flows
/// spawned from `flow_control_id()`: `flow_controls().add_consumer("echoer",
/// listener.flow_control_id())` lets them reach "echoer".
class TcpListener {
 public:
  TcpListener(Address address, std::string socket_address, std::uint16_t port, FlowControlId id)
      : address_(std::move(address)),
        socket_address_(std::move(socket_address)),
        port_(port),
        flow_control_id_(std::move(id)) {}

  /// The local address that names this listener (for `stop_listener`).
  const Address& address() const noexcept { return address_; }
  /// The bound socket address "ip:port" (with the real port when 0 was asked for).
  const std::string& socket_address() const noexcept { return socket_address_; }
  std::uint16_t port() const noexcept { return port_; }
  const FlowControlId& flow_control_id() const noexcept { return flow_control_id_; }

 private:
  Address address_;
  std::string socket_address_;
  std::uint16_t port_;
  FlowControlId flow_control_id_;
};

}  // namespace ockam
