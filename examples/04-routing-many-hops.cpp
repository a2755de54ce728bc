// examples/04-routing-many-hops: a message to the Echoer through h1, h2 and h3 (seed 004).
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/echoer.hpp"
#include "support/hop.hpp"

int main() {
  return ockam::run_node([](ockam::Node node) -> ockam::NodeMain {
    // Start an Echoer worker at address "echoer".
    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();

    // Start 3 hop workers at addresses "h1", "h2" and "h3".
    (co_await node.start_worker("h1", ockam::examples::Hop{})).value();
    (co_await node.start_worker("h2", ockam::examples::Hop{})).value();
    (co_await node.start_worker("h3", ockam::examples::Hop{})).value();

    // Send a message to the echoer worker via the "h1 => h2 => h3" route.
    (co_await node.send(ockam::route("h1", "h2", "h3", "echoer"), "Hello Ockam!")).value();

    // Wait to receive a reply and print it.
    auto reply = (co_await node.receive<std::string>()).value();
    std::printf("App Received: %s\n", reply->c_str());

    co_return co_await node.stop();
  });
}
