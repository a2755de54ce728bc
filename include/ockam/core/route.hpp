#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ockam/core/address.hpp"

namespace ockam {

/// Route is an ordered list of addresses. The onward route says where a message goes (each hop
/// steps past itself); the return route says how to reply.
class Route {
 public:
  Route() = default;
  Route(std::initializer_list<Address> addresses) : addresses_(addresses) {}
  explicit Route(std::vector<Address> addresses) : addresses_(std::move(addresses)) {}

  /// parse reads "a => b => c"; an empty text or an empty element is a kParse error.
  static Result<Route> parse(std::string_view text);

  bool empty() const noexcept { return addresses_.empty(); }
  std::size_t size() const noexcept { return addresses_.size(); }
  const Address& operator[](std::size_t i) const { return addresses_[i]; }
  auto begin() const noexcept { return addresses_.begin(); }
  auto end() const noexcept { return addresses_.end(); }

  /// next returns the first address, or nullptr on an empty route.
  const Address* next() const noexcept { return empty() ? nullptr : &addresses_.front(); }
  /// recipient returns the last address, or nullptr on an empty route.
  const Address* recipient() const noexcept { return empty() ? nullptr : &addresses_.back(); }
  /// step removes and returns the first address; kInvalid on an empty route.
  Result<Address> step();

  Route& append(Address address);
  Route& prepend(Address address);
  Route& append_route(const Route& other);
  Route& prepend_route(const Route& other);
  /// pop_back removes the last address (no-op on an empty route).
  Route& pop_back();

  /// Returns "a => b" with each address in `tt#inner` form.
  std::string to_string() const;

  friend bool operator==(const Route&, const Route&) = default;

 private:
  std::vector<Address> addresses_;
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
