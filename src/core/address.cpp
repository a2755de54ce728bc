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

Address::Address(Address&& other) noexcept
    : type_(other.type_), inline_size_(other.inline_size_), heap_(std::move(other.heap_)) {
  std::memcpy(inline_.data(), other.inline_.data(), inline_size_);
  other.inline_size_ = 0;
}

Address& Address::operator=(const Address& other) {
  if (this != &other) {
    type_ = other.type_;
    assign(other.inner());
  }
  return *this;
}

Address& Address::operator=(Address&& other) noexcept {
  if (this != &other) {
    type_ = other.type_;
    inline_size_ = other.inline_size_;
    std::memcpy(inline_.data(), other.inline_.data(), inline_size_);
    heap_ = std::move(other.heap_);
    other.inline_size_ = 0;
  }
  return *this;
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

std::string Address::to_string() const {
  std::string text = std::to_string(type_);
  text += '#';
  text += inner();
  return text;
}

}  // namespace ockam
