#pragma once

#include <map>
#include <string>

#include "ockam/api/node.hpp"
#include "ockam/cli/connection.hpp"
#include "ockam/cli/request_header.hpp"
#include "ockam/portal/portals.hpp"

namespace ockam::cli {

struct InletConnection;

/// Most outlets and inlets one node keeps (an implementation limit).
inline constexpr std::size_t kMaxManagedPortals = 256;

/// PortalRequests answers the node manager's `node/outlet` and `node/inlet` paths (Ockam's
/// CreateOutlet / CreateInlet bodies, reference §1.8-1.9 and §2.3), keeping the outlets and
/// inlets it made. Register it with NodeManager::add_handler for both prefixes. Use it on the
/// node's thread.
///
/// Bodies (CBOR maps, integer keys): `POST node/outlet {1: "host:port", 3: address?}` answers
/// `{1: to, 2: /service/<address>}`; `POST node/inlet {1: bind "host:port", 2: multiaddr
/// (binary), 3: alias?}` answers `{1: bind address, 3: alias, 6: "Up", 7: outlet multiaddr}`;
/// GET lists them, `DELETE node/outlet/<address>` and `DELETE node/inlet/<alias>` remove one.
/// An inlet pings the outlet's node and, when the path is lost, connects to its multiaddr again.
class PortalRequests {
 public:
  /// Outlets accept what arrives through channels of `api_flow` (the `api` listener); inlets
  /// open their route's connection as `identity`.
  PortalRequests(Node node, TcpTransport tcp, identity::Identity identity, FlowControlId api_flow)
      : node_(std::move(node)),
        tcp_(std::move(tcp)),
        identity_(std::move(identity)),
        api_flow_(std::move(api_flow)) {}

  Task<Bytes> outlets(Request request);
  Task<Bytes> inlets(Request request);

 private:
  struct InletEntry {
    TcpInlet inlet;
    /// Shared with the inlet's route factory, which makes it again after a loss.
    std::shared_ptr<InletConnection> connection;
    std::string outlet_addr;
  };

  Task<Bytes> create_outlet(Request request);
  Task<Bytes> delete_outlet(Request request, std::string address);
  Bytes list_outlets(const RequestHeader& header) const;
  Task<Bytes> create_inlet(Request request);
  Task<Bytes> delete_inlet(Request request, std::string alias);
  Bytes list_inlets(const RequestHeader& header) const;
  std::string free_name(const std::string& base, bool outlet) const;

  Node node_;
  TcpTransport tcp_;
  identity::Identity identity_;
  FlowControlId api_flow_;
  std::map<std::string, TcpOutlet> outlets_;  // by worker address
  std::map<std::string, InletEntry> inlets_;  // by alias
};

}  // namespace ockam::cli
