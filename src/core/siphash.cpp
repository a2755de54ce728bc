#include "core/internal/siphash.hpp"

#include <bit>
#include <cstring>

namespace ockam::internal {
namespace {

struct SipState {
  std::uint64_t v0;
  std::uint64_t v1;
  std::uint64_t v2;
  std::uint64_t v3;

  void round() noexcept {
    v0 += v1;
    v1 = std::rotl(v1, 13);
    v1 ^= v0;
    v0 = std::rotl(v0, 32);
    v2 += v3;
    v3 = std::rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = std::rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = std::rotl(v1, 17);
    v1 ^= v2;
    v2 = std::rotl(v2, 32);
  }

  template <int kRounds>
  void absorb(std::uint64_t word) noexcept {
    v3 ^= word;
    for (int i = 0; i < kRounds; ++i) {
      round();
    }
    v0 ^= word;
  }
};

std::uint64_t load_word(const std::uint8_t* bytes) noexcept {
  std::uint64_t word = 0;
  std::memcpy(&word, bytes, sizeof word);
  return std::endian::native == std::endian::little ? word : __builtin_bswap64(word);
}

std::uint64_t load_tail(const std::uint8_t* bytes, std::size_t count) noexcept {
  std::uint64_t word = 0;
  for (std::size_t i = 0; i < count; ++i) {
    word |= std::uint64_t{bytes[i]} << (8 * i);
  }
  return word;
}

}  // namespace

template <int kCompressionRounds, int kFinalizationRounds>
std::uint64_t siphash(const SipHashKey& key, ByteView data) noexcept {
  SipState state{key.k0 ^ 0x736f6d6570736575ULL, key.k1 ^ 0x646f72616e646f6dULL,
                 key.k0 ^ 0x6c7967656e657261ULL, key.k1 ^ 0x7465646279746573ULL};
  const std::uint8_t* bytes = data.data();
  std::size_t left = data.size();
  for (; left >= 8; left -= 8, bytes += 8) {
    state.absorb<kCompressionRounds>(load_word(bytes));
  }
  // The last block: the remaining bytes and the length's low byte on top.
  state.absorb<kCompressionRounds>(load_tail(bytes, left) | (std::uint64_t{data.size()} << 56));
  state.v2 ^= 0xff;
  for (int i = 0; i < kFinalizationRounds; ++i) {
    state.round();
  }
  return state.v0 ^ state.v1 ^ state.v2 ^ state.v3;
}

template std::uint64_t siphash<1, 3>(const SipHashKey&, ByteView) noexcept;
template std::uint64_t siphash<2, 4>(const SipHashKey&, ByteView) noexcept;

}  // namespace ockam::internal
