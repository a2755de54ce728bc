#include "ockam/noise/cipher_state.hpp"

#include <gtest/gtest.h>

#include "ockam/noise/constants.hpp"
#include "unit/crypto/test_hex.hpp"

namespace ockam::noise {
namespace {

using crypto::test::hex;
using crypto::test::secret;

// Ockam's k2 and REKEY(k2) (reference §10.3 item 2).
constexpr char kK2[] = "831124fa3e1606b97f5cda4d81c3aa04c7c0151666f05f49a09cd0faf63a05d8";
constexpr char kRekeyedK2[] = "4699ba00b29842a236c781ce67c044de2bc43eaaaf35f6bfa4353581ada3d044";

CipherState keyed(CipherAlgorithm algorithm, std::string_view key_hex = kK2) {
  CipherState state(algorithm);
  EXPECT_TRUE(state.initialize_key(secret(key_hex)));
  return state;
}

TEST(CipherStateTest, AesGcmNonceIsFourZeroBytesThenBigEndianCounter) {
  EXPECT_EQ(to_hex(noise_nonce(CipherAlgorithm::kAesGcm, 0x0102030405060708)),
            "000000000102030405060708");
}

TEST(CipherStateTest, ChaChaPolyNonceIsFourZeroBytesThenLittleEndianCounter) {
  EXPECT_EQ(to_hex(noise_nonce(CipherAlgorithm::kChaChaPoly, 0x0102030405060708)),
            "000000000807060504030201");
}

TEST(CipherStateTest, WithoutAKeyDataPassesThroughAndNonceStays) {
  CipherState state(CipherAlgorithm::kAesGcm);
  Bytes out;
  ASSERT_TRUE(state.encrypt_with_ad({}, as_bytes("plain"), out));
  EXPECT_EQ(out, to_bytes("plain"));
  EXPECT_EQ(state.nonce(), 0u);
  EXPECT_FALSE(state.has_key());
}

TEST(CipherStateTest, EncryptMatchesOckamCloseVectorAndIncrementsNonce) {
  CipherState state = keyed(CipherAlgorithm::kAesGcm);
  Bytes out;
  ASSERT_TRUE(state.encrypt_with_ad({}, hex("8282028040"), out));
  EXPECT_EQ(to_hex(out), "730a7db78918da6f632767306fdfd7b9abac253c30");
  EXPECT_EQ(state.nonce(), 1u);
}

TEST(CipherStateTest, DecryptRoundTripsWithBothCiphers) {
  for (CipherAlgorithm algorithm : {CipherAlgorithm::kAesGcm, CipherAlgorithm::kChaChaPoly}) {
    CipherState sender = keyed(algorithm);
    CipherState receiver = keyed(algorithm);
    for (int i = 0; i < 3; ++i) {
      Bytes sealed;
      ASSERT_TRUE(sender.encrypt_with_ad(as_bytes("ad"), as_bytes("payload"), sealed));
      Bytes opened;
      ASSERT_TRUE(receiver.decrypt_with_ad(as_bytes("ad"), sealed, opened));
      EXPECT_EQ(opened, to_bytes("payload"));
    }
    EXPECT_EQ(receiver.nonce(), 3u);
  }
}

TEST(CipherStateTest, FailedDecryptionDoesNotAdvanceTheNonce) {
  CipherState sender = keyed(CipherAlgorithm::kAesGcm);
  CipherState receiver = keyed(CipherAlgorithm::kAesGcm);
  Bytes sealed;
  ASSERT_TRUE(sender.encrypt_with_ad({}, as_bytes("payload"), sealed));
  Bytes tampered = sealed;
  tampered[0] ^= 0x01;
  Bytes opened;
  Result<void> result = receiver.decrypt_with_ad({}, tampered, opened);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind(), Kind::kProtocol);
  EXPECT_EQ(receiver.nonce(), 0u);
  EXPECT_TRUE(opened.empty());
  EXPECT_TRUE(receiver.decrypt_with_ad({}, sealed, opened));
}

TEST(CipherStateTest, NonceExhaustionIsAnErrorNotAWrapAround) {
  CipherState state = keyed(CipherAlgorithm::kChaChaPoly);
  state.set_nonce(kReservedNonce - 1);
  Bytes out;
  ASSERT_TRUE(state.encrypt_with_ad({}, as_bytes("last"), out));
  EXPECT_EQ(state.nonce(), kReservedNonce);
  const std::size_t size = out.size();
  Result<void> exhausted = state.encrypt_with_ad({}, as_bytes("one more"), out);
  ASSERT_FALSE(exhausted);
  EXPECT_EQ(exhausted.error().kind(), Kind::kResourceExhausted);
  EXPECT_EQ(out.size(), size);
  EXPECT_EQ(state.decrypt_with_ad({}, out, out).error().kind(), Kind::kResourceExhausted);
}

TEST(CipherStateTest, RekeyMatchesOckamVectorAndKeepsTheNonce) {
  CipherState state = keyed(CipherAlgorithm::kAesGcm);
  state.set_nonce(7);
  ASSERT_TRUE(state.rekey());
  EXPECT_EQ(to_hex(state.key().expose_secret()), kRekeyedK2);
  EXPECT_EQ(state.nonce(), 7u);
}

TEST(CipherStateTest, RekeyWithoutAKeyIsMisuse) {
  CipherState state(CipherAlgorithm::kAesGcm);
  EXPECT_EQ(state.rekey().error().kind(), Kind::kMisuse);
}

TEST(CipherStateTest, KeyMustBe32Bytes) {
  CipherState state(CipherAlgorithm::kAesGcm);
  EXPECT_EQ(state.initialize_key(SecretBytes(16)).error().kind(), Kind::kInvalid);
  EXPECT_FALSE(state.has_key());
}

}  // namespace
}  // namespace ockam::noise
