#pragma once

#include <memory>
#include <string>

#include "ockam/core/address.hpp"
#include "ockam/portal/portal_counters.hpp"

namespace ockam {

/// TcpOutlet describes a running outlet (Ockam's outlet listener): the worker at `address()`
/// that answers each Ping with a new portal connected to `target()`. Stop it with
/// `stop_worker(address())`; open portals keep running until either side closes.
class TcpOutlet {
 public:
  TcpOutlet(Address address, std::string target, std::shared_ptr<const PortalCounters> counters)
      : address_(std::move(address)), target_(std::move(target)), counters_(std::move(counters)) {}

  const Address& address() const noexcept { return address_; }
  /// The target "host:port" as given (resolved again for every portal).
  const std::string& target() const noexcept { return target_; }
  const PortalCounters& counters() const noexcept { return *counters_; }

 private:
  Address address_;
  std::string target_;
  std::shared_ptr<const PortalCounters> counters_;
};

}  // namespace ockam
