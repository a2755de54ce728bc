#include "ockam/node/access_control.hpp"

#include <algorithm>

namespace ockam {
namespace {

template <class Base, bool kAllow>
class Constant final : public Base {
 public:
  bool is_authorized(const RelayMessage&) const override { return kAllow; }
};

class AllowSources final : public IncomingAccessControl {
 public:
  explicit AllowSources(std::vector<Address> sources) : sources_(std::move(sources)) {}
  bool is_authorized(const RelayMessage& m) const override {
    return std::find(sources_.begin(), sources_.end(), m.source) != sources_.end();
  }

 private:
  std::vector<Address> sources_;
};

class AllowOnward final : public OutgoingAccessControl {
 public:
  explicit AllowOnward(std::vector<Address> destinations)
      : destinations_(std::move(destinations)) {}
  bool is_authorized(const RelayMessage& m) const override {
    return std::find(destinations_.begin(), destinations_.end(), m.destination) !=
           destinations_.end();
  }

 private:
  std::vector<Address> destinations_;
};

template <class Base, bool kRequireAll>
class Combined final : public Base {
 public:
  explicit Combined(std::vector<std::shared_ptr<const Base>> parts) : parts_(std::move(parts)) {}
  bool is_authorized(const RelayMessage& m) const override {
    auto allows = [&](const auto& part) { return part->is_authorized(m); };
    if constexpr (kRequireAll) {
      return std::all_of(parts_.begin(), parts_.end(), allows);
    } else {
      return std::any_of(parts_.begin(), parts_.end(), allows);
    }
  }

 private:
  std::vector<std::shared_ptr<const Base>> parts_;
};

}  // namespace

IncomingAccessControlPtr allow_all_incoming() {
  return std::make_shared<Constant<IncomingAccessControl, true>>();
}
OutgoingAccessControlPtr allow_all_outgoing() {
  return std::make_shared<Constant<OutgoingAccessControl, true>>();
}
IncomingAccessControlPtr deny_all_incoming() {
  return std::make_shared<Constant<IncomingAccessControl, false>>();
}
OutgoingAccessControlPtr deny_all_outgoing() {
  return std::make_shared<Constant<OutgoingAccessControl, false>>();
}
IncomingAccessControlPtr allow_source_addresses(std::vector<Address> sources) {
  return std::make_shared<AllowSources>(std::move(sources));
}
OutgoingAccessControlPtr allow_onward_addresses(std::vector<Address> destinations) {
  return std::make_shared<AllowOnward>(std::move(destinations));
}
IncomingAccessControlPtr all_of(std::vector<IncomingAccessControlPtr> controls) {
  return std::make_shared<Combined<IncomingAccessControl, true>>(std::move(controls));
}
IncomingAccessControlPtr any_of(std::vector<IncomingAccessControlPtr> controls) {
  return std::make_shared<Combined<IncomingAccessControl, false>>(std::move(controls));
}
OutgoingAccessControlPtr all_of(std::vector<OutgoingAccessControlPtr> controls) {
  return std::make_shared<Combined<OutgoingAccessControl, true>>(std::move(controls));
}
OutgoingAccessControlPtr any_of(std::vector<OutgoingAccessControlPtr> controls) {
  return std::make_shared<Combined<OutgoingAccessControl, false>>(std::move(controls));
}

}  // namespace ockam
