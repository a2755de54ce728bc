#include "ockam/noise/dh.hpp"

#include <gtest/gtest.h>

namespace ockam::noise {
namespace {

TEST(DhTest, LengthsMatchTheNoiseSpec) {
  EXPECT_EQ(dh_length(DhAlgorithm::k25519), 32u);
  EXPECT_EQ(dh_length(DhAlgorithm::k448), 56u);
}

TEST(DhTest, GeneratedKeyPairsAgreeForBothCurves) {
  for (DhAlgorithm algorithm : {DhAlgorithm::k25519, DhAlgorithm::k448}) {
    Result<DhKeyPair> a = dh_generate(algorithm);
    Result<DhKeyPair> b = dh_generate(algorithm);
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_EQ(a->public_key.size(), dh_length(algorithm));
    Result<SecretBytes> ab = dh(algorithm, a->secret_key, b->public_key);
    Result<SecretBytes> ba = dh(algorithm, b->secret_key, a->public_key);
    ASSERT_TRUE(ab);
    ASSERT_TRUE(ba);
    EXPECT_TRUE(ct_equal(ab->expose_secret(), ba->expose_secret()));
  }
}

TEST(DhTest, KeyPairFromSecretRederivesThePublicKey) {
  Result<DhKeyPair> pair = dh_generate(DhAlgorithm::k448);
  ASSERT_TRUE(pair);
  Result<DhKeyPair> again =
      dh_key_pair_from_secret(DhAlgorithm::k448, pair->secret_key.expose_secret());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->public_key, pair->public_key);
  EXPECT_EQ(dh_key_pair_from_secret(DhAlgorithm::k25519, Bytes(56, 1)).error().kind(),
            Kind::kInvalid);
}

}  // namespace
}  // namespace ockam::noise
