// channel-crypto: bytes per second through a channel's Encryptor and Decryptor including the
// plaintext envelope (encode_payload_plaintext, Encryptor::encrypt, Decryptor::decrypt,
// decode_plaintext), no workers and no transport, beside raw AES-256-GCM encrypt+decrypt of the
// same size with crypto::AesGcm.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "internal/budget.hpp"
#include "internal/exit_on_error.hpp"
#include "internal/message_sizes.hpp"
#include "ockam/channel/decryptor.hpp"
#include "ockam/channel/encryptor.hpp"
#include "ockam/channel/secure_channel_message.hpp"
#include "ockam/crypto/random.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

/// Messages between two looks at the clock.
constexpr std::uint64_t kBatch = 16;
/// The byte every payload is filled with.
constexpr std::uint8_t kPayloadByte = 0xAB;

struct Options {
  std::vector<std::size_t> sizes;
  double seconds = 2.0;
  std::uint64_t max_messages = 1'000'000'000;
};

SecretBytes random_key() {
  SecretBytes key(crypto::kAeadKeyLength);
  crypto::random_fill(key.expose_secret_mut());
  return key;
}

Error wrong_payload() {
  return Error(Origin::kApplication, Kind::kInternal, "the decrypted payload differs");
}

/// One message through the channel path, as the encryptor and decryptor workers run it.
Result<void> channel_round(const Route& onward, const Route& back, const Bytes& payload,
                           channel::Encryptor& encryptor, channel::Decryptor& decryptor,
                           Bytes& plaintext, Bytes& ciphertext, Bytes& decrypted) {
  plaintext.clear();
  channel::encode_payload_plaintext(onward, back, payload, plaintext);
  ciphertext.clear();
  if (auto sealed = encryptor.encrypt(plaintext, ciphertext); !sealed) {
    return sealed.error();
  }
  decrypted.clear();
  if (auto opened = decryptor.decrypt(ciphertext, decrypted); !opened) {
    return opened.error();
  }
  auto message = channel::decode_plaintext(decrypted);
  if (!message) {
    return message.error();
  }
  auto* body = std::get_if<channel::PayloadMessage>(&*message);
  if (body == nullptr || body->payload.size() != payload.size()) {
    return wrong_payload();
  }
  return ok();
}

Result<Tally> measure_channel(std::size_t size, const Options& options) {
  SecretBytes key = random_key();
  auto encrypt_key = channel::ChannelKey::create(key.clone());
  auto decrypt_key = channel::ChannelKey::create(key.clone());
  if (!encrypt_key || !decrypt_key) {
    return Error(Origin::kApplication, Kind::kInternal, "cannot make the channel keys");
  }
  channel::Encryptor encryptor(std::move(*encrypt_key));
  channel::Decryptor decryptor(std::move(*decrypt_key));
  // As the encryptor worker sees a message to "echoer" from a context.
  const Route onward = route("echoer");
  const Route back = route(Address::random_local());
  const Bytes payload(size, kPayloadByte);
  Bytes plaintext;
  Bytes ciphertext;
  Bytes decrypted;
  Budget budget(options.seconds, options.max_messages);
  std::uint64_t done = 0;
  while (budget.allows(done)) {
    for (std::uint64_t i = 0; i < kBatch; ++i) {
      auto round = channel_round(onward, back, payload, encryptor, decryptor, plaintext, ciphertext,
                                 decrypted);
      if (!round) {
        return round.error();
      }
    }
    done += kBatch;
  }
  return budget.tally(done);
}

Result<Tally> measure_raw(std::size_t size, const Options& options) {
  SecretBytes key = random_key();
  auto aead = crypto::AesGcm::create(key.expose_secret());
  if (!aead) {
    return aead.error();
  }
  const Bytes payload(size, kPayloadByte);
  Bytes ciphertext;
  Bytes decrypted;
  crypto::AeadNonce nonce{};
  Budget budget(options.seconds, options.max_messages);
  std::uint64_t done = 0;
  while (budget.allows(done)) {
    for (std::uint64_t i = 0; i < kBatch; ++i) {
      const std::uint64_t counter = done + i;
      for (std::size_t b = 0; b < 8; ++b) {
        nonce[4 + b] = static_cast<std::uint8_t>(counter >> (8 * (7 - b)));
      }
      ciphertext.clear();
      if (auto sealed = (*aead)->encrypt(nonce, {}, payload, ciphertext); !sealed) {
        return sealed.error();
      }
      decrypted.clear();
      if (auto opened = (*aead)->decrypt(nonce, {}, ciphertext, decrypted); !opened) {
        return opened.error();
      }
      if (decrypted.size() != payload.size()) {
        return wrong_payload();
      }
    }
    done += kBatch;
  }
  return budget.tally(done);
}

void run_channel_crypto(const Options& options) {
  const std::vector<std::size_t>& sizes =
      options.sizes.empty() ? kDefaultMessageSizes : options.sizes;
  for (std::size_t size : sizes) {
    Tally raw = exit_on_error(measure_raw(size, options), "channel-crypto (raw AES-GCM)");
    Tally channel = exit_on_error(measure_channel(size, options), "channel-crypto");
    const double channel_rate = channel.bytes_per_second(size);
    const double raw_rate = raw.bytes_per_second(size);
    report(fmt::format("channel_crypto_{}_bytes_per_s", size), channel_rate, "B/s");
    report(fmt::format("raw_aes_gcm_{}_bytes_per_s", size), raw_rate, "B/s");
    // In percent: report() prints whole numbers.
    report(fmt::format("channel_crypto_{}_ratio_to_raw", size),
           raw_rate > 0 ? 100 * channel_rate / raw_rate : 0, "%");
  }
}

}  // namespace

void add_channel_crypto_command(CLI::App& app) {
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "channel-crypto",
      "bytes/s through the channel's encryptor and decryptor, beside raw AES-256-GCM");
  command
      ->add_option("--size", options->sizes,
                   "payload sizes in bytes (default: 64 1024 16384 65536)")
      ->check(CLI::Range(std::size_t{1}, kMaxMessageSize));
  command->add_option("--seconds", options->seconds, "how long each measurement runs (default 2)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--max-messages", options->max_messages,
                   "upper bound on messages per measurement")
      ->check(CLI::PositiveNumber);
  command->callback([options] { run_channel_crypto(*options); });
}

}  // namespace ockam::bench
