#include "portal/internal/inlet_listener.hpp"

#include <utility>

#include "ockam/core/log.hpp"
#include "portal/internal/portal_count.hpp"

namespace ockam::portal {
namespace {

Task<> open_portal(std::shared_ptr<Portal> portal, Route outlet_route) {
  auto started = co_await portal->start_inlet(std::move(outlet_route));
  if (!started) {
    log::debug("portal", "inlet portal did not start: {}", started.error().to_string());
  }
}

}  // namespace

InletListener::InletListener(Router& router, asio::ip::tcp::acceptor acceptor, Route outlet_route,
                             std::shared_ptr<const PortalSettings> settings)
    : router_(router),
      acceptor_(std::move(acceptor)),
      outlet_route_(std::move(outlet_route)),
      settings_(std::move(settings)) {
  asio::error_code ec;
  auto bound = acceptor_.local_endpoint(ec);
  if (!ec) {
    socket_address_ = bound.address().to_string() + ":" + std::to_string(bound.port());
    port_ = bound.port();
  }
}

void InletListener::start() {
  asio::co_spawn(router_.io(), accept_loop(), asio::detached);
}

void InletListener::stop() {
  asio::error_code ignored;
  acceptor_.close(ignored);
  path_check_->stopped = true;
}

void InletListener::await_first_route() {
  path_down_ = true;
  awaiting_first_route_ = true;
}

void InletListener::path_lost() {
  if (path_down_) {
    return;
  }
  path_down_ = true;
  count(router_, settings_->counters->paths_lost, &NodeMetrics::inlet_paths_lost);
  for (const std::weak_ptr<Portal>& weak : std::exchange(portals_, {})) {
    if (auto portal = weak.lock()) {
      portal->abort();
    }
  }
}

void InletListener::path_restored(Route outlet_route) {
  outlet_route_ = std::move(outlet_route);
  if (path_down_) {
    path_down_ = false;
    if (!std::exchange(awaiting_first_route_, false)) {
      count(router_, settings_->counters->paths_restored, &NodeMetrics::inlet_paths_restored);
    }
  }
}

Task<> InletListener::accept_loop() {
  auto self = shared_from_this();
  while (acceptor_.is_open()) {
    auto [ec, socket] = co_await acceptor_.async_accept(kUseTuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor_.is_open()) {
        break;
      }
      // E.g. out of file descriptors: pause instead of spinning on the error.
      log::warn("portal", "inlet accept failed: {}", ec.message());
      asio::steady_timer pause(router_.io(), kAcceptRetryDelay);
      co_await pause.async_wait(kUseTuple);
      continue;
    }
    if (path_down_) {
      count(router_, settings_->counters->refused_path_down, &NodeMetrics::portals_refused);
      continue;  // the socket closes here
    }
    if (settings_->counters->active >= settings_->limits.max_portals) {
      count(router_, settings_->counters->refused_over_limit, &NodeMetrics::portals_refused);
      continue;
    }
    std::erase_if(portals_, [](const std::weak_ptr<Portal>& portal) { return portal.expired(); });
    auto portal = std::make_shared<Portal>(router_, std::move(socket), settings_);
    portals_.push_back(portal);
    asio::co_spawn(router_.io(), open_portal(std::move(portal), outlet_route_), asio::detached);
  }
}

}  // namespace ockam::portal
