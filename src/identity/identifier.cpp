#include "ockam/identity/identifier.hpp"

#include <algorithm>

#include "ockam/core/bytes.hpp"

namespace ockam::identity {
namespace {

constexpr char kPrefix = 'I';

bool is_lowercase_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

}  // namespace

Result<Identifier> Identifier::parse(std::string_view text) {
  if (text.size() != 1 + 2 * kLength || text.front() != kPrefix ||
      !std::all_of(text.begin() + 1, text.end(), is_lowercase_hex)) {
    return Error(Origin::kIdentity, Kind::kParse, "an identifier is I and 64 lowercase hex digits");
  }
  auto raw = from_hex(text.substr(1));
  if (!raw) {
    return raw.error();
  }
  std::array<std::uint8_t, kLength> bytes{};
  std::copy(raw->begin(), raw->end(), bytes.begin());
  return Identifier(bytes);
}

std::string Identifier::to_string() const {
  return kPrefix + to_hex(bytes_);
}

}  // namespace ockam::identity
