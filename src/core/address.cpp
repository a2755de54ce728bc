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

std::uint64_t mix(std::uint64_t value) noexcept {
  value *= 0x9e3779b97f4a7c15ULL;
  return value ^ (value >> 29);
}

std::uint64_t process_hash_seed() noexcept {
  std::uint64_t seed = 0;
  randombytes_buf(&seed, sizeof seed);
  return seed;
}

}  // namespace

std::size_t Address::hash() const noexcept {
  static const std::uint64_t kSeed = process_hash_seed();
  std::string_view text = inner();
  std::uint64_t h = mix(kSeed ^ (text.size() << 8) ^ type_);
  const char* bytes = text.data();
  std::size_t left = text.size();
  for (; left >= sizeof(std::uint64_t); left -= sizeof(std::uint64_t)) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, sizeof word);
    h = mix(h ^ word);
    bytes += sizeof word;
  }
  // The last 1-7 bytes in at most two fixed-size loads (overlapping ones are fine: the length
  // is already in the hash), not a memcpy of variable length.
  if (left >= sizeof(std::uint32_t)) {
    std::uint32_t head = 0;
    std::uint32_t tail = 0;
    std::memcpy(&head, bytes, sizeof head);
    std::memcpy(&tail, bytes + left - sizeof tail, sizeof tail);
    h = mix(h ^ ((std::uint64_t{head} << 32) | tail));
  } else if (left > 0) {
    const auto byte = [bytes](std::size_t i) {
      return std::uint64_t{static_cast<std::uint8_t>(bytes[i])};
    };
    h = mix(h ^ ((byte(0) << 16) | (byte(left / 2) << 8) | byte(left - 1)));
  }
  return static_cast<std::size_t>(mix(h));
}

std::string Address::to_string() const {
  std::string text = std::to_string(type_);
  text += '#';
  text += inner();
  return text;
}

}  // namespace ockam
