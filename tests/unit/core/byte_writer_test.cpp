#include "ockam/core/byte_writer.hpp"

#include <gtest/gtest.h>

#include "ockam/core/byte_reader.hpp"

namespace ockam {
namespace {

TEST(ByteWriterTest, WritesBigEndianIntegers) {
  ByteWriter out;
  out.write_u16_be(0x0102);
  out.write_u32_be(0x03040506);
  out.write_u64_be(0x0708090a0b0c0d0e);
  EXPECT_EQ(to_hex(out.view()), "0102030405060708090a0b0c0d0e");
}

TEST(ByteWriterTest, WritesLittleEndianIntegers) {
  ByteWriter out;
  out.write_u16_le(0x0102);
  out.write_u32_le(0x03040506);
  out.write_u64_le(0x0708090a0b0c0d0e);
  EXPECT_EQ(to_hex(out.view()), "0201060504030e0d0c0b0a090807");
}

TEST(ByteWriterTest, Uleb128UsesTheMinimalForm) {
  struct Case {
    std::uint64_t value;
    const char* hex;
  };
  const Case cases[] = {
      {0, "00"},     {1, "01"},       {127, "7f"},       {128, "8001"},
      {300, "ac02"}, {16383, "ff7f"}, {16384, "808001"}, {UINT64_MAX, "ffffffffffffffffff01"},
  };
  for (const Case& c : cases) {
    ByteWriter out;
    out.write_uleb128(c.value);
    EXPECT_EQ(to_hex(out.view()), c.hex) << c.value;
  }
}

TEST(ByteWriterTest, Uleb128RoundTripsThroughTheReader) {
  for (std::uint64_t value : {0ull, 1ull, 0x3fffull, 0x4000ull, 1ull << 35, (1ull << 63) + 5}) {
    ByteWriter out;
    out.write_uleb128(value);
    ByteReader in(out.view());
    std::uint64_t back = 0;
    ASSERT_TRUE(in.read_uleb128(back));
    EXPECT_EQ(back, value);
    EXPECT_TRUE(in.empty());
  }
}

TEST(ByteWriterTest, ContinuesAfterInitialBytesAndPatchesALengthLater) {
  ByteWriter out(Bytes{0xaa, 0, 0, 0, 0});
  out.write_text("hi");
  out.patch_u32_be(1, 0x01020304);
  EXPECT_EQ(to_hex(out.view()), "aa010203046869");
  EXPECT_EQ(out.size(), 7u);
}

TEST(ByteWriterTest, TakeHandsOverTheBufferAndEmptiesTheWriter) {
  ByteWriter out;
  out.write_bytes(Bytes{1, 2, 3});
  Bytes taken = out.take();
  EXPECT_EQ(taken, (Bytes{1, 2, 3}));
  out.write_u8(9);
  EXPECT_EQ(to_hex(out.view()), "09");
}

}  // namespace
}  // namespace ockam
