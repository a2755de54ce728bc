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

TEST(RouteTest, StepMovesTheHeadAndPrependFillsTheFreedSlot) {
  Route r = route("a", "b", "c");
  ASSERT_TRUE(r.step());
  EXPECT_EQ(r.front_room(), 1u);
  const Address* b = r.next();
  r.prepend("x");  // into the freed slot: the others stay where they are
  EXPECT_EQ(r.front_room(), 0u);
  EXPECT_EQ(&r[1], b);
  EXPECT_EQ(r, route("x", "b", "c"));
  EXPECT_EQ(r.size(), 3u);
  EXPECT_EQ(*r.recipient(), Address("c"));
}

TEST(RouteTest, APrependWithoutRoomLeavesRoomForTheNextOnes) {
  Route r = route("a");
  r.prepend("b");
  EXPECT_EQ(r.front_room(), Route::kFrontRoom);
  const Address* b = r.next();
  r.prepend("c");
  EXPECT_EQ(&r[1], b);
  EXPECT_EQ(r, route("c", "b", "a"));
  r.prepend_route(route("p", "q", "s"));
  EXPECT_EQ(r.to_string(), "0#p => 0#q => 0#s => 0#c => 0#b => 0#a");
}

TEST(RouteTest, CopiesAndComparisonsSeeOnlyTheAddressesInUse) {
  Route stepped = route("gone", "a", "b");
  ASSERT_TRUE(stepped.step());
  Route copy = stepped;
  EXPECT_EQ(copy, route("a", "b"));
  EXPECT_EQ(copy.front_room(), 0u);
  EXPECT_NE(stepped, route("gone", "a", "b"));
  Route moved = std::move(stepped);
  EXPECT_EQ(moved, route("a", "b"));
  EXPECT_TRUE(stepped.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_EQ(stepped.size(), 0u);
  stepped.append("z");
  EXPECT_EQ(stepped, route("z"));
}

TEST(RouteTest, LongRoutesStepPrependCopyAndMoveLikeShortOnes) {
  Route r;
  for (int i = 0; i < 12; ++i) {
    r.append(Address(kLocal, std::to_string(i)));
  }
  ASSERT_TRUE(r.step());
  r.prepend("x");
  r.prepend("y");
  Route copy = r;
  Route moved = std::move(r);
  EXPECT_EQ(copy, moved);
  EXPECT_EQ(moved.size(), 13u);
  EXPECT_EQ(moved[0], Address("y"));
  EXPECT_EQ(moved[2], Address("1"));
  EXPECT_EQ(*moved.recipient(), Address("11"));
  r = copy;  // NOLINT(bugprone-use-after-move): a moved-from route can be assigned
  r.append_route(r);
  EXPECT_EQ(r.size(), 26u);
  EXPECT_EQ(r[13], Address("y"));
}

TEST(RouteTest, ResetWithRoomKeepsFrontSlotsForPrepends) {
  Route r = route("old");
  r.reset_with_room(1, 2);
  EXPECT_TRUE(r.empty());
  r.append("a").append("b");
  EXPECT_EQ(r.front_room(), 1u);
  const Address* a = r.next();
  r.prepend("hop");
  EXPECT_EQ(&r[1], a);
  EXPECT_EQ(r, route("hop", "a", "b"));
  r.pop_back().pop_back().pop_back().pop_back();
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(r.next(), nullptr);
  EXPECT_EQ(r.recipient(), nullptr);
}

}  // namespace
}  // namespace ockam
