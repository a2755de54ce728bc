#pragma once

#include <string>

#include "ockam/api/node.hpp"
#include "ockam/cli/multiaddr.hpp"

namespace ockam::command {

/// with_piped_value replaces a `-` in a multiaddr argument with a line read from stdin, as
/// Ockam's arguments.rs: `-` alone, a `-/service/x` prefix, or a `/-/` component.
std::string with_piped_value(std::string argument);

/// parse_multiaddr parses an argument (after with_piped_value); CommandError 64 when malformed.
cli::MultiAddr parse_multiaddr(const std::string& option, const std::string& text);

/// resolve_nodes replaces each `/node/<name>` with that node's TCP listener
/// (`/ip4/127.0.0.1/tcp/P`), as Ockam's command line does before sending a multiaddr to a node.
/// CommandError 70 for an unknown node, 69 for one that never listened.
cli::MultiAddr resolve_nodes(Node& node, const cli::MultiAddr& addr);

/// node_name_argument accepts `n1` or `/node/n1` (Ockam's `--from`, `--at`, `--to` forms).
std::string node_name_argument(const std::string& text);

/// listener_multiaddr is `host:port` as `/ip4|ip6|dnsaddr/host/tcp/port`.
cli::MultiAddr listener_multiaddr(const std::string& host_port);

}  // namespace ockam::command
