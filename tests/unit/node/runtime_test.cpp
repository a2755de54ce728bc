#include "ockam/node/runtime.hpp"

#include <gtest/gtest.h>

namespace ockam {
namespace {

class Echoer final : public Worker<std::string> {
 public:
  Task<Result<void>> handle_message(Context& ctx, Routed<std::string> msg) override {
    co_return co_await ctx.send(msg.return_route(), msg.body());
  }
};

TEST(RuntimeTest, EchoWorkerRepliesToTheSender) {
  Runtime runtime;
  std::string reply;
  auto result = runtime.run_until_complete([&](Context& ctx) -> Task<Result<void>> {
    (co_await ctx.start_worker("echoer", Echoer{})).value();
    (co_await ctx.send(route("echoer"), std::string("Hello Ockam!"))).value();
    auto message = co_await ctx.receive<std::string>();
    reply = message.value().body();
    co_return ok();
  });
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(reply, "Hello Ockam!");
}

}  // namespace
}  // namespace ockam
