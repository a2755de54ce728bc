#include "ockam/crypto/hkdf.hpp"

#include <gtest/gtest.h>

#include "ockam/crypto/hmac.hpp"
#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;

TEST(HkdfTest, Sha256MatchesRfc5869Case1) {
  const Bytes ikm(22, 0x0b);
  Result<SecretBytes> okm =
      hkdf_sha256(hex("000102030405060708090a0b0c"), ikm, hex("f0f1f2f3f4f5f6f7f8f9"), 42);
  ASSERT_TRUE(okm);
  EXPECT_EQ(to_hex(okm->expose_secret()),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
            "34007208d5b887185865");
}

TEST(HkdfTest, Sha256WithEmptySaltAndInfoMatchesRfc5869Case3) {
  const Bytes ikm(22, 0x0b);
  Result<SecretBytes> okm = hkdf_sha256({}, ikm, {}, 42);
  ASSERT_TRUE(okm);
  EXPECT_EQ(to_hex(okm->expose_secret()),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
            "9d201395faa4b61a96c8");
}

TEST(HkdfTest, Sha256RejectsOutputsLongerThan255Blocks) {
  Result<SecretBytes> okm = hkdf_sha256({}, hex("00"), {}, 255 * 32 + 1);
  ASSERT_FALSE(okm);
  EXPECT_EQ(okm.error().kind(), Kind::kInvalid);
}

TEST(HkdfTest, NoiseHkdfEqualsRfc5869WithTheChainingKeyAsSaltAndEmptyInfo) {
  const Bytes ck(32, 0x11);
  const Bytes ikm(32, 0x22);
  std::vector<SecretBytes> outputs = noise_hkdf(HashAlgorithm::kSha256, ck, ikm, 3);
  Result<SecretBytes> okm = hkdf_sha256(ck, ikm, {}, 96);
  ASSERT_EQ(outputs.size(), 3u);
  ASSERT_TRUE(okm);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(to_hex(outputs[i].expose_secret()), to_hex(okm->expose_secret().subspan(32 * i, 32)));
  }
}

TEST(HkdfTest, NoiseHkdfOutputsHaveTheHashLength) {
  std::vector<SecretBytes> outputs = noise_hkdf(HashAlgorithm::kBlake2b, hex("00"), hex("01"), 2);
  ASSERT_EQ(outputs.size(), 2u);
  EXPECT_EQ(outputs[0].size(), 64u);
  EXPECT_EQ(outputs[1].size(), 64u);
  EXPECT_EQ(
      to_hex(outputs[0].expose_secret()),
      to_hex(hmac(HashAlgorithm::kBlake2b,
                  hmac(HashAlgorithm::kBlake2b, hex("00"), hex("01")).expose_secret(), hex("01"))
                 .expose_secret()));
}

}  // namespace
}  // namespace ockam::crypto
