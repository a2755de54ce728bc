#include "ockam/transport/tcp/tcp_transport.hpp"

#include <gtest/gtest.h>

#include <asio/connect.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/read.hpp>
#include <asio/write.hpp>

#include "ockam/node/runtime.hpp"
#include "support/background_node.hpp"
#include "support/echoer.hpp"

namespace ockam {
namespace {

using testing::Echoer;

/// A node in its own thread that listens on a free loopback port with an "echoer", which is a
/// consumer of the listener's flow unless told otherwise; its value() is "127.0.0.1:port".
testing::BackgroundNode echo_server(bool admit_echoer = true) {
  return testing::BackgroundNode([admit_echoer](Context& ctx) -> Task<Result<std::string>> {
    auto tcp = TcpTransport::create(ctx);
    (co_await ctx.start_worker("echoer", Echoer{})).value();
    auto listener = co_await tcp.listen("127.0.0.1:0");
    if (!listener) {
      co_return listener.error();
    }
    if (admit_echoer) {
      ctx.flow_controls().add_consumer("echoer", listener->flow_control_id());
    }
    co_return listener->socket_address();
  });
}

TEST(TcpTransportTest, SendAndReceiveThroughAConnection) {
  auto server = echo_server();
  Runtime client;
  std::string reply;
  auto result = client.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = co_await tcp.connect(server.value());
    if (!connection) {
      co_return connection.error();
    }
    auto answer = co_await ctx.send_and_receive<std::string>(route(*connection, "echoer"),
                                                             std::string("Hello Ockam!"));
    if (!answer) {
      co_return answer.error();
    }
    reply = *answer;
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(reply, "Hello Ockam!");
}

TEST(TcpTransportTest, SmallMessagesSentWithoutWaitingArriveWholeAndInOrder) {
  // A sender that never waits queues well past kWriteInPushBytes, so the pushes write to the
  // socket themselves (partially, while the peer is slower) before the writer takes the rest.
  constexpr int kMessages = 5000;
  auto server = echo_server();
  Runtime client;
  std::vector<std::string> replies;
  auto result = client.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = (co_await tcp.connect(server.value())).value();
    ctx.flow_controls().add_consumer(ctx.address(), connection.flow_control_id());
    for (int i = 0; i < kMessages; ++i) {
      (co_await ctx.send(route(connection, "echoer"), std::string(100, 'x') + std::to_string(i)))
          .value();
    }
    for (int i = 0; i < kMessages; ++i) {
      replies.push_back((co_await ctx.receive<std::string>()).value().body());
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  ASSERT_EQ(replies.size(), static_cast<std::size_t>(kMessages));
  for (int i = 0; i < kMessages; ++i) {
    ASSERT_EQ(replies[static_cast<std::size_t>(i)], std::string(100, 'x') + std::to_string(i));
  }
}

TEST(TcpTransportTest, TcpAddressInARouteConnectsAndIsReused) {
  auto server = echo_server();
  Runtime client;
  std::size_t addresses_after_first = 0;
  std::size_t addresses_after_second = 0;
  auto result = client.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    TcpTransport::create(ctx);
    for (std::size_t* count : {&addresses_after_first, &addresses_after_second}) {
      auto answer = co_await ctx.send_and_receive<std::string>(
          route(tcp_address(server.value()), "echoer"), std::string("hi"));
      if (!answer) {
        co_return answer.error();
      }
      *count = ctx.router().addresses().size();
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(addresses_after_first, addresses_after_second);
}

TEST(TcpTransportTest, FlowControlDropsMessagesToNonConsumers) {
  auto server = echo_server(/*admit_echoer=*/false);
  Runtime client;
  auto result = client.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = (co_await tcp.connect(server.value())).value();
    auto answer = co_await ctx.send_and_receive<std::string>(
        route(connection, "echoer"), std::string("hi"), std::chrono::milliseconds(300));
    if (answer || answer.error().kind() != Kind::kTimeout) {
      co_return Error(Origin::kApplication, Kind::kInternal, "expected a timeout");
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpTransportTest, ConnectToAClosedPortFails) {
  Runtime client;
  auto result = client.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = co_await tcp.connect("127.0.0.1:1");
    if (connection) {
      co_return Error(Origin::kApplication, Kind::kInternal, "connect should fail");
    }
    EXPECT_EQ(connection.error().kind(), Kind::kIo);
    // The error says which address and why, for the person reading it.
    EXPECT_EQ(connection.error().to_string(),
              "transport/io: TCP connect failed (127.0.0.1:1: Connection refused)");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpTransportTest, ListeningWhereAnotherListensSaysWhereAndWhy) {
  Runtime node;
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto first = co_await tcp.listen("127.0.0.1:0");
    if (!first) {
      co_return first.error();
    }
    std::string taken = first->socket_address();
    auto second = co_await tcp.listen(taken);
    EXPECT_FALSE(second);
    if (!second) {
      EXPECT_EQ(second.error().to_string(), "transport/io: could not listen on that address (" +
                                                taken + ": Address already in use)");
    }
    auto named = co_await tcp.listen("localhost:0");
    EXPECT_FALSE(named);
    if (!named) {
      EXPECT_EQ(named.error().to_string(),
                "transport/invalid: listen needs an IP address (localhost:0)");
    }
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(TcpTransportTest, StoppingAnUnknownListenerOrConnectionNamesTheAddress) {
  Runtime node;
  auto result = node.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    EXPECT_EQ(tcp.stop_listener("nobody").error().to_string(),
              "transport/not found: no TCP listener with that address (0#nobody)");
    EXPECT_EQ(tcp.disconnect("nobody").error().to_string(),
              "transport/not found: no TCP connection with that address (0#nobody)");
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

/// Opens a raw socket to the server, sends `bytes`, and tells whether the server closed it.
bool server_closes_after(const std::string& host_port, const Bytes& bytes) {
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  auto colon = host_port.rfind(':');
  asio::ip::tcp::endpoint endpoint(
      asio::ip::make_address(host_port.substr(0, colon)),
      static_cast<std::uint16_t>(std::stoi(host_port.substr(colon + 1))));
  socket.connect(endpoint);
  asio::write(socket, asio::buffer(bytes));
  std::uint8_t version = 0;
  asio::read(socket, asio::buffer(&version, 1));
  std::array<std::uint8_t, 64> sink{};
  asio::error_code ec;
  socket.read_some(asio::buffer(sink), ec);
  return ec == asio::error::eof || ec == asio::error::connection_reset;
}

TEST(TcpTransportTest, BadInputClosesThatConnectionAndOthersAreStillServed) {
  auto server = echo_server();
  EXPECT_TRUE(server_closes_after(server.value(), Bytes{0x02}));                 // version
  EXPECT_TRUE(server_closes_after(server.value(), Bytes{0x01, 0x01, 0, 0, 1}));  // > 16 MiB
  EXPECT_TRUE(server_closes_after(server.value(), Bytes{0x01, 0, 0, 0, 2, 0xff, 0xff}));  // CBOR
  Runtime client;
  std::string reply;
  auto result = client.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    auto tcp = TcpTransport::create(ctx);
    auto connection = (co_await tcp.connect(server.value())).value();
    reply = (co_await ctx.send_and_receive<std::string>(route(connection, "echoer"),
                                                        std::string("still here")))
                .value();
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(reply, "still here");
}

}  // namespace
}  // namespace ockam
