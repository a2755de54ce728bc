#pragma once

#include <cstddef>
#include <limits>
#include <system_error>

namespace ockam {

/// TransferAll is the completion condition of `asio::async_write` that writes everything
/// without asio's cap of 64 KiB per system call (`asio::transfer_all()` has it): a 128 KiB
/// portal chunk goes to the kernel in one `sendmsg` instead of two or three, each a pass through
/// the scheduler.
struct TransferAll {
  std::size_t operator()(const std::error_code& error, std::size_t /*transferred*/) const {
    return error ? 0 : std::numeric_limits<std::size_t>::max();
  }
};

}  // namespace ockam
