#include "ockam/crypto/hmac.hpp"

#include <gtest/gtest.h>

#include "test_hex.hpp"

namespace ockam::crypto {
namespace {

using test::hex;

TEST(HmacTest, Sha256MatchesRfc4231Case1) {
  const Bytes key(20, 0x0b);
  EXPECT_EQ(to_hex(hmac(HashAlgorithm::kSha256, key, as_bytes("Hi There")).expose_secret()),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(HmacTest, Sha512MatchesRfc4231Case1) {
  const Bytes key(20, 0x0b);
  EXPECT_EQ(to_hex(hmac(HashAlgorithm::kSha512, key, as_bytes("Hi There")).expose_secret()),
            "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
            "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854");
}

TEST(HmacTest, KeyLongerThanABlockIsHashedFirstAsInRfc4231Case6) {
  const Bytes key(131, 0xaa);
  EXPECT_EQ(to_hex(hmac(HashAlgorithm::kSha256, key,
                        as_bytes("Test Using Larger Than Block-Size Key - Hash Key First"))
                       .expose_secret()),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

}  // namespace
}  // namespace ockam::crypto
