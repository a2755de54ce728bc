#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ockam/core/address.hpp"
#include "ockam/core/address_slots.hpp"

namespace ockam {

/// Route is an ordered list of addresses. The onward route says where a message goes (each hop
/// steps past itself); the return route says how to reply (each hop prepends itself).
///
/// Both ends change on the message path, so a route keeps its addresses in slots with free
/// room in front (AddressSlots): `step` frees the first slot and `prepend` fills the slot before
/// the first, neither shifting the others; only a prepend without a free slot moves them,
/// leaving kFrontRoom free slots in front. Copies hold the addresses alone. Routes of up to two
/// slots take no heap block.
class Route {
 public:
  /// Free slots left in front when a prepend has to move the addresses.
  static constexpr std::size_t kFrontRoom = 2;
  using const_iterator = const Address*;

  Route() = default;
  Route(std::initializer_list<Address> addresses) {
    slots_.append_copies(addresses.begin(), addresses.end());
  }
  explicit Route(std::vector<Address> addresses);
  Route(const Route& other) { slots_.append_copies(other.begin(), other.end()); }
  Route(Route&& other) noexcept = default;
  Route& operator=(const Route& other);
  Route& operator=(Route&& other) noexcept = default;
  ~Route() = default;

  /// parse reads "a => b => c"; an empty text or an empty element is a kParse error.
  static Result<Route> parse(std::string_view text);

  bool empty() const noexcept { return slots_.empty(); }
  std::size_t size() const noexcept { return slots_.size(); }
  const Address& operator[](std::size_t i) const { return slots_[i]; }
  const_iterator begin() const noexcept { return slots_.begin(); }
  const_iterator end() const noexcept { return slots_.end(); }

  /// next returns the first address, or nullptr on an empty route.
  const Address* next() const noexcept { return empty() ? nullptr : slots_.begin(); }
  /// recipient returns the last address, or nullptr on an empty route.
  const Address* recipient() const noexcept { return empty() ? nullptr : &slots_.back(); }
  /// step removes and returns the first address; kInvalid on an empty route.
  Result<Address> step();

  Route& append(Address address);
  Route& prepend(Address address);
  Route& append_route(const Route& other);
  Route& prepend_route(const Route& other);
  /// pop_back removes the last address (no-op on an empty route).
  Route& pop_back();
  /// Empties the route and makes room for `count` appends after `front` free slots (decoders
  /// call it before they append what they read, leaving room for the hops' prepends).
  void reset_with_room(std::size_t front, std::size_t count);
  /// How many prepends fit before the addresses have to move.
  std::size_t front_room() const noexcept { return slots_.front_room(); }

  /// Returns "a => b" with each address in `tt#inner` form.
  std::string to_string() const;

  friend bool operator==(const Route& a, const Route& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  /// Moves the addresses back so that at least `needed` slots are free in front.
  void make_front_room(std::size_t needed);

  AddressSlots slots_;
};

namespace internal {
inline void append_to_route(Route& r, const Route& part) {
  r.append_route(part);
}
inline void append_to_route(Route& r, Address part) {
  r.append(std::move(part));
}
}  // namespace internal

/// route(a, b, ...) builds a route from addresses, things convertible to an address (a TCP
/// connection, a secure channel, "text") and whole routes, like Rust's `route![...]`.
template <class... Parts>
Route route(Parts&&... parts) {
  Route r;
  (internal::append_to_route(r, std::forward<Parts>(parts)), ...);
  return r;
}

}  // namespace ockam
