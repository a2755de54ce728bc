#pragma once

#include <memory>
#include <string>

#include <asio/ip/tcp.hpp>

#include "ockam/core/route.hpp"
#include "portal/internal/portal.hpp"

namespace ockam::portal {

/// InletListener accepts clients on the inlet's socket (Ockam's TcpInletListenProcessor) and
/// starts one inlet Portal per client, which pings the outlet along `outlet_route`. Clients
/// beyond `max_portals` open portals are closed at once.
class InletListener : public std::enable_shared_from_this<InletListener> {
 public:
  InletListener(Router& router, asio::ip::tcp::acceptor acceptor, Route outlet_route,
                std::shared_ptr<const PortalSettings> settings);

  void start();
  void stop();

  const std::string& socket_address() const noexcept { return socket_address_; }
  std::uint16_t port() const noexcept { return port_; }
  const Route& outlet_route() const noexcept { return outlet_route_; }
  const PortalCounters& counters() const noexcept { return *settings_->counters; }

 private:
  Task<> accept_loop();

  Router& router_;
  asio::ip::tcp::acceptor acceptor_;
  Route outlet_route_;
  std::shared_ptr<const PortalSettings> settings_;
  std::string socket_address_;
  std::uint16_t port_ = 0;
};

}  // namespace ockam::portal
