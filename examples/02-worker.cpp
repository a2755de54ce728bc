// examples/02-worker: start an Echoer worker, send it a message, print the reply (seed 004).
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/echoer.hpp"

int main() {
  return ockam::run_node([](ockam::Node node) -> ockam::NodeMain {
    // Start a worker, of type Echoer, at address "echoer".
    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();

    // Send a message to the worker at address "echoer" and wait to receive a reply.
    auto reply =
        (co_await node.send_and_receive<std::string>(ockam::route("echoer"), "Hello Ockam!"))
            .value();
    std::printf("App Received: %s\n", reply.c_str());

    // Stop all workers, stop the node, cleanup and return.
    co_return co_await node.stop();
  });
}
