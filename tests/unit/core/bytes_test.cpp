#include "ockam/core/bytes.hpp"

#include <gtest/gtest.h>

namespace ockam {
namespace {

TEST(BytesTest, ToHexIsLowercaseAndTwoDigitsPerByte) {
  EXPECT_EQ(to_hex(Bytes{0x00, 0x0a, 0xff, 0x10}), "000aff10");
  EXPECT_EQ(to_hex(Bytes{}), "");
}

TEST(BytesTest, FromHexAcceptsEitherCase) {
  auto bytes = from_hex("00aAfF10");
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, (Bytes{0x00, 0xaa, 0xff, 0x10}));
  auto empty = from_hex("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST(BytesTest, FromHexRejectsOddLengths) {
  auto odd = from_hex("abc");
  ASSERT_FALSE(odd);
  EXPECT_EQ(odd.error().kind(), Kind::kParse);
}

TEST(BytesTest, FromHexRejectsNonHexCharacters) {
  for (const char* text : {"0g", "g0", "  ", "0x12", "-1"}) {
    auto bad = from_hex(text);
    ASSERT_FALSE(bad) << text;
    EXPECT_EQ(bad.error().kind(), Kind::kParse);
  }
}

TEST(BytesTest, HexRoundTripsEveryByteValue) {
  Bytes all;
  for (int i = 0; i < 256; ++i) {
    all.push_back(static_cast<std::uint8_t>(i));
  }
  EXPECT_EQ(from_hex(to_hex(all)).value(), all);
}

TEST(BytesTest, AsBytesViewsTheTextAndToBytesCopiesIt) {
  std::string text = "Hi";
  ByteView view = as_bytes(text);
  EXPECT_EQ(static_cast<const void*>(view.data()), static_cast<const void*>(text.data()));
  EXPECT_EQ(to_bytes(text), (Bytes{0x48, 0x69}));
}

}  // namespace
}  // namespace ockam
