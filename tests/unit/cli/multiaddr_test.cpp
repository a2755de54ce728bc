#include "ockam/cli/multiaddr.hpp"

#include <gtest/gtest.h>

namespace ockam::cli {
namespace {

TEST(MultiAddrTest, EncodesOckamsExampleByteForByte) {
  auto addr = MultiAddr::parse("/ip4/127.0.0.1/tcp/4000/service/api");
  ASSERT_TRUE(addr);
  EXPECT_EQ(to_hex(addr->encode()), "047f000001060fa0bee80303617069");
}

TEST(MultiAddrTest, UsesOckamsCodesForEveryNameProtocol) {
  struct Case {
    const char* text;
    const char* hex;
  };
  for (const Case& c : {Case{"/service/x", "bee8030178"}, Case{"/node/x", "ceb6040178"},
                        Case{"/project/x", "de84050178"}, Case{"/space/x", "eed2050178"},
                        Case{"/secure/x", "c689060178"}, Case{"/worker/x", "fea0060178"},
                        Case{"/dnsaddr/x", "380178"}, Case{"/udp/4000", "91020fa0"}}) {
    auto addr = MultiAddr::parse(c.text);
    ASSERT_TRUE(addr) << c.text;
    EXPECT_EQ(to_hex(addr->encode()), c.hex) << c.text;
    auto decoded = MultiAddr::decode(from_hex(c.hex).value());
    ASSERT_TRUE(decoded) << c.hex;
    EXPECT_EQ(decoded->to_string(), c.text);
  }
}

TEST(MultiAddrTest, TextRoundTripsAndIpv6IsCanonical) {
  for (const char* text : {"/node/n1/secure/api/service/echo", "/dnsaddr/localhost/tcp/0",
                           "/ip6/::1/tcp/4000/worker/w", "/service/forward_to_n2/service/x"}) {
    auto addr = MultiAddr::parse(text);
    ASSERT_TRUE(addr) << text;
    EXPECT_EQ(addr->to_string(), text);
    auto decoded = MultiAddr::decode(addr->encode());
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, *addr);
  }
  EXPECT_EQ(MultiAddr::parse("/ip6/0:0:0:0:0:0:0:1")->to_string(), "/ip6/::1");
}

TEST(MultiAddrTest, ParseRejectsMalformedText) {
  for (const char* text : {"", "node/n1", "/", "/node", "/node/", "/node/n1/", "/nope/x",
                           "/ip4/1.2.3", "/ip4/256.0.0.1", "/tcp/65536", "/tcp/-1", "/tcp/08",
                           "/tcp/port", "/ip6/1.2.3.4", "/service//service/x"}) {
    EXPECT_FALSE(MultiAddr::parse(text)) << text;
  }
}

TEST(MultiAddrTest, DecodeRejectsMalformedBytes) {
  for (const char* hex : {
           "04",              // truncated ip4
           "047f0000",        // truncated ip4
           "060f",            // truncated port
           "bee80305617069",  // length past the end
           "bee80300",        // empty name
           "bee803012f",      // '/' in a name
           "bee80301ff",      // not UTF-8
           "07",              // unknown code
           "8000",            // non-minimal varint code
           "bee8038001",      // non-minimal length
           "ffffffffff0f",    // code past 32 bits
       }) {
    EXPECT_FALSE(MultiAddr::decode(from_hex(hex).value())) << hex;
  }
}

TEST(MultiAddrTest, DecodeRejectsTooManyComponents) {
  Bytes bytes;
  for (std::size_t i = 0; i <= kMaxMultiAddrComponents; ++i) {
    for (std::uint8_t b : {0x06, 0x00, 0x01}) {
      bytes.push_back(b);
    }
  }
  EXPECT_FALSE(MultiAddr::decode(bytes));
}

TEST(MultiAddrTest, LocalPartsBecomeALocalRoute) {
  auto route = MultiAddr::parse("/service/enc/secure/api/worker/echo")->to_local_route();
  ASSERT_TRUE(route);
  EXPECT_EQ(route->to_string(), "0#enc => 0#api => 0#echo");
  EXPECT_FALSE(MultiAddr::parse("/node/n1/service/echo")->to_local_route());
}

TEST(MultiAddrTest, ReverseFormNamesEachLocalAddressAsAService) {
  auto addr = MultiAddr::from_local_route(route("a1b2", "outlet"));
  ASSERT_TRUE(addr);
  EXPECT_EQ(addr->to_string(), "/service/a1b2/service/outlet");
  EXPECT_FALSE(MultiAddr::from_local_route(route(tcp_address("127.0.0.1:4000"))));
}

}  // namespace
}  // namespace ockam::cli
