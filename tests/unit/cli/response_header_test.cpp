#include "ockam/cli/response_header.hpp"

#include <gtest/gtest.h>

namespace ockam::cli {
namespace {

TEST(ResponseHeaderTest, OkResponseAnswersTheRequestIdWithItsBody) {
  RequestHeader request{42, "node", Method::kGet, false};
  Bytes body = {0xa0};
  auto response = decode_response(ok_response(request, body));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->header.re, 42u);
  EXPECT_TRUE(response->header.is_ok());
  EXPECT_EQ(response->body, body);
}

TEST(ResponseHeaderTest, ErrorResponseCarriesOckamsErrorBody) {
  RequestHeader request{7, "node/outlet", Method::kPost, true};
  auto response = decode_response(error_response(request, Status::kConflict, "already exists"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->header.status, Status::kConflict);
  EXPECT_EQ(error_message(response->body), "already exists");
  EXPECT_EQ(status_text(response->header.status), "409 Conflict");
}

TEST(ResponseHeaderTest, UnknownStatusDecodesAsNone) {
  // {1: 1, 2: 2, 3: 299, 4: false}
  auto response = decode_response(from_hex("a4010102020319012b04f4").value());
  ASSERT_TRUE(response);
  EXPECT_FALSE(response->header.status.has_value());
  EXPECT_FALSE(response->header.is_ok());
}

TEST(ResponseHeaderTest, RejectsMalformedHeaders) {
  for (const char* hex : {"", "a0", "a10101", "a2010102f5", "a30101020204f5", "a30101020204f400"}) {
    EXPECT_FALSE(decode_response(from_hex(hex).value())) << hex;
  }
}

}  // namespace
}  // namespace ockam::cli
