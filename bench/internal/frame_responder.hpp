#pragma once

#include <cstdint>

#include "internal/peer_protocol.hpp"
#include "ockam/core/bytes.hpp"

namespace ockam::bench {

/// FrameResponder is what a framed server (plain TCP or TLS) does with each frame of one
/// connection: count it, answering an empty frame with the count (a big-endian u64), or echo it.
class FrameResponder {
 public:
  explicit FrameResponder(ServerWorker worker) : worker_(worker) {}

  /// Handles one frame body, appending any reply frame to `replies`.
  void on_frame(ByteView body, Bytes& replies);

 private:
  ServerWorker worker_;
  std::uint64_t count_ = 0;
};

}  // namespace ockam::bench
