#include "ockam/core/route.hpp"

#include <gtest/gtest.h>

namespace ockam {
namespace {

TEST(RouteTest, ParsesArrowSeparatedAddresses) {
  auto r = Route::parse("h1 => 1#127.0.0.1:4000 => echoer");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0], Address("h1"));
  EXPECT_EQ((*r)[1].transport_type(), kTcp);
  EXPECT_EQ((*r)[1].inner(), "127.0.0.1:4000");
  EXPECT_EQ(r->to_string(), "0#h1 => 1#127.0.0.1:4000 => 0#echoer");
}

TEST(RouteTest, ParseRejectsEmptyElements) {
  EXPECT_FALSE(Route::parse(""));
  EXPECT_FALSE(Route::parse("a => => b"));
  EXPECT_FALSE(Route::parse("a =>"));
}

TEST(RouteTest, StepPopsTheFirstAddressAndFailsWhenEmpty) {
  Route r = route("a", "b");
  auto first = r.step();
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, Address("a"));
  EXPECT_EQ(r, route("b"));
  ASSERT_TRUE(r.step());
  auto none = r.step();
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind(), Kind::kInvalid);
}

TEST(RouteTest, BuilderAppendsRoutesAndAddresses) {
  Route inner = route("x", "y");
  Route r = route("a", inner, tcp_address("h:1"));
  EXPECT_EQ(r.to_string(), "0#a => 0#x => 0#y => 1#h:1");
  r.prepend("z").pop_back();
  EXPECT_EQ(r.to_string(), "0#z => 0#a => 0#x => 0#y");
  ASSERT_NE(r.recipient(), nullptr);
  EXPECT_EQ(*r.recipient(), Address("y"));
}

TEST(AddressTest, ParseRejectsTwoHashesAndBadTypes) {
  EXPECT_FALSE(Address::parse("1#a#b"));
  EXPECT_FALSE(Address::parse("x#a"));
  EXPECT_FALSE(Address::parse("256#a"));
  EXPECT_FALSE(Address::parse("#a"));
  auto a = Address::parse("3#ws");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->transport_type(), 3);
}

TEST(AddressTest, RandomLocalAddressesAre32HexCharactersAndDistinct) {
  Address a = Address::random_local();
  Address b = Address::random_local();
  EXPECT_EQ(a.inner().size(), 32u);
  EXPECT_TRUE(a.is_local());
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace ockam
