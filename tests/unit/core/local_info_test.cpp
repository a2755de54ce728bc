#include "ockam/core/local_info.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace ockam {
namespace {

TEST(LocalInfoListTest, FindsTheFirstEntryOfAType) {
  LocalInfoList list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.find("a"), nullptr);
  list.push_back({"a", {1}});
  list.push_back({"b", {2}});
  list.push_back({"a", {3}});
  EXPECT_EQ(list.size(), 3u);
  ASSERT_NE(list.find("a"), nullptr);
  EXPECT_EQ(*list.find("a"), Bytes{1});
  EXPECT_EQ(*list.find("b"), Bytes{2});
  EXPECT_EQ(list.find("c"), nullptr);
  list.clear();
  EXPECT_TRUE(list.empty());
}

TEST(LocalInfoListTest, CopiesShareTheEntriesUntilOneChanges) {
  auto entries = std::make_shared<const LocalInfoList::Entries>(
      LocalInfoList::Entries{{"identifier", {7, 8}}});
  LocalInfoList first(entries);
  LocalInfoList second = first;
  EXPECT_EQ(first.find("identifier"), second.find("identifier"));
  EXPECT_EQ(first.find("identifier"), &entries->front().data);

  second.push_back({"more", {9}});
  EXPECT_EQ(second.size(), 2u);
  EXPECT_EQ(first.size(), 1u);
  EXPECT_EQ(entries->size(), 1u);
  EXPECT_EQ(first.find("more"), nullptr);
  ASSERT_NE(second.find("identifier"), nullptr);
  EXPECT_EQ(*second.find("identifier"), (Bytes{7, 8}));
  EXPECT_NE(second.find("identifier"), first.find("identifier"));
}

}  // namespace
}  // namespace ockam
