// examples/06-secure-channel-many-hops: a secure channel whose handshake and messages travel
// through three hop workers, end-to-end encrypted (seed 004).
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

    // Create a secure channel listener at address "secure_channel_listener".
    auto bob = (co_await node.create_identity()).value();
    auto listener =
        (co_await node.create_secure_channel_listener(bob, "secure_channel_listener")).value();
    node.flow_controls().add_consumer("echoer", listener.flow_control_id());

    // Connect to the listener via "h1", "h2" and "h3", and perform a handshake.
    auto alice = (co_await node.create_identity()).value();
    auto channel = (co_await node.create_secure_channel(
                        alice, ockam::route("h1", "h2", "h3", "secure_channel_listener")))
                       .value();

    // Send a message to the echoer worker, via the secure channel.
    (co_await node.send(ockam::route(channel, "echoer"), "Hello Ockam!")).value();

    // Wait to receive a reply and print it.
    auto reply = (co_await node.receive<std::string>()).value();
    std::printf("App Received: %s\n", reply->c_str());

    co_return co_await node.stop();
  });
}
