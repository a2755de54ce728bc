#include "ockam/transport/tcp/transport_message.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "ockam/core/bare.hpp"
#include "ockam/core/cbor_route.hpp"
#include "ockam/transport/tcp/frame_encoder.hpp"

namespace ockam::tcp {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}

TEST(TransportMessageTest, FrameMatchesOckamsHelloExample) {
  Bytes frame;
  ASSERT_TRUE(
      append_frame(frame, route("echoer"), route("app"), bare::encode(std::string("Hello"))));
  EXPECT_EQ(to_hex(frame), "0000001983818200466563686f657281820043617070460548656c6c6f");
}

TEST(TransportMessageTest, DecodesTheRustFrameWithTracingContext) {
  Bytes frame = hex(
      "000000b3848182004c626f625f6c697374656e6572818200582030313233343536373839616263646566303132"
      "333435363738396162636465665820358072d6365880d1aeea329adf9121383851ed21a28e3b75e965d0d2cd16"
      "625478597b227472616365706172656e74223a2230302d30616637363531393136636434336464383434386562"
      "323131633830333139632d623761643662373136393230333333312d3031222c2274726163657374617465223a"
      "22227d");
  auto message = decode_transport_message(ByteView(frame).subspan(4));
  ASSERT_TRUE(message) << message.error().to_string();
  EXPECT_EQ(message->onward_route, route("bob_listener"));
  EXPECT_EQ(message->return_route, route("0123456789abcdef0123456789abcdef"));
  EXPECT_EQ(message->payload.size(), 32u);
  ASSERT_TRUE(message->tracing_context.has_value());
  EXPECT_NE(message->tracing_context->find("traceparent"), std::string::npos);
}

TEST(TransportMessageTest, DecodeRejectsEveryTruncationAndTrailingBytes) {
  Bytes frame;
  ASSERT_TRUE(
      append_frame(frame, route("echoer"), route("app"), bare::encode(std::string("Hello"))));
  ByteView body = ByteView(frame).subspan(4);
  ASSERT_TRUE(decode_transport_message(body));
  for (std::size_t n = 0; n < body.size(); ++n) {
    EXPECT_FALSE(decode_transport_message(body.first(n))) << "length " << n;
  }
  Bytes longer(body.begin(), body.end());
  longer.push_back(0);
  EXPECT_FALSE(decode_transport_message(longer));
}

TEST(TransportMessageTest, DecodeIgnoresExtraTrailingFields) {
  // array(5): onward, return, payload, null tracing, an unknown uint field.
  auto message = decode_transport_message(hex("8581820041618040f605"));
  ASSERT_TRUE(message) << message.error().to_string();
  EXPECT_EQ(message->onward_route, route("a"));
  EXPECT_FALSE(message->tracing_context.has_value());
}

TEST(TransportMessageTest, AppendFrameRefusesBodiesAboveSixteenMebibytes) {
  Bytes frame{0x01};
  Bytes huge(16 * 1024 * 1024, 0);
  auto result = append_frame(frame, route("a"), route("b"), huge);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind(), Kind::kInvalid);
  EXPECT_EQ(frame, Bytes{0x01});
}

TEST(FrameEncoderTest, AConnectionsFramesAreThoseOfAppendFrameAsItsRoutesChange) {
  // One encoder for a sequence of frames whose routes repeat and change (its route caches),
  // against frames written each on their own.
  FrameEncoder encoder;
  const Route decryptor = route("0123456789abcdef0123456789abcdef");
  const Route encryptor = route("fedcba9876543210fedcba9876543210");
  const std::vector<std::pair<Route, Route>> routes = {
      {decryptor, encryptor}, {decryptor, encryptor}, {route("echoer"), encryptor},
      {decryptor, Route()},   {decryptor, encryptor}, {decryptor, route("a", "b")}};
  Bytes stream;
  Bytes expected;
  for (const auto& [onward, back] : routes) {
    ASSERT_TRUE(encoder.append_frame(stream, onward, back, bare::encode(std::string("hi"))));
    ASSERT_TRUE(append_frame(expected, onward, back, bare::encode(std::string("hi"))));
  }
  EXPECT_EQ(stream, expected);
  // A refused frame leaves the buffer as it was and the next frame right.
  const Route too_long(std::vector<Address>(kMaxCborRouteLength + 1, Address("x")));
  EXPECT_FALSE(encoder.append_frame(stream, too_long, encryptor, {}));
  EXPECT_EQ(stream, expected);
  ASSERT_TRUE(encoder.append_frame_head(stream, decryptor, encryptor, 2));
  ASSERT_TRUE(append_frame_head(expected, decryptor, encryptor, 2));
  EXPECT_EQ(stream, expected);
}

}  // namespace
}  // namespace ockam::tcp
