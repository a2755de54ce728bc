#pragma once

#include <cstddef>
#include <cstdint>

#include "ockam/core/byte_reader.hpp"
#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::bench {

/// Each frame of the plain-TCP baselines starts with its body length as a big-endian u32, the
/// framing the TCP transport uses (without its CBOR body and version byte).
inline constexpr std::size_t kFrameHeaderLength = 4;

/// append_frame appends `body` to `out` behind its length as a big-endian u32.
void append_frame(Bytes& out, ByteView body);

/// FrameParser splits a byte stream into u32-length-prefixed frames. It copies only the bytes of
/// a frame that straddles two reads.
class FrameParser {
 public:
  /// A parser that refuses frames whose body is longer than `max_body`.
  explicit FrameParser(std::size_t max_body) : max_body_(max_body) {}

  /// feed takes the next bytes of the stream and calls `on_frame(ByteView body)` for each frame
  /// they complete; the view is valid only during that call. kParse for a frame longer than
  /// the limit (the stream cannot be parsed further).
  template <class OnFrame>
  Result<void> feed(ByteView data, OnFrame&& on_frame) {
    std::size_t used = 0;
    if (pending_.empty()) {
      auto parsed = parse(data, used, on_frame);
      pending_.assign(data.begin() + static_cast<std::ptrdiff_t>(used), data.end());
      return parsed;
    }
    pending_.insert(pending_.end(), data.begin(), data.end());
    auto parsed = parse(pending_, used, on_frame);
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(used));
    return parsed;
  }

 private:
  template <class OnFrame>
  Result<void> parse(ByteView data, std::size_t& used, OnFrame& on_frame) const {
    while (true) {
      ByteReader reader(data.subspan(used));
      std::uint32_t length = 0;
      ByteView body;
      if (!reader.read_u32_be(length)) {
        return ok();
      }
      if (length > max_body_) {
        return Error(Origin::kApplication, Kind::kParse, "a frame is longer than allowed");
      }
      if (!reader.read_bytes(length, body)) {
        return ok();
      }
      on_frame(body);
      used += kFrameHeaderLength + length;
    }
  }

  std::size_t max_body_;
  Bytes pending_;
};

}  // namespace ockam::bench
