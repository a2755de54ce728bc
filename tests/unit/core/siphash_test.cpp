#include "core/internal/siphash.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstring>

#include <sodium.h>

namespace ockam::internal {
namespace {

TEST(SipHashTest, SipHash24MatchesLibsodiumsShorthashForEveryLengthUpToFourBlocks) {
  ASSERT_GE(sodium_init(), 0);
  std::array<std::uint8_t, crypto_shorthash_KEYBYTES> key_bytes{};
  randombytes_buf(key_bytes.data(), key_bytes.size());
  SipHashKey key;
  std::memcpy(&key.k0, key_bytes.data(), 8);  // little-endian halves, as on this machine
  std::memcpy(&key.k1, key_bytes.data() + 8, 8);
  Bytes data(33);
  randombytes_buf(data.data(), data.size());
  for (std::size_t length = 0; length <= data.size(); ++length) {
    std::array<std::uint8_t, crypto_shorthash_BYTES> expected{};
    crypto_shorthash(expected.data(), data.data(), length, key_bytes.data());
    std::uint64_t expected_word = 0;
    std::memcpy(&expected_word, expected.data(), expected.size());
    EXPECT_EQ((siphash<2, 4>(key, ByteView(data.data(), length))), expected_word) << length;
  }
}

TEST(SipHashTest, SipHash13DependsOnTheKeyTheBytesAndTheLength) {
  const SipHashKey key{0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
  const Bytes data{1, 2, 3, 4, 5, 6, 7, 8, 9};
  const auto sip13 = [](const SipHashKey& k, ByteView bytes) { return siphash<1, 3>(k, bytes); };
  const std::uint64_t base = sip13(key, data);
  EXPECT_EQ(sip13(key, data), base);
  EXPECT_NE(sip13(SipHashKey{key.k0 ^ 1, key.k1}, data), base);
  EXPECT_NE(sip13(key, ByteView(data).first(8)), base);
  EXPECT_NE((siphash<2, 4>(key, data)), base);
  Bytes changed = data;
  changed[8] ^= 0x80;
  EXPECT_NE(sip13(key, changed), base);
}

}  // namespace
}  // namespace ockam::internal
