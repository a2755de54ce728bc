#include "ockam/noise/handshake_pattern.hpp"

#include <gtest/gtest.h>

namespace ockam::noise {
namespace {

using enum Token;
using Tokens = std::vector<Token>;

TEST(HandshakePatternTest, XxHasThreeMessagesAndNoPreMessages) {
  Result<HandshakePattern> pattern = HandshakePattern::parse("XX");
  ASSERT_TRUE(pattern);
  EXPECT_TRUE(pattern->initiator_pre_message.empty());
  EXPECT_TRUE(pattern->responder_pre_message.empty());
  EXPECT_EQ(pattern->messages, (std::vector<Tokens>{{kE}, {kE, kEe, kS, kEs}, {kS, kSe}}));
  EXPECT_FALSE(pattern->is_one_way());
  EXPECT_TRUE(pattern->needs_local_static(true));
  EXPECT_TRUE(pattern->needs_local_static(false));
  EXPECT_FALSE(pattern->needs_remote_static(true));
}

TEST(HandshakePatternTest, IkPreSharesTheResponderStaticKey) {
  Result<HandshakePattern> pattern = HandshakePattern::parse("IK");
  ASSERT_TRUE(pattern);
  EXPECT_EQ(pattern->responder_pre_message, Tokens{kS});
  EXPECT_TRUE(pattern->needs_remote_static(true));
  EXPECT_FALSE(pattern->needs_remote_static(false));
}

TEST(HandshakePatternTest, OneWayPatternsHaveOneMessage) {
  for (const char* name : {"N", "K", "X"}) {
    Result<HandshakePattern> pattern = HandshakePattern::parse(name);
    ASSERT_TRUE(pattern) << name;
    EXPECT_TRUE(pattern->is_one_way()) << name;
  }
  EXPECT_FALSE(HandshakePattern::parse("N")->needs_local_static(true));
}

TEST(HandshakePatternTest, DeferredPatternsAreTableEntries) {
  Result<HandshakePattern> pattern = HandshakePattern::parse("X1K1");
  ASSERT_TRUE(pattern);
  EXPECT_EQ(pattern->messages, (std::vector<Tokens>{{kE}, {kE, kEe, kEs}, {kS}, {kSe}}));
}

TEST(HandshakePatternTest, PskModifiersPlacePskTokens) {
  Result<HandshakePattern> pattern = HandshakePattern::parse("NNpsk0+psk2");
  ASSERT_TRUE(pattern);
  EXPECT_EQ(pattern->name, "NNpsk0+psk2");
  EXPECT_EQ(pattern->messages, (std::vector<Tokens>{{kPsk, kE}, {kE, kEe, kPsk}}));
  EXPECT_EQ(pattern->psk_count(), 2u);
  Result<HandshakePattern> xx = HandshakePattern::parse("XXpsk3");
  ASSERT_TRUE(xx);
  EXPECT_EQ(xx->messages.back(), (Tokens{kS, kSe, kPsk}));
}

TEST(HandshakePatternTest, UnknownPatternsAndModifiersAreUnsupported) {
  EXPECT_EQ(HandshakePattern::parse("ZZ").error().kind(), Kind::kUnsupported);
  EXPECT_EQ(HandshakePattern::parse("XXfallback").error().kind(), Kind::kUnsupported);
  EXPECT_EQ(HandshakePattern::parse("XXhfs").error().kind(), Kind::kUnsupported);
}

TEST(HandshakePatternTest, MalformedPskModifiersAreParseErrors) {
  EXPECT_EQ(HandshakePattern::parse("NNpsk3").error().kind(), Kind::kParse);
  EXPECT_EQ(HandshakePattern::parse("NNpsk0+psk0").error().kind(), Kind::kParse);
  EXPECT_EQ(HandshakePattern::parse("NNpsk").error().kind(), Kind::kParse);
  EXPECT_EQ(HandshakePattern::parse("NNpsk0+").error().kind(), Kind::kParse);
  EXPECT_EQ(HandshakePattern::parse("NNpskx").error().kind(), Kind::kParse);
}

}  // namespace
}  // namespace ockam::noise
