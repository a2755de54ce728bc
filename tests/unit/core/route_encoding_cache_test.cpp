#include "ockam/core/route_encoding_cache.hpp"

#include <gtest/gtest.h>

#include <string>

#include "ockam/core/cbor_route.hpp"

namespace ockam {
namespace {

Bytes bytes_of(ByteView view) {
  return Bytes(view.begin(), view.end());
}

TEST(RouteEncodingCacheTest, EncodesLikeEncodeCborRouteAndKeepsTheBytesForAnEqualRoute) {
  RouteEncodingCache cache;
  Route first = route("0123456789abcdef0123456789abcdef", tcp_address("127.0.0.1:4000"));
  ByteView encoded = cache.encode(first);
  EXPECT_EQ(bytes_of(encoded), encode_cbor_route(first));
  // An equal route (another object, stepped and prepended to get there) is a hit: the same
  // bytes where they were, not encoded again.
  Route equal = route("x", "0123456789abcdef0123456789abcdef");
  ASSERT_TRUE(equal.step());
  equal.append(tcp_address("127.0.0.1:4000"));
  ByteView again = cache.encode(equal);
  EXPECT_EQ(again.data(), encoded.data());
  EXPECT_EQ(bytes_of(again), encode_cbor_route(first));
}

TEST(RouteEncodingCacheTest, ARouteThatChangedIsEncodedAgain) {
  RouteEncodingCache cache;
  for (const Route& r : {route("a"), route("a", "b"), route("a"), Route(), route("1#h:1", "a")}) {
    EXPECT_EQ(bytes_of(cache.encode(r)), encode_cbor_route(r)) << r.to_string();
  }
  // Same inner text, other transport type: a different route.
  EXPECT_EQ(bytes_of(cache.encode(route(Address(kLocal, "h:1")))),
            encode_cbor_route(route(Address(kLocal, "h:1"))));
  EXPECT_EQ(bytes_of(cache.encode(route(tcp_address("h:1")))),
            encode_cbor_route(route(tcp_address("h:1"))));
}

TEST(RouteEncodingCacheTest, LongRoutesAreEncodedRightButNotKept) {
  RouteEncodingCache cache;
  Route long_route;
  for (int i = 0; i < 20; ++i) {
    long_route.append(Address(kLocal, std::string(30, static_cast<char>('a' + i))));
  }
  const Bytes expected = encode_cbor_route(long_route);
  ASSERT_GT(expected.size(), RouteEncodingCache::kMaxCachedBytes);
  EXPECT_EQ(bytes_of(cache.encode(long_route)), expected);
  EXPECT_EQ(bytes_of(cache.encode(long_route)), expected);
  EXPECT_EQ(bytes_of(cache.encode(route("short"))), encode_cbor_route(route("short")));
}

}  // namespace
}  // namespace ockam
