#pragma once

#include <chrono>
#include <optional>
#include <set>
#include <vector>

#include "ockam/api/node.hpp"
#include "ockam/channel/constants.hpp"
#include "ockam/cli/multiaddr.hpp"

namespace ockam::cli {

/// Connection is what resolving a multiaddr inside a node made: the route it names, and the
/// TCP connection and secure channels opened on the way (which the caller closes when done).
struct Connection {
  Route route;
  std::optional<TcpConnection> tcp;
  std::vector<SecureChannel> channels;
  /// The route from this node to the last secure channel's listener side, or to the TCP peer
  /// when there is no channel (what liveness pings and relays use).
  Route transport_route;
};

/// ConnectOptions: who we are in secure channels `/secure/x` creates, and whom they trust.
struct ConnectOptions {
  identity::Identity identity;
  /// Identifiers the last secure channel must reach (empty: trust everyone, as Ockam).
  std::set<identity::Identifier> authorized;
  /// How long each secure channel handshake may take (Ockam's default: 120 s).
  std::chrono::milliseconds handshake_timeout = channel::kDefaultHandshakeTimeout;
};

/// connect resolves `addr` as Ockam's ConnectionBuilder does (reference §2.4): a leading
/// `/ip4|/ip6|/dnsaddr .../tcp/P` opens a TCP connection (at most one per multiaddr),
/// `/secure/x` runs a secure channel handshake with listener `x` over everything before it,
/// and `/service`, `/worker` become local addresses. `/node`, `/project`, `/space` and `/udp`
/// are kInvalid (the command line resolves `/node` before sending). On failure everything
/// opened so far is closed.
Task<Result<Connection>> connect(Node node, TcpTransport tcp, MultiAddr addr,
                                 ConnectOptions options);

/// close_connection closes the channels and the TCP connection `connect` opened.
Task<Result<void>> close_connection(Node node, TcpTransport tcp, Connection connection);

}  // namespace ockam::cli
