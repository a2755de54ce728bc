#include "ockam/noise/transport_state.hpp"

#include <gtest/gtest.h>

#include "handshake_fixture.hpp"
#include "ockam/noise/constants.hpp"

namespace ockam::noise {
namespace {

TEST(TransportStateTest, MessagesFlowBothWaysAndNoncesAdvance) {
  test::TransportPair pair = test::ockam_transport_pair();
  for (int i = 0; i < 3; ++i) {
    Result<Bytes> sealed = pair.initiator.write_message(as_bytes("ping"));
    ASSERT_TRUE(sealed);
    EXPECT_EQ(sealed->size(), 4u + 16u);
    Result<Bytes> opened = pair.responder.read_message(*sealed);
    ASSERT_TRUE(opened);
    EXPECT_EQ(*opened, to_bytes("ping"));
  }
  Result<Bytes> reply = pair.responder.write_message(as_bytes("pong"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(pair.initiator.read_message(*reply).value(), to_bytes("pong"));
  EXPECT_EQ(pair.initiator.send_cipher().nonce(), 3u);
  EXPECT_EQ(pair.initiator.receive_cipher().nonce(), 1u);
}

TEST(TransportStateTest, ReplayedOrTamperedMessagesAreRejected) {
  test::TransportPair pair = test::ockam_transport_pair();
  Bytes sealed = pair.initiator.write_message(as_bytes("once")).value();
  ASSERT_TRUE(pair.responder.read_message(sealed));
  EXPECT_EQ(pair.responder.read_message(sealed).error().kind(), Kind::kProtocol);
  Bytes next = pair.initiator.write_message(as_bytes("twice")).value();
  next[0] ^= 0x01;
  EXPECT_EQ(pair.responder.read_message(next).error().kind(), Kind::kProtocol);
}

TEST(TransportStateTest, MessagesAreLimitedTo65535Bytes) {
  test::TransportPair pair = test::ockam_transport_pair();
  Result<Bytes> largest = pair.initiator.write_message(Bytes(kMaxMessageLength - 16, 0));
  ASSERT_TRUE(largest);
  EXPECT_EQ(largest->size(), kMaxMessageLength);
  EXPECT_EQ(pair.initiator.write_message(Bytes(kMaxMessageLength - 15, 0)).error().kind(),
            Kind::kInvalid);
  EXPECT_EQ(pair.responder.read_message(Bytes(kMaxMessageLength + 1, 0)).error().kind(),
            Kind::kProtocol);
  EXPECT_EQ(pair.responder.read_message(*largest).value().size(), kMaxMessageLength - 16);
}

}  // namespace
}  // namespace ockam::noise
