#include "ockam/cli/request_header.hpp"

#include <gtest/gtest.h>

#include "ockam/core/cbor_writer.hpp"

namespace ockam::cli {
namespace {

TEST(RequestHeaderTest, EncodesOckamsMapShape) {
  RequestHeader header{0x01020304, "node/outlet", Method::kPost, false};
  // {1: 0x01020304, 2: "node/outlet", 3: 1, 4: false}
  EXPECT_EQ(to_hex(encode_request(header, {})), "a4011a01020304026b6e6f64652f6f75746c6574030104f4");
}

TEST(RequestHeaderTest, RoundTripsWithABody) {
  auto header = RequestHeader::make(Method::kDelete, "node/relay/r1", true);
  EXPECT_NE(header.id, 0u);
  Bytes body = {0xa1, 0x01, 0x61, 0x78};  // {1: "x"}
  auto decoded = decode_request(encode_request(header, body));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->header.id, header.id);
  EXPECT_EQ(decoded->header.path, "node/relay/r1");
  EXPECT_EQ(decoded->header.method, Method::kDelete);
  EXPECT_EQ(decoded->body, body);
}

TEST(RequestHeaderTest, SkipsUnknownKeysAndKeepsUnknownMethodsOpen) {
  // {1: 7, 2: "x", 3: 9, 4: false, 9: [1]}
  auto good = decode_request(from_hex("a50107026178030904f4098101").value());
  ASSERT_TRUE(good);
  EXPECT_EQ(good->header.id, 7u);
  EXPECT_FALSE(good->header.method.has_value());
}

TEST(RequestHeaderTest, RejectsMissingFieldsBodiesAndTrailingBytes) {
  for (const char* hex : {
           "a10107",                        // no path
           "a1026178",                      // no id
           "a3010702617804f5",              // body announced, none follows
           "a3010702617804f401",            // bytes after a header without a body
           "a3010702617804f50101",          // two items after the header
           "a3011b0000000100000000026178",  // id past 32 bits
           "80",                            // not a map
       }) {
    EXPECT_FALSE(decode_request(from_hex(hex).value())) << hex;
  }
}

TEST(RequestHeaderTest, RejectsOverlongPaths) {
  ByteWriter bytes;
  CborWriter out(bytes);
  out.write_map_header(2);
  out.write_uint(1);
  out.write_uint(1);
  out.write_uint(2);
  out.write_text(std::string(kMaxRequestPathLength + 1, 'a'));
  EXPECT_FALSE(decode_request(bytes.view()));
}

}  // namespace
}  // namespace ockam::cli
