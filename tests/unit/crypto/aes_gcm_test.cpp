#include "ockam/crypto/aes_gcm.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;

// "The Galois/Counter Mode of Operation" (McGrew, Viega) test case 16, AES-256.
constexpr char kKey[] = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
constexpr char kPlaintext[] =
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
constexpr char kAd[] = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
constexpr char kCiphertextAndTag[] =
    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
    "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
    "76fc6ece0f4e1768cddf8853bb2d551b";

AeadNonce nonce_from_hex(std::string_view text) {
  AeadNonce nonce{};
  const Bytes raw = hex(text);
  std::copy(raw.begin(), raw.end(), nonce.begin());
  return nonce;
}

const AeadNonce kNonce = nonce_from_hex("cafebabefacedbaddecaf888");

std::unique_ptr<AesGcm> make_cipher() {
  return AesGcm::create(hex(kKey)).value();
}

TEST(AesGcmTest, EncryptMatchesGcmSpecTestCase16) {
  Bytes out = to_bytes("prefix");
  ASSERT_TRUE(make_cipher()->encrypt(kNonce, hex(kAd), hex(kPlaintext), out));
  EXPECT_EQ(to_hex(out), to_hex(to_bytes("prefix")) + kCiphertextAndTag);
}

TEST(AesGcmTest, EncryptOfEmptyPlaintextUnderZeroKeyMatchesGcmSpecTestCase13) {
  std::unique_ptr<AesGcm> cipher = AesGcm::create(Bytes(32, 0)).value();
  Bytes out;
  ASSERT_TRUE(cipher->encrypt(AeadNonce{}, {}, {}, out));
  EXPECT_EQ(to_hex(out), "530f8afbc74536b9a963b4f1c4cb738b");
}

TEST(AesGcmTest, DecryptRecoversThePlaintext) {
  Bytes out;
  ASSERT_TRUE(make_cipher()->decrypt(kNonce, hex(kAd), hex(kCiphertextAndTag), out));
  EXPECT_EQ(to_hex(out), kPlaintext);
}

TEST(AesGcmTest, TamperedCiphertextTagOrAdIsRejectedAndOutputIsUnchanged) {
  std::unique_ptr<AesGcm> cipher = make_cipher();
  const Bytes original = hex(kCiphertextAndTag);
  for (std::size_t index : {std::size_t{0}, original.size() - 1}) {
    Bytes tampered = original;
    tampered[index] ^= 0x01;
    Bytes out = to_bytes("keep");
    Result<void> opened = cipher->decrypt(kNonce, hex(kAd), tampered, out);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().kind(), Kind::kProtocol);
    EXPECT_EQ(out, to_bytes("keep"));
  }
  Bytes out;
  EXPECT_FALSE(cipher->decrypt(kNonce, {}, original, out));
  EXPECT_TRUE(out.empty());
}

TEST(AesGcmTest, CiphertextShorterThanATagIsRejected) {
  Bytes out;
  Result<void> opened = make_cipher()->decrypt(kNonce, {}, Bytes(15, 0), out);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().kind(), Kind::kProtocol);
}

TEST(AesGcmTest, InPlaceVariantsMatchTheCopyingOnes) {
  std::unique_ptr<AesGcm> cipher = make_cipher();
  Bytes data = hex(kPlaintext);
  std::array<std::uint8_t, kAeadTagLength> tag{};
  ASSERT_TRUE(cipher->encrypt_in_place(kNonce, hex(kAd), data, tag));
  Bytes sealed = data;
  sealed.insert(sealed.end(), tag.begin(), tag.end());
  EXPECT_EQ(to_hex(sealed), kCiphertextAndTag);
  ASSERT_TRUE(cipher->decrypt_in_place(kNonce, hex(kAd), data, tag));
  EXPECT_EQ(to_hex(data), kPlaintext);
}

TEST(AesGcmTest, InPlaceDecryptFailureWipesTheBuffer) {
  std::unique_ptr<AesGcm> cipher = make_cipher();
  Bytes data = hex(kPlaintext);
  std::array<std::uint8_t, kAeadTagLength> tag{};
  ASSERT_TRUE(cipher->encrypt_in_place(kNonce, {}, data, tag));
  tag[0] ^= 0x01;
  EXPECT_FALSE(cipher->decrypt_in_place(kNonce, {}, data, tag));
  EXPECT_EQ(data, Bytes(data.size(), 0));
}

// Both directions share one keyed context: each call must set its own direction, IV and tag
// state, whatever the call before it did (including a failed open).
TEST(AesGcmTest, DirectionsInterleaveOnOneInstance) {
  std::unique_ptr<AesGcm> cipher = make_cipher();
  Bytes tampered = hex(kCiphertextAndTag);
  tampered.back() ^= 0x01;
  for (int round = 0; round < 3; ++round) {
    Bytes sealed;
    ASSERT_TRUE(cipher->encrypt(kNonce, hex(kAd), hex(kPlaintext), sealed));
    EXPECT_EQ(to_hex(sealed), kCiphertextAndTag);
    Bytes rejected;
    EXPECT_FALSE(cipher->decrypt(kNonce, hex(kAd), tampered, rejected));
    Bytes opened;
    ASSERT_TRUE(cipher->decrypt(kNonce, hex(kAd), sealed, opened));
    EXPECT_EQ(to_hex(opened), kPlaintext);
    Bytes empty_sealed;
    ASSERT_TRUE(cipher->encrypt(kNonce, {}, {}, empty_sealed));
    Bytes empty_opened;
    EXPECT_TRUE(cipher->decrypt(kNonce, {}, empty_sealed, empty_opened));
    EXPECT_TRUE(empty_opened.empty());
  }
}

TEST(AesGcmTest, KeyMustBe32Bytes) {
  Result<std::unique_ptr<AesGcm>> cipher = AesGcm::create(Bytes(16, 0));
  ASSERT_FALSE(cipher);
  EXPECT_EQ(cipher.error().kind(), Kind::kInvalid);
}

}  // namespace
}  // namespace ockam::crypto
