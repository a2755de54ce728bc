// examples/secure-channel-x3dh: seed 002's single-node flow with X3DH as the key agreement on
// both sides: Alice and Bob on one node, a message to the Echoer through a secure channel whose
// keys come from Signal's X3DH, authenticated with their Ockam identities.
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/echoer.hpp"

int main() {
  return ockam::run_node([](ockam::Node node) -> ockam::NodeMain {
    // Start an Echoer worker at address "echoer".
    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();

    auto bob = (co_await node.create_identity()).value();
    auto alice = (co_await node.create_identity()).value();

    // Create a secure channel listener for Bob that answers X3DH; let what it decrypts reach
    // the Echoer.
    auto listener_options = ockam::SecureChannelListenerOptions().with_key_agreements(
        {ockam::channel::KeyAgreement::kX3dh});
    auto listener = (co_await node.create_secure_channel_listener(
                         bob, "bob_secure_channel_listener", std::move(listener_options)))
                        .value();
    node.flow_controls().add_consumer("echoer", listener.flow_control_id());

    // Connect to the listener and run X3DH with it.
    auto options =
        ockam::SecureChannelOptions().with_key_agreement(ockam::channel::KeyAgreement::kX3dh);
    auto channel_to_bob = (co_await node.create_secure_channel(
                               alice, ockam::route("bob_secure_channel_listener"), options))
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
