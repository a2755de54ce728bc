#include "transport/tcp/internal/host_port.hpp"

namespace ockam::tcp {

Result<HostPort> parse_host_port(std::string_view text) {
  static const Error kBad(Origin::kTransport, Kind::kInvalid, "expected host:port");
  std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
    return kBad;
  }
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') {
      return kBad;
    }
    host = host.substr(1, host.size() - 2);
  }
  if (port_text.size() > 5) {
    return kBad;
  }
  unsigned port = 0;
  for (char c : port_text) {
    if (c < '0' || c > '9') {
      return kBad;
    }
    port = port * 10 + static_cast<unsigned>(c - '0');
  }
  if (port > 65535) {
    return kBad;
  }
  return HostPort{std::string(host), static_cast<std::uint16_t>(port)};
}

}  // namespace ockam::tcp
