// examples/05-secure-channel-over-two-transport-hops-initiator (seed 003): an end-to-end
// secure channel over two TCP hops, and a message to the Echoer through it.
//   --to HOST:PORT   the middle node (default localhost:3000)
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"

int main(int argc, char** argv) {
  std::string to = ockam::examples::flag_value(argc, argv, "--to", "localhost:3000");
  return ockam::run_node([to](ockam::Node node) -> ockam::NodeMain {
    // Create an Identity to represent Alice.
    auto alice = (co_await node.create_identity()).value();

    // Create a TCP connection to the middle node.
    auto tcp = (co_await node.create_tcp_transport()).value();
    auto connection_to_middle_node = (co_await tcp.connect(to)).value();

    // Connect to a secure channel listener and perform a handshake.
    auto r = ockam::route(connection_to_middle_node, "forward_to_bob", "bob_listener");
    auto channel = (co_await node.create_secure_channel(alice, r)).value();

    // Send a message to the echoer worker via the channel.
    // Wait to receive a reply and print it.
    auto reply = (co_await node.send_and_receive<std::string>(ockam::route(channel, "echoer"),
                                                              "Hello Ockam!"))
                     .value();
    std::printf("App Received: %s\n", reply.c_str());  // should print "Hello Ockam!"

    // Stop all workers, stop the node, cleanup and return.
    co_return co_await node.stop();
  });
}
