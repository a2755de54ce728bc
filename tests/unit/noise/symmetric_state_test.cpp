#include "ockam/noise/symmetric_state.hpp"

#include <gtest/gtest.h>

#include "ockam/noise/protocol_name.hpp"

namespace ockam::noise {
namespace {

using crypto::HashAlgorithm;

TEST(SymmetricStateTest, ShortNameIsZeroPaddedToTheHashLength) {
  SymmetricState state(as_bytes("Noise_XX_25519_AESGCM_SHA256"), CipherAlgorithm::kAesGcm,
                       HashAlgorithm::kSha256);
  EXPECT_EQ(to_hex(state.handshake_hash()),
            "4e6f6973655f58585f32353531395f41455347434d5f53484132353600000000");
  state.mix_hash({});
  // Ockam's test_initialization value (reference §10.3 item 1).
  EXPECT_EQ(to_hex(state.handshake_hash()),
            "5df72b67b965add1168f0a6c756df21c204f7e64fc682be6a3ab4b682c8db64b");
}

TEST(SymmetricStateTest, OckamNameIsUsedAsIsThenMixedWithTheEmptyPrologue) {
  SymmetricState state(as_bytes(kOckamProtocolName), CipherAlgorithm::kAesGcm,
                       HashAlgorithm::kSha256);
  EXPECT_EQ(to_hex(state.handshake_hash()), to_hex(as_bytes(kOckamProtocolName)));
  state.mix_hash({});
  EXPECT_EQ(to_hex(state.handshake_hash()),
            "c6096331ab8d033b2ab45efed418e9511b63d51e0b5a9a584086ea8b5905e752");
}

TEST(SymmetricStateTest, NameLongerThanTheHashLengthIsHashed) {
  const std::string name = "Noise_XXpsk0+psk1+psk2+psk3_25519_ChaChaPoly_BLAKE2s";
  SymmetricState state(as_bytes(name), CipherAlgorithm::kChaChaPoly, HashAlgorithm::kBlake2s);
  EXPECT_EQ(to_hex(state.handshake_hash()),
            to_hex(crypto::hash(HashAlgorithm::kBlake2s, as_bytes(name))));
}

TEST(SymmetricStateTest, EncryptAndHashPassesThroughUntilAKeyIsMixed) {
  SymmetricState state(as_bytes("Noise_NN_25519_AESGCM_SHA256"), CipherAlgorithm::kAesGcm,
                       HashAlgorithm::kSha256);
  Bytes out;
  ASSERT_TRUE(state.encrypt_and_hash(as_bytes("hi"), out));
  EXPECT_EQ(out, to_bytes("hi"));
  EXPECT_FALSE(state.has_key());
  ASSERT_TRUE(state.mix_key(Bytes(32, 7)));
  EXPECT_TRUE(state.has_key());
  out.clear();
  ASSERT_TRUE(state.encrypt_and_hash(as_bytes("hi"), out));
  EXPECT_EQ(out.size(), 2u + 16u);
}

TEST(SymmetricStateTest, TwoStatesWithTheSameInputsInteroperate) {
  SymmetricState a(as_bytes("Noise_NN_25519_AESGCM_SHA512"), CipherAlgorithm::kAesGcm,
                   HashAlgorithm::kSha512);
  SymmetricState b(as_bytes("Noise_NN_25519_AESGCM_SHA512"), CipherAlgorithm::kAesGcm,
                   HashAlgorithm::kSha512);
  ASSERT_TRUE(a.mix_key_and_hash(Bytes(32, 1)));
  ASSERT_TRUE(b.mix_key_and_hash(Bytes(32, 1)));
  Bytes sealed;
  ASSERT_TRUE(a.encrypt_and_hash(as_bytes("secret"), sealed));
  Bytes opened;
  ASSERT_TRUE(b.decrypt_and_hash(sealed, opened));
  EXPECT_EQ(opened, to_bytes("secret"));
  EXPECT_EQ(to_hex(a.handshake_hash()), to_hex(b.handshake_hash()));
  sealed.back() ^= 1;
  EXPECT_EQ(b.decrypt_and_hash(sealed, opened).error().kind(), Kind::kProtocol);
}

TEST(SymmetricStateTest, SplitGivesTwoDifferentKeyedCipherStates) {
  SymmetricState state(as_bytes("Noise_NN_25519_AESGCM_SHA256"), CipherAlgorithm::kAesGcm,
                       HashAlgorithm::kSha256);
  Result<std::pair<CipherState, CipherState>> ciphers = state.split();
  ASSERT_TRUE(ciphers);
  EXPECT_TRUE(ciphers->first.has_key());
  EXPECT_TRUE(ciphers->second.has_key());
  EXPECT_FALSE(
      ct_equal(ciphers->first.key().expose_secret(), ciphers->second.key().expose_secret()));
}

}  // namespace
}  // namespace ockam::noise
