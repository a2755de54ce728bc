// handshakes: complete secure channel handshakes per second with initiator and responder on one
// node (each channel stopped once made), beside the raw cost of the Noise XX handshake they run:
// Ockam's profile with in-memory static keys on both sides, no identities, no node. With
// `--key-exchange x3dh` the same run also measures X3DH channels and the bare X3DH exchange
// (X3dhInitiator / X3dhResponder with vault identity keys and one signed prekey).
#include <cstdint>
#include <memory>

#include "internal/budget.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/run_to_completion.hpp"
#include "ockam/channel/x3dh_initiator.hpp"
#include "ockam/channel/x3dh_responder.hpp"
#include "ockam/noise/handshake_state.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

struct Options {
  double seconds = 2.0;
  std::uint64_t max_handshakes = 10'000'000;
  std::string key_exchange = "xx";
};

Task<Result<Tally>> measure_channels(Node node, Options options,
                                     channel::KeyAgreement key_agreement) {
  auto alice = co_await node.create_identity();
  auto bob = co_await node.create_identity();
  if (!alice || !bob) {
    co_return Error(Origin::kApplication, Kind::kInternal, "cannot create the identities");
  }
  auto listener_options = SecureChannelListenerOptions().with_key_agreements(
      std::vector<channel::KeyAgreement>(1, key_agreement));
  auto listener =
      co_await node.create_secure_channel_listener(*bob, "listener", std::move(listener_options));
  if (!listener) {
    co_return listener.error();
  }
  auto channel_options = SecureChannelOptions().with_key_agreement(key_agreement);
  Budget budget(options.seconds, options.max_handshakes);
  std::uint64_t made = 0;
  while (budget.allows(made)) {
    auto channel = co_await node.create_secure_channel(*alice, route("listener"), channel_options);
    if (!channel) {
      co_return channel.error();
    }
    if (auto stopped = co_await node.stop_secure_channel(*channel); !stopped) {
      co_return stopped.error();
    }
    ++made;
  }
  co_return budget.tally(made);
}

/// Runs one Ockam-profile XX handshake between two fresh HandshakeStates and checks that both
/// sides end with matching keys.
Result<void> noise_handshake(const std::shared_ptr<const noise::StaticKey>& initiator_key,
                             const std::shared_ptr<const noise::StaticKey>& responder_key) {
  using noise::HandshakeConfig;
  using noise::HandshakeState;
  auto initiator =
      HandshakeState::create(HandshakeConfig::ockam(noise::Role::kInitiator, initiator_key));
  auto responder =
      HandshakeState::create(HandshakeConfig::ockam(noise::Role::kResponder, responder_key));
  if (!initiator) {
    return initiator.error();
  }
  if (!responder) {
    return responder.error();
  }
  HandshakeState* writer = &*initiator;
  HandshakeState* reader = &*responder;
  while (!initiator->is_complete() || !responder->is_complete()) {
    auto message = writer->write_message({});
    if (!message) {
      return message.error();
    }
    if (auto payload = reader->read_message(*message); !payload) {
      return payload.error();
    }
    std::swap(writer, reader);
  }
  auto initiator_keys = std::move(*initiator).split();
  auto responder_keys = std::move(*responder).split();
  if (!initiator_keys) {
    return initiator_keys.error();
  }
  if (!responder_keys) {
    return responder_keys.error();
  }
  if (!ct_equal(initiator_keys->encrypt_key().expose_secret(),
                responder_keys->decrypt_key().expose_secret())) {
    return Error(Origin::kApplication, Kind::kInternal, "the handshake keys differ");
  }
  return ok();
}

Result<Tally> measure_noise(const Options& options) {
  std::shared_ptr<const noise::StaticKey> initiator_key = noise::InMemoryStaticKey::generate();
  std::shared_ptr<const noise::StaticKey> responder_key = noise::InMemoryStaticKey::generate();
  Budget budget(options.seconds, options.max_handshakes);
  std::uint64_t made = 0;
  while (budget.allows(made)) {
    if (auto done = noise_handshake(initiator_key, responder_key); !done) {
      return done.error();
    }
    ++made;
  }
  return budget.tally(made);
}

/// Runs one bare X3DH exchange (both sides, no identities, no node) and checks the keys match.
Result<void> x3dh_exchange(const std::shared_ptr<vault::Vault>& vault,
                           const vault::X25519KeyHandle& initiator_key,
                           const std::shared_ptr<const channel::X3dhSignedPrekey>& prekey) {
  auto initiator = channel::X3dhInitiator::create(vault, initiator_key);
  auto responder = channel::X3dhResponder::create(vault, prekey);
  if (!initiator || !responder) {
    return Error(Origin::kApplication, Kind::kInternal, "cannot start the X3DH exchange");
  }
  auto responder_keys = responder->read_message1(initiator->message1());
  if (!responder_keys) {
    return responder_keys.error();
  }
  auto initiator_keys = initiator->read_message2(responder->message2());
  if (!initiator_keys) {
    return initiator_keys.error();
  }
  if (!ct_equal(initiator_keys->encrypt_key.expose_secret(),
                responder_keys->decrypt_key.expose_secret())) {
    return Error(Origin::kApplication, Kind::kInternal, "the X3DH keys differ");
  }
  return ok();
}

Result<Tally> measure_x3dh(const Options& options) {
  auto vault = std::make_shared<vault::Vault>();
  auto initiator_key = vault->generate_x25519_key();
  auto responder_key = vault->generate_x25519_key();
  if (!initiator_key || !responder_key) {
    return Error(Origin::kApplication, Kind::kInternal, "cannot create the X3DH keys");
  }
  auto prekey = channel::X3dhSignedPrekey::create(*vault, *responder_key);
  if (!prekey) {
    return prekey.error();
  }
  Budget budget(options.seconds, options.max_handshakes);
  std::uint64_t made = 0;
  while (budget.allows(made)) {
    if (auto done = x3dh_exchange(vault, *initiator_key, *prekey); !done) {
      return done.error();
    }
    ++made;
  }
  return budget.tally(made);
}

void run_handshakes(const Options& options) {
  // The option's check admits only the two names.
  const channel::KeyAgreement agreement =
      channel::parse_key_agreement(options.key_exchange).value_or(channel::KeyAgreement::kNoiseXx);
  auto on_one_node = [options](channel::KeyAgreement key_agreement) {
    return [options, key_agreement](Node node) {
      return measure_channels(node, options, key_agreement);
    };
  };
  // Noise XX always runs: it is the baseline of an X3DH measurement.
  Tally channels = exit_on_error(
      run_on_node<Tally>(limit_for(options.seconds), on_one_node(channel::KeyAgreement::kNoiseXx)),
      "handshakes");
  Tally noise_only = exit_on_error(measure_noise(options), "handshakes (noise)");
  report("handshakes_per_s", channels.per_second(), "handshakes/s");
  report("noise_xx_handshakes_per_s", noise_only.per_second(), "handshakes/s");
  if (agreement == channel::KeyAgreement::kX3dh) {
    Tally x3dh_channels = exit_on_error(
        run_on_node<Tally>(limit_for(options.seconds), on_one_node(channel::KeyAgreement::kX3dh)),
        "handshakes (x3dh)");
    Tally x3dh_only = exit_on_error(measure_x3dh(options), "handshakes (bare x3dh)");
    report("x3dh_handshakes_per_s", x3dh_channels.per_second(), "handshakes/s");
    report("x3dh_exchanges_per_s", x3dh_only.per_second(), "exchanges/s");
  }
}

}  // namespace

void add_handshakes_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "handshakes", "secure channel handshakes/s on one node, beside the bare Noise XX handshake");
  command->add_option("--seconds", options->seconds, "how long each measurement runs (default 2)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--max-handshakes", options->max_handshakes,
                   "upper bound on handshakes per measurement")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--key-exchange", options->key_exchange,
                   "xx (default) or x3dh: also measure X3DH channels beside Noise XX")
      ->check(CLI::IsMember({"xx", "x3dh"}));
  command->callback([options] { run_handshakes(*options); });
}

}  // namespace ockam::bench
