#pragma once

#include <string>

namespace ockam::bench {

/// serve_tcp_forwarder runs the `tcp-forwarder` peer (peer_protocol.hpp): for every connection
/// it accepts on 127.0.0.1:0 it opens one to `target` ("host:port") and copies bytes both ways
/// unchanged, as a portal moves them between its sockets but without framing or encryption,
/// until standard input closes. Returns the process exit status (0, or 1 after printing the
/// error to stderr, e.g. when `target` does not resolve).
int serve_tcp_forwarder(const std::string& target);

}  // namespace ockam::bench
