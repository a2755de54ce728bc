// examples/10-secure-channel-with-entity: Alice and Bob on one node; a message to the Echoer
// through a secure channel between them (seed 002).
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/echoer.hpp"

int main() {
  return ockam::run_node([](ockam::Node node) -> ockam::NodeMain {
    // Start an Echoer worker at address "echoer".
    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();

    auto bob = (co_await node.create_identity()).value();
    auto alice = (co_await node.create_identity()).value();

    // Create a secure channel listener for Bob; let what it decrypts reach the Echoer.
    auto listener =
        (co_await node.create_secure_channel_listener(bob, "bob_secure_channel_listener")).value();
    node.flow_controls().add_consumer("echoer", listener.flow_control_id());

    // Connect to a secure channel listener and perform a handshake.
    auto channel_to_bob =
        (co_await node.create_secure_channel(alice, ockam::route("bob_secure_channel_listener")))
            .value();

    // Send a message to the echoer worker, via the secure channel.
    (co_await node.send(ockam::route(channel_to_bob, "echoer"), "Hello Ockam!")).value();

    // Wait to receive a reply and print it.
    auto reply = (co_await node.receive<std::string>()).value();
    std::printf("App Received: %s\n", reply->c_str());

    // Stop all workers, stop the node, cleanup and return.
    co_return co_await node.stop();
  });
}
