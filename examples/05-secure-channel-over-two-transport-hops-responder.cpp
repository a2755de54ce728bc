// examples/05-secure-channel-over-two-transport-hops-responder (seed 003): a TCP listener, a
// secure channel listener for Bob, and an Echoer. Runs until SIGINT/SIGTERM.
//   --listen HOST:PORT   where to listen (default 127.0.0.1:4000)
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"
#include "support/echoer.hpp"

int main(int argc, char** argv) {
  std::string listen = ockam::examples::flag_value(argc, argv, "--listen", "127.0.0.1:4000");
  return ockam::run_node([listen](ockam::Node node) -> ockam::NodeMain {
    // Initialize the TCP Transport.
    auto tcp = (co_await node.create_tcp_transport()).value();

    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();

    auto bob = (co_await node.create_identity()).value();

    // Create a TCP listener, a secure channel listener for Bob that accepts its connections,
    // and allow access to the Echoer via Secure Channels: one call.
    auto server =
        (co_await node.serve_secure_channels(tcp, listen, bob, "bob_listener", "echoer")).value();

    std::printf("Responder listening on %s\n", server.tcp_listener.socket_address().c_str());
    std::fflush(stdout);
    // Don't call node.stop() here so this node runs forever.
    co_return ockam::ok();
  });
}
