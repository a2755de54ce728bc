#pragma once

#include "internal/peer_protocol.hpp"

namespace ockam::bench {

/// serve_zmq runs the ZeroMQ CURVE side of a peer process (peer_protocol.hpp): a CURVE server
/// on 127.0.0.1 with a fresh key pair, a PULL socket counting messages (answering the count on
/// a PUSH socket) or a REP socket echoing them, until standard input closes. Returns the
/// process exit status (0, or 1 after printing the error to stderr).
int serve_zmq(ServerWorker worker);

}  // namespace ockam::bench
