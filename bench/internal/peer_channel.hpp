#pragma once

#include <cstddef>
#include <string>

#include "ockam/api/node.hpp"

namespace ockam::bench {

/// PeerClient is what a node needs to open channels to peer processes: its TCP transport and
/// an identity to handshake as.
struct PeerClient {
  TcpTransport tcp;
  identity::Identity self;
};

/// PeerChannel is a secure channel to a peer process's listener over a TCP connection of its
/// own.
struct PeerChannel {
  TcpConnection connection;
  SecureChannel channel;
};

/// make_peer_client creates `node`'s TCP transport and a fresh identity. The errors of
/// Node::create_identity.
Task<Result<PeerClient>> make_peer_client(Node node);

/// open_peer_channel connects to `address` ("127.0.0.1:port") and runs the handshake with the
/// peer's listener (peer_protocol.hpp). The errors of TcpTransport::connect and
/// Node::create_secure_channel; the connection is closed again when the handshake fails.
Task<Result<PeerChannel>> open_peer_channel(Node node, PeerClient client, std::string address);

/// close_peer_channel stops the channel (the peer is told) and closes its TCP connection.
/// Returns the first error of the two steps; both are always attempted.
Task<Result<void>> close_peer_channel(Node node, PeerClient client, PeerChannel peer);

/// worker_message is a message from `from` through `peer`'s channel to the peer's worker,
/// carrying `size` bytes of kPayloadByte as its raw body.
LocalMessage worker_message(const PeerChannel& peer, const Address& from, std::size_t size);

}  // namespace ockam::bench
