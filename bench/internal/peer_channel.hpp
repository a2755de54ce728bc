#pragma once

#include <string>

#include "ockam/api/node.hpp"

namespace ockam::bench {

/// PeerChannel is a secure channel to a peer process's listener over a TCP connection of its
/// own.
struct PeerChannel {
  TcpConnection connection;
  SecureChannel channel;
};

/// open_peer_channel connects `tcp` to `address` ("127.0.0.1:port") and runs the handshake as
/// `self` with the peer's listener (peer_protocol.hpp). The errors of TcpTransport::connect and
/// Node::create_secure_channel; the connection is closed again when the handshake fails.
Task<Result<PeerChannel>> open_peer_channel(Node node, TcpTransport tcp, identity::Identity self,
                                            std::string address);

/// close_peer_channel stops the channel (the peer is told) and closes its TCP connection.
/// Returns the first error of the two steps; both are always attempted.
Task<Result<void>> close_peer_channel(Node node, TcpTransport tcp, PeerChannel peer);

}  // namespace ockam::bench
