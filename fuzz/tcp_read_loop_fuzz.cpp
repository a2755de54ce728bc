// Fuzzes the TCP connection's read loop (FrameReader, then the frame decoder) as a peer drives
// it: the fuzzer's bytes follow the version byte, interleaved with valid frames, and are fed
// split at every byte boundary of the first bytes and in chunks after. Every split of the same
// stream must yield the same frames and the same final status.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "ockam/transport/tcp/constants.hpp"
#include "ockam/transport/tcp/transport_message.hpp"
#include "transport/tcp/internal/frame_reader.hpp"

namespace {

using ockam::Bytes;
using ockam::ByteView;
using ockam::tcp::FrameReader;

struct Outcome {
  std::vector<Bytes> frames;
  FrameReader::Status status = FrameReader::Status::kOk;
};

/// Reads `stream` split once at `split`, then in chunks of `chunk` bytes.
Outcome read(const Bytes& stream, std::size_t split, std::size_t chunk) {
  Outcome outcome;
  FrameReader reader;
  auto on_frame = [&](ByteView body) {
    outcome.frames.emplace_back(body.begin(), body.end());
    (void)ockam::tcp::decode_transport_message(body);  // what the connection does next
    return true;
  };
  std::size_t at = 0;
  auto feed = [&](std::size_t n) {
    outcome.status = reader.feed(ByteView(stream).subspan(at, n), on_frame);
    at += n;
    return outcome.status == FrameReader::Status::kOk;
  };
  if (!feed(std::min(split, stream.size()))) {
    return outcome;
  }
  while (at < stream.size()) {
    if (!feed(std::min(chunk, stream.size() - at))) {
      return outcome;
    }
  }
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) {
    return 0;
  }
  // A valid frame (heartbeat-free message to "echoer") before and after the fuzzer's bytes.
  Bytes valid;
  (void)ockam::tcp::append_frame(valid, ockam::route("echoer"), ockam::route("peer"),
                                 ockam::as_bytes("hello"));
  Bytes stream{ockam::tcp::kProtocolVersion};
  stream.insert(stream.end(), valid.begin(), valid.end());
  stream.insert(stream.end(), data, data + size);
  stream.insert(stream.end(), valid.begin(), valid.end());

  Outcome whole = read(stream, stream.size(), stream.size());
  std::size_t limit = std::min<std::size_t>(stream.size(), 64);
  for (std::size_t split = 0; split <= limit; ++split) {
    for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{7}, std::size_t{64}}) {
      Outcome pieces = read(stream, split, chunk);
      if (pieces.status != whole.status || pieces.frames != whole.frames) {
        std::abort();
      }
    }
  }
  return 0;
}
