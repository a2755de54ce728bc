// examples/03-routing: a message to the Echoer through one Hop worker, and the reply back.
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/echoer.hpp"
#include "support/hop.hpp"

int main() {
  return ockam::run_node([](ockam::Node node) -> ockam::NodeMain {
    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();
    // Start a Hop worker at address "h1".
    (co_await node.start_worker("h1", ockam::examples::Hop{})).value();

    // Send a message to the echoer via h1 and wait for the reply.
    (co_await node.send(ockam::route("h1", "echoer"), "Hello Ockam!")).value();
    auto reply = (co_await node.receive<std::string>()).value();
    std::printf("App Received: %s\n", reply->c_str());

    co_return co_await node.stop();
  });
}
