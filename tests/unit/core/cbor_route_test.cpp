#include "ockam/core/cbor_route.hpp"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace ockam {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}

TEST(CborRouteTest, EncodesARouteAsOckamDoes) {
  // From Ockam's reference: route [echoer] is 81 82 00 46 "echoer".
  EXPECT_EQ(to_hex(encode_cbor_route(route("echoer"))), "818200466563686f6572");
  EXPECT_EQ(to_hex(encode_cbor_route(Route{})), "80");
  EXPECT_EQ(to_hex(encode_cbor_route(route(tcp_address("h:1"), "a"))), "82820143683a3182004161");
}

TEST(CborRouteTest, DecodesWhatItEncodes) {
  Route original =
      route("app", tcp_address("127.0.0.1:4000"), Address(7, std::string("\0\xff", 2)));
  auto decoded = decode_cbor_route(encode_cbor_route(original));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, original);
}

TEST(CborRouteTest, SkipsExtraAddressFieldsAsMinicborDoes) {
  auto decoded = decode_cbor_route(hex("81830141610a"));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, route(Address(1, "a")));
}

TEST(CborRouteTest, RejectsMalformedAddresses) {
  const char* rejected[] = {
      "818100",          // address with one field
      "81821901004161",  // transport type 256
      "8182006161",      // inner is text, not bytes
      "81820041",        // truncated inner
      "818200",          // truncated address
      "81",              // truncated route
      "a0",              // a map, not an array
  };
  for (const char* item : rejected) {
    EXPECT_FALSE(decode_cbor_route(hex(item))) << item;
  }
}

TEST(CborRouteTest, RejectsTrailingBytes) {
  auto decoded = decode_cbor_route(hex("8000"));
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().kind(), Kind::kParse);
}

TEST(CborRouteTest, EnforcesTheRouteAndInnerLengthCaps) {
  Route longest;
  for (std::size_t i = 0; i < kMaxCborRouteLength; ++i) {
    longest.append("a");
  }
  EXPECT_TRUE(decode_cbor_route(encode_cbor_route(longest)));
  longest.append("a");
  EXPECT_FALSE(decode_cbor_route(encode_cbor_route(longest)));

  std::string inner(kMaxCborAddressInnerLength, 'x');
  EXPECT_TRUE(decode_cbor_route(encode_cbor_route(route(Address(0, inner)))));
  inner.push_back('x');
  EXPECT_FALSE(decode_cbor_route(encode_cbor_route(route(Address(0, inner)))));
}

TEST(CborRouteTest, ReadLeavesTheReaderUnchangedAndTheRouteEmptyOnFailure) {
  Bytes data = hex("8282004161820041");  // the second address is cut short
  CborReader in(data);
  Route r = route("before");
  EXPECT_FALSE(read_cbor_route(in, r));
  EXPECT_EQ(in.remaining(), data.size());
  EXPECT_TRUE(r.empty());
  Address a;
  Bytes address = hex("820141");
  CborReader address_in(address);
  EXPECT_FALSE(read_cbor_address(address_in, a));
  EXPECT_EQ(address_in.remaining(), address.size());
}

}  // namespace
}  // namespace ockam
