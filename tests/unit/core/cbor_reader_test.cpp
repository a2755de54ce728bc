#include "ockam/core/cbor_reader.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "ockam/core/cbor_writer.hpp"

namespace ockam {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}

TEST(CborReaderTest, UnsignedIntegersRoundTripAtEveryHeadWidth) {
  const std::uint64_t values[] = {
      0,     23,    24,         255,        256,
      65535, 65536, 0xffffffff, 1ull << 32, std::numeric_limits<std::uint64_t>::max()};
  for (std::uint64_t value : values) {
    ByteWriter bytes;
    CborWriter(bytes).write_uint(value);
    CborReader in(bytes.view());
    std::uint64_t read = 0;
    ASSERT_TRUE(in.read_uint(read)) << value;
    EXPECT_EQ(read, value);
    EXPECT_TRUE(in.expect_end());
  }
}

TEST(CborReaderTest, SignedIntegersRoundTripIncludingTheExtremes) {
  const std::int64_t values[] = {0,
                                 1,
                                 -1,
                                 -24,
                                 -25,
                                 -256,
                                 -257,
                                 -65537,
                                 std::numeric_limits<std::int64_t>::max(),
                                 std::numeric_limits<std::int64_t>::min()};
  for (std::int64_t value : values) {
    ByteWriter bytes;
    CborWriter(bytes).write_int(value);
    CborReader in(bytes.view());
    std::int64_t read = 0;
    ASSERT_TRUE(in.read_int(read)) << value;
    EXPECT_EQ(read, value);
  }
}

TEST(CborReaderTest, ReadIntRejectsValuesOutsideSigned64BitRange) {
  std::int64_t out = 0;
  Bytes too_big = hex("1b8000000000000000");
  EXPECT_FALSE(CborReader(too_big).read_int(out));
  Bytes too_small = hex("3b8000000000000000");
  EXPECT_FALSE(CborReader(too_small).read_int(out));
}

TEST(CborReaderTest, NonShortestHeadsAreAccepted) {
  std::uint64_t value = 99;
  Bytes zero_in_one_byte = hex("1800");
  EXPECT_TRUE(CborReader(zero_in_one_byte).read_uint(value));
  EXPECT_EQ(value, 0u);
  Bytes one_in_eight_bytes = hex("1b0000000000000001");
  EXPECT_TRUE(CborReader(one_in_eight_bytes).read_uint(value));
  EXPECT_EQ(value, 1u);
  Bytes bytes_with_wide_length = hex("59000201ff");
  ByteView view;
  CborReader in(bytes_with_wide_length);
  ASSERT_TRUE(in.read_bytes(view));
  EXPECT_EQ(to_hex(view), "01ff");
  Bytes array_with_wide_count = hex("980100");
  std::uint64_t count = 0;
  EXPECT_TRUE(CborReader(array_with_wide_count).read_array_header(count));
  EXPECT_EQ(count, 1u);
}

TEST(CborReaderTest, SizedUnsignedReadsRejectValuesOutOfRange) {
  std::uint8_t small = 0;
  Bytes b255 = hex("18ff");
  EXPECT_TRUE(CborReader(b255).read_u8(small));
  EXPECT_EQ(small, 255);
  Bytes b256 = hex("190100");
  CborReader in(b256);
  EXPECT_FALSE(in.read_u8(small));
  EXPECT_EQ(in.remaining(), 3u);
  std::uint32_t medium = 0;
  EXPECT_TRUE(in.read_u32(medium));
  EXPECT_EQ(medium, 256u);
  Bytes too_wide = hex("1b0000000100000000");
  EXPECT_FALSE(CborReader(too_wide).read_u32(medium));
}

TEST(CborReaderTest, StringsAndContainersRoundTrip) {
  ByteWriter bytes;
  CborWriter out(bytes);
  out.write_array_header(4);
  out.write_bytes(Bytes{0xde, 0xad});
  out.write_text("h\xc3\xa9llo");
  out.write_map_header(1);
  out.write_bool(true);
  out.write_null();
  out.write_bool(false);

  CborReader in(bytes.view());
  std::uint64_t count = 0;
  ASSERT_TRUE(in.read_array_header(count));
  EXPECT_EQ(count, 4u);
  ByteView data;
  ASSERT_TRUE(in.read_bytes(data));
  EXPECT_EQ(to_hex(data), "dead");
  std::string_view text;
  ASSERT_TRUE(in.read_text(text));
  EXPECT_EQ(text, "h\xc3\xa9llo");
  ASSERT_TRUE(in.read_map_header(count));
  EXPECT_EQ(count, 1u);
  bool flag = false;
  ASSERT_TRUE(in.read_bool(flag));
  EXPECT_TRUE(flag);
  EXPECT_TRUE(in.next_is_null());
  ASSERT_TRUE(in.read_null());
  ASSERT_TRUE(in.read_bool(flag));
  EXPECT_FALSE(flag);
  EXPECT_TRUE(in.expect_end());
}

TEST(CborReaderTest, PeekTypeReportsTheMajorTypeWithoutConsuming) {
  Bytes data = hex("3820");
  CborReader in(data);
  CborType type{};
  ASSERT_TRUE(in.peek_type(type));
  EXPECT_EQ(type, CborType::kNegative);
  EXPECT_EQ(in.remaining(), 2u);
  CborReader empty(ByteView{});
  EXPECT_FALSE(empty.peek_type(type));
}

TEST(CborReaderTest, EveryTruncationOfAnItemFailsAndLeavesTheReaderUnchanged) {
  ByteWriter bytes;
  CborWriter out(bytes);
  out.write_array_header(3);
  out.write_uint(70000);
  out.write_bytes(Bytes(30, 7));
  out.write_text("text");
  Bytes whole = bytes.take();
  for (std::size_t size = 0; size < whole.size(); ++size) {
    CborReader in(ByteView(whole).first(size));
    EXPECT_FALSE(in.skip()) << size;
    EXPECT_EQ(in.remaining(), size);
  }
  // And each single item, cut anywhere, fails its own read.
  Bytes number = hex("1a00011170");
  for (std::size_t size = 0; size < number.size(); ++size) {
    std::uint64_t value = 0;
    CborReader in(ByteView(number).first(size));
    EXPECT_FALSE(in.read_uint(value)) << size;
    EXPECT_EQ(in.remaining(), size);
  }
  Bytes text = hex("6474657874");
  for (std::size_t size = 0; size < text.size(); ++size) {
    std::string_view view;
    EXPECT_FALSE(CborReader(ByteView(text).first(size)).read_text(view)) << size;
  }
}

TEST(CborReaderTest, DeclaredLengthsLargerThanTheInputAreRejected) {
  ByteView view;
  std::uint64_t count = 0;
  Bytes huge_bytes = hex("5bffffffffffffffff00");
  EXPECT_FALSE(CborReader(huge_bytes).read_bytes(view));
  Bytes bytes_one_short = hex("43aabb");
  EXPECT_FALSE(CborReader(bytes_one_short).read_bytes(view));
  Bytes huge_array = hex("9bffffffffffffffff00");
  EXPECT_FALSE(CborReader(huge_array).read_array_header(count));
  Bytes array_more_than_left = hex("840102");
  EXPECT_FALSE(CborReader(array_more_than_left).read_array_header(count));
  Bytes map_more_than_left = hex("a2010203");
  EXPECT_FALSE(CborReader(map_more_than_left).read_map_header(count));
  Bytes map_that_fits = hex("a201020304");
  EXPECT_TRUE(CborReader(map_that_fits).read_map_header(count));
  EXPECT_EQ(count, 2u);
}

TEST(CborReaderTest, IndefiniteLengthsTagsAndFloatsAreRejectedByReads) {
  ByteView view;
  std::string_view text;
  std::uint64_t count = 0;
  std::uint64_t value = 0;
  Bytes indefinite_bytes = hex("5f4101ff");
  EXPECT_FALSE(CborReader(indefinite_bytes).read_bytes(view));
  Bytes indefinite_text = hex("7f6161ff");
  EXPECT_FALSE(CborReader(indefinite_text).read_text(text));
  Bytes indefinite_array = hex("9f01ff");
  EXPECT_FALSE(CborReader(indefinite_array).read_array_header(count));
  Bytes indefinite_map = hex("bf0102ff");
  EXPECT_FALSE(CborReader(indefinite_map).read_map_header(count));
  Bytes tagged = hex("c11a514b67b0");
  EXPECT_FALSE(CborReader(tagged).read_uint(value));
  Bytes reserved_info = hex("1c");
  EXPECT_FALSE(CborReader(reserved_info).read_uint(value));
  Bytes half_float = hex("f93c00");
  bool flag = false;
  EXPECT_FALSE(CborReader(half_float).read_bool(flag));
  EXPECT_FALSE(CborReader(half_float).read_null());
}

TEST(CborReaderTest, ReadsOfTheWrongTypeFailWithoutConsuming) {
  Bytes data = hex("4101");
  CborReader in(data);
  std::uint64_t value = 0;
  std::string_view text;
  bool flag = false;
  EXPECT_FALSE(in.read_uint(value));
  EXPECT_FALSE(in.read_text(text));
  EXPECT_FALSE(in.read_bool(flag));
  EXPECT_FALSE(in.read_null());
  EXPECT_FALSE(in.next_is_null());
  EXPECT_EQ(in.remaining(), 2u);
}

TEST(CborReaderTest, TextMustBeValidUtf8) {
  std::string_view text;
  const char* invalid[] = {"61ff", "62c0af", "63eda080", "64f4908080", "62c3"};
  for (const char* item : invalid) {
    Bytes data = hex(item);
    EXPECT_FALSE(CborReader(data).read_text(text)) << item;
    EXPECT_FALSE(CborReader(data).skip()) << item;
  }
  Bytes valid = hex("64f09f9880");
  EXPECT_TRUE(CborReader(valid).read_text(text));
}

TEST(CborReaderTest, SkipStepsOverOneWholeNestedItem) {
  // [1, {"a": [h'00', -2]}, "x", true, null, 1.5 (half float), 100000.0 (float32), simple(32)],
  // then 7.
  Bytes data = hex("8801a16161824100216178f5f6f93e00fa47c35000f82007");
  CborReader in(data);
  ASSERT_TRUE(in.skip());
  std::uint64_t value = 0;
  ASSERT_TRUE(in.read_uint(value));
  EXPECT_EQ(value, 7u);
  EXPECT_TRUE(in.expect_end());
}

TEST(CborReaderTest, SkipRejectsTagsIndefiniteItemsAndShortSimpleValues) {
  const char* rejected[] = {"c11a514b67b0", "9f01ff", "5f4101ff", "820181c100", "f801", "ff", "1e"};
  for (const char* item : rejected) {
    Bytes data = hex(item);
    CborReader in(data);
    EXPECT_FALSE(in.skip()) << item;
    EXPECT_EQ(in.remaining(), data.size());
  }
}

TEST(CborReaderTest, SkipStopsAtTheNestingDepthLimit) {
  auto nested = [](std::size_t depth) {
    Bytes data(depth, 0x81);
    data.push_back(0x00);
    return data;
  };
  Bytes at_limit = nested(CborReader::kMaxSkipDepth);
  EXPECT_TRUE(CborReader(at_limit).skip());
  Bytes over_limit = nested(CborReader::kMaxSkipDepth + 1);
  EXPECT_FALSE(CborReader(over_limit).skip());
  Bytes maps_over_limit;
  for (std::size_t i = 0; i <= CborReader::kMaxSkipDepth; ++i) {
    maps_over_limit.push_back(0xa1);
    maps_over_limit.push_back(0x00);
  }
  maps_over_limit.push_back(0x00);
  EXPECT_FALSE(CborReader(maps_over_limit).skip());
}

TEST(CborReaderTest, SkipItemsIsAllOrNothing) {
  Bytes data = hex("0102");
  CborReader in(data);
  EXPECT_FALSE(in.skip_items(3));
  EXPECT_EQ(in.remaining(), 2u);
  EXPECT_TRUE(in.skip_items(2));
  EXPECT_TRUE(in.expect_end());
}

TEST(CborReaderTest, ExpectEndRejectsTrailingBytes) {
  Bytes data = hex("0000");
  CborReader in(data);
  std::uint64_t value = 0;
  ASSERT_TRUE(in.read_uint(value));
  auto end = in.expect_end();
  ASSERT_FALSE(end);
  EXPECT_EQ(end.error().kind(), Kind::kParse);
}

}  // namespace
}  // namespace ockam
