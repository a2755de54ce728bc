// handshakes: complete secure channel handshakes per second with initiator and responder on one
// node (each channel stopped once made), beside the raw cost of the Noise XX handshake they run:
// Ockam's profile with in-memory static keys on both sides, no identities, no node.
#include <cstdint>
#include <memory>

#include "internal/budget.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/run_to_completion.hpp"
#include "ockam/noise/handshake_state.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

struct Options {
  double seconds = 2.0;
  std::uint64_t max_handshakes = 10'000'000;
};

Task<Result<Tally>> measure_channels(Node node, Options options) {
  auto alice = co_await node.create_identity();
  auto bob = co_await node.create_identity();
  if (!alice || !bob) {
    co_return Error(Origin::kApplication, Kind::kInternal, "cannot create the identities");
  }
  auto listener = co_await node.create_secure_channel_listener(*bob, "listener");
  if (!listener) {
    co_return listener.error();
  }
  Budget budget(options.seconds, options.max_handshakes);
  std::uint64_t made = 0;
  while (budget.allows(made)) {
    auto channel = co_await node.create_secure_channel(*alice, route("listener"));
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

void run_handshakes(const Options& options) {
  auto on_one_node = [options](Node node) { return measure_channels(node, options); };
  Tally channels =
      exit_on_error(run_on_node<Tally>(limit_for(options.seconds), on_one_node), "handshakes");
  Tally noise_only = exit_on_error(measure_noise(options), "handshakes (noise)");
  report("handshakes_per_s", channels.per_second(), "handshakes/s");
  report("noise_xx_handshakes_per_s", noise_only.per_second(), "handshakes/s");
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
  command->callback([options] { run_handshakes(*options); });
}

}  // namespace ockam::bench
