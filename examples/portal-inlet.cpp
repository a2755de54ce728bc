// examples/portal-inlet (Ockam's tcp_inlet_and_outlet examples, inlet side): a secure channel
// to `api` on the outlet's node and a TCP inlet whose clients reach the outlet through it.
// When the outlet's node stops answering the inlet's pings (or the channel closes), the inlet
// closes its portals and makes a new connection and channel the same way. Runs until
// SIGINT/SIGTERM.
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
    // The secure channel goes to `api` directly, or through the middle node's relay; the
    // factory makes the first route and, after a loss, the next ones the same way.
    auto make_route = ockam::channel_route_factory(
        node, tcp, identity, via.empty() ? to : via,
        via.empty() ? ockam::route("api") : ockam::route("forward_to_bob", "api"),
        ockam::portal::kDefaultOutletAddress);
    auto outlet_route = (co_await make_route()).value();

    auto inlet = (co_await tcp.create_inlet(
                      from, outlet_route, ockam::TcpInletOptions().with_route_factory(make_route)))
                     .value();

    std::printf("inlet listening on %s\n", inlet.socket_address().c_str());
    std::fflush(stdout);
    co_return ockam::ok();
  });
}
