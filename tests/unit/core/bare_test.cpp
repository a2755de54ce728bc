#include "ockam/core/bare.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

// Counts the bytes the test binary allocates, so a decoder can be shown to reject a declared
// length before it allocates for it.
namespace {
std::atomic<std::size_t> allocated_bytes{0};
}  // namespace

void* operator new(std::size_t size) {
  allocated_bytes += size;
  if (void* p = std::malloc(size == 0 ? 1 : size)) {
    return p;
  }
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}

namespace ockam {
namespace {

struct Ping {
  std::string text;
  std::uint64_t seq = 0;
  std::optional<Bytes> extra;
  std::vector<std::string> tags;
  bool flag = false;
  static constexpr auto bare_fields =
      std::make_tuple(&Ping::text, &Ping::seq, &Ping::extra, &Ping::tags, &Ping::flag);
  friend bool operator==(const Ping&, const Ping&) = default;
};

struct Batch {
  std::uint16_t version = 0;
  Ping ping;
  std::vector<Ping> history;
  static constexpr auto bare_fields =
      std::make_tuple(&Batch::version, &Batch::ping, &Batch::history);
  friend bool operator==(const Batch&, const Batch&) = default;
};

Ping sample_ping() {
  return Ping{"hello", 0x0102030405060708, Bytes{0xde, 0xad}, {"a", "bc", ""}, true};
}

template <class T>
void expect_round_trip(const T& value) {
  Bytes encoded = bare::encode(value);
  auto decoded = bare::decode<T>(encoded);
  ASSERT_TRUE(decoded) << decoded.error().to_string();
  EXPECT_EQ(*decoded, value);
}

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}

TEST(BareTest, HelloEncodesLikeOckam) {
  EXPECT_EQ(to_hex(bare::encode(std::string("Hello"))), "0548656c6c6f");
}

TEST(BareTest, StringsAndBytesRoundTrip) {
  expect_round_trip(std::string());
  expect_round_trip(std::string("Hello Ockam!"));
  expect_round_trip(std::string(300, 'x'));
  expect_round_trip(std::string("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"));  // é € 😀
  expect_round_trip(Bytes{});
  expect_round_trip(Bytes{0x00, 0xff, 0x80});
  EXPECT_EQ(to_hex(bare::encode(Bytes(200, 0x11))).substr(0, 6), "c80111");
}

TEST(BareTest, IntegersAreLittleEndianAndFixedWidth) {
  EXPECT_EQ(to_hex(bare::encode(std::uint8_t{0xab})), "ab");
  EXPECT_EQ(to_hex(bare::encode(std::uint16_t{0x0102})), "0201");
  EXPECT_EQ(to_hex(bare::encode(std::uint32_t{0x01020304})), "04030201");
  EXPECT_EQ(to_hex(bare::encode(std::uint64_t{0x0102030405060708})), "0807060504030201");
  expect_round_trip(std::uint8_t{0});
  expect_round_trip(std::uint16_t{0xffff});
  expect_round_trip(std::uint32_t{0xdeadbeef});
  expect_round_trip(std::uint64_t{UINT64_MAX});
}

TEST(BareTest, BoolIsOneByteAndRejectsOtherValues) {
  EXPECT_EQ(to_hex(bare::encode(true)), "01");
  expect_round_trip(false);
  auto two = bare::decode<bool>(hex("02"));
  ASSERT_FALSE(two);
  EXPECT_EQ(two.error().kind(), Kind::kParse);
}

TEST(BareTest, OptionalHasATagByte) {
  EXPECT_EQ(to_hex(bare::encode(std::optional<std::string>())), "00");
  EXPECT_EQ(to_hex(bare::encode(std::optional<std::string>("a"))), "010161");
  expect_round_trip(std::optional<Bytes>());
  expect_round_trip(std::optional<Bytes>(Bytes{1, 2}));
  EXPECT_FALSE(bare::decode<std::optional<std::string>>(hex("020161")));
}

TEST(BareTest, VectorsHaveACountPrefix) {
  std::vector<std::string> words{"a", "bc"};
  EXPECT_EQ(to_hex(bare::encode(words)), "020161026263");
  expect_round_trip(words);
  expect_round_trip(std::vector<std::string>());
  expect_round_trip(std::vector<std::uint32_t>{1, 2, 3});
  expect_round_trip(std::vector<std::optional<Bytes>>{std::nullopt, Bytes{7}});
}

TEST(BareTest, UserStructsEncodeTheirFieldsInOrder) {
  Ping ping{"hi", 1, std::nullopt, {}, false};
  EXPECT_EQ(to_hex(bare::encode(ping)), "0268690100000000000000000000");
  expect_round_trip(sample_ping());
  expect_round_trip(Batch{3, sample_ping(), {sample_ping(), Ping{}}});
}

TEST(BareTest, TruncationAtEveryPositionFails) {
  Bytes encoded = bare::encode(Batch{3, sample_ping(), {sample_ping()}});
  for (std::size_t length = 0; length < encoded.size(); ++length) {
    auto decoded = bare::decode<Batch>(ByteView(encoded).first(length));
    ASSERT_FALSE(decoded) << "prefix of " << length << " bytes decoded";
    EXPECT_EQ(decoded.error().kind(), Kind::kParse);
  }
  EXPECT_TRUE(bare::decode<Batch>(encoded));
}

TEST(BareTest, TrailingBytesFail) {
  Bytes hello = bare::encode(std::string("Hello"));
  hello.push_back(0);
  Bytes ping = bare::encode(sample_ping());
  ping.push_back(0);
  Bytes number = bare::encode(std::uint32_t{5});
  number.push_back(0);
  auto decoded = bare::decode<std::string>(hello);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind(), Kind::kParse);
  EXPECT_FALSE(bare::decode<Ping>(ping));
  EXPECT_FALSE(bare::decode<std::uint32_t>(number));
}

TEST(BareTest, OversizedDeclaredLengthsFailWithoutAllocating) {
  // Each input declares far more elements or bytes than it carries.
  const Bytes huge_string = hex("ffffffffffffffff7f41");  // 2^63-1 bytes, then "A"
  const Bytes huge_vector = hex("808080800801");          // 2^31 strings, then 0x01
  const Bytes max_vector = hex("80808008");               // exactly kMaxSequenceLength
  const Bytes nested = hex("01ffffffff0f");               // one string of 2^32-1 bytes
  std::size_t before = allocated_bytes;
  EXPECT_FALSE(bare::decode<std::string>(huge_string));
  EXPECT_FALSE(bare::decode<Bytes>(huge_string));
  EXPECT_FALSE(bare::decode<std::vector<std::string>>(huge_vector));
  EXPECT_FALSE(bare::decode<std::vector<std::uint64_t>>(max_vector));
  EXPECT_FALSE(bare::decode<std::vector<Bytes>>(nested));
  EXPECT_LT(allocated_bytes - before, 1024u);
}

TEST(BareTest, InvalidUtf8IsRejected) {
  const char* invalid[] = {
      "0180",        // lone continuation byte
      "02c080",      // overlong NUL
      "03e08080",    // overlong three-byte form
      "03eda080",    // UTF-16 surrogate U+D800
      "04f4908080",  // above U+10FFFF
      "02e282",      // truncated three-byte sequence
      "01ff",        // never valid in UTF-8
  };
  for (const char* text : invalid) {
    auto decoded = bare::decode<std::string>(hex(text));
    ASSERT_FALSE(decoded) << text;
    EXPECT_EQ(decoded.error().kind(), Kind::kParse);
  }
}

TEST(BareTest, FailedStringReadDoesNotAdvanceTheReader) {
  const Bytes input = hex("02c080");
  ByteReader in(input);
  std::string text = "unchanged";
  EXPECT_FALSE(bare::read_string(in, text));
  EXPECT_EQ(text, "unchanged");
  EXPECT_EQ(in.remaining(), input.size());
}

TEST(BareTest, ReadDataReturnsAViewOfTheDeclaredLength) {
  const Bytes input = hex("03aabbccdd");
  ByteReader in(input);
  ByteView view;
  ASSERT_TRUE(bare::read_data(in, view));
  EXPECT_EQ(to_hex(view), "aabbcc");
  EXPECT_EQ(in.remaining(), 1u);
}

}  // namespace
}  // namespace ockam
