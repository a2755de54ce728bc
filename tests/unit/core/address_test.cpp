#include "ockam/core/address.hpp"

#include <gtest/gtest.h>

#include <unordered_set>

namespace ockam {
namespace {

TEST(AddressTest, TextWithoutHashIsALocalAddress) {
  Address a("echoer");
  EXPECT_TRUE(a.is_local());
  EXPECT_EQ(a.transport_type(), kLocal);
  EXPECT_EQ(a.inner(), "echoer");
  EXPECT_EQ(a.to_string(), "0#echoer");
}

TEST(AddressTest, TextWithATypePrefixKeepsTheType) {
  Address tcp("1#127.0.0.1:4000");
  EXPECT_FALSE(tcp.is_local());
  EXPECT_EQ(tcp.transport_type(), kTcp);
  EXPECT_EQ(tcp.inner(), "127.0.0.1:4000");
  EXPECT_EQ(tcp.to_string(), "1#127.0.0.1:4000");
  EXPECT_EQ(Address("0#echoer"), Address("echoer"));
  EXPECT_EQ(Address("255#x").to_string(), "255#x");
}

TEST(AddressTest, TextThatDoesNotParseIsTakenWholeAsLocal) {
  Address a("a#b#c");
  EXPECT_TRUE(a.is_local());
  EXPECT_EQ(a.inner(), "a#b#c");
  EXPECT_EQ(Address("300#x").inner(), "300#x");
}

TEST(AddressTest, ToStringRoundTripsThroughParse) {
  for (const Address& a : {Address("echoer"), tcp_address("localhost:4000"), Address(kUdp, "u")}) {
    auto parsed = Address::parse(a.to_string());
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, a);
  }
}

TEST(AddressTest, ParseAcceptsAnEmptyInner) {
  auto parsed = Address::parse("1#");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->transport_type(), kTcp);
  EXPECT_TRUE(parsed->inner().empty());
}

TEST(AddressTest, SameInnerWithDifferentTypesDiffer) {
  Address local(kLocal, "x");
  Address tcp(kTcp, "x");
  EXPECT_NE(local, tcp);
  EXPECT_LT(local, tcp);
  std::unordered_set<Address, AddressHash> set{local, tcp, Address("x")};
  EXPECT_EQ(set.size(), 2u);
}

TEST(AddressTest, TcpAddressBuildsATcpAddress) {
  Address a = tcp_address("host:1");
  EXPECT_EQ(a.transport_type(), kTcp);
  EXPECT_EQ(a.to_string(), "1#host:1");
}

TEST(AddressTest, ShortAndLongInnerTextsCopyMoveAndCompareAlike) {
  const std::string long_text(Address::kInlineCapacity + 1, 'x');
  for (const std::string& text : {std::string(), std::string("echoer"),
                                  std::string(Address::kInlineCapacity, 'y'), long_text}) {
    Address a(kTcp, text);
    EXPECT_EQ(a.inner(), text);
    Address copy = a;
    EXPECT_EQ(copy, a);
    Address moved = std::move(copy);
    EXPECT_EQ(moved, a);
    EXPECT_TRUE(copy.inner().empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
    copy = moved;
    EXPECT_EQ(copy, a);
    copy = Address("short");
    EXPECT_EQ(copy.inner(), "short");
    copy = std::move(moved);
    EXPECT_EQ(copy, a);
    EXPECT_EQ(AddressHash{}(copy), AddressHash{}(a));
  }
  EXPECT_LT(Address(kLocal, std::string(40, 'a')), Address(kLocal, "b"));
  EXPECT_LT(Address(kLocal, "b"), Address(kTcp, "a"));
}

TEST(AddressTest, TheHashFollowsTypeAndEveryInnerByte) {
  // Every length around the eight-byte words the hash reads, and a change in each position.
  std::unordered_set<std::size_t> hashes;
  for (std::size_t length = 0; length <= 2 * Address::kInlineCapacity; ++length) {
    std::string text(length, 'a');
    EXPECT_EQ(Address(kLocal, text).hash(), Address(kLocal, std::string(text)).hash());
    hashes.insert(Address(kLocal, text).hash());
    hashes.insert(Address(kTcp, text).hash());
    for (std::size_t at = 0; at < length; ++at) {
      std::string changed = text;
      changed[at] = 'b';
      hashes.insert(Address(kLocal, changed).hash());
    }
  }
  // 2 x 77 lengths with both types, plus one change per position: all distinct.
  constexpr std::size_t kLengths = 2 * Address::kInlineCapacity + 1;
  EXPECT_EQ(hashes.size(), 2 * kLengths + kLengths * (kLengths - 1) / 2);
}

TEST(AddressTest, TheKeptHashFollowsCopiesMovesAndAssignments) {
  Address a = Address::random_local();
  const std::size_t h = a.hash();
  Address copy = a;
  EXPECT_EQ(copy.hash(), h);
  Address moved = std::move(copy);
  EXPECT_EQ(moved.hash(), h);
  // The moved-from address is empty, and hashes as an empty address of its type.
  EXPECT_EQ(copy.hash(), Address(kLocal, "").hash());  // NOLINT(bugprone-use-after-move)
  moved = Address("other");
  EXPECT_EQ(moved.hash(), Address("other").hash());
  moved = a;
  EXPECT_EQ(moved.hash(), h);
  EXPECT_NE(Address(kTcp, a.inner()).hash(), h);
}

TEST(AddressTest, OckamsOwnFormsFitInTheAddressItself) {
  EXPECT_GE(Address::kInlineCapacity, Address::random_local().inner().size());
  EXPECT_GE(Address::kInlineCapacity, std::string_view("255.255.255.255:65535").size());
  EXPECT_LE(sizeof(Address), 48u);
}

}  // namespace
}  // namespace ockam
