#pragma once

#include <string>

#include "internal/peer_protocol.hpp"

namespace ockam::bench {

/// serve_tls runs the TLS 1.3 side of a peer process (peer_protocol.hpp): a fresh Ed25519
/// certificate, a listener on 127.0.0.1:0 serving one connection at a time, accepting only the
/// client whose certificate has `client_fingerprint`, and applying `worker` to its frames, until
/// standard input closes. Returns the process exit status (0, or 1 after printing the error).
int serve_tls(ServerWorker worker, const std::string& client_fingerprint);

}  // namespace ockam::bench
