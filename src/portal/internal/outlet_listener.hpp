#pragma once

#include <memory>
#include <string>

#include "ockam/node/context.hpp"
#include "portal/internal/portal.hpp"

namespace ockam::portal {

/// OutletListener is the worker at an outlet's address (Ockam's TcpOutletListenWorker). It
/// accepts only Ping; for each one it connects to the target and, once connected, starts a
/// Portal that answers Pong. When the target cannot be reached, or `max_portals` are open, it
/// answers Disconnect at once (Ockam sends nothing and the inlet's client hangs).
class OutletListener final : public Worker<Any> {
 public:
  OutletListener(std::string target, std::chrono::milliseconds connect_timeout,
                 std::shared_ptr<const PortalSettings> settings)
      : target_(std::move(target)),
        connect_timeout_(connect_timeout),
        settings_(std::move(settings)),
        connecting_(std::make_shared<std::size_t>(0)) {}

  Task<Result<void>> handle_message(Context& ctx, Routed<Any> message) override;

 private:
  std::string target_;
  std::chrono::milliseconds connect_timeout_;
  std::shared_ptr<const PortalSettings> settings_;
  // Connections to the target under way (they count against max_portals).
  std::shared_ptr<std::size_t> connecting_;
};

}  // namespace ockam::portal
