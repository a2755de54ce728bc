// peer (hidden): the server side of the two-process benchmarks, started by PeerProcess.
#include <memory>
#include <string>

#include "internal/channel_server.hpp"
#include "internal/peer_protocol.hpp"
#include "internal/tcp_forwarder.hpp"
#include "internal/tcp_server.hpp"
#include "internal/tls_server.hpp"
#include "internal/zmq_server.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

struct PeerOptions {
  std::string role;
  std::string peer_fingerprint;
  std::string target;
};

int serve(const PeerOptions& options) {
  const std::string& role = options.role;
  if (role == kPortalOutletRole) {
    return serve_portal_outlet(options.target);
  }
  if (role == kTcpForwarderRole) {
    return serve_tcp_forwarder(options.target);
  }
  if (role == kChannelCounterRole) {
    return serve_channel(ServerWorker::kCounter);
  }
  if (role == kChannelEchoRole) {
    return serve_channel(ServerWorker::kEcho);
  }
  if (role == kTcpCounterRole) {
    return serve_tcp(ServerWorker::kCounter);
  }
  if (role == kZmqCounterRole) {
    return serve_zmq(ServerWorker::kCounter);
  }
  if (role == kZmqEchoRole) {
    return serve_zmq(ServerWorker::kEcho);
  }
  if (role == kTlsCounterRole) {
    return serve_tls(ServerWorker::kCounter, options.peer_fingerprint);
  }
  if (role == kTlsEchoRole) {
    return serve_tls(ServerWorker::kEcho, options.peer_fingerprint);
  }
  return serve_tcp(ServerWorker::kEcho);
}

}  // namespace

void add_peer_command(CLI::App& app) {
  auto options = std::make_shared<PeerOptions>();
  CLI::App* command = app.add_subcommand(std::string(kPeerCommand),
                                         "server side of the two-process benchmarks (internal)");
  command->group("");  // hidden from --help
  command->add_option("--serve", options->role, "what to serve")
      ->required()
      ->check(CLI::IsMember({std::string(kChannelCounterRole), std::string(kChannelEchoRole),
                             std::string(kTcpCounterRole), std::string(kTcpEchoRole),
                             std::string(kZmqCounterRole), std::string(kZmqEchoRole),
                             std::string(kTlsCounterRole), std::string(kTlsEchoRole),
                             std::string(kPortalOutletRole), std::string(kTcpForwarderRole)}));
  command->add_option("--peer-fingerprint", options->peer_fingerprint,
                      "TLS roles: the SHA-256 fingerprint of the only client certificate accepted");
  command->add_option("--target", options->target,
                      "portal-outlet, tcp-forwarder: the target host:port");
  command->callback([options] {
    if (int status = serve(*options); status != 0) {
      throw CLI::RuntimeError(status);
    }
  });
}

}  // namespace ockam::bench
