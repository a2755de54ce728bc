#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "ockam/core/bytes.hpp"

namespace ockam {

/// TransportType is the one-byte tag of an address: 0 is a local worker, 1 a TCP peer, ...
using TransportType = std::uint8_t;
inline constexpr TransportType kLocal = 0;
inline constexpr TransportType kTcp = 1;
inline constexpr TransportType kUdp = 2;

/// Address is a transport type and opaque inner bytes (normally text). Its text form is
/// `tt#inner`; text without `#` is a local address.
class Address {
 public:
  Address() = default;
  Address(TransportType type, std::string inner) : type_(type), inner_(std::move(inner)) {}
  /// Builds an address from text; "1#host:port" gives a TCP address, "echoer" a local one.
  /// Text that is not a valid `tt#inner` (see `parse`) is taken whole as a local address.
  Address(std::string_view text);  // NOLINT: implicit, as Rust's `From<&str>`
  Address(const char* text) : Address(std::string_view(text)) {}         // NOLINT
  Address(const std::string& text) : Address(std::string_view(text)) {}  // NOLINT

  /// parse reads `tt#inner` or `inner`; more than one `#` or a bad type is a kParse error.
  static Result<Address> parse(std::string_view text);
  /// random_local returns a fresh local address of 32 hex characters (16 random bytes).
  static Address random_local();

  TransportType transport_type() const noexcept { return type_; }
  const std::string& inner() const noexcept { return inner_; }
  bool is_local() const noexcept { return type_ == kLocal; }
  /// Returns `tt#inner` (e.g. "0#echoer").
  std::string to_string() const;

  friend bool operator==(const Address&, const Address&) = default;
  friend auto operator<=>(const Address&, const Address&) = default;

 private:
  TransportType type_ = kLocal;
  std::string inner_;
};

/// tcp_address names a TCP peer by "host:port" in a route; it resolves to a connection.
inline Address tcp_address(std::string_view host_port) {
  return Address(kTcp, std::string(host_port));
}

struct AddressHash {
  std::size_t operator()(const Address& a) const noexcept {
    return std::hash<std::string>{}(a.inner()) ^
           (static_cast<std::size_t>(a.transport_type()) << 1);
  }
};

}  // namespace ockam
