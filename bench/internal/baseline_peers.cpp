#include "internal/baseline_peers.hpp"

#include <charconv>
#include <utility>

namespace ockam::bench {

Result<ZmqPeer> start_zmq_peer(ServerWorker worker) {
  const std::string_view role = worker == ServerWorker::kEcho ? kZmqEchoRole : kZmqCounterRole;
  auto process = PeerProcess::start({"--serve", std::string(role)});
  if (!process) {
    return process.error();
  }
  auto key = process->read_value(kCurveKeyName);
  if (!key) {
    return key.error();
  }
  ZmqPeer peer{std::move(*process), std::move(*key), 0};
  if (worker == ServerWorker::kCounter) {
    auto reply_port = peer.process.read_value(kReplyPortName);
    if (!reply_port) {
      return reply_port.error();
    }
    const char* end = reply_port->data() + reply_port->size();
    auto [stop, error] = std::from_chars(reply_port->data(), end, peer.reply_port);
    if (error != std::errc() || stop != end || peer.reply_port == 0) {
      return Error(Origin::kApplication, Kind::kParse, "the peer's reply port is malformed");
    }
  }
  return peer;
}

Result<TlsPeer> start_tls_peer(ServerWorker worker) {
  auto self = TlsIdentity::generate();
  if (!self) {
    return self.error();
  }
  const std::string_view role = worker == ServerWorker::kEcho ? kTlsEchoRole : kTlsCounterRole;
  auto process =
      PeerProcess::start({"--serve", std::string(role), "--peer-fingerprint", self->fingerprint()});
  if (!process) {
    return process.error();
  }
  auto fingerprint = process->read_value(kFingerprintName);
  if (!fingerprint) {
    return fingerprint.error();
  }
  auto context = TlsContext::make(TlsContext::Side::kClient, *self, std::move(*fingerprint));
  if (!context) {
    return context.error();
  }
  return TlsPeer{std::move(*process), std::move(*context)};
}

Result<void> TcpRelayChain::stop() {
  auto first_stopped = first.stop();
  auto second_stopped = second.stop();
  if (!first_stopped) {
    return first_stopped;
  }
  return second_stopped;
}

Result<TcpRelayChain> start_tcp_relay_chain(const std::string& target) {
  auto second = PeerProcess::start({"--serve", std::string(kTcpForwarderRole), "--target", target});
  if (!second) {
    return second.error();
  }
  auto first = PeerProcess::start(
      {"--serve", std::string(kTcpForwarderRole), "--target", second->address()});
  if (!first) {
    return first.error();
  }
  return TcpRelayChain{std::move(*first), std::move(*second)};
}

}  // namespace ockam::bench
