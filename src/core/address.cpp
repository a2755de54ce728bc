#include "ockam/core/address.hpp"

#include <array>

#include <sodium.h>

namespace ockam {

Address::Address(std::string_view text) {
  if (auto parsed = parse(text)) {
    *this = std::move(*parsed);
  } else {
    inner_ = std::string(text);
  }
}

Result<Address> Address::parse(std::string_view text) {
  std::size_t hash = text.find('#');
  if (hash == std::string_view::npos) {
    return Address(kLocal, std::string(text));
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
  return Address(static_cast<TransportType>(type), std::string(text.substr(hash + 1)));
}

Address Address::random_local() {
  std::array<std::uint8_t, 16> raw{};
  randombytes_buf(raw.data(), raw.size());
  return Address(kLocal, to_hex(raw));
}

std::string Address::to_string() const {
  return std::to_string(type_) + "#" + inner_;
}

}  // namespace ockam
