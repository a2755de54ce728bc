#pragma once

#include <cstdint>
#include <string>

#include "internal/peer_process.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/tls_peer.hpp"

namespace ockam::bench {

/// ZmqPeer is a running ZeroMQ CURVE peer process and what a client needs to reach it.
struct ZmqPeer {
  PeerProcess process;
  /// The server's CURVE public key (Z85).
  std::string server_key;
  /// Counting peers: the port of the PUSH socket that answers with the count.
  std::uint16_t reply_port = 0;
};

/// start_zmq_peer starts a `zmq-counter` or `zmq-echo` peer. The errors of PeerProcess.
Result<ZmqPeer> start_zmq_peer(ServerWorker worker);

/// TlsPeer is a running TLS 1.3 peer process and the client configuration that authenticates
/// to it (and authenticates it) by pinned certificates.
struct TlsPeer {
  PeerProcess process;
  TlsContext context;
};

/// start_tls_peer makes a client identity, starts a `tls-counter` or `tls-echo` peer that
/// accepts only that identity, and pins the peer's certificate. The errors of PeerProcess and
/// of TlsIdentity/TlsContext.
Result<TlsPeer> start_tls_peer(ServerWorker worker);

/// TcpRelayChain is two `tcp-forwarder` peer processes in a row toward a target: a client
/// connects to `first`, which connects to `second`, which connects to the target (the portal's
/// topology of three loopback connections, with no Ockam in between).
struct TcpRelayChain {
  PeerProcess first;
  PeerProcess second;

  /// stop stops `first`, then `second`; the first error of the two (both are always stopped).
  Result<void> stop();
};

/// start_tcp_relay_chain starts the two forwarders, the second toward `target` ("host:port").
/// The errors of PeerProcess.
Result<TcpRelayChain> start_tcp_relay_chain(const std::string& target);

}  // namespace ockam::bench
