#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ockam/cli/multiaddr.hpp"
#include "ockam/core/bytes.hpp"

namespace ockam::command {

// The CBOR bodies of the node-manager requests the command sends (docs/cli.md lists them).

/// `POST node/outlet`: Ockam's CreateOutlet {1: host:port, 3: address?}.
Bytes outlet_request(const std::string& to, const std::optional<std::string>& address);
/// `POST node/inlet`: Ockam's CreateInlet {1: bind host:port, 2: multiaddr, 3: alias?,
/// 7: wait_connection} (7 is written only when false: the node then answers before it tries).
Bytes inlet_request(const std::string& bind, const cli::MultiAddr& to,
                    const std::optional<std::string>& alias, bool wait_connection = true);
/// `POST node/relay`: {1: at (multiaddr), 2: name}.
Bytes relay_request(const cli::MultiAddr& at, const std::string& name);
/// `POST node/secure_channel`: {1: multiaddr, 2: [authorized identifiers]}.
Bytes secure_channel_request(const cli::MultiAddr& to, const std::vector<std::string>& authorized);
/// `POST node/secure_channel_listener`: {1: address, 2: [authorized identifiers]}.
Bytes listener_request(const std::string& address, const std::vector<std::string>& authorized);
/// `POST v0/message`: {1: multiaddr text, 2: bytes, 3: timeout ms}.
Bytes message_request(const std::string& to, ByteView message, std::uint64_t timeout_ms);
/// A map {1: text} (`DELETE node/secure_channel`).
Bytes text_map(const std::string& value);

}  // namespace ockam::command
