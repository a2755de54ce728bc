// examples/05-secure-channel-over-two-transport-hops-middle (seed 003): connects to the
// responder, relays "forward_to_bob" there, and listens for the initiator. Runs until
// SIGINT/SIGTERM.
//   --listen HOST:PORT   where to listen (default 127.0.0.1:3000)
//   --to HOST:PORT       the responder (default 127.0.0.1:4000)
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"
#include "support/relay.hpp"

int main(int argc, char** argv) {
  std::string listen = ockam::examples::flag_value(argc, argv, "--listen", "127.0.0.1:3000");
  std::string to = ockam::examples::flag_value(argc, argv, "--to", "127.0.0.1:4000");
  return ockam::run_node([listen, to](ockam::Node node) -> ockam::NodeMain {
    // Initialize the TCP Transport.
    auto tcp = (co_await node.create_tcp_transport()).value();

    // Create a TCP connection to Bob.
    auto connection_to_bob = (co_await tcp.connect(to)).value();

    // Start a Relay to forward messages to Bob. Naming Bob's TCP address (rather than the
    // connection) lets the relay reconnect when Bob restarts; it reuses the connection above.
    (void)connection_to_bob;
    (co_await node.start_worker("forward_to_bob",
                                ockam::examples::Relay(ockam::route(ockam::tcp_address(to)))))
        .value();

    // Create a TCP listener and wait for incoming connections.
    auto listener = (co_await tcp.listen(listen)).value();
    node.flow_controls().add_consumer("forward_to_bob", listener.flow_control_id());

    std::printf("Middle listening on %s\n", listener.socket_address().c_str());
    std::fflush(stdout);
    // Don't call node.stop() here so this node runs forever.
    co_return ockam::ok();
  });
}
