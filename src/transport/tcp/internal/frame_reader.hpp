#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>

#include "ockam/core/bytes.hpp"

namespace ockam::tcp {

/// FrameReader splits the bytes a TCP peer sends into frame bodies (reference §3.1): first the
/// version byte, then frames of a big-endian u32 length and that many bytes. It does no I/O. A
/// frame that arrives whole within one chunk is handed over in place; for a frame that spans
/// chunks it keeps only the bytes received so far, in a buffer grown as they arrive (never to
/// the announced length at once) and freed after the frame when it grew above
/// kMaxRetainedFrameBuffer.
class FrameReader {
 public:
  enum class Status {
    kOk,          ///< every byte was consumed
    kBadVersion,  ///< the first byte is not kProtocolVersion
    kOversized,   ///< a frame announced more than kMaxMessageSize bytes
    kStopped,     ///< `on_frame` returned false
  };
  /// Called with each complete frame body; the view is valid only during the call. Returning
  /// false stops reading (the rest of the chunk is not consumed).
  using FrameHandler = std::function<bool(ByteView body)>;

  /// feed consumes `chunk`, calling `on_frame` for every frame it completes. After a status
  /// other than kOk the reader must not be fed again.
  Status feed(ByteView chunk, const FrameHandler& on_frame);

  /// True once the version byte arrived.
  bool version_received() const noexcept { return version_received_; }
  /// True while part of a frame (header or body) is held.
  bool frame_in_progress() const noexcept { return header_filled_ > 0; }
  /// Frames completed so far.
  std::uint64_t frames_completed() const noexcept { return frames_completed_; }
  /// Bytes of memory held for unfinished frames.
  std::size_t held_bytes() const noexcept { return body_.capacity(); }
  /// Bytes the current unfinished frame still needs (0 when none is in progress).
  std::size_t missing_bytes() const noexcept;

 private:
  Status finish_partial(const FrameHandler& on_frame);

  bool version_received_ = false;
  std::array<std::uint8_t, 4> header_{};
  std::size_t header_filled_ = 0;
  std::uint32_t body_length_ = 0;
  Bytes body_;
  std::uint64_t frames_completed_ = 0;
};

}  // namespace ockam::tcp
