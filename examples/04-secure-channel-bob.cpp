// examples/04-secure-channel-bob (seeds 000/001): Bob listens over TCP with a secure channel
// listener and an Echoer. Runs until SIGINT/SIGTERM.
//   --listen HOST:PORT   where to listen (default 127.0.0.1:4000)
//   --trust I...         accept only this identifier (default: everyone)
//   --key-exchange K     the key agreement to answer: xx (default) or x3dh
#include <cstdio>

#include "ockam/ockam.hpp"
#include "support/arguments.hpp"
#include "support/echoer.hpp"

int main(int argc, char** argv) {
  std::string listen = ockam::examples::flag_value(argc, argv, "--listen", "127.0.0.1:4000");
  std::string trust = ockam::examples::flag_value(argc, argv, "--trust", "");
  auto key_agreement = ockam::examples::key_agreement_flag(argc, argv);
  if (!key_agreement) {
    std::fprintf(stderr, "--key-exchange must be xx or x3dh\n");
    return 2;
  }
  std::vector<ockam::channel::KeyAgreement> key_agreements{*key_agreement};
  return ockam::run_node([listen, trust, key_agreements](ockam::Node node) -> ockam::NodeMain {
    // Create an echoer worker.
    (co_await node.start_worker("echoer", ockam::examples::Echoer{})).value();

    auto bob = (co_await node.create_identity()).value();
    std::printf("Bob identifier: %s\n", bob.identifier().to_string().c_str());

    // Trust everyone (the seeds' NoOpTrustPolicy), or only the identifier given.
    auto trust_policy = ockam::identity::trust_everyone();
    if (!trust.empty()) {
      trust_policy =
          ockam::identity::trust_identifier(ockam::identity::Identifier::parse(trust).value());
    }

    // Initialize the TCP Transport, then listen over TCP with a secure channel listener whose
    // channels reach the Echoer.
    auto tcp = (co_await node.create_tcp_transport()).value();
    auto server =
        (co_await node.serve_secure_channels(tcp, listen, bob, "secure_channel_listener", "echoer",
                                             ockam::SecureChannelListenerOptions()
                                                 .with_trust_policy(trust_policy)
                                                 .with_key_agreements(key_agreements)))
            .value();

    std::printf("Bob listening on %s\n", server.tcp_listener.socket_address().c_str());
    std::fflush(stdout);
    // Don't call node.stop() here so this node runs forever.
    co_return ockam::ok();
  });
}
