#include "ockam/crypto/ed25519.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;

constexpr char kSeed[] = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
constexpr char kPublic[] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
constexpr char kSignature[] =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
    "6bd25bf5f0595bbe24655141438e7a100b";

TEST(Ed25519Test, PublicKeyAndSignatureMatchRfc8032Test1) {
  Result<Ed25519KeyPair> pair = ed25519_from_seed(hex(kSeed));
  ASSERT_TRUE(pair);
  EXPECT_EQ(to_hex(pair->public_key), kPublic);
  EXPECT_EQ(to_hex(ed25519_sign(pair->secret_key, {})), kSignature);
  EXPECT_TRUE(ed25519_verify(hex(kPublic), {}, hex(kSignature)));
}

TEST(Ed25519Test, TamperedMessageOrSignatureDoesNotVerify) {
  const Ed25519KeyPair pair = ed25519_generate();
  const Bytes message = to_bytes("attack at dawn");
  std::array<std::uint8_t, 64> signature = ed25519_sign(pair.secret_key, message);
  EXPECT_TRUE(ed25519_verify(pair.public_key, message, signature));
  EXPECT_FALSE(ed25519_verify(pair.public_key, to_bytes("attack at dusk"), signature));
  signature[10] ^= 0x01;
  EXPECT_FALSE(ed25519_verify(pair.public_key, message, signature));
}

TEST(Ed25519Test, WrongLengthsAreRejected) {
  EXPECT_EQ(ed25519_from_seed(Bytes(31, 0)).error().kind(), Kind::kInvalid);
  EXPECT_FALSE(ed25519_verify(Bytes(31, 0), {}, hex(kSignature)));
  EXPECT_FALSE(ed25519_verify(hex(kPublic), {}, Bytes(63, 0)));
  const std::array<std::uint8_t, 64> zero{};
  EXPECT_EQ(ed25519_sign(SecretBytes(Bytes(16, 1)), {}), zero);
}

}  // namespace
}  // namespace ockam::crypto
