#pragma once

#include <memory>
#include <string>
#include <vector>

#include <asio/ip/tcp.hpp>

#include "node/internal/path_check.hpp"
#include "ockam/core/route.hpp"
#include "portal/internal/portal.hpp"

namespace ockam::portal {

/// InletListener accepts clients on the inlet's socket (Ockam's TcpInletListenProcessor) and
/// starts one inlet Portal per client, which pings the outlet along `outlet_route`. Clients
/// beyond `max_portals` open portals, or while the path to the outlet is lost, are closed at
/// once.
class InletListener : public std::enable_shared_from_this<InletListener> {
 public:
  InletListener(Router& router, asio::ip::tcp::acceptor acceptor, Route outlet_route,
                std::shared_ptr<const PortalSettings> settings);

  void start();
  /// Stops accepting clients and the liveness pings.
  void stop();

  const std::string& socket_address() const noexcept { return socket_address_; }
  std::uint16_t port() const noexcept { return port_; }
  const Route& outlet_route() const noexcept { return outlet_route_; }
  const PortalCounters& counters() const noexcept { return *settings_->counters; }
  bool path_down() const noexcept { return path_down_; }
  /// What the liveness pings of this inlet share; `stopped` with the inlet.
  const std::shared_ptr<PathCheck>& path_check() const noexcept { return path_check_; }

  /// The inlet has no route yet: clients are refused until the first `path_restored` (which is
  /// not counted as a restoration).
  void await_first_route();
  /// The path to the outlet died: closes every open portal (each tells the outlet when it can)
  /// and refuses clients until `path_restored`.
  void path_lost();
  /// The path is back, along `outlet_route` (new clients take it; open ones keep theirs).
  void path_restored(Route outlet_route);

 private:
  Task<> accept_loop();

  Router& router_;
  asio::ip::tcp::acceptor acceptor_;
  Route outlet_route_;
  std::shared_ptr<const PortalSettings> settings_;
  std::string socket_address_;
  std::uint16_t port_ = 0;
  std::shared_ptr<PathCheck> path_check_ = std::make_shared<PathCheck>();
  bool path_down_ = false;
  bool awaiting_first_route_ = false;
  // The portals this inlet started; those that closed are forgotten at the next accept.
  std::vector<std::weak_ptr<Portal>> portals_;
};

}  // namespace ockam::portal
