#pragma once

#include <memory>
#include <optional>

#include "ockam/cli/connection.hpp"
#include "ockam/portal/tcp_portal_options.hpp"

namespace ockam::cli {

/// InletConnection is what a node manager's inlet reaches its outlet through: the connection
/// `connect` made for its multiaddr, made again by the inlet's route factory once the inlet lost
/// its path (the outlet's node restarted or hung), as Ockam's inlet session replacer does.
struct InletConnection {
  Node node;
  TcpTransport tcp;
  MultiAddr to;
  ConnectOptions options;
  std::optional<Connection> current;
  /// The inlet was deleted: nothing is made any more.
  bool closed = false;
};

/// The inlet's route factory: closes the current connection, connects to `to` again and
/// returns the new route.
InletRouteFactory reconnecting_route_factory(std::shared_ptr<InletConnection> connection);

/// Closes the current connection for good (the inlet was deleted).
Task<Result<void>> close_inlet_connection(std::shared_ptr<InletConnection> connection);

}  // namespace ockam::cli
