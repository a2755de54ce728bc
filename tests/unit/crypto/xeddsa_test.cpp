#include "ockam/crypto/xeddsa.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include "ockam/crypto/ed25519.hpp"
#include "ockam/crypto/x25519.hpp"
#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;
using test::secret;

const Bytes kMessage = to_bytes("XEdDSA known answer");

Bytes z_0_to_63() {
  Bytes z(64);
  for (std::size_t i = 0; i < z.size(); ++i) {
    z[i] = static_cast<std::uint8_t>(i);
  }
  return z;
}

// Known answers from an independent model of the XEdDSA spec (Python, affine Edwards arithmetic):
// one key whose Edwards sign bit is 0 and one (the first x3dh.json IK_B) whose sign bit is 1.
TEST(XEdDsaTest, SignatureWithFixedRandomMatchesIndependentModelForBothSignBits) {
  struct Case {
    const char* secret;
    const char* public_key;
    const char* signature;
  };
  const Case cases[] = {
      {"0102030405060708091011121314151617181920212223242526272829303132",
       "3289884e1c956299b94ac5f82d091ef0042d557675fd0f8e38df11821bee8b48",
       "184fa0921a47aa354b371226e85b7694ffb1b5d9d99dea569c43332752f8a1de0427d945856618e82e547ee9"
       "55fbad7dc4af3b03d28532f882bddd34e363480d"},
      {"a4fe964dd92c6da6559e1b67d672893e5fed3345204300045bb4c5a787e893c8",
       "6d5aefc64fd00602e41905404043192f3311cd4adbac14f5e88e16f4a895a648",
       "e1d151ad9d3e8fb12964b19bba8fb72b876a298d9b3bdd11d747dc7d7546eefe58dbda667ffc78e1948b8ed1"
       "7d1ff35f3bf7c8b289421e60ccc058e330a79f06"},
  };
  for (const Case& c : cases) {
    Result<XEdDsaSignature> signature =
        xeddsa_sign_for_testing(secret(c.secret), kMessage, z_0_to_63());
    ASSERT_TRUE(signature);
    EXPECT_EQ(to_hex(*signature), c.signature);
    EXPECT_TRUE(xeddsa_verify(hex(c.public_key), kMessage, *signature));
  }
}

TEST(XEdDsaTest, SignaturesOfRandomKeysVerifyAndDiffer) {
  for (int i = 0; i < 16; ++i) {
    const X25519KeyPair pair = x25519_generate();
    Result<XEdDsaSignature> first = xeddsa_sign(pair.secret_key, kMessage);
    Result<XEdDsaSignature> second = xeddsa_sign(pair.secret_key, kMessage);
    ASSERT_TRUE(first && second);
    EXPECT_NE(*first, *second);  // the nonce has 64 random bytes
    EXPECT_TRUE(xeddsa_verify(pair.public_key, kMessage, *first));
    EXPECT_TRUE(xeddsa_verify(pair.public_key, kMessage, *second));
  }
}

TEST(XEdDsaTest, TamperedMessageSignatureOrKeyDoesNotVerify) {
  const X25519KeyPair pair = x25519_generate();
  XEdDsaSignature signature = xeddsa_sign(pair.secret_key, kMessage).value();
  EXPECT_FALSE(xeddsa_verify(pair.public_key, to_bytes("XEdDSA known answes"), signature));
  EXPECT_FALSE(xeddsa_verify(x25519_generate().public_key, kMessage, signature));
  for (std::size_t byte : {0, 31, 32, 63}) {
    XEdDsaSignature tampered = signature;
    tampered[byte] ^= 0x01;
    EXPECT_FALSE(xeddsa_verify(pair.public_key, kMessage, tampered)) << byte;
  }
}

// An Ed25519 signature by a key whose sign bit is 0 is an XEdDSA signature of that key's
// Montgomery form: checks the u -> y conversion against libsodium's y -> u.
TEST(XEdDsaTest, VerifiesEd25519SignaturesThroughTheMontgomeryForm) {
  int checked = 0;
  while (checked < 4) {
    const Ed25519KeyPair pair = ed25519_generate();
    if ((pair.public_key[31] & 0x80) != 0) {
      continue;
    }
    std::array<std::uint8_t, 32> u{};
    ASSERT_EQ(crypto_sign_ed25519_pk_to_curve25519(u.data(), pair.public_key.data()), 0);
    EXPECT_TRUE(xeddsa_verify(u, kMessage, ed25519_sign(pair.secret_key, kMessage)));
    ++checked;
  }
}

TEST(XEdDsaTest, RejectsWrongLengthsAndUNotBelowP) {
  const X25519KeyPair pair = x25519_generate();
  const XEdDsaSignature signature = xeddsa_sign(pair.secret_key, kMessage).value();
  EXPECT_FALSE(xeddsa_verify(ByteView(pair.public_key).first(31), kMessage, signature));
  EXPECT_FALSE(xeddsa_verify(pair.public_key, kMessage, ByteView(signature).first(63)));
  // p = 2^255 - 19 and p - 1 (whose u + 1 is zero mod p) are rejected.
  Bytes p = hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  EXPECT_FALSE(xeddsa_verify(p, kMessage, signature));
  p[0] = 0xec;
  EXPECT_FALSE(xeddsa_verify(p, kMessage, signature));
  Bytes high = Bytes(pair.public_key.begin(), pair.public_key.end());
  high[31] |= 0x80;
  EXPECT_FALSE(xeddsa_verify(high, kMessage, signature));
  EXPECT_EQ(xeddsa_sign(SecretBytes(31), kMessage).error().kind(), Kind::kInvalid);
  EXPECT_EQ(xeddsa_sign_for_testing(pair.secret_key, kMessage, Bytes(63)).error().kind(),
            Kind::kInvalid);
}

}  // namespace
}  // namespace ockam::crypto
