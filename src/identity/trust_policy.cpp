#include "ockam/identity/trust_policy.hpp"

namespace ockam::identity {

TrustPolicy::TrustPolicy() : TrustPolicy([](const Identifier&) { return true; }) {}

TrustPolicy operator&&(TrustPolicy a, TrustPolicy b) {
  return TrustPolicy([a = std::move(a), b = std::move(b)](const Identifier& identifier) {
    return a.check(identifier) && b.check(identifier);
  });
}

TrustPolicy operator||(TrustPolicy a, TrustPolicy b) {
  return TrustPolicy([a = std::move(a), b = std::move(b)](const Identifier& identifier) {
    return a.check(identifier) || b.check(identifier);
  });
}

TrustPolicy trust_everyone() {
  return TrustPolicy();
}

TrustPolicy trust_identifier(Identifier identifier) {
  return TrustPolicy([identifier](const Identifier& peer) { return peer == identifier; });
}

TrustPolicy trust_identifiers(std::set<Identifier> identifiers) {
  return TrustPolicy([identifiers = std::move(identifiers)](const Identifier& peer) {
    return identifiers.contains(peer);
  });
}

}  // namespace ockam::identity
