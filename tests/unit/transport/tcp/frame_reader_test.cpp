#include "transport/tcp/internal/frame_reader.hpp"

#include <gtest/gtest.h>

#include "ockam/transport/tcp/constants.hpp"

namespace ockam::tcp {
namespace {

Bytes frame(std::size_t body_length, std::uint8_t fill) {
  Bytes out{static_cast<std::uint8_t>(body_length >> 24),
            static_cast<std::uint8_t>(body_length >> 16),
            static_cast<std::uint8_t>(body_length >> 8), static_cast<std::uint8_t>(body_length)};
  out.resize(out.size() + body_length, fill);
  return out;
}

/// Feeds `stream` in pieces of `piece` bytes and returns the bodies read.
std::vector<Bytes> read_in_pieces(const Bytes& stream, std::size_t piece, FrameReader& reader) {
  std::vector<Bytes> bodies;
  for (std::size_t at = 0; at < stream.size(); at += piece) {
    std::size_t n = std::min(piece, stream.size() - at);
    auto status = reader.feed(ByteView(stream).subspan(at, n), [&](ByteView body) {
      bodies.emplace_back(body.begin(), body.end());
      return true;
    });
    EXPECT_EQ(status, FrameReader::Status::kOk);
  }
  return bodies;
}

TEST(FrameReaderTest, ReadsFramesSplitAtEveryByteBoundary) {
  Bytes stream{kProtocolVersion};
  for (std::size_t length : {1u, 300u, 5u, 70'000u, 2u}) {
    Bytes f = frame(length, static_cast<std::uint8_t>(length));
    stream.insert(stream.end(), f.begin(), f.end());
  }
  for (std::size_t piece : {1u, 2u, 3u, 4u, 5u, 7u, 299u, 4096u, 65'536u, 1'000'000u}) {
    FrameReader reader;
    auto bodies = read_in_pieces(stream, piece, reader);
    ASSERT_EQ(bodies.size(), 5u) << "piece " << piece;
    EXPECT_EQ(bodies[3].size(), 70'000u);
    EXPECT_EQ(bodies[3][69'999], static_cast<std::uint8_t>(70'000));
    EXPECT_FALSE(reader.frame_in_progress());
    EXPECT_LE(reader.held_bytes(), kMaxRetainedFrameBuffer) << "a large frame's buffer is freed";
  }
}

TEST(FrameReaderTest, HoldsOnlyWhatArrivedOfAnAnnouncedFrame) {
  FrameReader reader;
  Bytes start{kProtocolVersion, 0x01, 0x00, 0x00, 0x00};  // announces 16 MiB
  start.resize(start.size() + 1000, 0xaa);
  EXPECT_EQ(reader.feed(start, [](ByteView) { return true; }), FrameReader::Status::kOk);
  EXPECT_TRUE(reader.frame_in_progress());
  EXPECT_LE(reader.held_bytes(), 2000u);
  EXPECT_EQ(reader.missing_bytes(), kMaxMessageSize - 1000);
}

TEST(FrameReaderTest, RejectsAWrongVersionByte) {
  FrameReader reader;
  EXPECT_EQ(reader.feed(Bytes{0x02}, [](ByteView) { return true; }),
            FrameReader::Status::kBadVersion);
}

TEST(FrameReaderTest, RejectsAnOversizedLengthEvenWhenItArrivesByteByByte) {
  Bytes stream{kProtocolVersion, 0x01, 0x00, 0x00, 0x01};
  FrameReader whole;
  EXPECT_EQ(whole.feed(stream, [](ByteView) { return true; }), FrameReader::Status::kOversized);
  FrameReader split;
  FrameReader::Status last = FrameReader::Status::kOk;
  for (std::uint8_t byte : stream) {
    last = split.feed(ByteView(&byte, 1), [](ByteView) { return true; });
  }
  EXPECT_EQ(last, FrameReader::Status::kOversized);
}

TEST(FrameReaderTest, StopsWhenTheHandlerRefusesAFrame) {
  Bytes stream{kProtocolVersion};
  for (int i = 0; i < 3; ++i) {
    Bytes f = frame(4, 0);
    stream.insert(stream.end(), f.begin(), f.end());
  }
  FrameReader reader;
  int seen = 0;
  EXPECT_EQ(reader.feed(stream, [&](ByteView) { return ++seen < 2; }),
            FrameReader::Status::kStopped);
  EXPECT_EQ(seen, 2);
}

}  // namespace
}  // namespace ockam::tcp
