// examples/secure-channel-trust-policy: Bob's listener trusts only Alice's identifier. Alice's
// channel works; Mallory's handshake is refused with a clear error.
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/echoer.hpp"

int main() {
  return ockam::run_node([](ockam::Node node) -> ockam::NodeMain {
    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();

    auto bob = (co_await node.create_identity()).value();
    auto alice = (co_await node.create_identity()).value();
    auto mallory = (co_await node.create_identity()).value();
    std::printf("Alice identifier: %s\n", alice.identifier().to_string().c_str());
    std::printf("Mallory identifier: %s\n", mallory.identifier().to_string().c_str());

    // Bob accepts channels only from Alice.
    auto options = ockam::SecureChannelListenerOptions().with_trust_policy(
        ockam::identity::trust_identifier(alice.identifier()));
    auto listener =
        (co_await node.create_secure_channel_listener(bob, "bob_listener", options)).value();
    node.flow_controls().add_consumer("echoer", listener.flow_control_id());

    // Mallory completes her side of the handshake (Noise XX ends with her message 3), but Bob
    // checks her identifier on message 3, refuses it, and drops the channel: nothing she sends
    // reaches the Echoer.
    auto mallory_channel =
        (co_await node.create_secure_channel(mallory, ockam::route("bob_listener"))).value();
    auto refused = co_await node.send_and_receive<std::string>(
        ockam::route(mallory_channel, "echoer"), "Hello from Mallory", std::chrono::seconds(2));
    if (refused) {
      std::printf("Mallory was accepted: the trust policy did not work\n");
      co_return ockam::Error(ockam::Origin::kApplication, ockam::Kind::kInternal, "unexpected");
    }
    std::printf("Mallory refused: %s\n", refused.error().to_string().c_str());

    // An initiator's own trust policy fails create_secure_channel at once with an explicit
    // error: here Alice expects Mallory's identifier but reaches Bob.
    auto mismatch = co_await node.create_secure_channel(
        alice, ockam::route("bob_listener"),
        ockam::SecureChannelOptions().with_trust_policy(
            ockam::identity::trust_identifier(mallory.identifier())));
    std::printf("Alice refused Bob: %s\n",
                mismatch ? "no error" : mismatch.error().to_string().c_str());

    // Alice's channel is accepted.
    auto channel =
        (co_await node.create_secure_channel(alice, ockam::route("bob_listener"))).value();
    auto reply = (co_await node.send_and_receive<std::string>(ockam::route(channel, "echoer"),
                                                              "Hello Ockam!"))
                     .value();
    std::printf("App Received: %s\n", reply.c_str());
    co_return co_await node.stop();
  });
}
