// channel-crypto: bytes per second through a channel's Encryptor and Decryptor including the
// plaintext envelope (encode_payload_plaintext, Encryptor::encrypt, Decryptor::decrypt,
// decode_plaintext), no workers and no transport, beside raw AES-256-GCM encrypt+decrypt of the
// same size with crypto::AesGcm. The two alternate in short slices so that a change in the
// machine's load affects both alike.
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
#include "ockam/core/route_encoding_cache.hpp"
#include "ockam/crypto/random.hpp"
#include "report.hpp"
#include "subcommands.hpp"

namespace ockam::bench {
namespace {

/// Messages between two looks at the clock.
constexpr std::uint64_t kBatch = 16;
/// Each measurement's time is spread over this many slices, alternating with the other's.
constexpr int kSlices = 10;

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

/// ChannelPath sends payloads through one channel direction as the encryptor and decryptor
/// workers do: envelope, encrypt, decrypt, parse.
class ChannelPath {
 public:
  /// The path for `size`-byte payloads under a fresh random key.
  static Result<ChannelPath> create(std::size_t size) {
    SecretBytes key = random_key();
    auto encrypt_key = channel::ChannelKey::create(key.clone());
    if (!encrypt_key) {
      return encrypt_key.error();
    }
    auto decrypt_key = channel::ChannelKey::create(key.clone());
    if (!decrypt_key) {
      return decrypt_key.error();
    }
    return ChannelPath(std::move(*encrypt_key), std::move(*decrypt_key), size);
  }

  /// One payload through the whole path; kInternal when what comes out differs in size.
  Result<void> round() {
    plaintext_.clear();
    channel::encode_payload_plaintext(onward_cbor_.encode(onward_), back_cbor_.encode(back_),
                                      payload_, plaintext_);
    ciphertext_.clear();
    if (auto sealed = encryptor_.encrypt(plaintext_, ciphertext_); !sealed) {
      return sealed.error();
    }
    decrypted_.clear();
    if (auto opened = decryptor_.decrypt(ciphertext_, decrypted_); !opened) {
      return opened.error();
    }
    auto message = channel::decode_plaintext(decrypted_);
    if (!message) {
      return message.error();
    }
    auto* body = std::get_if<channel::PayloadMessage>(&*message);
    if (body == nullptr || body->payload.size() != payload_.size()) {
      return wrong_payload();
    }
    return ok();
  }

 private:
  ChannelPath(channel::ChannelKey encrypt_key, channel::ChannelKey decrypt_key, std::size_t size)
      : encryptor_(std::move(encrypt_key)),
        decryptor_(std::move(decrypt_key)),
        payload_(size, kPayloadByte) {}

  channel::Encryptor encryptor_;
  channel::Decryptor decryptor_;
  // As the encryptor worker sees a message to "echoer" from a context.
  Route onward_ = route("echoer");
  Route back_ = route(Address::random_local());
  // As the encryptor keeps them.
  RouteEncodingCache onward_cbor_;
  RouteEncodingCache back_cbor_;
  Bytes payload_;
  Bytes plaintext_;
  Bytes ciphertext_;
  Bytes decrypted_;
};

/// RawPath encrypts and decrypts payloads with crypto::AesGcm alone, a fresh nonce each time.
class RawPath {
 public:
  /// The path for `size`-byte payloads under a fresh random key.
  static Result<RawPath> create(std::size_t size) {
    auto aead = crypto::AesGcm::create(random_key().expose_secret());
    if (!aead) {
      return aead.error();
    }
    return RawPath(std::move(*aead), size);
  }

  /// One payload encrypted and decrypted; kInternal when what comes out differs in size.
  Result<void> round() {
    ++counter_;
    for (std::size_t i = 0; i < 8; ++i) {
      nonce_[4 + i] = static_cast<std::uint8_t>(counter_ >> (8 * (7 - i)));
    }
    ciphertext_.clear();
    if (auto sealed = aead_->encrypt(nonce_, {}, payload_, ciphertext_); !sealed) {
      return sealed.error();
    }
    decrypted_.clear();
    if (auto opened = aead_->decrypt(nonce_, {}, ciphertext_, decrypted_); !opened) {
      return opened.error();
    }
    if (decrypted_.size() != payload_.size()) {
      return wrong_payload();
    }
    return ok();
  }

 private:
  RawPath(std::unique_ptr<crypto::AesGcm> aead, std::size_t size)
      : aead_(std::move(aead)), payload_(size, kPayloadByte) {}

  std::unique_ptr<crypto::AesGcm> aead_;
  crypto::AeadNonce nonce_{};
  std::uint64_t counter_ = 0;
  Bytes payload_;
  Bytes ciphertext_;
  Bytes decrypted_;
};

/// Runs `path` for `seconds` (and at most the messages `total` has left) and adds to `total`.
template <class Path>
Result<void> run_slice(Path& path, double seconds, std::uint64_t max_messages, Tally& total) {
  Budget budget(seconds, total.count < max_messages ? max_messages - total.count : 0);
  std::uint64_t done = 0;
  while (budget.allows(done)) {
    for (std::uint64_t i = 0; i < kBatch; ++i) {
      if (auto round = path.round(); !round) {
        return round.error();
      }
    }
    done += kBatch;
  }
  Tally slice = budget.tally(done);
  total.count += slice.count;
  total.seconds += slice.seconds;
  return ok();
}

void measure_size(std::size_t size, const Options& options) {
  RawPath raw_path = exit_on_error(RawPath::create(size), "channel-crypto (raw AES-GCM)");
  ChannelPath channel_path = exit_on_error(ChannelPath::create(size), "channel-crypto");
  const double slice_seconds = options.seconds / kSlices;
  Tally raw;
  Tally channel;
  for (int slice = 0; slice < kSlices; ++slice) {
    exit_on_error(run_slice(raw_path, slice_seconds, options.max_messages, raw),
                  "channel-crypto (raw AES-GCM)");
    exit_on_error(run_slice(channel_path, slice_seconds, options.max_messages, channel),
                  "channel-crypto");
  }
  const double channel_rate = channel.bytes_per_second(size);
  const double raw_rate = raw.bytes_per_second(size);
  report(fmt::format("channel_crypto_{}_bytes_per_s", size), channel_rate, "B/s");
  report(fmt::format("raw_aes_gcm_{}_bytes_per_s", size), raw_rate, "B/s");
  // In percent: report() prints whole numbers.
  report(fmt::format("channel_crypto_{}_ratio_to_raw", size),
         raw_rate > 0 ? 100 * channel_rate / raw_rate : 0, "%");
}

void run_channel_crypto(const Options& options) {
  for (std::size_t size : options.sizes.empty() ? kDefaultMessageSizes : options.sizes) {
    measure_size(size, options);
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
  command
      ->add_option("--seconds", options->seconds,
                   "how long each measurement runs, in 10 slices alternating with the other's "
                   "(default 2)")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--max-messages", options->max_messages,
                   "upper bound on messages per measurement")
      ->check(CLI::PositiveNumber);
  command->callback([options] { run_channel_crypto(*options); });
}

}  // namespace ockam::bench
