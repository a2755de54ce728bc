#include "ockam/identity/trust_policy.hpp"

#include <gtest/gtest.h>

namespace ockam::identity {
namespace {

Identifier id(std::uint8_t first) {
  std::array<std::uint8_t, 32> bytes{};
  bytes[0] = first;
  return Identifier(bytes);
}

TEST(TrustPolicyTest, TheDefaultPolicyTrustsEveryone) {
  TrustPolicy policy;
  EXPECT_TRUE(policy.check(id(1)));
  EXPECT_TRUE(trust_everyone().check(id(2)));
}

TEST(TrustPolicyTest, TrustIdentifierAcceptsOnlyThatIdentifier) {
  TrustPolicy policy = trust_identifier(id(1));
  EXPECT_TRUE(policy.check(id(1)));
  EXPECT_FALSE(policy.check(id(2)));
}

TEST(TrustPolicyTest, TrustIdentifiersAcceptsTheMembersOfTheSet) {
  TrustPolicy policy = trust_identifiers({id(1), id(3)});
  EXPECT_TRUE(policy.check(id(1)));
  EXPECT_TRUE(policy.check(id(3)));
  EXPECT_FALSE(policy.check(id(2)));
  EXPECT_FALSE(trust_identifiers({}).check(id(1)));
}

TEST(TrustPolicyTest, PoliciesCombineWithAndAndOr) {
  TrustPolicy both = trust_identifiers({id(1), id(2)}) && trust_identifiers({id(2), id(3)});
  EXPECT_FALSE(both.check(id(1)));
  EXPECT_TRUE(both.check(id(2)));
  EXPECT_FALSE(both.check(id(3)));
  TrustPolicy either = trust_identifier(id(1)) || trust_identifier(id(3));
  EXPECT_TRUE(either.check(id(1)));
  EXPECT_FALSE(either.check(id(2)));
  EXPECT_TRUE(either.check(id(3)));
}

TEST(TrustPolicyTest, AnyCallableIsAPolicy) {
  int calls = 0;
  TrustPolicy policy = [&calls](const Identifier& peer) {
    ++calls;
    return peer.bytes()[0] % 2 == 0;
  };
  EXPECT_TRUE(policy.check(id(2)));
  EXPECT_FALSE(policy.check(id(1)));
  EXPECT_EQ(calls, 2);
  TrustPolicy copy = policy;
  EXPECT_TRUE((copy && trust_everyone()).check(id(4)));
  EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace ockam::identity
