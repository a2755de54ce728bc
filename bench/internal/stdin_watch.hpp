#pragma once

#include "ockam/node/asio.hpp"

namespace ockam::bench {

/// wait_until_stdin_closes completes once standard input reaches end of file (or fails): how a
/// peer process learns that the benchmark that started it is done. Runs on `io`.
Task<> wait_until_stdin_closes(asio::io_context& io);

}  // namespace ockam::bench
