#include "ockam/noise/protocol_name.hpp"

#include <gtest/gtest.h>

namespace ockam::noise {
namespace {

TEST(ProtocolNameTest, StandardNameIsSplitIntoItsParts) {
  Result<ProtocolName> name = ProtocolName::parse("Noise_XXpsk3_448_ChaChaPoly_BLAKE2b");
  ASSERT_TRUE(name);
  EXPECT_EQ(name->text, "Noise_XXpsk3_448_ChaChaPoly_BLAKE2b");
  EXPECT_EQ(name->pattern.name, "XXpsk3");
  EXPECT_EQ(name->dh, DhAlgorithm::k448);
  EXPECT_EQ(name->cipher, CipherAlgorithm::kChaChaPoly);
  EXPECT_EQ(name->hash, crypto::HashAlgorithm::kBlake2b);
  EXPECT_FALSE(name->reversed_split);
}

TEST(ProtocolNameTest, OckamNameIsXx25519AesGcmSha256WithAReversedSplit) {
  Result<ProtocolName> name = ProtocolName::parse(kOckamProtocolName);
  ASSERT_TRUE(name);
  EXPECT_EQ(name->text.size(), 32u);
  EXPECT_EQ(name->pattern.name, "XX");
  EXPECT_EQ(name->dh, DhAlgorithm::k25519);
  EXPECT_EQ(name->cipher, CipherAlgorithm::kAesGcm);
  EXPECT_EQ(name->hash, crypto::HashAlgorithm::kSha256);
  EXPECT_TRUE(name->reversed_split);
}

TEST(ProtocolNameTest, UnimplementedAlgorithmsAreUnsupported) {
  for (const char* name :
       {"Noise_XX_P256_AESGCM_SHA256", "Noise_XX_25519_XChaChaPoly_SHA256",
        "Noise_XX_25519_AESGCM_SHA3", "Noise_XX_25519+448_AESGCM_SHA256",
        "NoisePSK_XX_25519_AESGCM_SHA256", "Noise_XXfallback_25519_AESGCM_SHA256"}) {
    Result<ProtocolName> parsed = ProtocolName::parse(name);
    ASSERT_FALSE(parsed) << name;
    EXPECT_EQ(parsed.error().kind(), Kind::kUnsupported) << name;
  }
}

TEST(ProtocolNameTest, MalformedNamesAreParseErrors) {
  for (const char* name : {"", "Noise", "Noise_XX_25519_AESGCM", "Noise_XX_25519_AESGCM_SHA256_",
                           "Noise__25519_AESGCM_SHA256", "Nois_XX_25519_AESGCM_SHA256",
                           "OCKAM_XX_25519_AES256_GCM_SHA25"}) {
    Result<ProtocolName> parsed = ProtocolName::parse(name);
    ASSERT_FALSE(parsed) << name;
    EXPECT_EQ(parsed.error().kind(), Kind::kParse) << name;
  }
}

}  // namespace
}  // namespace ockam::noise
