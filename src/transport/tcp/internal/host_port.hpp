#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ockam/core/result.hpp"

namespace ockam::tcp {

/// HostPort is "host:port" split; an IPv6 host is written "[::1]:4000".
struct HostPort {
  std::string host;
  std::uint16_t port = 0;
};

/// parse_host_port splits "host:port"; kInvalid when the port is missing or not 0-65535.
Result<HostPort> parse_host_port(std::string_view text);

}  // namespace ockam::tcp
