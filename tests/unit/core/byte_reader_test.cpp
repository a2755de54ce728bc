#include "ockam/core/byte_reader.hpp"

#include <gtest/gtest.h>

namespace ockam {
namespace {

const Bytes kSample = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09};

TEST(ByteReaderTest, ReadsBigEndianIntegers) {
  ByteReader in(kSample);
  std::uint16_t a = 0;
  std::uint32_t b = 0;
  ASSERT_TRUE(in.read_u16_be(a));
  ASSERT_TRUE(in.read_u32_be(b));
  EXPECT_EQ(a, 0x0102);
  EXPECT_EQ(b, 0x03040506u);
  EXPECT_EQ(in.remaining(), 3u);

  ByteReader in64(kSample);
  std::uint64_t c = 0;
  ASSERT_TRUE(in64.read_u64_be(c));
  EXPECT_EQ(c, 0x0102030405060708u);
}

TEST(ByteReaderTest, ReadsLittleEndianIntegers) {
  ByteReader in(kSample);
  std::uint16_t a = 0;
  std::uint32_t b = 0;
  ASSERT_TRUE(in.read_u16_le(a));
  ASSERT_TRUE(in.read_u32_le(b));
  EXPECT_EQ(a, 0x0201);
  EXPECT_EQ(b, 0x06050403u);

  ByteReader in64(kSample);
  std::uint64_t c = 0;
  ASSERT_TRUE(in64.read_u64_le(c));
  EXPECT_EQ(c, 0x0807060504030201u);
}

TEST(ByteReaderTest, EveryReadOnShortInputFailsAndLeavesTheCursor) {
  const Bytes short_input = {0xaa};
  ByteReader in(short_input);
  // Move past nothing; each read needs more than the one byte left.
  std::uint16_t u16 = 7;
  std::uint32_t u32 = 7;
  std::uint64_t u64 = 7;
  ByteView view;
  EXPECT_FALSE(in.read_u16_be(u16));
  EXPECT_FALSE(in.read_u32_be(u32));
  EXPECT_FALSE(in.read_u64_be(u64));
  EXPECT_FALSE(in.read_u16_le(u16));
  EXPECT_FALSE(in.read_u32_le(u32));
  EXPECT_FALSE(in.read_u64_le(u64));
  EXPECT_FALSE(in.read_bytes(2, view));
  EXPECT_FALSE(in.skip(2));
  EXPECT_EQ(in.remaining(), 1u);
  EXPECT_EQ(u16, 7);
  EXPECT_EQ(u32, 7u);
  EXPECT_EQ(u64, 7u);

  std::uint8_t byte = 0;
  ASSERT_TRUE(in.read_u8(byte));
  EXPECT_EQ(byte, 0xaa);
  EXPECT_FALSE(in.read_u8(byte));
  EXPECT_FALSE(in.peek_u8(byte));
  EXPECT_TRUE(in.empty());
}

TEST(ByteReaderTest, PeekDoesNotAdvance) {
  ByteReader in(kSample);
  std::uint8_t byte = 0;
  ASSERT_TRUE(in.peek_u8(byte));
  EXPECT_EQ(byte, 0x01);
  EXPECT_EQ(in.remaining(), kSample.size());
}

TEST(ByteReaderTest, ReadBytesReturnsAViewIntoTheBuffer) {
  ByteReader in(kSample);
  ASSERT_TRUE(in.skip(2));
  ByteView view;
  ASSERT_TRUE(in.read_bytes(3, view));
  EXPECT_EQ(view.data(), kSample.data() + 2);
  EXPECT_EQ(Bytes(view.begin(), view.end()), (Bytes{0x03, 0x04, 0x05}));
  EXPECT_EQ(in.rest().data(), kSample.data() + 5);
}

TEST(ByteReaderTest, ExpectEndFailsWithParseWhileBytesRemain) {
  ByteReader in(kSample);
  auto pending = in.expect_end();
  ASSERT_FALSE(pending);
  EXPECT_EQ(pending.error().kind(), Kind::kParse);
  ASSERT_TRUE(in.skip(kSample.size()));
  EXPECT_TRUE(in.expect_end());
}

TEST(ByteReaderTest, Uleb128DecodesSingleAndMultiByteValues) {
  const Bytes input = {0x00, 0x7f, 0x80, 0x01, 0xe5, 0x8e, 0x26};
  ByteReader in(input);
  std::uint64_t value = 0;
  ASSERT_TRUE(in.read_uleb128(value));
  EXPECT_EQ(value, 0u);
  ASSERT_TRUE(in.read_uleb128(value));
  EXPECT_EQ(value, 127u);
  ASSERT_TRUE(in.read_uleb128(value));
  EXPECT_EQ(value, 128u);
  ASSERT_TRUE(in.read_uleb128(value));
  EXPECT_EQ(value, 624485u);
  EXPECT_TRUE(in.empty());
}

TEST(ByteReaderTest, Uleb128AcceptsTheLargest64BitValueInTenBytes) {
  const Bytes input = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01};
  ByteReader in(input);
  std::uint64_t value = 0;
  ASSERT_TRUE(in.read_uleb128(value));
  EXPECT_EQ(value, UINT64_MAX);
  EXPECT_TRUE(in.empty());
}

TEST(ByteReaderTest, Uleb128RejectsValuesPast64Bits) {
  const Bytes input = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02};
  ByteReader in(input);
  std::uint64_t value = 5;
  EXPECT_FALSE(in.read_uleb128(value));
  EXPECT_EQ(value, 5u);
  EXPECT_EQ(in.remaining(), input.size());
}

TEST(ByteReaderTest, Uleb128RejectsMoreThanTenBytes) {
  const Bytes input = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
  ByteReader in(input);
  std::uint64_t value = 0;
  EXPECT_FALSE(in.read_uleb128(value));
  EXPECT_EQ(in.remaining(), input.size());
}

TEST(ByteReaderTest, Uleb128AcceptsNonMinimalEncodings) {
  const Bytes input = {0x81, 0x80, 0x80, 0x00};
  ByteReader in(input);
  std::uint64_t value = 0;
  ASSERT_TRUE(in.read_uleb128(value));
  EXPECT_EQ(value, 1u);
  EXPECT_TRUE(in.empty());
}

TEST(ByteReaderTest, Uleb128OnTruncatedInputFailsAndDoesNotAdvance) {
  const Bytes input = {0x05, 0x80, 0x80};
  ByteReader in(input);
  std::uint64_t value = 0;
  ASSERT_TRUE(in.read_uleb128(value));
  EXPECT_EQ(value, 5u);
  EXPECT_FALSE(in.read_uleb128(value));
  EXPECT_EQ(value, 5u);
  EXPECT_EQ(in.remaining(), 2u);
}

}  // namespace
}  // namespace ockam
