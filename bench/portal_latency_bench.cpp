// portal-latency: request/response round trips (p50, p99) through inlet -> secure channel over
// loopback TCP -> outlet to an echo server (the outlet's node in a second process, the echo
// server in a third), beside the same round trips sent directly to the echo server.
#include <memory>
#include <string>

#include "internal/exit_on_error.hpp"
#include "internal/inlet_node.hpp"
#include "internal/peer_process.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/round_trips.hpp"
#include "internal/run_to_completion.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

using Options = RoundTripOptions;

void run_portal_latency(const Options& options) {
  PeerProcess target = exit_on_error(PeerProcess::start({"--serve", std::string(kTcpEchoRole)}),
                                     "portal-latency echo server");
  PeerProcess outlet = exit_on_error(
      PeerProcess::start({"--serve", std::string(kPortalOutletRole), "--target", target.address()}),
      "portal-latency outlet node");
  auto inlet = exit_on_error(InletNode::start(outlet.address()), "portal-latency inlet node");
  auto limit = limit_for(options.max_seconds);
  Latencies direct = exit_on_error(
      run_on_io<Latencies>(
          limit, [&](asio::io_context& io) { return echo_frames(io, target.port(), options); }),
      "portal-latency baseline");
  Latencies portal = exit_on_error(
      run_on_io<Latencies>(
          limit, [&](asio::io_context& io) { return echo_frames(io, inlet->port(), options); }),
      "portal-latency");
  const double portal_p50 = percentile(portal, 0.50);
  const double direct_p50 = percentile(direct, 0.50);
  report("portal_latency_p50_us", portal_p50, "us");
  report("portal_latency_p99_us", percentile(portal, 0.99), "us");
  report("tcp_direct_latency_p50_us", direct_p50, "us");
  report("tcp_direct_latency_p99_us", percentile(direct, 0.99), "us");
  report("portal_latency_p50_ratio_to_direct", 100.0 * portal_p50 / direct_p50, "%");
  inlet.reset();
  exit_on_error(outlet.stop(), "portal-latency outlet node");
  exit_on_error(target.stop(), "portal-latency echo server");
}

}  // namespace

void add_portal_latency_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "portal-latency",
      "round-trip p50/p99 through inlet -> secure channel -> outlet, beside direct TCP");
  add_round_trip_options(command, *options);
  command->callback([options] { run_portal_latency(*options); });
}

}  // namespace ockam::bench
