#pragma once

#include <array>
#include <atomic>
#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "ockam/core/bytes.hpp"

namespace ockam {

/// TransportType is the one-byte tag of an address: 0 is a local worker, 1 a TCP peer, ...
using TransportType = std::uint8_t;
inline constexpr TransportType kLocal = 0;
inline constexpr TransportType kTcp = 1;
inline constexpr TransportType kUdp = 2;

/// Address is a transport type and opaque inner bytes (normally text). Its text form is
/// `tt#inner`; text without `#` is a local address.
///
/// Addresses are copied, compared and hashed on every hop, so the inner bytes of Ockam's own
/// forms (random local addresses: 32 hex characters; worker names; `host:port`) live in the
/// address itself, up to kInlineCapacity bytes; only longer ones take a heap block. The hash is
/// computed once per address and kept (copies keep it too): a delivery looks the destination up
/// in several tables.
class Address {
 public:
  /// The longest inner text kept without a heap block (sizeof(Address) is 48 bytes on 64-bit).
  static constexpr std::size_t kInlineCapacity = 34;

  Address() = default;
  Address(TransportType type, std::string_view inner) : type_(type) { assign(inner); }
  Address(TransportType type, const std::string& inner) : Address(type, std::string_view(inner)) {}
  Address(TransportType type, const char* inner) : Address(type, std::string_view(inner)) {}
  /// Builds an address from text; "1#host:port" gives a TCP address, "echoer" a local one.
  /// Text that is not a valid `tt#inner` (see `parse`) is taken whole as a local address.
  Address(std::string_view text);  // NOLINT: implicit, as Rust's `From<&str>`
  Address(const char* text) : Address(std::string_view(text)) {}         // NOLINT
  Address(const std::string& text) : Address(std::string_view(text)) {}  // NOLINT
  // Copies and moves take the whole inline array (a fixed-size copy the compiler unrolls):
  // they happen several times per message and per hop.
  Address(const Address& other)
      : type_(other.type_),
        inline_size_(other.inline_size_),
        inline_(other.inline_),
        hash_(other.hash_.load(std::memory_order_relaxed)) {
    if (other.heap_) {
      heap_ = std::make_unique<std::string>(*other.heap_);
    }
  }
  Address(Address&& other) noexcept
      : type_(other.type_),
        inline_size_(std::exchange(other.inline_size_, 0)),
        inline_(other.inline_),
        hash_(other.hash_.exchange(0, std::memory_order_relaxed)),
        heap_(std::move(other.heap_)) {}
  Address& operator=(const Address& other) {
    if (this != &other) {
      *this = Address(other);
    }
    return *this;
  }
  Address& operator=(Address&& other) noexcept {
    if (this != &other) {
      type_ = other.type_;
      inline_size_ = std::exchange(other.inline_size_, 0);
      inline_ = other.inline_;
      hash_.store(other.hash_.exchange(0, std::memory_order_relaxed), std::memory_order_relaxed);
      heap_ = std::move(other.heap_);
    }
    return *this;
  }
  ~Address() = default;

  /// parse reads `tt#inner` or `inner`; more than one `#` or a bad type is a kParse error.
  static Result<Address> parse(std::string_view text);
  /// random_local returns a fresh local address of 32 hex characters (16 random bytes).
  static Address random_local();

  TransportType transport_type() const noexcept { return type_; }
  std::string_view inner() const noexcept {
    return heap_ ? std::string_view(*heap_) : std::string_view(inline_.data(), inline_size_);
  }
  bool is_local() const noexcept { return type_ == kLocal; }

  /// hash is libsodium's keyed SipHash-2-4 (crypto_shorthash) of the inner bytes under a key
  /// drawn once per process, with the type mixed in (a peer cannot choose addresses that
  /// collide in our tables), folded to 32 bits.
  std::size_t hash() const noexcept {
    const std::uint32_t kept = hash_.load(std::memory_order_relaxed);
    return kept != 0 ? kept : compute_hash();
  }
  /// Returns `tt#inner` (e.g. "0#echoer").
  std::string to_string() const;

  friend bool operator==(const Address& a, const Address& b) noexcept {
    return a.type_ == b.type_ && a.inner() == b.inner();
  }
  friend std::strong_ordering operator<=>(const Address& a, const Address& b) noexcept {
    if (auto order = a.type_ <=> b.type_; order != 0) {
      return order;
    }
    return a.inner().compare(b.inner()) <=> 0;
  }

 private:
  void assign(std::string_view inner);
  std::uint32_t compute_hash() const noexcept;

  TransportType type_ = kLocal;
  std::uint8_t inline_size_ = 0;
  // Zeroed, so that copying the whole array never reads indeterminate bytes.
  std::array<char, kInlineCapacity> inline_{};
  // The hash once computed, 0 before (a computed 0 is kept as 1). Atomic (relaxed) because a
  // const address may be hashed from two threads at once; both store the same value.
  mutable std::atomic<std::uint32_t> hash_{0};
  // Inner texts above kInlineCapacity; null otherwise.
  std::unique_ptr<std::string> heap_;
};

/// tcp_address names a TCP peer by "host:port" in a route; it resolves to a connection.
inline Address tcp_address(std::string_view host_port) {
  return Address(kTcp, host_port);
}

struct AddressHash {
  std::size_t operator()(const Address& a) const noexcept { return a.hash(); }
};

}  // namespace ockam
