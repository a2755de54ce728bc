#include "ockam/crypto/chacha20_poly1305.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;

// RFC 8439 section 2.8.2.
constexpr char kKey[] = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
constexpr char kAd[] = "50515253c0c1c2c3c4c5c6c7";
constexpr char kPlaintext[] =
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
    "future, sunscreen would be it.";
constexpr char kCiphertextAndTag[] =
    "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
    "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
    "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
    "3ff4def08e4b7a9de576d26586cec64b6116"
    "1ae10b594f09e26a7e902ecbd0600691";
constexpr AeadNonce kNonce = {0x07, 0x00, 0x00, 0x00, 0x40, 0x41,
                              0x42, 0x43, 0x44, 0x45, 0x46, 0x47};

std::unique_ptr<ChaCha20Poly1305> make_cipher() {
  return ChaCha20Poly1305::create(hex(kKey)).value();
}

TEST(ChaCha20Poly1305Test, EncryptMatchesRfc8439) {
  Bytes out;
  ASSERT_TRUE(make_cipher()->encrypt(kNonce, hex(kAd), as_bytes(kPlaintext), out));
  EXPECT_EQ(to_hex(out), kCiphertextAndTag);
}

TEST(ChaCha20Poly1305Test, DecryptRecoversThePlaintext) {
  Bytes out;
  ASSERT_TRUE(make_cipher()->decrypt(kNonce, hex(kAd), hex(kCiphertextAndTag), out));
  EXPECT_EQ(out, to_bytes(kPlaintext));
}

TEST(ChaCha20Poly1305Test, TamperedCiphertextIsRejectedAndOutputIsUnchanged) {
  Bytes tampered = hex(kCiphertextAndTag);
  tampered[5] ^= 0x20;
  Bytes out = to_bytes("keep");
  Result<void> opened = make_cipher()->decrypt(kNonce, hex(kAd), tampered, out);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kProtocol);
  EXPECT_EQ(out, to_bytes("keep"));
}

TEST(ChaCha20Poly1305Test, InPlaceRoundTripAndTamperedTagIsRejected) {
  std::unique_ptr<ChaCha20Poly1305> cipher = make_cipher();
  Bytes data = to_bytes(kPlaintext);
  std::array<std::uint8_t, kAeadTagLength> tag{};
  ASSERT_TRUE(cipher->encrypt_in_place(kNonce, hex(kAd), data, tag));
  EXPECT_EQ(to_hex(tag), "1ae10b594f09e26a7e902ecbd0600691");
  Bytes copy = data;
  ASSERT_TRUE(cipher->decrypt_in_place(kNonce, hex(kAd), data, tag));
  EXPECT_EQ(data, to_bytes(kPlaintext));
  tag[15] ^= 0x01;
  EXPECT_FALSE(cipher->decrypt_in_place(kNonce, hex(kAd), copy, tag));
  EXPECT_EQ(copy, Bytes(copy.size(), 0));
}

TEST(ChaCha20Poly1305Test, KeyMustBe32Bytes) {
  EXPECT_EQ(ChaCha20Poly1305::create(Bytes(31, 0)).error().kind(), Kind::kInvalid);
}

}  // namespace
}  // namespace ockam::crypto
