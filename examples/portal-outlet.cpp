// examples/portal-outlet (Ockam's tcp_inlet_and_outlet examples, outlet side): a TCP listener,
// a secure channel listener at `api`, the `echo` service, and a TCP outlet at `outlet` whose
// portals connect to the target. Runs until SIGINT/SIGTERM.
//   --listen HOST:PORT   where this node listens (default 127.0.0.1:4000)
//   --target HOST:PORT   the TCP service behind the outlet (default 127.0.0.1:5000)
#include <cstdio>

#include "ockam/cli/default_services.hpp"
#include "ockam/ockam.hpp"
#include "support/arguments.hpp"

int main(int argc, char** argv) {
  std::string listen = ockam::examples::flag_value(argc, argv, "--listen", "127.0.0.1:4000");
  std::string target = ockam::examples::flag_value(argc, argv, "--target", "127.0.0.1:5000");
  return ockam::run_node([listen, target](ockam::Node node) -> ockam::NodeMain {
    auto tcp = (co_await node.create_tcp_transport()).value();
    auto listener = (co_await tcp.listen(listen)).value();

    // Inlets reach the outlet only through a secure channel with this node's identity.
    auto identity = (co_await node.create_identity()).value();
    auto api = (co_await node.create_secure_channel_listener(
                    identity, "api",
                    ockam::SecureChannelListenerOptions().as_consumer(listener.flow_control_id())))
                   .value();

    // Liveness pings from inlets (Rust inlets ping `echo` every 10 s).
    (co_await node.start_worker(ockam::cli::kEchoAddress, ockam::cli::Echo{})).value();
    node.flow_controls().add_consumer(ockam::cli::kEchoAddress, api.flow_control_id());

    (co_await tcp.create_outlet(ockam::portal::kDefaultOutletAddress, target,
                                ockam::TcpOutletOptions().as_consumer(api.flow_control_id())))
        .value();

    std::printf("listening on %s\n", listener.socket_address().c_str());
    std::fflush(stdout);
    co_return ockam::ok();
  });
}
