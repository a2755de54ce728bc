#include "ockam/noise/handshake_state.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "handshake_fixture.hpp"
#include "ockam/noise/constants.hpp"
#include "unit/crypto/test_hex.hpp"

namespace ockam::noise {
namespace {

using crypto::test::hex;
using crypto::test::secret;
using Action = HandshakeState::Action;

// Ockam's transport keys for the vector keys (reference §10.3 item 2).
constexpr char kK1[] = "4349aa5f460aca550b37ce55d3f7ad8f2d4747084b6c62e15c523568ebafe860";
constexpr char kK2[] = "831124fa3e1606b97f5cda4d81c3aa04c7c0151666f05f49a09cd0faf63a05d8";

/// Vector 3 of ockam-vectors/handshake.json (the Ockam profile), read with plain string search:
/// each field is the first `"key": "value"` after the vector's protocol name.
class OckamVector {
 public:
  OckamVector() {
    std::ifstream file(OCKAM_SHARED_DIR "/ockam-vectors/handshake.json");
    std::ostringstream text;
    text << file.rdbuf();
    text_ = text.str();
    start_ = text_.find(std::string("\"") + std::string(kOckamProtocolName) + "\"");
  }
  bool found() const { return start_ != std::string::npos; }
  /// The `occurrence`-th (0-based) value of `key` after the protocol name.
  std::string field(std::string_view key, std::size_t occurrence = 0) const {
    const std::string needle = "\"" + std::string(key) + "\": \"";
    std::size_t at = start_;
    for (std::size_t i = 0; i <= occurrence; ++i) {
      at = text_.find(needle, at);
      if (at == std::string::npos) {
        return {};
      }
      at += needle.size();
    }
    return text_.substr(at, text_.find('"', at) - at);
  }

 private:
  std::string text_;
  std::size_t start_ = std::string::npos;
};

HandshakeConfig vector_config(const OckamVector& vector, Role role) {
  const std::string prefix = role == Role::kInitiator ? "init_" : "resp_";
  HandshakeConfig config = HandshakeConfig::ockam(
      role, InMemoryStaticKey::from_secret(hex(vector.field(prefix + "static"))).value());
  config.ephemeral_secret_for_testing = secret(vector.field(prefix + "ephemeral"));
  return config;
}

TEST(HandshakeStateTest, OckamVectorReproducesTheReferenceTransportKeys) {
  const OckamVector vector;
  ASSERT_TRUE(vector.found());
  HandshakeState initiator =
      HandshakeState::create(vector_config(vector, Role::kInitiator)).value();
  HandshakeState responder =
      HandshakeState::create(vector_config(vector, Role::kResponder)).value();
  for (std::size_t i = 0; i < 3; ++i) {
    HandshakeState& writer = i % 2 == 0 ? initiator : responder;
    HandshakeState& reader = i % 2 == 0 ? responder : initiator;
    Result<Bytes> message = writer.write_message({});
    ASSERT_TRUE(message);
    EXPECT_EQ(to_hex(*message), vector.field("ciphertext", i)) << "message " << i;
    ASSERT_TRUE(reader.read_message(*message));
  }
  EXPECT_EQ(to_hex(initiator.handshake_hash()), vector.field("handshake_hash"));
  TransportState init_transport = std::move(initiator).split().value();
  TransportState resp_transport = std::move(responder).split().value();
  EXPECT_EQ(to_hex(init_transport.encrypt_key().expose_secret()), kK2);
  EXPECT_EQ(to_hex(init_transport.decrypt_key().expose_secret()), kK1);
  EXPECT_EQ(to_hex(resp_transport.encrypt_key().expose_secret()), kK1);
  EXPECT_EQ(to_hex(resp_transport.decrypt_key().expose_secret()), kK2);
}

TEST(HandshakeStateTest, OckamHandshakeBetweenInMemoryStatesAgreesOnEverything) {
  std::shared_ptr<InMemoryStaticKey> initiator_key = InMemoryStaticKey::generate();
  std::shared_ptr<InMemoryStaticKey> responder_key = InMemoryStaticKey::generate();
  HandshakeState initiator =
      HandshakeState::create(HandshakeConfig::ockam(Role::kInitiator, initiator_key)).value();
  HandshakeState responder =
      HandshakeState::create(HandshakeConfig::ockam(Role::kResponder, responder_key)).value();

  Result<Bytes> message1 = initiator.write_message({});
  ASSERT_TRUE(message1);
  EXPECT_EQ(message1->size(), 32u);
  ASSERT_TRUE(responder.read_message(*message1));
  Result<Bytes> message2 = responder.write_message(as_bytes("responder identity"));
  ASSERT_TRUE(message2);
  EXPECT_EQ(message2->size(), 32u + 48u + 18u + 16u);
  Result<Bytes> payload2 = initiator.read_message(*message2);
  ASSERT_TRUE(payload2);
  EXPECT_EQ(*payload2, to_bytes("responder identity"));
  Result<Bytes> message3 = initiator.write_message(as_bytes("initiator identity"));
  ASSERT_TRUE(message3);
  Result<Bytes> payload3 = responder.read_message(*message3);
  ASSERT_TRUE(payload3);
  EXPECT_EQ(*payload3, to_bytes("initiator identity"));

  ASSERT_TRUE(initiator.is_complete());
  ASSERT_TRUE(responder.is_complete());
  EXPECT_EQ(to_hex(initiator.handshake_hash()), to_hex(responder.handshake_hash()));
  const std::array<std::uint8_t, 32> initiator_public = initiator_key->public_key();
  const std::array<std::uint8_t, 32> responder_public = responder_key->public_key();
  EXPECT_EQ(to_hex(initiator.remote_static()), to_hex(responder_public));
  EXPECT_EQ(to_hex(responder.remote_static()), to_hex(initiator_public));

  TransportState init_transport = std::move(initiator).split().value();
  TransportState resp_transport = std::move(responder).split().value();
  EXPECT_TRUE(ct_equal(init_transport.encrypt_key().expose_secret(),
                       resp_transport.decrypt_key().expose_secret()));
  EXPECT_TRUE(ct_equal(init_transport.decrypt_key().expose_secret(),
                       resp_transport.encrypt_key().expose_secret()));
  EXPECT_FALSE(ct_equal(init_transport.encrypt_key().expose_secret(),
                        init_transport.decrypt_key().expose_secret()));
  EXPECT_EQ(init_transport.encrypt_key().size(), 32u);
  EXPECT_EQ(to_hex(init_transport.remote_static()), to_hex(responder_public));
  EXPECT_EQ(to_hex(init_transport.handshake_hash()), to_hex(resp_transport.handshake_hash()));
}

/// A StaticKey that only exposes DH, as a vault would, and counts its uses.
class CountingStaticKey final : public StaticKey {
 public:
  std::array<std::uint8_t, 32> public_key() const override { return inner_->public_key(); }
  Result<SecretBytes> dh(ByteView peer_public) const override {
    ++dh_calls_;
    return inner_->dh(peer_public);
  }
  int dh_calls() const { return dh_calls_; }

 private:
  std::shared_ptr<InMemoryStaticKey> inner_ = InMemoryStaticKey::generate();
  mutable int dh_calls_ = 0;
};

TEST(HandshakeStateTest, ExternalStaticKeyIsUsedOnlyThroughItsInterface) {
  auto initiator_key = std::make_shared<CountingStaticKey>();
  auto responder_key = std::make_shared<CountingStaticKey>();
  HandshakeState initiator =
      HandshakeState::create(HandshakeConfig::ockam(Role::kInitiator, initiator_key)).value();
  HandshakeState responder =
      HandshakeState::create(HandshakeConfig::ockam(Role::kResponder, responder_key)).value();
  ASSERT_TRUE(test::run_handshake(initiator, responder));
  // XX: the initiator's s is used once (se), the responder's once (es).
  EXPECT_EQ(initiator_key->dh_calls(), 1);
  EXPECT_EQ(responder_key->dh_calls(), 1);
}

TEST(HandshakeStateTest, NextActionFollowsTheXxMessageOrder) {
  HandshakeState initiator = test::fresh_ockam_handshake(Role::kInitiator);
  HandshakeState responder = test::fresh_ockam_handshake(Role::kResponder);
  EXPECT_EQ(initiator.next_action(), Action::kWriteMessage);
  EXPECT_EQ(responder.next_action(), Action::kReadMessage);
  ASSERT_TRUE(responder.read_message(initiator.write_message({}).value()));
  EXPECT_EQ(initiator.next_action(), Action::kReadMessage);
  EXPECT_EQ(responder.next_action(), Action::kWriteMessage);
  ASSERT_TRUE(initiator.read_message(responder.write_message({}).value()));
  ASSERT_TRUE(responder.read_message(initiator.write_message({}).value()));
  EXPECT_EQ(initiator.next_action(), Action::kSplit);
  EXPECT_EQ(responder.next_action(), Action::kSplit);
}

TEST(HandshakeStateTest, AfterAFailedReadEveryCallIsMisuse) {
  HandshakeState initiator = test::fresh_ockam_handshake(Role::kInitiator);
  HandshakeState responder = test::fresh_ockam_handshake(Role::kResponder);
  ASSERT_TRUE(responder.read_message(initiator.write_message({}).value()));
  Bytes message2 = responder.write_message({}).value();
  message2[40] ^= 0x01;  // inside the encrypted static key
  Result<Bytes> read = initiator.read_message(message2);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind(), Kind::kProtocol);
  EXPECT_TRUE(initiator.is_failed());
  EXPECT_EQ(initiator.next_action(), Action::kFailed);
  EXPECT_EQ(initiator.write_message({}).error().kind(), Kind::kMisuse);
  EXPECT_EQ(initiator.read_message(message2).error().kind(), Kind::kMisuse);
  EXPECT_EQ(std::move(initiator).split().error().kind(), Kind::kMisuse);
}

TEST(HandshakeStateTest, WritingOutOfTurnIsMisuseAndFailsTheState) {
  HandshakeState responder = test::fresh_ockam_handshake(Role::kResponder);
  EXPECT_EQ(responder.write_message({}).error().kind(), Kind::kMisuse);
  EXPECT_TRUE(responder.is_failed());
  EXPECT_EQ(responder.read_message(Bytes(32, 9)).error().kind(), Kind::kMisuse);
}

TEST(HandshakeStateTest, SplitBeforeCompletionIsMisuse) {
  HandshakeState initiator = test::fresh_ockam_handshake(Role::kInitiator);
  EXPECT_EQ(std::move(initiator).split().error().kind(), Kind::kMisuse);
}

TEST(HandshakeStateTest, MessagesAreLimitedTo65535Bytes) {
  HandshakeConfig config = HandshakeConfig::ockam(Role::kInitiator, InMemoryStaticKey::generate());
  HandshakeState fits = HandshakeState::create(std::move(config)).value();
  Result<Bytes> largest = fits.write_message(Bytes(kMaxMessageLength - 32, 0));
  ASSERT_TRUE(largest);
  EXPECT_EQ(largest->size(), kMaxMessageLength);

  HandshakeState too_long = test::fresh_ockam_handshake(Role::kInitiator);
  Result<Bytes> written = too_long.write_message(Bytes(kMaxMessageLength - 31, 0));
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().kind(), Kind::kInvalid);

  HandshakeState responder = test::fresh_ockam_handshake(Role::kResponder);
  Result<Bytes> read = responder.read_message(Bytes(kMaxMessageLength + 1, 0));
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind(), Kind::kProtocol);
}

TEST(HandshakeStateTest, TruncatedMessageIsRejected) {
  HandshakeState responder = test::fresh_ockam_handshake(Role::kResponder);
  Result<Bytes> read = responder.read_message(Bytes(31, 9));
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind(), Kind::kProtocol);
}

TEST(HandshakeStateTest, LowOrderEphemeralKeyIsRejected) {
  HandshakeState responder = test::fresh_ockam_handshake(Role::kResponder);
  ASSERT_TRUE(responder.read_message(Bytes(32, 0)));
  // The responder's `ee` DH with the all-zero key fails when it writes message 2.
  Result<Bytes> written = responder.write_message({});
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().kind(), Kind::kProtocol);
  EXPECT_TRUE(responder.is_failed());
}

TEST(HandshakeStateTest, MismatchedPsksFailTheHandshake) {
  HandshakeConfig initiator_config;
  initiator_config.protocol_name = "Noise_NNpsk0_25519_ChaChaPoly_BLAKE2s";
  initiator_config.psks.emplace_back(ByteView(Bytes(32, 1)));
  HandshakeConfig responder_config;
  responder_config.protocol_name = "Noise_NNpsk0_25519_ChaChaPoly_BLAKE2s";
  responder_config.role = Role::kResponder;
  responder_config.psks.emplace_back(ByteView(Bytes(32, 2)));
  HandshakeState initiator = HandshakeState::create(std::move(initiator_config)).value();
  HandshakeState responder = HandshakeState::create(std::move(responder_config)).value();
  Result<Bytes> read = responder.read_message(initiator.write_message({}).value());
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().kind(), Kind::kProtocol);
}

TEST(HandshakeStateTest, ConfigurationErrorsAreReportedAtCreation) {
  HandshakeConfig no_static;
  no_static.protocol_name = "Noise_XX_25519_AESGCM_SHA256";
  EXPECT_EQ(HandshakeState::create(std::move(no_static)).error().kind(), Kind::kInvalid);

  HandshakeConfig missing_remote;
  missing_remote.protocol_name = "Noise_NK_25519_AESGCM_SHA256";
  EXPECT_EQ(HandshakeState::create(std::move(missing_remote)).error().kind(), Kind::kInvalid);

  HandshakeConfig unexpected_remote =
      HandshakeConfig::ockam(Role::kInitiator, InMemoryStaticKey::generate());
  unexpected_remote.remote_static = Bytes(32, 5);
  EXPECT_EQ(HandshakeState::create(std::move(unexpected_remote)).error().kind(), Kind::kInvalid);

  HandshakeConfig psk_missing;
  psk_missing.protocol_name = "Noise_NNpsk2_25519_AESGCM_SHA256";
  EXPECT_EQ(HandshakeState::create(std::move(psk_missing)).error().kind(), Kind::kInvalid);

  HandshakeConfig both_statics =
      HandshakeConfig::ockam(Role::kInitiator, InMemoryStaticKey::generate());
  both_statics.static_secret = SecretBytes(ByteView(Bytes(32, 3)));
  EXPECT_EQ(HandshakeState::create(std::move(both_statics)).error().kind(), Kind::kInvalid);

  HandshakeConfig external_448;
  external_448.protocol_name = "Noise_XX_448_AESGCM_SHA512";
  external_448.static_key = InMemoryStaticKey::generate();
  EXPECT_EQ(HandshakeState::create(std::move(external_448)).error().kind(), Kind::kInvalid);

  HandshakeConfig unsupported;
  unsupported.protocol_name = "Noise_XX_P256_AESGCM_SHA256";
  EXPECT_EQ(HandshakeState::create(std::move(unsupported)).error().kind(), Kind::kUnsupported);
}

TEST(HandshakeStateTest, InMemory448StaticKeysCompleteAnXxHandshake) {
  HandshakeConfig initiator_config;
  initiator_config.protocol_name = "Noise_XX_448_ChaChaPoly_SHA512";
  initiator_config.static_secret = SecretBytes(ByteView(Bytes(56, 1)));
  HandshakeConfig responder_config;
  responder_config.protocol_name = "Noise_XX_448_ChaChaPoly_SHA512";
  responder_config.role = Role::kResponder;
  responder_config.static_secret = SecretBytes(ByteView(Bytes(56, 2)));
  HandshakeState initiator = HandshakeState::create(std::move(initiator_config)).value();
  HandshakeState responder = HandshakeState::create(std::move(responder_config)).value();
  ASSERT_TRUE(test::run_handshake(initiator, responder));
  EXPECT_EQ(initiator.remote_static().size(), 56u);
  EXPECT_EQ(to_hex(initiator.handshake_hash()), to_hex(responder.handshake_hash()));
  EXPECT_EQ(initiator.handshake_hash().size(), 64u);
}

}  // namespace
}  // namespace ockam::noise
