// examples/portal-inlet (Ockam's tcp_inlet_and_outlet examples, inlet side): a secure channel
// to `api` on the outlet's node and a TCP inlet whose clients reach the outlet through it.
// Runs until SIGINT/SIGTERM.
//   --from 127.0.0.1:PORT   where clients connect (default 127.0.0.1:4001)
//   --to HOST:PORT          the outlet's node (default 127.0.0.1:4000)
//   --via HOST:PORT         instead of --to: a middle node that relays to the outlet's node
//                           at `forward_to_bob` (seed 003's middle)
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"

int main(int argc, char** argv) {
  std::string from = ockam::examples::flag_value(argc, argv, "--from", "127.0.0.1:4001");
  std::string to = ockam::examples::flag_value(argc, argv, "--to", "127.0.0.1:4000");
  std::string via = ockam::examples::flag_value(argc, argv, "--via", "");
  return ockam::run_node([from, to, via](ockam::Node node) -> ockam::NodeMain {
    auto tcp = (co_await node.create_tcp_transport()).value();
    auto identity = (co_await node.create_identity()).value();

    // The secure channel goes to `api` directly, or through the middle node's relay.
    auto connection = (co_await tcp.connect(via.empty() ? to : via)).value();
    auto to_api = via.empty() ? ockam::route(connection, "api")
                              : ockam::route(connection, "forward_to_bob", "api");
    auto channel = (co_await node.create_secure_channel(identity, to_api)).value();

    auto inlet = (co_await tcp.create_inlet(
                      from, ockam::route(channel, ockam::portal::kDefaultOutletAddress),
                      ockam::TcpInletOptions()))
                     .value();

    std::printf("inlet listening on %s\n", inlet.socket_address().c_str());
    std::fflush(stdout);
    co_return ockam::ok();
  });
}
