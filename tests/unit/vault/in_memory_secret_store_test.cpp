#include "ockam/vault/in_memory_secret_store.hpp"

#include <gtest/gtest.h>

namespace ockam::vault {
namespace {

const Bytes kHandle = {1, 2, 3};

TEST(InMemorySecretStoreTest, LoadReturnsWhatWasStored) {
  InMemorySecretStore store;
  ASSERT_TRUE(store.store(kHandle, SecretType::kBuffer, SecretBytes(Bytes{9, 8, 7})));
  auto loaded = store.load(kHandle);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->type, SecretType::kBuffer);
  EXPECT_EQ(to_hex(loaded->secret.expose_secret()), "090807");
}

TEST(InMemorySecretStoreTest, LoadHandsOutACopy) {
  InMemorySecretStore store;
  ASSERT_TRUE(store.store(kHandle, SecretType::kBuffer, SecretBytes(Bytes{1})));
  auto first = store.load(kHandle);
  ASSERT_TRUE(first);
  first->secret.expose_secret_mut()[0] = 2;
  auto second = store.load(kHandle);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->secret.expose_secret()[0], 1);
}

TEST(InMemorySecretStoreTest, StoringUnderATakenHandleFails) {
  InMemorySecretStore store;
  ASSERT_TRUE(store.store(kHandle, SecretType::kBuffer, SecretBytes(Bytes{1})));
  auto again = store.store(kHandle, SecretType::kX25519, SecretBytes(Bytes{2}));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind(), Kind::kAlreadyExists);
  EXPECT_EQ(again.error().detail(), "010203");
  EXPECT_EQ(store.load(kHandle)->type, SecretType::kBuffer);
}

TEST(InMemorySecretStoreTest, UnknownAndRemovedHandlesAreNotFound) {
  InMemorySecretStore store;
  auto missing = store.load(kHandle);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind(), Kind::kNotFound);
  EXPECT_STREQ(missing.error().what(), "no secret with this handle (010203)");
  ASSERT_TRUE(store.store(kHandle, SecretType::kBuffer, SecretBytes(Bytes{1})));
  ASSERT_TRUE(store.remove(kHandle));
  EXPECT_EQ(store.load(kHandle).error().kind(), Kind::kNotFound);
  auto removed_twice = store.remove(kHandle);
  ASSERT_FALSE(removed_twice);
  EXPECT_EQ(removed_twice.error().kind(), Kind::kNotFound);
}

}  // namespace
}  // namespace ockam::vault
