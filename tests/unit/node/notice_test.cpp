#include "ockam/node/notice.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace ockam {
namespace {

TEST(NoticeTest, ANoticeReachesAnAddressThatDeniesEveryMessageWhenItsWatchedAddressGoes) {
  asio::io_context io;
  Router router(io);
  auto watcher = std::make_shared<Mailbox>(io);
  ASSERT_TRUE(router.register_address("notices", Endpoint{watcher, deny_all_incoming(), nullptr}));
  ASSERT_TRUE(router.register_address("transport",
                                      Endpoint{std::make_shared<Mailbox>(io), nullptr, nullptr}));
  std::uint64_t moved = notify_when_gone(router, Address("transport"), Address("notices"));
  (void)notify_when_gone(router, Address("transport"), Address("notices"));
  router.unwatch(moved);  // e.g. a channel that roamed to another transport
  router.unregister_address(Address("transport"));
  EXPECT_EQ(watcher->size(), 0u);  // the notice comes from a handler of its own
  io.poll();
  ASSERT_EQ(watcher->size(), 1u);
  auto notice = watcher->try_pop();
  EXPECT_EQ(notice->destination, Address("notices"));
  EXPECT_TRUE(notice->message.onward_route.empty());
  EXPECT_TRUE(notice->message.payload.empty());
  router.clear();
}

TEST(NoticeTest, ANoticeGoesPastAFullMailboxAndNotToAnAddressThatIsGone) {
  asio::io_context io;
  Router router(io);
  auto full = std::make_shared<Mailbox>(io, 1);
  ASSERT_TRUE(router.register_address("full", Endpoint{full, nullptr, nullptr}));
  ASSERT_TRUE(full->push(Envelope{Address("full"), LocalMessage{}}));
  ASSERT_FALSE(full->has_space());
  EXPECT_TRUE(notify(router, Address("full")));
  EXPECT_EQ(full->size(), 2u);
  EXPECT_FALSE(notify(router, Address("nobody")));
  router.clear();
}

}  // namespace
}  // namespace ockam
