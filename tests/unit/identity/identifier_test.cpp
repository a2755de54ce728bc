#include "ockam/identity/identifier.hpp"

#include <string>
#include <unordered_set>

#include <gtest/gtest.h>

namespace ockam::identity {
namespace {

constexpr const char* kText = "I923829d0397a06fa862be5a87b7966959b8ef99ab6455b843ca9131a747b4819";

TEST(IdentifierTest, ParsesAndPrintsTheTextForm) {
  auto id = Identifier::parse(kText);
  ASSERT_TRUE(id);
  EXPECT_EQ(id->bytes()[0], 0x92);
  EXPECT_EQ(id->bytes()[31], 0x19);
  EXPECT_EQ(id->to_string(), kText);
}

TEST(IdentifierTest, ParseRejectsAnythingButIAndLowercaseHex) {
  std::string text = kText;
  const std::string rejected[] = {
      "",
      "I",
      text.substr(1),                                                       // no prefix
      "i" + text.substr(1),                                                 // lowercase prefix
      "P" + text.substr(1),                                                 // other prefix
      text.substr(0, 64),                                                   // one digit short
      text + "0",                                                           // one digit long
      "I923829D0397a06fa862be5a87b7966959b8ef99ab6455b843ca9131a747b4819",  // uppercase
      "I923829g0397a06fa862be5a87b7966959b8ef99ab6455b843ca9131a747b4819",  // not hex
      " " + text,
  };
  for (const std::string& item : rejected) {
    auto id = Identifier::parse(item);
    ASSERT_FALSE(id) << item;
    EXPECT_EQ(id.error().kind(), Kind::kParse);
  }
}

TEST(IdentifierTest, ComparesAndHashesByBytes) {
  std::array<std::uint8_t, 32> low{};
  std::array<std::uint8_t, 32> high{};
  high[0] = 1;
  Identifier a(low);
  Identifier b(high);
  EXPECT_LT(a, b);
  EXPECT_NE(a, b);
  EXPECT_EQ(a, Identifier());
  std::unordered_set<Identifier> set{a, b, Identifier(low)};
  EXPECT_EQ(set.size(), 2u);
}

}  // namespace
}  // namespace ockam::identity
