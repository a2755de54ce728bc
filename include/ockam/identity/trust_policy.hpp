#pragma once

#include <concepts>
#include <functional>
#include <memory>
#include <set>
#include <type_traits>
#include <utility>

#include "ockam/identity/identifier.hpp"

namespace ockam::identity {

/// TrustPolicy decides whether a secure channel accepts the peer whose identity it verified
/// (Ockam: secure_channel/trust_policy/, reference §4.3). It is a cheap-to-copy value; any
/// callable `bool(const Identifier&)` is one, and policies combine with `&&` and `||`. The
/// default policy trusts everyone, as in Ockam.
class TrustPolicy {
 public:
  /// The policy that trusts everyone.
  TrustPolicy();
  /// A policy from a callable; it must be safe to call from any thread.
  template <class F>
  requires(std::is_invocable_r_v<bool, const F&, const Identifier&> &&
           !std::same_as<std::decay_t<F>, TrustPolicy>)
      TrustPolicy(
          F check)  // NOLINT: implicit, so a lambda can be passed where a policy is expected
      : check_(std::make_shared<const Check>(std::move(check))) {}

  /// Returns true when the peer `identifier` is trusted.
  bool check(const Identifier& identifier) const { return (*check_)(identifier); }

  /// Trusts whom both `a` and `b` trust (Ockam's `AllTrustPolicy`).
  friend TrustPolicy operator&&(TrustPolicy a, TrustPolicy b);
  /// Trusts whom `a` or `b` trusts (Ockam's `AnyTrustPolicy`).
  friend TrustPolicy operator||(TrustPolicy a, TrustPolicy b);

 private:
  using Check = std::function<bool(const Identifier&)>;
  std::shared_ptr<const Check> check_;
};

/// trust_everyone accepts every peer (Ockam's `TrustEveryonePolicy`, the default).
TrustPolicy trust_everyone();
/// trust_identifier accepts only `identifier` (Ockam's `TrustIdentifierPolicy`).
TrustPolicy trust_identifier(Identifier identifier);
/// trust_identifiers accepts the members of `identifiers` (Ockam's
/// `TrustMultiIdentifiersPolicy`).
TrustPolicy trust_identifiers(std::set<Identifier> identifiers);

}  // namespace ockam::identity
