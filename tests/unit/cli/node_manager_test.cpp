#include "ockam/cli/node_manager.hpp"

#include <gtest/gtest.h>

#include "ockam/cli/cbor_map.hpp"
#include "ockam/cli/default_services.hpp"
#include "ockam/cli/local_node.hpp"
#include "ockam/cli/node_client.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "support/background_node.hpp"

namespace ockam::cli {
namespace {

using testing::BackgroundNode;

Task<Result<std::string>> start_server(Context& ctx, identity::Identifier creator) {
  Node node(ctx.runtime());
  auto self = (co_await node.create_identity()).value();
  LocalNodeOptions options{std::string("n1"), self, {}, "127.0.0.1:0", 42};
  options.controllers.insert(creator);
  auto local = co_await start_local_node(node, std::move(options));
  if (!local) {
    co_return local.error();
  }
  co_return local->info.tcp_listener_address;
}

Bytes message_body(const std::string& to, const std::string& text) {
  ByteWriter bytes;
  CborWriter out(bytes);
  out.write_map_header(2);
  out.write_uint(1);
  out.write_text(to);
  out.write_uint(2);
  out.write_bytes(as_bytes(text));
  return bytes.take();
}

std::string reply_text(const Response& response) {
  CborReader in(response.body);
  ByteView reply;
  return in.read_bytes(reply) ? std::string(reply.begin(), reply.end()) : "<no bytes>";
}

TEST(NodeManagerTest, ServesItsCreatorThroughTheApiChannel) {
  Runtime client;
  auto result = client.run_until_complete([](Context& ctx) -> Task<Result<void>> {
    Node node(ctx.runtime());
    auto creator = (co_await node.create_identity()).value();
    BackgroundNode server(
        [id = creator.identifier()](Context& server_ctx) { return start_server(server_ctx, id); });
    std::string listener = server.value();
    auto tcp = (co_await node.create_tcp_transport()).value();
    auto api = (co_await NodeClient::connect(node, tcp, creator, listener, std::nullopt)).value();

    auto status = (co_await api.request(Method::kGet, "node", {})).value();
    EXPECT_TRUE(status.header.is_ok());
    auto info = CborMap::parse(status.body).value();
    EXPECT_EQ(info.text(1), "n1");
    EXPECT_EQ(info.text(3), listener);

    auto upper = (co_await api.request(Method::kPost, "v0/message",
                                       message_body("/service/uppercase", "hello")))
                     .value();
    EXPECT_TRUE(upper.header.is_ok()) << error_message(upper.body);
    EXPECT_EQ(reply_text(upper), "HELLO");

    std::string secure_echo = "/ip4/127.0.0.1/tcp/" + listener.substr(listener.rfind(':') + 1) +
                              "/secure/api/service/echo";
    auto echoed =
        (co_await api.request(Method::kPost, "v0/message", message_body(secure_echo, "hi")))
            .value();
    EXPECT_TRUE(echoed.header.is_ok()) << error_message(echoed.body);
    EXPECT_EQ(reply_text(echoed), "hi");

    auto missing = (co_await api.request(Method::kGet, "node/nothing", {})).value();
    EXPECT_EQ(missing.header.status, Status::kNotFound);
    co_return co_await api.close();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(NodeManagerTest, RefusesAnIdentityThatDidNotCreateTheNode) {
  Runtime client;
  auto result = client.run_until_complete([](Context& ctx) -> Task<Result<void>> {
    Node node(ctx.runtime());
    auto creator = (co_await node.create_identity()).value();
    auto stranger = (co_await node.create_identity()).value();
    BackgroundNode server(
        [id = creator.identifier()](Context& server_ctx) { return start_server(server_ctx, id); });
    auto tcp = (co_await node.create_tcp_transport()).value();
    auto api =
        (co_await NodeClient::connect(node, tcp, stranger, server.value(), std::nullopt)).value();
    auto refused = (co_await api.request(Method::kPost, "v0/message",
                                         message_body("/service/uppercase", "hello")))
                       .value();
    EXPECT_EQ(refused.header.status, Status::kUnauthorized);
    co_return co_await api.close();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

TEST(NodeManagerTest, IsNotReachableOverPlainTcp) {
  Runtime client;
  auto result = client.run_until_complete([](Context& ctx) -> Task<Result<void>> {
    Node node(ctx.runtime());
    auto creator = (co_await node.create_identity()).value();
    BackgroundNode server(
        [id = creator.identifier()](Context& server_ctx) { return start_server(server_ctx, id); });
    auto tcp = (co_await node.create_tcp_transport()).value();
    auto connection = (co_await tcp.connect(server.value())).value();
    RequestHeader header = RequestHeader::make(Method::kGet, "node", false);
    auto reply = co_await node.send_and_receive<Bytes>(route(connection, kNodeManagerAddress),
                                                       encode_request(header, {}),
                                                       std::chrono::milliseconds(500));
    EXPECT_FALSE(reply);
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
}

}  // namespace
}  // namespace ockam::cli
