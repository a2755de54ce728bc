#include "ockam/core/address_slots.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace ockam {
namespace {

bool lies_in(const AddressSlots& slots) {
  const auto* object = reinterpret_cast<const unsigned char*>(&slots);
  const auto* data = reinterpret_cast<const unsigned char*>(slots.begin());
  return data >= object && data < object + sizeof(AddressSlots);
}

// An inner text too long for the address itself: its bytes are on the heap.
Address long_address(char c) {
  return Address(kLocal, std::string(Address::kInlineCapacity + 5, c));
}

TEST(AddressSlotsTest, ADecodedRouteAndItsFreeSlotStayInTheObject) {
  // What a decoder does: one free slot in front, one address, then the hop prepends itself.
  AddressSlots slots;
  slots.reset(1, 1);
  slots.push_back(Address("next"));
  EXPECT_TRUE(lies_in(slots));
  EXPECT_EQ(slots.front_room(), 1u);
  AddressSlots moved = std::move(slots);
  EXPECT_TRUE(lies_in(moved));
  EXPECT_EQ(moved.front_room(), 1u);
  moved.push_front(long_address('h'));
  EXPECT_TRUE(lies_in(moved));
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved[0], long_address('h'));
  EXPECT_EQ(moved.back(), Address("next"));
  EXPECT_TRUE(slots.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_EQ(moved.pop_front(), long_address('h'));
  EXPECT_EQ(moved.front_room(), 1u);
  EXPECT_EQ(moved.size(), 1u);
}

TEST(AddressSlotsTest, LongerSequencesMoveToTheHeapInOrder) {
  AddressSlots slots;
  constexpr std::size_t kCount = 3 * AddressSlots::kInlineCapacity + 1;
  auto expected = [](std::size_t i) {
    return i % 2 == 0 ? long_address(static_cast<char>('a' + i)) : Address(kTcp, std::to_string(i));
  };
  for (std::size_t i = 0; i < kCount; ++i) {
    slots.push_back(expected(i));
  }
  EXPECT_FALSE(lies_in(slots));
  ASSERT_EQ(slots.size(), kCount);
  for (std::size_t i = 0; i < kCount; ++i) {
    EXPECT_EQ(slots[i], expected(i));
  }
  const Address* heap = slots.begin();
  AddressSlots moved = std::move(slots);
  EXPECT_EQ(moved.begin(), heap);  // the heap block changes hands, the addresses do not move
  EXPECT_TRUE(lies_in(slots));     // NOLINT(bugprone-use-after-move): back to its own slots
  slots = std::move(moved);
  EXPECT_EQ(slots.begin(), heap);
  slots.pop_back();
  EXPECT_EQ(slots.size(), kCount - 1);
  slots.clear();
  EXPECT_TRUE(slots.empty());
  EXPECT_GE(slots.capacity(), kCount);  // clear keeps the storage
}

TEST(AddressSlotsTest, MakingRoomKeepsTheAddressesAndFreesSlotsAtBothEnds) {
  AddressSlots source;
  source.push_back(long_address('x'));
  source.push_back(Address("y"));
  AddressSlots slots;
  slots.append_copies(source.begin(), source.end());
  EXPECT_EQ(source[0], long_address('x'));  // copied, not moved
  slots.make_room(3, 2);
  EXPECT_EQ(slots.front_room(), 3u);
  EXPECT_GE(slots.capacity(), 3u + 2u + 2u);
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[0], long_address('x'));
  EXPECT_EQ(slots[1], Address("y"));
  slots.push_front(Address("w"));
  slots.push_back(Address("z"));
  EXPECT_EQ(slots.front_room(), 2u);
  EXPECT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots.back(), Address("z"));
}

}  // namespace
}  // namespace ockam
