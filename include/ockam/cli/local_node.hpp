#pragma once

#include <memory>
#include <set>
#include <string>

#include "ockam/cli/node_manager.hpp"

namespace ockam::cli {

/// LocalNodeOptions: what `ockam node create` starts.
struct LocalNodeOptions {
  std::string name;
  identity::Identity identity;
  /// Who may control the node (its creator and `--authorized` identities).
  std::set<identity::Identifier> controllers;
  /// "ip:port" of the TCP listener; port 0 picks a free one.
  std::string tcp_listener_address = "127.0.0.1:0";
  std::int64_t pid = 0;
};

/// LocalNode is a running `ockam` node's services.
struct LocalNode {
  TcpTransport tcp;
  TcpListener listener;
  SecureChannelListener api;
  std::shared_ptr<NodeManager> manager;
  NodeInfo info;
};

/// start_local_node starts what an Ockam node runs by default: the TCP listener, the secure
/// channel listener `api` (trusting everyone, as Ockam's), the relay service
/// `forwarding_service`, `echo` and `uppercase` (reachable over the TCP listener and through
/// `api` channels), and the node manager `_internal.nodemanager` (reachable only through `api`
/// channels, serving only the controllers). kIo when the listener address cannot be bound.
Task<Result<LocalNode>> start_local_node(Node node, LocalNodeOptions options);

}  // namespace ockam::cli
