// peer (hidden): the server side of the two-process benchmarks, started by PeerProcess.
#include <memory>
#include <string>

#include "internal/channel_server.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/tcp_server.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

int serve(const std::string& role) {
  if (role == kChannelCounterRole) {
    return serve_channel(ServerWorker::kCounter);
  }
  if (role == kChannelEchoRole) {
    return serve_channel(ServerWorker::kEcho);
  }
  if (role == kTcpCounterRole) {
    return serve_tcp(ServerWorker::kCounter);
  }
  return serve_tcp(ServerWorker::kEcho);
}

}  // namespace

void add_peer_command(CLI::App& app) {
  auto role = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(std::string(kPeerCommand),
                                         "server side of the two-process benchmarks (internal)");
  command->group("");  // hidden from --help
  command->add_option("--serve", *role, "what to serve")
      ->required()
      ->check(CLI::IsMember({std::string(kChannelCounterRole), std::string(kChannelEchoRole),
                             std::string(kTcpCounterRole), std::string(kTcpEchoRole)}));
  command->callback([role] {
    if (int status = serve(*role); status != 0) {
      throw CLI::RuntimeError(status);
    }
  });
}

}  // namespace ockam::bench
