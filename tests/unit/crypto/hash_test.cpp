#include "ockam/crypto/hash.hpp"

#include <gtest/gtest.h>

#include "ockam/crypto/sha256.hpp"

namespace ockam::crypto {
namespace {

TEST(HashTest, LengthsMatchTheNoiseSpec) {
  EXPECT_EQ(hash_length(HashAlgorithm::kSha256), 32u);
  EXPECT_EQ(hash_length(HashAlgorithm::kSha512), 64u);
  EXPECT_EQ(hash_length(HashAlgorithm::kBlake2b), 64u);
  EXPECT_EQ(hash_length(HashAlgorithm::kBlake2s), 32u);
  EXPECT_EQ(hash_block_length(HashAlgorithm::kSha256), 64u);
  EXPECT_EQ(hash_block_length(HashAlgorithm::kSha512), 128u);
  EXPECT_EQ(hash_block_length(HashAlgorithm::kBlake2b), 128u);
  EXPECT_EQ(hash_block_length(HashAlgorithm::kBlake2s), 64u);
}

TEST(HashTest, Sha256AgreesWithTheDedicatedFunction) {
  const Sha256Digest digest = sha256(as_bytes("abc"));
  EXPECT_EQ(hash(HashAlgorithm::kSha256, as_bytes("abc")), Bytes(digest.begin(), digest.end()));
}

TEST(HashTest, Sha512MatchesFips180Abc) {
  EXPECT_EQ(to_hex(hash(HashAlgorithm::kSha512, as_bytes("abc"))),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

TEST(HashTest, Blake2bMatchesRfc7693Abc) {
  EXPECT_EQ(to_hex(hash(HashAlgorithm::kBlake2b, as_bytes("abc"))),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
}

TEST(HashTest, Blake2sMatchesRfc7693Abc) {
  EXPECT_EQ(to_hex(hash(HashAlgorithm::kBlake2s, as_bytes("abc"))),
            "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982");
}

TEST(HashTest, TwoPartHashEqualsHashOfTheConcatenation) {
  EXPECT_EQ(hash(HashAlgorithm::kBlake2s, as_bytes("ab"), as_bytes("c")),
            hash(HashAlgorithm::kBlake2s, as_bytes("abc")));
}

}  // namespace
}  // namespace ockam::crypto
