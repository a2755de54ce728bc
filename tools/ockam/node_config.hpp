#pragma once

#include <optional>
#include <string>
#include <vector>

#include "home.hpp"
#include "output.hpp"

namespace ockam::command {

/// NodeConfig is a node described in YAML with Ockam's sections (reference §2.3):
///
///   name: n1
///   tcp-listener-address: 127.0.0.1:6000
///   relays:
///     n1: {at: /node/r}              # relay name -> where it lives
///   tcp-outlets:
///     web: {to: 8000}                # outlet address -> target [host:]port
///   tcp-inlets:
///     web-inlet: {from: 4000, to: /node/r/service/forward_to_n1/secure/api/service/web}
struct NodeConfig {
  struct Relay {
    std::string name;
    std::string at;
  };
  struct Outlet {
    std::string address;
    std::string to;
  };
  struct Inlet {
    std::string alias;
    std::string from;
    std::string to;
  };
  std::string name;
  std::optional<std::string> tcp_listener_address;
  std::vector<Relay> relays;
  std::vector<Outlet> outlets;
  std::vector<Inlet> inlets;
};

/// is_node_config is whether `argument` names a configuration file (.yaml/.yml, or an
/// existing file).
bool is_node_config(const std::string& argument);

/// read_node_config parses the file; CommandError 64 for a missing file, bad YAML, an unknown
/// section or a missing field.
NodeConfig read_node_config(const std::string& path);

/// apply_node_config creates the outlets, relays and inlets on the running node (in that
/// order, so inlets may go through relays), noting each on stderr.
void apply_node_config(const Home& home, const Output& output, const NodeConfig& config);

}  // namespace ockam::command
