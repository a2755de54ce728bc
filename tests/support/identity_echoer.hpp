#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ockam/channel/peer_identity.hpp"
#include "ockam/node/context.hpp"

namespace ockam::testing {

/// IdentityEchoer replies to every string message with the same string and records the peer
/// identifier its secure channel attached ("none" when absent).
class IdentityEchoer final : public Worker<std::string> {
 public:
  explicit IdentityEchoer(std::shared_ptr<std::vector<std::string>> peers)
      : peers_(std::move(peers)) {}
  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> msg) override {
    auto peer = peer_identifier(msg.local_message());
    peers_->push_back(peer ? peer->to_string() : "none");
    co_return co_await ctx.send(msg.return_route(), msg.body());
  }

 private:
  std::shared_ptr<std::vector<std::string>> peers_;
};

}  // namespace ockam::testing
