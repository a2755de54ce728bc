#include "ockam/crypto/x25519.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;

constexpr char kAliceSecret[] = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
constexpr char kAlicePublic[] = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
constexpr char kBobSecret[] = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
constexpr char kBobPublic[] = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
constexpr char kShared[] = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

TEST(X25519Test, PublicKeysMatchRfc7748Section6_1) {
  Result<X25519KeyPair> alice = x25519_from_secret(hex(kAliceSecret));
  Result<X25519KeyPair> bob = x25519_from_secret(hex(kBobSecret));
  ASSERT_TRUE(alice);
  ASSERT_TRUE(bob);
  EXPECT_EQ(to_hex(alice->public_key), kAlicePublic);
  EXPECT_EQ(to_hex(bob->public_key), kBobPublic);
}

TEST(X25519Test, BothSidesComputeTheRfc7748SharedSecret) {
  Result<X25519KeyPair> alice = x25519_from_secret(hex(kAliceSecret));
  Result<X25519KeyPair> bob = x25519_from_secret(hex(kBobSecret));
  ASSERT_TRUE(alice);
  ASSERT_TRUE(bob);
  Result<SecretBytes> alice_shared = x25519_dh(alice->secret_key, hex(kBobPublic));
  Result<SecretBytes> bob_shared = x25519_dh(bob->secret_key, hex(kAlicePublic));
  ASSERT_TRUE(alice_shared);
  ASSERT_TRUE(bob_shared);
  EXPECT_EQ(to_hex(alice_shared->expose_secret()), kShared);
  EXPECT_EQ(to_hex(bob_shared->expose_secret()), kShared);
}

TEST(X25519Test, AllZeroSharedSecretFromALowOrderPointIsRejected) {
  const X25519KeyPair pair = x25519_generate();
  Result<SecretBytes> shared = x25519_dh(pair.secret_key, Bytes(32, 0));
  ASSERT_FALSE(shared);
  EXPECT_EQ(shared.error().kind(), Kind::kProtocol);
  // The order-8 point 0x01 followed by zeros also yields zero.
  Bytes one(32, 0);
  one[0] = 1;
  Result<SecretBytes> shared_one = x25519_dh(pair.secret_key, one);
  ASSERT_FALSE(shared_one);
  EXPECT_EQ(shared_one.error().kind(), Kind::kProtocol);
}

TEST(X25519Test, WrongKeyLengthsAreInvalid) {
  EXPECT_EQ(x25519_from_secret(Bytes(31, 1)).error().kind(), Kind::kInvalid);
  const X25519KeyPair pair = x25519_generate();
  EXPECT_EQ(x25519_dh(pair.secret_key, Bytes(33, 9)).error().kind(), Kind::kInvalid);
}

TEST(X25519Test, GeneratedKeyPairsAgree) {
  const X25519KeyPair a = x25519_generate();
  const X25519KeyPair b = x25519_generate();
  EXPECT_NE(a.public_key, b.public_key);
  Result<SecretBytes> ab = x25519_dh(a.secret_key, b.public_key);
  Result<SecretBytes> ba = x25519_dh(b.secret_key, a.public_key);
  ASSERT_TRUE(ab);
  ASSERT_TRUE(ba);
  EXPECT_TRUE(ct_equal(ab->expose_secret(), ba->expose_secret()));
}

}  // namespace
}  // namespace ockam::crypto
