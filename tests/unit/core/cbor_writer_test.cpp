#include "ockam/core/cbor_writer.hpp"

#include <cstdint>
#include <limits>
#include <string>

#include <gtest/gtest.h>

namespace ockam {
namespace {

template <class F>
std::string encode_hex(F write) {
  ByteWriter bytes;
  CborWriter out(bytes);
  write(out);
  return to_hex(bytes.view());
}

TEST(CborWriterTest, UnsignedIntegersUseTheShortestHead) {
  auto uint_hex = [](std::uint64_t v) {
    return encode_hex([v](CborWriter& w) { w.write_uint(v); });
  };
  EXPECT_EQ(uint_hex(0), "00");
  EXPECT_EQ(uint_hex(23), "17");
  EXPECT_EQ(uint_hex(24), "1818");
  EXPECT_EQ(uint_hex(255), "18ff");
  EXPECT_EQ(uint_hex(256), "190100");
  EXPECT_EQ(uint_hex(65535), "19ffff");
  EXPECT_EQ(uint_hex(65536), "1a00010000");
  EXPECT_EQ(uint_hex(0xffffffff), "1affffffff");
  EXPECT_EQ(uint_hex(0x100000000), "1b0000000100000000");
  EXPECT_EQ(uint_hex(std::numeric_limits<std::uint64_t>::max()), "1bffffffffffffffff");
}

TEST(CborWriterTest, SignedIntegersUseMajorTypeOneWhenNegative) {
  auto int_hex = [](std::int64_t v) { return encode_hex([v](CborWriter& w) { w.write_int(v); }); };
  EXPECT_EQ(int_hex(10), "0a");
  EXPECT_EQ(int_hex(-1), "20");
  EXPECT_EQ(int_hex(-24), "37");
  EXPECT_EQ(int_hex(-25), "3818");
  EXPECT_EQ(int_hex(-1000), "3903e7");
  EXPECT_EQ(int_hex(std::numeric_limits<std::int64_t>::min()), "3b7fffffffffffffff");
}

TEST(CborWriterTest, StringsAreLengthPrefixed) {
  EXPECT_EQ(encode_hex([](CborWriter& w) { w.write_bytes(Bytes{1, 2, 3, 4}); }), "4401020304");
  EXPECT_EQ(encode_hex([](CborWriter& w) { w.write_bytes({}); }), "40");
  EXPECT_EQ(encode_hex([](CborWriter& w) { w.write_text("IETF"); }), "6449455446");
  EXPECT_EQ(encode_hex([](CborWriter& w) { w.write_text(std::string(24, 'a')); }),
            "7818" + to_hex(to_bytes(std::string(24, 'a'))));
}

TEST(CborWriterTest, ContainersBoolAndNullMatchRfc8949Examples) {
  EXPECT_EQ(encode_hex([](CborWriter& w) {
              w.write_array_header(3);
              w.write_uint(1);
              w.write_array_header(2);
              w.write_uint(2);
              w.write_uint(3);
              w.write_array_header(0);
            }),
            "830182020380");
  EXPECT_EQ(encode_hex([](CborWriter& w) {
              w.write_map_header(1);
              w.write_text("a");
              w.write_uint(1);
            }),
            "a1616101");
  EXPECT_EQ(encode_hex([](CborWriter& w) { w.write_array_header(25); }), "9819");
  EXPECT_EQ(encode_hex([](CborWriter& w) {
              w.write_bool(false);
              w.write_bool(true);
              w.write_null();
            }),
            "f4f5f6");
}

}  // namespace
}  // namespace ockam
