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

Result<Address> Route::step() {
  if (addresses_.empty()) {
    return Error(Origin::kCore, Kind::kInvalid, "cannot step an empty route");
  }
  Address first = std::move(addresses_.front());
  addresses_.erase(addresses_.begin());
  return first;
}

Route& Route::append(Address address) {
  addresses_.push_back(std::move(address));
  return *this;
}

Route& Route::prepend(Address address) {
  addresses_.insert(addresses_.begin(), std::move(address));
  return *this;
}

Route& Route::append_route(const Route& other) {
  addresses_.insert(addresses_.end(), other.addresses_.begin(), other.addresses_.end());
  return *this;
}

Route& Route::prepend_route(const Route& other) {
  addresses_.insert(addresses_.begin(), other.addresses_.begin(), other.addresses_.end());
  return *this;
}

Route& Route::pop_back() {
  if (!addresses_.empty()) {
    addresses_.pop_back();
  }
  return *this;
}

std::string Route::to_string() const {
  std::string text;
  for (std::size_t i = 0; i < addresses_.size(); ++i) {
    if (i > 0) {
      text += " => ";
    }
    text += addresses_[i].to_string();
  }
  return text;
}

}  // namespace ockam
