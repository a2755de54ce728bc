// examples/05-secure-channel-over-two-transport-hops-responder (seed 003): a TCP listener, a
// secure channel listener for Bob, and an Echoer. Runs until SIGINT/SIGTERM.
//   --listen HOST:PORT   where to listen (default 127.0.0.1:4000)
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"
#include "support/echoer.hpp"

int main(int argc, char** argv) {
  std::string listen = ockam::examples::flag_value(argc, argv, "--listen", "127.0.0.1:4000");
  return ockam::run_node([listen](ockam::Node node) -> ockam::Task<ockam::Result<void>> {
    // Initialize the TCP Transport.
    auto tcp = (co_await node.create_tcp_transport()).value();

    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();

    auto bob = (co_await node.create_identity()).value();

    // Create a TCP listener and wait for incoming connections.
    auto listener = (co_await tcp.listen(listen)).value();

    // Create a secure channel listener for Bob that will wait for requests to
    // initiate an Authenticated Key Exchange.
    auto secure_channel_listener =
        (co_await node.create_secure_channel_listener(
             bob, "bob_listener",
             ockam::SecureChannelListenerOptions().as_consumer(listener.flow_control_id())))
            .value();

    // Allow access to the Echoer via Secure Channels.
    node.flow_controls().add_consumer("echoer", secure_channel_listener.flow_control_id());

    std::printf("Responder listening on %s\n", listener.socket_address().c_str());
    std::fflush(stdout);
    // Don't call node.stop() here so this node runs forever.
    co_return ockam::ok();
  });
}
