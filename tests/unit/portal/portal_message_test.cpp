#include "ockam/portal/portal_message.hpp"

#include <gtest/gtest.h>

namespace ockam::portal {
namespace {

using Kind = PortalMessage::Kind;

Bytes payload_of(ByteView data) {
  Bytes out;
  append_portal_payload(out, data);
  return out;
}

TEST(PortalMessageTest, ControlMessagesAreOneByteAsOckamWritesThem) {
  EXPECT_EQ(encode_portal_ping(), Bytes{0x00});
  EXPECT_EQ(encode_portal_pong(), Bytes{0x01});
  EXPECT_EQ(encode_portal_disconnect(), Bytes{0x02});
  EXPECT_EQ(decode_portal_message(Bytes{0x00})->kind, Kind::kPing);
  EXPECT_EQ(decode_portal_message(Bytes{0x01})->kind, Kind::kPong);
  EXPECT_EQ(decode_portal_message(Bytes{0x02})->kind, Kind::kDisconnect);
}

TEST(PortalMessageTest, PayloadHelloMatchesTheReferenceBytes) {
  Bytes hello{'h', 'e', 'l', 'l', 'o'};
  EXPECT_EQ(payload_of(hello), (Bytes{0x03, 0x05, 'h', 'e', 'l', 'l', 'o'}));
  Bytes encoded = payload_of(hello);  // the decoded data views it
  auto decoded = decode_portal_message(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->kind, Kind::kPayload);
  EXPECT_EQ(Bytes(decoded->data.begin(), decoded->data.end()), hello);
  EXPECT_FALSE(decoded->counter);
}

TEST(PortalMessageTest, ChunkHeadersUseUleb128Lengths) {
  Bytes chunk48k(48 * 1024, 0xab);
  Bytes chunk128k(128 * 1024, 0xcd);
  Bytes encoded48 = payload_of(chunk48k);
  Bytes encoded128 = payload_of(chunk128k);
  EXPECT_EQ(Bytes(encoded48.begin(), encoded48.begin() + 4), (Bytes{0x03, 0x80, 0x80, 0x03}));
  EXPECT_EQ(Bytes(encoded128.begin(), encoded128.begin() + 4), (Bytes{0x03, 0x80, 0x80, 0x08}));
  EXPECT_EQ(decode_portal_message(encoded128)->data.size(), chunk128k.size());
}

TEST(PortalMessageTest, PayloadAcceptsThePacketCounterTrailer) {
  auto with_counter = decode_portal_message(Bytes{0x03, 0x01, 'x', 0x01, 0x34, 0x12});
  ASSERT_TRUE(with_counter);
  ASSERT_TRUE(with_counter->counter);
  EXPECT_EQ(*with_counter->counter, 0x1234);
  auto counter_none = decode_portal_message(Bytes{0x03, 0x01, 'x', 0x00});
  ASSERT_TRUE(counter_none);
  EXPECT_FALSE(counter_none->counter);
}

TEST(PortalMessageTest, PayloadAcceptsLargerChunksThanItSends) {
  Bytes big(1024 * 1024 + 7, 0x5a);
  Bytes encoded = payload_of(big);
  auto decoded = decode_portal_message(encoded);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->data.size(), big.size());
}

TEST(PortalMessageTest, PayloadHeadsAreTheTagAndAMinimalUleb128Length) {
  struct Case {
    std::size_t size;
    Bytes head;
  };
  for (const Case& c :
       {Case{0, {0x03, 0x00}}, Case{127, {0x03, 0x7f}}, Case{128, {0x03, 0x80, 0x01}},
        Case{16383, {0x03, 0xff, 0x7f}}, Case{16384, {0x03, 0x80, 0x80, 0x01}},
        Case{131072, {0x03, 0x80, 0x80, 0x08}}}) {
    EXPECT_EQ(portal_payload_head_length(c.size), c.head.size()) << c.size;
    Bytes head(c.head.size(), 0xee);
    write_portal_payload_head(head, c.size);
    EXPECT_EQ(head, c.head) << c.size;
  }
}

TEST(PortalMessageTest, AppendingAPayloadKeepsWhatWasThere) {
  Bytes out{0xaa, 0xbb};
  append_portal_payload(out, Bytes{'h', 'i'});
  EXPECT_EQ(out, (Bytes{0xaa, 0xbb, 0x03, 0x02, 'h', 'i'}));
}

TEST(PortalMessageTest, ControlMessagesIgnoreTrailingBytesAsOckamDoes) {
  EXPECT_EQ(decode_portal_message(Bytes{0x00, 0x07, 0x00})->kind, Kind::kPing);
  EXPECT_EQ(decode_portal_message(Bytes{0x02, 0xff})->kind, Kind::kDisconnect);
}

TEST(PortalMessageTest, DecodeRejectsMalformedMessages) {
  EXPECT_FALSE(decode_portal_message(Bytes{}));
  EXPECT_FALSE(decode_portal_message(Bytes{0x04}));
  EXPECT_FALSE(decode_portal_message(Bytes{0xff, 0x00}));
  EXPECT_FALSE(decode_portal_message(Bytes{0x03}));                         // no length
  EXPECT_FALSE(decode_portal_message(Bytes{0x03, 0x05, 'a', 'b'}));         // short data
  EXPECT_FALSE(decode_portal_message(Bytes{0x03, 0x80}));                   // truncated length
  EXPECT_FALSE(decode_portal_message(Bytes{0x03, 0x01, 'x', 0x02}));        // bad option tag
  EXPECT_FALSE(decode_portal_message(Bytes{0x03, 0x01, 'x', 0x01, 0x00}));  // short counter
  EXPECT_FALSE(decode_portal_message(Bytes{0x03, 0x01, 'x', 0x00, 0x00}));  // trailing bytes
  EXPECT_FALSE(decode_portal_message(
      Bytes{0x03, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}));  // huge length
}

}  // namespace
}  // namespace ockam::portal
