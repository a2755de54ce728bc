// ockam-bench: dispatches to one benchmark per subcommand. Every figure is printed as one line
// `name value unit`, next to a baseline measured in the same run.
#include <CLI/CLI.hpp>

#include "subcommands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"ockam-bench: throughput figures for ockam-cpp, each beside a baseline"};
  app.require_subcommand(1);
  ockam::bench::add_local_hops_command(app);
  ockam::bench::add_handshakes_command(app);
  ockam::bench::add_channel_crypto_command(app);
  ockam::bench::add_channel_throughput_command(app);
  ockam::bench::add_channel_latency_command(app);
  ockam::bench::add_tcp_handshakes_command(app);
  ockam::bench::add_storage_command(app);
  ockam::bench::add_portal_throughput_command(app);
  ockam::bench::add_portal_latency_command(app);
  ockam::bench::add_peer_command(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
