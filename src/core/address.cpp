#include "ockam/core/address.hpp"

#include <array>
#include <cstring>

#include <sodium.h>

namespace ockam {

Address::Address(std::string_view text) {
  if (auto parsed = parse(text)) {
    *this = std::move(*parsed);
  } else {
    assign(text);
  }
}

void Address::assign(std::string_view inner) {
  hash_.store(0, std::memory_order_relaxed);
  if (inner.size() <= kInlineCapacity) {
    std::memmove(inline_.data(), inner.data(), inner.size());
    inline_size_ = static_cast<std::uint8_t>(inner.size());
    heap_.reset();
  } else {
    heap_ = std::make_unique<std::string>(inner);
    inline_size_ = 0;
  }
}

Result<Address> Address::parse(std::string_view text) {
  std::size_t hash = text.find('#');
  if (hash == std::string_view::npos) {
    return Address(kLocal, text);
  }
  if (text.find('#', hash + 1) != std::string_view::npos) {
    return Error(Origin::kCore, Kind::kParse, "address has more than one '#'");
  }
  std::string_view type_text = text.substr(0, hash);
  if (type_text.empty() || type_text.size() > 3) {
    return Error(Origin::kCore, Kind::kParse, "address transport type is not a number");
  }
  unsigned type = 0;
  for (char c : type_text) {
    if (c < '0' || c > '9') {
      return Error(Origin::kCore, Kind::kParse, "address transport type is not a number");
    }
    type = type * 10 + static_cast<unsigned>(c - '0');
  }
  if (type > 255) {
    return Error(Origin::kCore, Kind::kParse, "address transport type is above 255");
  }
  return Address(static_cast<TransportType>(type), text.substr(hash + 1));
}

Address Address::random_local() {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::array<std::uint8_t, 16> raw{};
  randombytes_buf(raw.data(), raw.size());
  std::array<char, 2 * raw.size()> hex{};
  for (std::size_t i = 0; i < raw.size(); ++i) {
    hex[2 * i] = kDigits[raw[i] >> 4];
    hex[2 * i + 1] = kDigits[raw[i] & 0x0f];
  }
  return Address(kLocal, std::string_view(hex.data(), hex.size()));
}

namespace {

using HashKey = std::array<unsigned char, crypto_shorthash_KEYBYTES>;

HashKey process_hash_key() noexcept {
  HashKey key{};
  randombytes_buf(key.data(), key.size());
  return key;
}

}  // namespace

std::uint32_t Address::compute_hash() const noexcept {
  static const HashKey kKey = process_hash_key();
  // libsodium's keyed SipHash-2-4; the type is mixed in outside it: equal inner bytes of two
  // types differ by a constant only a peer that knows the key could cancel.
  std::array<unsigned char, crypto_shorthash_BYTES> keyed{};
  const std::string_view text = inner();
  crypto_shorthash(keyed.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                   kKey.data());
  std::uint64_t full = 0;
  std::memcpy(&full, keyed.data(), sizeof full);
  full ^= std::uint64_t{type_} * 0x9e3779b97f4a7c15ULL;
  std::uint32_t folded = static_cast<std::uint32_t>(full ^ (full >> 32));
  if (folded == 0) {
    folded = 1;  // 0 means "not computed yet"
  }
  hash_.store(folded, std::memory_order_relaxed);
  return folded;
}

std::string Address::to_string() const {
  std::string text = std::to_string(type_);
  text += '#';
  text += inner();
  return text;
}

}  // namespace ockam
