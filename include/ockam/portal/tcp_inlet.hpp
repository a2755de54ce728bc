#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "ockam/core/route.hpp"
#include "ockam/portal/portal_counters.hpp"

namespace ockam {

namespace portal {
class InletListener;
}

/// TcpInlet describes a running inlet (Ockam's TcpInlet): a listening socket whose clients are
/// each piped through their own portal to the outlet at the end of `outlet_route()`.
class TcpInlet {
 public:
  explicit TcpInlet(std::shared_ptr<portal::InletListener> listener)
      : listener_(std::move(listener)) {}

  /// The bound "ip:port" (with the real port when 0 was asked for).
  const std::string& socket_address() const noexcept;
  std::uint16_t port() const noexcept;
  const Route& outlet_route() const noexcept;
  const PortalCounters& counters() const noexcept;
  /// False while the liveness pings judge the path to the outlet lost (clients are refused
  /// then); true otherwise, also when the inlet has no liveness pings.
  bool is_up() const noexcept;
  /// Stops accepting clients and the liveness pings; open portals keep running until either
  /// side closes. Call it on the node's thread.
  void stop();

 private:
  std::shared_ptr<portal::InletListener> listener_;
};

}  // namespace ockam
