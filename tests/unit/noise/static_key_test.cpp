#include "ockam/noise/static_key.hpp"

#include <gtest/gtest.h>

#include "ockam/crypto/x25519.hpp"

namespace ockam::noise {
namespace {

TEST(StaticKeyTest, InMemoryKeyHasTheX25519PublicKeyOfItsSecret) {
  const Bytes secret(32, 0x42);
  Result<std::shared_ptr<InMemoryStaticKey>> key = InMemoryStaticKey::from_secret(secret);
  ASSERT_TRUE(key);
  EXPECT_EQ((*key)->public_key(), crypto::x25519_from_secret(secret)->public_key);
}

TEST(StaticKeyTest, InMemoryDhAgreesWithThePeer) {
  std::shared_ptr<InMemoryStaticKey> a = InMemoryStaticKey::generate();
  std::shared_ptr<InMemoryStaticKey> b = InMemoryStaticKey::generate();
  Result<SecretBytes> ab = a->dh(b->public_key());
  Result<SecretBytes> ba = b->dh(a->public_key());
  ASSERT_TRUE(ab);
  ASSERT_TRUE(ba);
  EXPECT_TRUE(ct_equal(ab->expose_secret(), ba->expose_secret()));
}

TEST(StaticKeyTest, InMemoryKeyRejectsBadInput) {
  EXPECT_EQ(InMemoryStaticKey::from_secret(Bytes(16, 1)).error().kind(), Kind::kInvalid);
  EXPECT_EQ(InMemoryStaticKey::generate()->dh(Bytes(32, 0)).error().kind(), Kind::kProtocol);
}

}  // namespace
}  // namespace ockam::noise
