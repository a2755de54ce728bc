#pragma once

#include "internal/peer_protocol.hpp"

namespace ockam::bench {

/// serve_channel runs the Ockam side of a peer process (peer_protocol.hpp): a node with a TCP
/// listener on 127.0.0.1:0, a secure channel listener at kListenerAddress and `worker` at
/// kWorkerAddress, until standard input closes. Returns the process exit status (0, or 1 after
/// printing the error to stderr).
int serve_channel(ServerWorker worker);

}  // namespace ockam::bench
