#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "ockam/api/node.hpp"
#include "ockam/cli/connection.hpp"
#include "ockam/cli/request_header.hpp"
#include "ockam/cli/response_header.hpp"
#include "ockam/core/cbor_writer.hpp"

namespace ockam::cli {

/// NodeInfo is what a node says about itself (`GET node`).
struct NodeInfo {
  std::string name;
  std::string identifier;
  std::string tcp_listener_address;  // "127.0.0.1:port"
  std::int64_t pid = 0;
};

/// NodeManagerConfig: the node the manager runs in, and who may control it.
struct NodeManagerConfig {
  NodeInfo info;
  identity::Identity identity;
  /// The identity that created the node and those named with `--authorized`: the only peers
  /// whose requests are served.
  std::set<identity::Identifier> controllers;
  /// The TCP listener's flow (services reachable over plain TCP are its consumers).
  FlowControlId tcp_listener_flow;
  /// The `api` secure channel listener's flow.
  FlowControlId api_flow;
};

/// Most secure channels, listeners and relays one node manager keeps (implementation limits).
inline constexpr std::size_t kMaxManagedChannels = 256;
inline constexpr std::size_t kMaxManagedRelays = 64;

/// NodeManager is the `_internal.nodemanager` worker: it answers Ockam's node-manager
/// requests (RequestHeader + CBOR body inside a BARE byte vector) for the paths and methods
/// listed in docs/cli.md. It serves only messages that came through a secure channel whose
/// peer is one of the configured controllers; any other request is answered 401 and logged.
/// Start it as a consumer of the `api` listener's flow only, so that it is never reachable
/// over plain TCP.
class NodeManager final : public Worker<Bytes> {
 public:
  NodeManager(Node node, TcpTransport tcp, NodeManagerConfig config);
  Task<Result<void>> handle_message(Context& ctx, Routed<Bytes> message) override;

  /// Lets extensions (outlets, inlets) answer further paths: `handler` gets the request and
  /// returns the whole response message.
  using Handler = std::function<Task<Bytes>(Request)>;
  void add_handler(std::string path_prefix, Handler handler);

 private:
  struct ChannelEntry {
    SecureChannel channel;
    Connection connection;
    std::string to;
  };
  struct RelayEntry {
    std::string name;
    std::string at;
    std::string remote_address;
    Connection connection;
  };

  Task<Bytes> dispatch(Request request);
  Bytes get_node(const RequestHeader& header) const;
  Task<Bytes> create_secure_channel(Request request);
  Bytes list_secure_channels(const RequestHeader& header) const;
  Task<Bytes> delete_secure_channel(Request request);
  Task<Bytes> create_listener(Request request);
  Bytes list_listeners(const RequestHeader& header) const;
  Task<Bytes> create_relay(Request request);
  Bytes list_relays(const RequestHeader& header) const;
  Task<Bytes> delete_relay(Request request, std::string name);
  Task<Bytes> send_message(Request request);
  static void write_relay(CborWriter& out, const RelayEntry& relay);
  /// The addresses that may receive what a relay's connection delivers: the api listener, the
  /// default services and every listener created here.
  std::vector<Address> relay_consumers() const;

  Node node_;
  TcpTransport tcp_;
  NodeManagerConfig config_;
  std::map<std::string, ChannelEntry> channels_;            // by encryptor address
  std::map<std::string, std::set<std::string>> listeners_;  // address -> authorized
  std::map<std::string, RelayEntry> relays_;                // by name
  std::map<std::string, Handler> handlers_;
};

}  // namespace ockam::cli
