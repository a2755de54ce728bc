#include "ockam/core/route.hpp"

namespace ockam {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

Result<Route> Route::parse(std::string_view text) {
  Route r;
  while (true) {
    std::size_t arrow = text.find("=>");
    std::string_view part = trim(text.substr(0, arrow));
    if (part.empty()) {
      return Error(Origin::kCore, Kind::kParse, "route has an empty address");
    }
    auto address = Address::parse(part);
    if (!address) {
      return address.error();
    }
    r.append(std::move(*address));
    if (arrow == std::string_view::npos) {
      return r;
    }
    text.remove_prefix(arrow + 2);
  }
}

Route::Route(std::vector<Address> addresses) {
  slots_.reset(0, addresses.size());
  for (Address& address : addresses) {
    slots_.push_back(std::move(address));
  }
}

Route& Route::operator=(const Route& other) {
  if (this != &other) {
    slots_.clear();
    slots_.append_copies(other.begin(), other.end());
  }
  return *this;
}

Result<Address> Route::step() {
  if (empty()) {
    return Error(Origin::kCore, Kind::kInvalid, "cannot step an empty route");
  }
  return slots_.pop_front();
}

Route& Route::append(Address address) {
  slots_.push_back(std::move(address));
  return *this;
}

Route& Route::prepend(Address address) {
  if (slots_.front_room() == 0) {
    make_front_room(1);
  }
  slots_.push_front(std::move(address));
  return *this;
}

Route& Route::append_route(const Route& other) {
  if (&other == this) {
    // The copy is what makes adding a route to itself safe (its slots move while being read).
    Route copy(other);  // NOLINT(performance-unnecessary-copy-initialization)
    return append_route(copy);
  }
  slots_.append_copies(other.begin(), other.end());
  return *this;
}

Route& Route::prepend_route(const Route& other) {
  if (&other == this) {
    // The copy is what makes adding a route to itself safe (its slots move while being read).
    Route copy(other);  // NOLINT(performance-unnecessary-copy-initialization)
    return prepend_route(copy);
  }
  if (slots_.front_room() < other.size()) {
    make_front_room(other.size());
  }
  for (auto it = other.end(); it != other.begin();) {
    slots_.push_front(*--it);
  }
  return *this;
}

Route& Route::pop_back() {
  if (!empty()) {
    slots_.pop_back();
  }
  return *this;
}

void Route::reset_with_room(std::size_t front, std::size_t count) {
  slots_.reset(front, count);
}

void Route::make_front_room(std::size_t needed) {
  slots_.make_room(needed + kFrontRoom, 0);
}

std::string Route::to_string() const {
  std::string text;
  for (const Address& address : *this) {
    if (!text.empty()) {
      text += " => ";
    }
    text += address.to_string();
  }
  return text;
}

}  // namespace ockam
