// portal-latency: request/response round trips (p50, p99) through inlet -> secure channel over
// loopback TCP -> outlet to an echo server (the outlet's node in a second process, the echo
// server in a third), beside the same round trips sent directly to the echo server and through
// a chain of two plain TCP forwarders (the portal's topology without Ockam).
#include <memory>
#include <string>

#include "internal/portal_paths.hpp"
#include "internal/round_trips.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

using Options = RoundTripOptions;

void run_portal_latency(const Options& options) {
  auto figures =
      measure_portal_paths<Latencies>("portal-latency", kTcpEchoRole, options.max_seconds,
                                      [&options](asio::io_context& io, std::uint16_t port) {
                                        return echo_frames(io, port, options);
                                      });
  const double portal_p50 = percentile(figures.portal, 0.50);
  const double direct_p50 = percentile(figures.direct, 0.50);
  const double relay_chain_p50 = percentile(figures.relay_chain, 0.50);
  report("portal_latency_p50_us", portal_p50, "us");
  report("portal_latency_p99_us", percentile(figures.portal, 0.99), "us");
  report("tcp_direct_latency_p50_us", direct_p50, "us");
  report("tcp_direct_latency_p99_us", percentile(figures.direct, 0.99), "us");
  report("portal_latency_p50_ratio_to_direct", 100.0 * portal_p50 / direct_p50, "%");
  report("tcp_relay_chain_latency_p50_us", relay_chain_p50, "us");
  report("tcp_relay_chain_latency_p99_us", percentile(figures.relay_chain, 0.99), "us");
  report("portal_latency_p50_ratio_to_relay_chain", 100.0 * portal_p50 / relay_chain_p50, "%");
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
