#include "internal/stdin_watch.hpp"

#include <unistd.h>

#include <array>
#include <cstdint>

#include <asio/posix/stream_descriptor.hpp>

namespace ockam::bench {

Task<> wait_until_stdin_closes(asio::io_context& io) {
  const int fd = ::dup(STDIN_FILENO);
  if (fd < 0) {
    co_return;
  }
  asio::posix::stream_descriptor input(io, fd);
  std::array<std::uint8_t, 64> discarded{};
  while (true) {
    auto [error, length] = co_await input.async_read_some(asio::buffer(discarded), kUseTuple);
    if (error) {
      co_return;
    }
  }
}

}  // namespace ockam::bench
