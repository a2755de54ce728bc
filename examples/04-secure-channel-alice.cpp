// examples/04-secure-channel-alice (seeds 000/001): Alice reaches Bob's secure channel
// listener over TCP and sends a message to his Echoer through the channel.
//   --to HOST:PORT       Bob's node (default 127.0.0.1:4000)
//   --key-exchange K     the key agreement to run: xx (default) or x3dh
//   --home DIR           keep Alice's identity in DIR, so she has the same identifier at every
//                        run (without it she is a new identity each time, as in the seed)
#include <chrono>
#include <cstdio>
#include <optional>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"

int main(int argc, char** argv) {
  std::string to = ockam::examples::flag_value(argc, argv, "--to", "127.0.0.1:4000");
  std::string home = ockam::examples::flag_value(argc, argv, "--home", "");
  auto key_agreement = ockam::examples::key_agreement_flag(argc, argv);
  if (!key_agreement) {
    std::fprintf(stderr, "--key-exchange must be xx or x3dh\n");
    return 2;
  }
  auto options = ockam::SecureChannelOptions().with_key_agreement(*key_agreement);
  auto alice_main = [to, home, options](ockam::Node node) -> ockam::NodeMain {
    // Initialize the TCP Transport.
    (void)(co_await node.create_tcp_transport()).value();

    // With a home, Alice is the identity stored there under her name (created the first time).
    std::optional<ockam::identity::Identity> alice;
    if (home.empty()) {
      alice = (co_await node.create_identity()).value();
    } else {
      alice = (co_await node.get_or_create_identity("alice")).value();
    }
    std::printf("Alice identifier: %s\n", alice->identifier().to_string().c_str());
    std::fflush(stdout);

    // Connect to a secure channel listener and perform a handshake; the route names Bob's
    // node by its TCP address, which becomes a connection.
    auto channel =
        (co_await node.create_secure_channel(
             *alice, ockam::route(ockam::tcp_address(to), "secure_channel_listener"), options))
            .value();

    // Send a message to the echoer worker via the channel.
    (co_await node.send(ockam::route(channel, "echoer"), "Hello Ockam!")).value();

    // Wait to receive a reply and print it (Bob drops channels he does not trust).
    auto reply = (co_await node.receive<std::string>(std::chrono::seconds(10))).value();
    std::printf("App Received: %s\n", reply->c_str());

    // Stop all workers, stop the node, cleanup and return.
    co_return co_await node.stop();
  };
  if (home.empty()) {
    return ockam::run_node(alice_main);
  }
  return ockam::run_node(ockam::NodeOptions::in_home(home), alice_main);
}
