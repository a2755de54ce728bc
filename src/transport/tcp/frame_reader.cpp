#include "transport/tcp/internal/frame_reader.hpp"

#include <algorithm>

#include "ockam/transport/tcp/constants.hpp"

namespace ockam::tcp {
namespace {

std::uint32_t read_u32_be(const std::uint8_t* bytes) {
  return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
         (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

}  // namespace

std::size_t FrameReader::missing_bytes() const noexcept {
  if (header_filled_ == 0) {
    return 0;
  }
  if (header_filled_ < kFrameHeaderLength) {
    return kFrameHeaderLength - header_filled_;
  }
  return body_length_ - body_.size();
}

FrameReader::Status FrameReader::feed(ByteView chunk, const FrameHandler& on_frame) {
  if (!version_received_) {
    if (chunk.empty()) {
      return Status::kOk;
    }
    if (chunk[0] != kProtocolVersion) {
      return Status::kBadVersion;
    }
    version_received_ = true;
    chunk = chunk.subspan(1);
  }
  while (!chunk.empty()) {
    if (header_filled_ == 0 && chunk.size() >= kFrameHeaderLength) {
      std::uint32_t length = read_u32_be(chunk.data());
      if (length > kMaxMessageSize) {
        return Status::kOversized;
      }
      if (chunk.size() - kFrameHeaderLength >= length) {
        // The common case: the whole frame is in this chunk, no copy.
        ++frames_completed_;
        if (!on_frame(chunk.subspan(kFrameHeaderLength, length))) {
          return Status::kStopped;
        }
        chunk = chunk.subspan(kFrameHeaderLength + length);
        continue;
      }
    }
    while (header_filled_ < kFrameHeaderLength && !chunk.empty()) {
      header_[header_filled_++] = chunk[0];
      chunk = chunk.subspan(1);
      if (header_filled_ == kFrameHeaderLength) {
        body_length_ = read_u32_be(header_.data());
        if (body_length_ > kMaxMessageSize) {
          return Status::kOversized;
        }
      }
    }
    if (header_filled_ < kFrameHeaderLength) {
      return Status::kOk;
    }
    std::size_t take = std::min(chunk.size(), std::size_t{body_length_} - body_.size());
    // Grows with what arrived (at most doubling), never to the announced length at once.
    body_.insert(body_.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(take));
    chunk = chunk.subspan(take);
    if (body_.size() < body_length_) {
      return Status::kOk;
    }
    if (Status finished = finish_partial(on_frame); finished != Status::kOk) {
      return finished;
    }
  }
  return Status::kOk;
}

FrameReader::Status FrameReader::finish_partial(const FrameHandler& on_frame) {
  header_filled_ = 0;
  ++frames_completed_;
  bool go_on = on_frame(body_);
  body_.clear();
  if (body_.capacity() > kMaxRetainedFrameBuffer) {
    Bytes().swap(body_);
  }
  return go_on ? Status::kOk : Status::kStopped;
}

}  // namespace ockam::tcp
