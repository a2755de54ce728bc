#include "ockam/crypto/x448.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;

constexpr char kAliceSecret[] =
    "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab"
    "1d9ac2d8c0a598726b";
constexpr char kAlicePublic[] =
    "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d"
    "53177f80e532c41fa0";
constexpr char kBobSecret[] =
    "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c921b09d1"
    "b0366f10b65173992d";
constexpr char kBobPublic[] =
    "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3d"
    "ae07bdc1c67bf33609";
constexpr char kShared[] =
    "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c24403085d5"
    "9a449a5037514a879d";

TEST(X448Test, KeysAndSharedSecretMatchRfc7748Section6_2) {
  Result<X448KeyPair> alice = x448_from_secret(hex(kAliceSecret));
  Result<X448KeyPair> bob = x448_from_secret(hex(kBobSecret));
  ASSERT_TRUE(alice);
  ASSERT_TRUE(bob);
  EXPECT_EQ(to_hex(alice->public_key), kAlicePublic);
  EXPECT_EQ(to_hex(bob->public_key), kBobPublic);
  Result<SecretBytes> shared = x448_dh(alice->secret_key, bob->public_key);
  ASSERT_TRUE(shared);
  EXPECT_EQ(to_hex(shared->expose_secret()), kShared);
}

TEST(X448Test, AllZeroPeerKeyIsRejected) {
  Result<X448KeyPair> pair = x448_generate();
  ASSERT_TRUE(pair);
  Result<SecretBytes> shared = x448_dh(pair->secret_key, Bytes(56, 0));
  ASSERT_FALSE(shared);
  EXPECT_EQ(shared.error().kind(), Kind::kProtocol);
}

TEST(X448Test, WrongLengthsAreInvalid) {
  EXPECT_EQ(x448_from_secret(Bytes(32, 1)).error().kind(), Kind::kInvalid);
  Result<X448KeyPair> pair = x448_generate();
  ASSERT_TRUE(pair);
  EXPECT_EQ(x448_dh(pair->secret_key, Bytes(32, 9)).error().kind(), Kind::kInvalid);
}

}  // namespace
}  // namespace ockam::crypto
