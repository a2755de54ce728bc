// A program outside the ockam-cpp tree, built against an installed ockam: an Echoer and one
// round trip through it.
#include <cstdio>
#include <string>

#include "ockam/ockam.hpp"

class Echoer final : public ockam::Worker<std::string> {
 public:
  ockam::Task<ockam::Result<void>> handle_message(ockam::Context& ctx,
                                                  ockam::Routed<std::string> msg) override {
    co_return co_await ctx.send(msg.return_route(), *msg);
  }
};

int main() {
  return ockam::run_node([](ockam::Node node) -> ockam::NodeMain {
    (co_await node.start_worker("echoer", Echoer{})).value();
    auto reply = (co_await node.send_and_receive<std::string>(ockam::route("echoer"),
                                                              "Hello from an installed ockam"))
                     .value();
    std::printf("Consumer Received: %s\n", reply.c_str());
    co_return co_await node.stop();
  });
}
