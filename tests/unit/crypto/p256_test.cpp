#include "ockam/crypto/p256.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;

// RFC 6979 appendix A.2.5 (P-256 with SHA-256, message "sample").
constexpr char kScalar[] = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
constexpr char kPublic[] =
    "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6"
    "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";
constexpr char kSignature[] =
    "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
    "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
constexpr char kOrder[] = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

TEST(P256Test, PublicKeyMatchesRfc6979) {
  Result<P256KeyPair> pair = p256_from_secret(hex(kScalar));
  ASSERT_TRUE(pair);
  EXPECT_EQ(to_hex(pair->public_key), kPublic);
}

TEST(P256Test, Rfc6979SignatureVerifies) {
  EXPECT_TRUE(p256_verify(hex(kPublic), as_bytes("sample"), hex(kSignature)));
  EXPECT_FALSE(p256_verify(hex(kPublic), as_bytes("sample!"), hex(kSignature)));
}

TEST(P256Test, SignatureRoundTripsAndTamperingIsDetected) {
  Result<P256KeyPair> pair = p256_generate();
  ASSERT_TRUE(pair);
  const Bytes message = to_bytes("hello");
  Result<std::array<std::uint8_t, 64>> signature = p256_sign(pair->secret_key, message);
  ASSERT_TRUE(signature);
  EXPECT_TRUE(p256_verify(pair->public_key, message, *signature));
  (*signature)[40] ^= 0x80;
  EXPECT_FALSE(p256_verify(pair->public_key, message, *signature));
}

TEST(P256Test, ScalarsOutsideTheGroupOrderAreInvalid) {
  EXPECT_EQ(p256_from_secret(Bytes(32, 0)).error().kind(), Kind::kInvalid);
  EXPECT_EQ(p256_from_secret(hex(kOrder)).error().kind(), Kind::kInvalid);
  EXPECT_EQ(p256_from_secret(Bytes(31, 1)).error().kind(), Kind::kInvalid);
}

TEST(P256Test, MalformedPublicKeysDoNotVerify) {
  Bytes off_curve = hex(kPublic);
  off_curve[64] ^= 0x01;
  EXPECT_FALSE(p256_verify(off_curve, as_bytes("sample"), hex(kSignature)));
  EXPECT_FALSE(p256_verify(Bytes(65, 0), as_bytes("sample"), hex(kSignature)));
  EXPECT_FALSE(p256_verify(hex(kPublic), as_bytes("sample"), Bytes(64, 0)));
}

}  // namespace
}  // namespace ockam::crypto
