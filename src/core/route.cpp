#include "ockam/core/route.hpp"

#include <iterator>

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

Route& Route::operator=(const Route& other) {
  if (this != &other) {
    slots_.assign(other.begin(), other.end());
    head_ = 0;
  }
  return *this;
}

Route& Route::operator=(Route&& other) noexcept {
  if (this != &other) {
    slots_ = std::move(other.slots_);
    head_ = std::exchange(other.head_, 0);
    other.slots_.clear();
  }
  return *this;
}

Result<Address> Route::step() {
  if (empty()) {
    return Error(Origin::kCore, Kind::kInvalid, "cannot step an empty route");
  }
  return std::move(slots_[head_++]);
}

Route& Route::append(Address address) {
  slots_.push_back(std::move(address));
  return *this;
}

Route& Route::prepend(Address address) {
  if (head_ == 0) {
    make_front_room(1);
  }
  slots_[--head_] = std::move(address);
  return *this;
}

Route& Route::append_route(const Route& other) {
  if (&other == this) {
    // The copy is what makes adding a route to itself safe (its slots move while being read).
    Route copy(other);  // NOLINT(performance-unnecessary-copy-initialization)
    return append_route(copy);
  }
  slots_.insert(slots_.end(), other.begin(), other.end());
  return *this;
}

Route& Route::prepend_route(const Route& other) {
  if (&other == this) {
    // The copy is what makes adding a route to itself safe (its slots move while being read).
    Route copy(other);  // NOLINT(performance-unnecessary-copy-initialization)
    return prepend_route(copy);
  }
  if (head_ < other.size()) {
    make_front_room(other.size());
  }
  head_ -= other.size();
  std::copy(other.begin(), other.end(), slots_.begin() + static_cast<std::ptrdiff_t>(head_));
  return *this;
}

Route& Route::pop_back() {
  if (!empty()) {
    slots_.pop_back();
  }
  return *this;
}

void Route::reset_with_room(std::size_t front, std::size_t count) {
  slots_.clear();
  slots_.reserve(front + count);
  slots_.resize(front);
  head_ = front;
}

void Route::make_front_room(std::size_t needed) {
  const std::size_t room = needed + kFrontRoom;
  std::vector<Address> moved;
  moved.reserve(room + size());
  moved.resize(room);
  std::move(slots_.begin() + static_cast<std::ptrdiff_t>(head_), slots_.end(),
            std::back_inserter(moved));
  slots_ = std::move(moved);
  head_ = room;
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
