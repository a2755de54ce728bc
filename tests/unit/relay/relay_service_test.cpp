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

/// A relay node: the relay service behind a TCP listener on `address` ("127.0.0.1:port").
std::function<Task<Result<std::string>>(Context&)> relay_node_at(std::string address) {
  return [address](Context& ctx) -> Task<Result<std::string>> {
    auto tcp = TcpTransport::create(ctx);
    auto listener = co_await tcp.listen(address);
    if (!listener) {
      co_return listener.error();
    }
    auto started = co_await start_relay_service(
        ctx, RelayServiceOptions().as_consumer(listener->flow_control_id()));
    if (!started) {
      co_return started.error();
    }
    co_return listener->socket_address();
  };
}

const auto start_relay_node = relay_node_at("127.0.0.1:0");

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

/// Asks "echoer" behind `forward_to_bob` on the relay node, retrying for up to 20 s; the
/// reply, and in `took` how long until it came.
std::string echo_via_relay(const std::string& relay_at, std::chrono::milliseconds& took) {
  Runtime alice;
  std::string reply = "no reply";
  auto started = std::chrono::steady_clock::now();
  (void)alice.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    asio::steady_timer pause(ctx.io());
    while (std::chrono::steady_clock::now() - started < std::chrono::seconds(20)) {
      auto connection = co_await tcp.connect(relay_at);
      if (connection) {
        auto answer = co_await ctx.send_and_receive<std::string>(
            route(*connection, "forward_to_bob", "echoer"), std::string("via relay"),
            std::chrono::milliseconds(500));
        (void)tcp.disconnect(connection->sender_address());
        if (answer) {
          reply = *answer;
          break;
        }
      }
      pause.expires_after(std::chrono::milliseconds(100));
      co_await pause.async_wait(kUseTuple);
    }
    co_return ok();
  });
  took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               started);
  return reply;
}

TEST(RelayServiceTest, ARemoteRelayIsRegisteredAgainWhenTheRelayNodeRestarts) {
  auto relay_node = std::make_unique<BackgroundNode>(start_relay_node);
  std::string relay_at = relay_node->value();
  ASSERT_EQ(relay_at.rfind("127.0.0.1:", 0), 0u) << relay_at;
  BackgroundNode bob([relay_at](Context& ctx) -> Task<Result<std::string>> {
    auto tcp = TcpTransport::create(ctx);
    // The relay registration below reuses this connection, and its reconnections to the same
    // "host:port" keep its flow: the echoer stays a consumer.
    auto connection = co_await tcp.connect(relay_at);
    if (!connection) {
      co_return connection.error();
    }
    if (auto started = co_await ctx.start_worker("echoer", Echoer{}); !started) {
      co_return started.error();
    }
    ctx.flow_controls().add_consumer("echoer", connection->flow_control_id());
    co_return co_await create_remote_relay(ctx, route(tcp_address(relay_at)), "bob");
  });
  ASSERT_EQ(bob.value(), "forward_to_bob");
  std::chrono::milliseconds took{};
  EXPECT_EQ(echo_via_relay(relay_at, took), "via relay");

  relay_node.reset();  // the relay node goes away, and comes back on the same port
  relay_node = std::make_unique<BackgroundNode>(relay_node_at(relay_at));
  ASSERT_EQ(relay_node->value(), relay_at);
  EXPECT_EQ(echo_via_relay(relay_at, took), "via relay");
  std::printf("the remote relay served again %lld ms after the relay node restarted\n",
              static_cast<long long>(took.count()));
  EXPECT_LT(took, std::chrono::seconds(10));
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
