// Tests of the X3DH protocol layer: X3dhInitiator, X3dhResponder, X3dhSignedPrekey and
// derive_x3dh_keys, which only make sense together.
#include <gtest/gtest.h>

#include "ockam/channel/constants.hpp"
#include "ockam/channel/x3dh_initiator.hpp"
#include "ockam/channel/x3dh_responder.hpp"
#include "ockam/crypto/sha256.hpp"

namespace ockam::channel {
namespace {

struct Party {
  std::shared_ptr<vault::Vault> vault = std::make_shared<vault::Vault>();
  vault::X25519KeyHandle identity_key = vault->generate_x25519_key().value();
};

struct Exchange {
  Party alice;
  Party bob;
  std::shared_ptr<const X3dhSignedPrekey> prekey =
      X3dhSignedPrekey::create(*bob.vault, bob.identity_key).value();
  X3dhInitiator initiator = X3dhInitiator::create(alice.vault, alice.identity_key).value();
  X3dhResponder responder = X3dhResponder::create(bob.vault, prekey).value();
};

std::string error_message(const Result<X3dhKeys>& keys) {
  return keys ? std::string("no error") : std::string(keys.error().message());
}

TEST(X3dhExchangeTest, BothSidesDeriveCrossedKeysAndTheSameHash) {
  Exchange exchange;
  const Bytes message1 = exchange.initiator.message1();
  ASSERT_EQ(message1.size(), x3dh::kMessage1Length);
  auto bob_keys = exchange.responder.read_message1(message1);
  ASSERT_TRUE(bob_keys);
  const Bytes message2 = exchange.responder.message2();
  ASSERT_EQ(message2.size(), x3dh::kMessage2Length);
  auto alice_keys = exchange.initiator.read_message2(message2);
  ASSERT_TRUE(alice_keys);
  EXPECT_EQ(alice_keys->h, bob_keys->h);
  EXPECT_TRUE(
      ct_equal(alice_keys->encrypt_key.expose_secret(), bob_keys->decrypt_key.expose_secret()));
  EXPECT_TRUE(
      ct_equal(alice_keys->decrypt_key.expose_secret(), bob_keys->encrypt_key.expose_secret()));
  EXPECT_FALSE(
      ct_equal(alice_keys->encrypt_key.expose_secret(), alice_keys->decrypt_key.expose_secret()));
  EXPECT_EQ(alice_keys->their_identity_key,
            exchange.bob.vault->x25519_public_key(exchange.bob.identity_key).value());
  EXPECT_EQ(bob_keys->their_identity_key,
            exchange.alice.vault->x25519_public_key(exchange.alice.identity_key).value());
}

TEST(X3dhExchangeTest, InfoHashIsTheReferenceValue) {
  EXPECT_EQ(to_hex(crypto::sha256(x3dh::kInfo)),
            "80fa191e96c216c8c72190ae2e04aea9f5129e7ad138329e55e7c59df6c9c4cb");
}

TEST(X3dhExchangeTest, InitiatorRefusesABundleOfTheWrongLength) {
  for (std::size_t length : {std::size_t{0}, std::size_t{159}, std::size_t{161}}) {
    Exchange exchange;
    Bytes message2 = exchange.responder.message2();
    message2.resize(length, 0x42);
    auto keys = exchange.initiator.read_message2(message2);
    ASSERT_FALSE(keys);
    EXPECT_EQ(keys.error().kind(), Kind::kProtocol);
    EXPECT_EQ(error_message(keys), "the X3DH prekey bundle is not 160 bytes");
  }
}

TEST(X3dhExchangeTest, InitiatorRefusesABadSignatureOrAnotherSignedPrekey) {
  for (std::size_t flipped : {std::size_t{0}, std::size_t{40}, std::size_t{64}, std::size_t{127}}) {
    Exchange exchange;
    Bytes message2 = exchange.responder.message2();
    message2[flipped] ^= 0x04;
    EXPECT_EQ(error_message(exchange.initiator.read_message2(message2)),
              "the X3DH prekey signature does not verify")
        << flipped;
  }
  Exchange exchange;
  Bytes message2 = exchange.responder.message2();
  const auto other = X3dhSignedPrekey::create(*exchange.bob.vault, exchange.bob.identity_key);
  std::copy(other.value()->public_key().begin(), other.value()->public_key().end(),
            message2.begin() + 32);
  EXPECT_EQ(error_message(exchange.initiator.read_message2(message2)),
            "the X3DH prekey signature does not verify");
}

TEST(X3dhExchangeTest, LowOrderKeysAreRefusedOnBothSides) {
  Exchange exchange;
  Bytes message2 = exchange.responder.message2();
  std::fill(message2.begin() + 128, message2.end(), 0);  // OPK_B = 0
  EXPECT_EQ(error_message(exchange.initiator.read_message2(message2)),
            "an X3DH Diffie-Hellman result is all zero");
  Bytes message1 = exchange.initiator.message1();
  std::fill(message1.begin() + 32, message1.end(), 0);  // EK_A = 0
  EXPECT_EQ(error_message(exchange.responder.read_message1(message1)),
            "an X3DH Diffie-Hellman result is all zero");
}

TEST(X3dhExchangeTest, InitiatorRefusesALowOrderSignedPrekeyEvenWhenItsSignatureIsValid) {
  Exchange exchange;
  Bytes message2 = exchange.responder.message2();
  const Bytes low_order(32, 0);
  auto signature = exchange.bob.vault->x25519_xeddsa_sign(exchange.bob.identity_key, low_order);
  ASSERT_TRUE(signature);
  std::copy(low_order.begin(), low_order.end(), message2.begin() + 32);
  std::copy(signature->begin(), signature->end(), message2.begin() + 64);
  EXPECT_EQ(error_message(exchange.initiator.read_message2(message2)),
            "an X3DH Diffie-Hellman result is all zero");
}

TEST(X3dhExchangeTest, ResponderRefusesAMessage1OfTheWrongLength) {
  for (std::size_t length : {std::size_t{32}, std::size_t{63}, std::size_t{65}}) {
    Exchange exchange;
    Bytes message1 = exchange.initiator.message1();
    message1.resize(length, 0x42);
    EXPECT_EQ(error_message(exchange.responder.read_message1(message1)),
              "the X3DH message 1 is not 64 bytes");
  }
}

TEST(X3dhExchangeTest, EachSideReadsOnlyOnceSoOneTimeKeysAreNotReused) {
  Exchange exchange;
  const Bytes message1 = exchange.initiator.message1();
  ASSERT_TRUE(exchange.responder.read_message1(message1));
  auto again = exchange.responder.read_message1(message1);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind(), Kind::kMisuse);
  const Bytes message2 = exchange.responder.message2();
  ASSERT_TRUE(exchange.initiator.read_message2(message2));
  EXPECT_EQ(exchange.initiator.read_message2(message2).error().kind(), Kind::kMisuse);
}

TEST(X3dhExchangeTest, ResponderAddsAFreshOneTimePrekeyToASharedSignedPrekey) {
  Exchange exchange;
  auto second = X3dhResponder::create(exchange.bob.vault, exchange.prekey).value();
  const Bytes first_bundle = exchange.responder.message2();
  const Bytes second_bundle = second.message2();
  EXPECT_TRUE(std::equal(first_bundle.begin(), first_bundle.begin() + 64, second_bundle.begin()));
  EXPECT_FALSE(
      std::equal(first_bundle.begin() + 128, first_bundle.end(), second_bundle.begin() + 128));
}

TEST(X3dhExchangeTest, UnknownIdentityKeysAreNotFound) {
  Party alice;
  Party bob;
  EXPECT_EQ(X3dhInitiator::create(alice.vault, bob.identity_key).error().kind(), Kind::kNotFound);
  EXPECT_EQ(X3dhSignedPrekey::create(*alice.vault, bob.identity_key).error().kind(),
            Kind::kNotFound);
}

}  // namespace
}  // namespace ockam::channel
