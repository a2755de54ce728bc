#include "ockam/relay/relay_service.hpp"

#include <gtest/gtest.h>

#include "ockam/node/runtime.hpp"
#include "ockam/transport/tcp/tcp_transport.hpp"
#include "support/background_node.hpp"
#include "support/echoer.hpp"

namespace ockam {
namespace {

using testing::BackgroundNode;
using testing::Echoer;

Task<Result<std::string>> start_relay_node(Context& ctx) {
  auto tcp = TcpTransport::create(ctx);
  auto listener = co_await tcp.listen("127.0.0.1:0");
  if (!listener) {
    co_return listener.error();
  }
  auto started = co_await start_relay_service(
      ctx, RelayServiceOptions().as_consumer(listener->flow_control_id()));
  if (!started) {
    co_return started.error();
  }
  co_return listener->socket_address();
}

TEST(RelayServiceTest, MessagesToARegisteredRelayReachTheRegisteringNode) {
  BackgroundNode relay_node(start_relay_node);
  ASSERT_EQ(relay_node.value().rfind("127.0.0.1:", 0), 0u) << relay_node.value();
  std::string relay_at = relay_node.value();

  BackgroundNode bob([relay_at](Context& ctx) -> Task<Result<std::string>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = co_await tcp.connect(relay_at);
    if (!connection) {
      co_return connection.error();
    }
    if (auto started = co_await ctx.start_worker("echoer", Echoer{}); !started) {
      co_return started.error();
    }
    ctx.flow_controls().add_consumer("echoer", connection->flow_control_id());
    co_return co_await create_remote_relay(ctx, route(*connection), "bob");
  });
  ASSERT_EQ(bob.value(), "forward_to_bob");

  Runtime alice;
  std::string reply;
  auto result = alice.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = (co_await tcp.connect(relay_at)).value();
    reply = (co_await ctx.send_and_receive<std::string>(
                 route(connection, "forward_to_bob", "echoer"), std::string("via relay")))
                .value();
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(reply, "via relay");
}

TEST(RelayServiceTest, RandomRegistrationGetsAPrefixedName) {
  BackgroundNode relay_node(start_relay_node);
  std::string relay_at = relay_node.value();
  Runtime client;
  std::string name;
  auto result = client.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = (co_await tcp.connect(relay_at)).value();
    name = (co_await create_remote_relay(ctx, route(connection), "register")).value();
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(name.rfind(kRelayPrefix, 0), 0u);
  EXPECT_EQ(name.size(), std::string(kRelayPrefix).size() + 32);
}

TEST(RelayServiceTest, NamesAreValidated) {
  EXPECT_TRUE(validate_relay_name("bob"));
  EXPECT_TRUE(validate_relay_name("node-1.a_b"));
  EXPECT_FALSE(validate_relay_name(""));
  EXPECT_FALSE(validate_relay_name("a b"));
  EXPECT_FALSE(validate_relay_name("x#1"));
  EXPECT_FALSE(validate_relay_name(std::string(kMaxRelayNameLength + 1, 'a')));
}

}  // namespace
}  // namespace ockam
