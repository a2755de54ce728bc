#pragma once

#include <string>

#include "internal/peer_protocol.hpp"

namespace ockam::bench {

/// serve_channel runs the Ockam side of a peer process (peer_protocol.hpp): a node with a TCP
/// listener on 127.0.0.1:0, a secure channel listener at kListenerAddress and `worker` at
/// kWorkerAddress, until standard input closes. Returns the process exit status (0, or 1 after
/// printing the error to stderr).
int serve_channel(ServerWorker worker);

/// serve_portal_outlet is serve_channel with a TCP outlet at kOutletAddress toward `target`
/// ("host:port") behind the secure channel listener instead of a worker (the portal
/// benchmarks).
int serve_portal_outlet(const std::string& target);

}  // namespace ockam::bench
