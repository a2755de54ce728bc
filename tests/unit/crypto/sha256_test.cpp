#include "ockam/crypto/sha256.hpp"

#include <gtest/gtest.h>

namespace ockam::crypto {
namespace {

TEST(Sha256Test, MatchesFips180Abc) {
  EXPECT_EQ(to_hex(sha256(as_bytes("abc"))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, MatchesTheEmptyStringDigest) {
  EXPECT_EQ(to_hex(sha256({})), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
}  // namespace ockam::crypto
