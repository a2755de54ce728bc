#include "ockam/crypto/hkdf.hpp"

#include <algorithm>
#include <array>

#include "crypto/internal/hmac_state.hpp"
#include "ockam/crypto/hmac.hpp"

namespace ockam::crypto {

namespace {
constexpr std::size_t kSha256Length = 32;
constexpr std::size_t kMaxHkdfBlocks = 255;
}  // namespace

std::vector<SecretBytes> noise_hkdf(HashAlgorithm algorithm, ByteView chaining_key,
                                    ByteView input_key_material, std::size_t outputs) {
  const std::size_t count = std::clamp<std::size_t>(outputs, 2, 3);
  const SecretBytes temp_key = hmac(algorithm, chaining_key, input_key_material);
  std::vector<SecretBytes> result;
  result.reserve(count);
  for (std::size_t i = 1; i <= count; ++i) {
    internal::HmacState state(algorithm, temp_key.expose_secret());
    if (!result.empty()) {
      state.update(result.back().expose_secret());
    }
    const std::array<std::uint8_t, 1> counter{static_cast<std::uint8_t>(i)};
    state.update(counter);
    result.push_back(state.finish());
  }
  return result;
}

Result<SecretBytes> hkdf_sha256(ByteView salt, ByteView ikm, ByteView info, std::size_t length) {
  if (length > kMaxHkdfBlocks * kSha256Length) {
    return Error(Origin::kCrypto, Kind::kInvalid, "HKDF output length too large");
  }
  const SecretBytes prk = hmac(HashAlgorithm::kSha256, salt, ikm);
  SecretBytes okm(length);
  std::span<std::uint8_t> out = okm.expose_secret_mut();
  SecretBytes block;
  for (std::size_t offset = 0, i = 1; offset < length; offset += kSha256Length, ++i) {
    internal::HmacState state(HashAlgorithm::kSha256, prk.expose_secret());
    state.update(block.expose_secret());
    state.update(info);
    const std::array<std::uint8_t, 1> counter{static_cast<std::uint8_t>(i)};
    state.update(counter);
    block = state.finish();
    const std::size_t take = std::min(kSha256Length, length - offset);
    std::copy_n(block.expose_secret().begin(), take,
                out.begin() + static_cast<std::ptrdiff_t>(offset));
  }
  return okm;
}

}  // namespace ockam::crypto
