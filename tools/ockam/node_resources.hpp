#pragma once

#include <optional>
#include <string>

#include "node_control.hpp"

namespace ockam::command {

// Creating a node's outlets, inlets and relays: the request to its node manager, then the
// record that `node start` re-creates it from. Used by the tcp-outlet, tcp-inlet and relay
// commands and by `node create FILE.yaml`. Failures throw CommandError.

struct CreatedOutlet {
  std::string to;       // host:port
  std::string address;  // /service/<address>
};
/// `to` is Ockam's HostnamePort form ("5000", ":5000", "host:5000"); `from` the address.
Task<CreatedOutlet> create_outlet(Node node, NodeControl& control, std::string to,
                                  std::optional<std::string> from);

struct CreatedInlet {
  std::string bind;  // the bound host:port
  std::string alias;
  std::string to;      // the outlet's multiaddr as given
  std::string status;  // "Up", or "Down" while the outlet cannot be reached (the node retries)
};
/// `to` is a multiaddr (`/node/n` parts are resolved now and again at every `node start`).
Task<CreatedInlet> create_inlet(Node node, NodeControl& control, std::string from, std::string to,
                                std::optional<std::string> alias);

struct CreatedRelay {
  std::string name;
  std::string remote_address;  // forward_to_<name>
  std::string at;
};
/// `at` is `n` or a multiaddr (`/node/n`); the relay `forward_to_<name>` lives there.
Task<CreatedRelay> create_relay(Node node, NodeControl& control, std::string at, std::string name);

/// now_seconds is the time records carry (seconds since the Unix epoch).
std::int64_t now_seconds();

/// host_port_argument normalises Ockam's HostnamePort text: "5000" and ":5000" become
/// "127.0.0.1:5000". CommandError 64 when there is no valid port.
std::string host_port_argument(const std::string& option, const std::string& text);

}  // namespace ockam::command
