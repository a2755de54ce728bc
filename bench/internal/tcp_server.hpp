#pragma once

#include "internal/peer_protocol.hpp"

namespace ockam::bench {

/// serve_tcp runs the plain-TCP side of a peer process (peer_protocol.hpp): asio on one thread,
/// listening on 127.0.0.1:0 and applying `worker` to the u32-length-prefixed frames of every
/// connection, until standard input closes. Returns the process exit status (0, or 1 after
/// printing the error to stderr).
int serve_tcp(ServerWorker worker);

}  // namespace ockam::bench
