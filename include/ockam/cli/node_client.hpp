#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "ockam/api/node.hpp"
#include "ockam/cli/response_header.hpp"

namespace ockam::cli {

/// How long the command line waits for a node manager's answer by default.
inline constexpr std::chrono::milliseconds kDefaultRequestTimeout{30'000};

/// NodeClient talks to a node's `_internal.nodemanager` the only way it is reachable: over a
/// secure channel to the node's `api` listener, as `identity`. When `node_identifier` is set
/// the channel trusts only that identity, so the command line never talks to an impostor at
/// the node's address. Use it on the node's thread; close() before the node stops.
class NodeClient {
 public:
  /// connect opens the TCP connection to `tcp_listener_address` ("host:port") and the secure
  /// channel. kIo when nothing listens there, kPermission when the node is not who it should
  /// be, kTimeout when it does not answer.
  static Task<Result<NodeClient>> connect(Node node, TcpTransport tcp, identity::Identity identity,
                                          std::string tcp_listener_address,
                                          std::optional<identity::Identifier> node_identifier);

  /// request sends `method path` with `body` (one CBOR item, or empty for none) and returns the
  /// decoded response (any status). kTimeout when no answer comes within `timeout`, kParse for
  /// an answer that does not decode or answers another request.
  Task<Result<Response>> request(Method method, std::string path, Bytes body,
                                 std::chrono::milliseconds timeout = kDefaultRequestTimeout);

  /// close closes the channel and the TCP connection.
  Task<Result<void>> close();

 private:
  NodeClient(Node node, TcpTransport tcp, SecureChannel channel, Address tcp_sender)
      : node_(std::move(node)),
        tcp_(std::move(tcp)),
        channel_(std::move(channel)),
        tcp_sender_(std::move(tcp_sender)) {}

  Node node_;
  TcpTransport tcp_;
  SecureChannel channel_;
  Address tcp_sender_;
};

}  // namespace ockam::cli
