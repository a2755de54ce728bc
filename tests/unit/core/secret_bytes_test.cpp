#include "ockam/core/secret_bytes.hpp"

#include <gtest/gtest.h>

#include <type_traits>

namespace ockam {
namespace {

const Bytes kKey = {1, 2, 3, 4, 5, 6, 7, 8};

TEST(SecretBytesTest, IsMoveOnly) {
  static_assert(!std::is_copy_constructible_v<SecretBytes>);
  static_assert(!std::is_copy_assignable_v<SecretBytes>);
  static_assert(std::is_nothrow_move_constructible_v<SecretBytes>);
  static_assert(std::is_nothrow_move_assignable_v<SecretBytes>);
  SecretBytes a{ByteView(kKey)};
  EXPECT_EQ(a.size(), kKey.size());
}

TEST(SecretBytesTest, MovedFromIsEmpty) {
  SecretBytes a{ByteView(kKey)};
  SecretBytes b = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the behaviour under test
  EXPECT_TRUE(ct_equal(b.expose_secret(), kKey));

  SecretBytes c(4);
  c = std::move(b);
  EXPECT_TRUE(b.empty());  // NOLINT(bugprone-use-after-move)
  EXPECT_TRUE(ct_equal(c.expose_secret(), kKey));
}

TEST(SecretBytesTest, CloneIsEqualAndIndependent) {
  SecretBytes a{ByteView(kKey)};
  SecretBytes b = a.clone();
  EXPECT_TRUE(ct_equal(a.expose_secret(), b.expose_secret()));
  EXPECT_NE(a.expose_secret().data(), b.expose_secret().data());
  b.expose_secret_mut()[0] = 0xff;
  EXPECT_EQ(a.expose_secret()[0], 1);
}

TEST(SecretBytesTest, SizedConstructorMakesZeroBytes) {
  SecretBytes a(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_TRUE(ct_is_zero(a.expose_secret()));
}

TEST(SecretBytesTest, CtEqualComparesContentAndLength) {
  EXPECT_TRUE(ct_equal(kKey, kKey));
  EXPECT_TRUE(ct_equal(Bytes{}, Bytes{}));
  Bytes different = kKey;
  different.back() ^= 1;
  EXPECT_FALSE(ct_equal(kKey, different));
  EXPECT_FALSE(ct_equal(kKey, ByteView(kKey).first(4)));
}

TEST(SecretBytesTest, CtIsZeroTellsAllZeroInput) {
  EXPECT_TRUE(ct_is_zero(Bytes(16, 0)));
  EXPECT_FALSE(ct_is_zero(Bytes{0, 0, 1}));
}

TEST(SecretBytesTest, SecureWipeZeroesTheBuffer) {
  Bytes buffer = kKey;
  secure_wipe(buffer);
  EXPECT_EQ(buffer, Bytes(kKey.size(), 0));
}

}  // namespace
}  // namespace ockam
