#pragma once

#include <memory>
#include <string>

#include "ockam/node/context.hpp"
#include "ockam/transport/tcp/tcp_connection.hpp"
#include "ockam/transport/tcp/tcp_listener.hpp"
#include "ockam/transport/tcp/tcp_options.hpp"

namespace ockam {

namespace tcp {
class TransportState;
}
// Portals (defined in the portal module, ockam/portal/).
class TcpInlet;
class TcpOutlet;
struct TcpInletOptions;
struct TcpOutletOptions;

/// TcpTransport connects and listens (reference §3): frames are a u32 big-endian length and a
/// CBOR TcpTransportMessage, after a version byte each way. Creating it also makes `1#host:port`
/// addresses in routes resolve to a connection (an existing one to that peer is reused).
/// Use it on the node's thread.
class TcpTransport {
 public:
  /// Creates the transport for `ctx`'s node and registers it for route resolution.
  static TcpTransport create(Context& ctx) { return create(ctx, TcpLimits()); }
  /// Creates the transport with the given limits on what peers may make it hold.
  static TcpTransport create(Context& ctx, TcpLimits limits);

  /// Listens on "ip:port" (port 0 picks a free one). kIo if the address cannot be bound.
  Task<Result<TcpListener>> listen(std::string address, TcpListenerOptions options);
  Task<Result<TcpListener>> listen(std::string address) {
    return listen(std::move(address), TcpListenerOptions());
  }
  /// Connects to "host:port". kIo when refused or unreachable, kTimeout after kConnectTimeout.
  Task<Result<TcpConnection>> connect(std::string address, TcpConnectionOptions options);
  Task<Result<TcpConnection>> connect(std::string address) {
    return connect(std::move(address), TcpConnectionOptions());
  }
  /// Closes the connection whose sender address is `sender_address`.
  Result<void> disconnect(const Address& sender_address);
  /// Stops accepting on a listener (open connections stay).
  Result<void> stop_listener(const Address& listener_address);

  /// Starts a TCP outlet at `address` whose portals connect to `target` ("host:port"); see
  /// ockam/portal/portals.hpp. Defined in the portal module.
  Task<Result<TcpOutlet>> create_outlet(Address address, std::string target,
                                        TcpOutletOptions options);
  /// Starts a TCP inlet listening on `bind_address` whose portals reach the outlet at the end
  /// of `outlet_route`; see ockam/portal/portals.hpp. Defined in the portal module.
  Task<Result<TcpInlet>> create_inlet(std::string bind_address, Route outlet_route,
                                      TcpInletOptions options);

  /// The context the transport was created with (the node's main context).
  Context& context() const noexcept;

 private:
  explicit TcpTransport(std::shared_ptr<tcp::TransportState> state) : state_(std::move(state)) {}
  std::shared_ptr<tcp::TransportState> state_;
};

}  // namespace ockam
