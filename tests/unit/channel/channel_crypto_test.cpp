#include <gtest/gtest.h>

#include "ockam/channel/decryptor.hpp"
#include "ockam/channel/encryptor.hpp"
#include "ockam/channel/secure_channel_message.hpp"
#include "ockam/core/bare.hpp"
#include "ockam/core/cbor_route.hpp"

namespace ockam::channel {
namespace {

Bytes hex(std::string_view text) {
  return from_hex(text).value();
}

ChannelKey initiator_key() {
  return ChannelKey::create(
             SecretBytes(hex("831124fa3e1606b97f5cda4d81c3aa04c7c0151666f05f49a09cd0faf63a05d8")))
      .value();
}

Bytes hello_plaintext() {
  Bytes out;
  encode_payload_plaintext(encode_cbor_route(route("echoer")),
                           encode_cbor_route(route("00112233445566778899aabbccddeeff")),
                           bare::encode(std::string("Hello Ockam!")), out);
  return out;
}

TEST(SecureChannelMessageTest, PayloadPlaintextMatchesOckamWireExample) {
  EXPECT_EQ(to_hex(hello_plaintext()),
            "8282008183818200466563686f6572818200582030303131323233333434353536363737383839396161"
            "626263636464656566664d0c48656c6c6f204f636b616d2140");
}

TEST(SecureChannelMessageTest, ClosePlaintextIsOckams) {
  EXPECT_EQ(to_hex(encode_close_plaintext()), "8282028040");
  auto decoded = decode_plaintext(encode_close_plaintext());
  ASSERT_TRUE(decoded);
  EXPECT_TRUE(std::holds_alternative<CloseMessage>(*decoded));
}

TEST(SecureChannelMessageTest, DecodesTheRustRefreshCredentialsMessage) {
  Bytes plaintext = hex(
      "828201818281825837830101583285f682008158208bd01513a019c95d96553015b1b0a3014e7bd67c7f3c8e62"
      "23e839111041f8d6f41a659c99fd1a78689cfd820081584067118992d037593809f8b217641aed54dc983f2847"
      "f95b2068207c3647beb73a60b0e14012c14bfee487c880f0f74d9f8a7d7abd3ef333f2f90f097ef366900c8182"
      "8258e183010358dc855820904192e6e480915e0d1256d3abf9c3c9c67bc2b4c41ffca77550d8a3f12fbb1e5820"
      "904192e6e480915e0d1256d3abf9c3c9c67bc2b4c41ffca77550d8a3f12fbb1e8201a44b6f636b616d2d72656c"
      "6179412a4a6f636b616d2d726f6c6548656e726f6c6c65724a70726f6a6563745f6964582437363764343631"
      "632d393835312d346330622d626663362d3664333333346235626363325074727573745f636f6e746578745f"
      "6964582437363764343631632d393835312d346330622d626663362d3664333333346235626363321a659ca3"
      "cf1a659ca3ed8200815840cf27a0a3052c53b1f27bf7776ca95c7dcdd7a0f493cc5b1e30f9d35712bb8fde16"
      "f69065aa9f70b3689a8f1b7b05fc13e6e807efa719031d1a415d25b61c360b82587c8301025877855820b1fe"
      "a1775d75079abdb1e78b96921fa9ec340bc2b5aa70f37e65342d859cf5505820b1fea1775d75079abdb1e78b"
      "96921fa9ec340bc2b5aa70f37e65342d859cf5508201818200815820389852b0f4fee7b6b962442a924d1672"
      "c56b8813fb846a50da80db7e1bbe41591a659c9a2f1a6f029baf8200815840adf4a66e097de839d3539694a6"
      "c6a82a978ff009205df8bf7eb03b9990958b7c4e7037fd9d365cf220a2757ed60f0542f47965d8b9f354fd95"
      "0841ce6630460640");
  auto decoded = decode_plaintext(plaintext);
  ASSERT_TRUE(decoded) << decoded.error().to_string();
  auto* refresh = std::get_if<RefreshCredentialsMessage>(&*decoded);
  ASSERT_NE(refresh, nullptr);
  EXPECT_EQ(refresh->change_history.size(), 128u);
  EXPECT_EQ(refresh->change_history.front(), 0x81);
}

TEST(SecureChannelMessageTest, DecodeRejectsTruncationsTrailingBytesAndUnknownVariants) {
  Bytes plaintext = hello_plaintext();
  for (std::size_t n = 0; n < plaintext.size(); ++n) {
    EXPECT_FALSE(decode_plaintext(ByteView(plaintext).first(n))) << n;
  }
  plaintext.push_back(0);
  EXPECT_FALSE(decode_plaintext(plaintext));
  EXPECT_FALSE(decode_plaintext(hex("8282038040")));
}

TEST(EncryptorTest, CiphertextsMatchOckamAtNonceZeroAndAfterARekey) {
  Encryptor encryptor(initiator_key());
  Bytes plaintext = hello_plaintext();
  Bytes first;
  ASSERT_TRUE(encryptor.encrypt(plaintext, first));
  EXPECT_EQ(to_hex(first),
            "0000000000000000730a7fb64a78d67042e6e239c46e13d84c965938c29bf2d85d8308faeaa01a60a3d4"
            "df9a80d08faaa0dd42b8299c7ad65c24d4c332d7c3387218777b1c8bfad05a053713792abe14622001a0"
            "8912ffd48dd4af");
  Bytes at32;
  for (int i = 1; i <= 32; ++i) {
    at32.clear();
    ASSERT_TRUE(encryptor.encrypt(plaintext, at32));
  }
  EXPECT_EQ(to_hex(at32),
            "00000000000000202dcf72b05ab1a24b43daea9743c01372897edab8841613b80cf96949b91f8dd386d9"
            "8567000063b551f55a8af6304716d421203421b87c42433d11f0a1ea51b79fc6ba54d6c9381e07f0f190"
            "a84a022f97f0b5");
}

TEST(EncryptorTest, CloseCiphertextMatchesOckam) {
  Encryptor encryptor(initiator_key());
  Bytes out;
  ASSERT_TRUE(encryptor.encrypt(encode_close_plaintext(), out));
  EXPECT_EQ(to_hex(out), "0000000000000000730a7db78918da6f632767306fdfd7b9abac253c30");
}

std::vector<Bytes> encrypt_many(std::size_t count) {
  Encryptor encryptor(initiator_key());
  std::vector<Bytes> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    Bytes plaintext{static_cast<std::uint8_t>(i)};
    EXPECT_TRUE(encryptor.encrypt(plaintext, out[i]));
  }
  return out;
}

TEST(DecryptorTest, DecryptsInOrderAcrossRekeyBoundaries) {
  auto ciphertexts = encrypt_many(100);
  Decryptor decryptor(initiator_key());
  for (std::size_t i = 0; i < ciphertexts.size(); ++i) {
    Bytes plaintext;
    auto nonce = decryptor.decrypt(ciphertexts[i], plaintext);
    ASSERT_TRUE(nonce) << i;
    EXPECT_EQ(*nonce, i);
    EXPECT_EQ(plaintext, Bytes{static_cast<std::uint8_t>(i)});
  }
}

TEST(DecryptorTest, RejectsReplaysAndTamperingWithoutMovingTheWindow) {
  auto ciphertexts = encrypt_many(3);
  Decryptor decryptor(initiator_key());
  Bytes out;
  ASSERT_TRUE(decryptor.decrypt(ciphertexts[0], out));
  EXPECT_FALSE(decryptor.decrypt(ciphertexts[0], out));  // replay
  Bytes tampered = ciphertexts[1];
  tampered.back() ^= 1;
  EXPECT_FALSE(decryptor.decrypt(tampered, out));
  Bytes forged_nonce = ciphertexts[1];
  forged_nonce[7] = 30;  // a valid-looking nonce that fails authentication
  EXPECT_FALSE(decryptor.decrypt(forged_nonce, out));
  EXPECT_FALSE(decryptor.decrypt(Bytes{0, 0, 0}, out));  // short
  EXPECT_TRUE(decryptor.decrypt(ciphertexts[1], out));   // the window did not move
  EXPECT_TRUE(decryptor.decrypt(ciphertexts[2], out));
  EXPECT_EQ(decryptor.rejected_count(), 4u);
}

TEST(DecryptorTest, AcceptsReorderingInsideTheWindowAndRejectsOutside) {
  auto ciphertexts = encrypt_many(80);
  Decryptor decryptor(initiator_key());
  Bytes out;
  ASSERT_TRUE(decryptor.decrypt(ciphertexts[5], out));
  ASSERT_TRUE(decryptor.decrypt(ciphertexts[2], out));    // late but inside the window
  ASSERT_TRUE(decryptor.decrypt(ciphertexts[37], out));   // 32 ahead, next key interval
  EXPECT_FALSE(decryptor.decrypt(ciphertexts[3], out));   // 34 behind: outside the window
  ASSERT_TRUE(decryptor.decrypt(ciphertexts[31], out));   // previous key, inside the window
  EXPECT_FALSE(decryptor.decrypt(ciphertexts[79], out));  // too far ahead
}

}  // namespace
}  // namespace ockam::channel
