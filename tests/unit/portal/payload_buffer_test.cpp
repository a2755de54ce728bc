#include "portal/internal/payload_buffer.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "ockam/portal/portal_message.hpp"

namespace ockam::portal {
namespace {

constexpr std::size_t kChunk = 128 * 1024;

// Fills the first `n` bytes of the buffer's space as a read would, returning where they went.
const std::uint8_t* read_into(PayloadBuffer& buffer, std::size_t n, std::uint8_t value) {
  std::span<std::uint8_t> space = buffer.space();
  std::fill_n(space.begin(), n, value);
  return space.data();
}

Bytes expected_payload(std::size_t n, std::uint8_t value) {
  Bytes out;
  append_portal_payload(out, Bytes(n, value));
  return out;
}

TEST(PayloadBufferTest, AFullReadBecomesItsPayloadWhereItLies) {
  PayloadBuffer buffer(kChunk);
  ASSERT_EQ(buffer.space().size(), kChunk);
  const std::uint8_t* read_at = read_into(buffer, kChunk, 0x5a);
  Bytes message = buffer.take(kChunk);
  EXPECT_EQ(message, expected_payload(kChunk, 0x5a));
  auto decoded = decode_portal_message(message);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->data.data(), read_at);  // not copied
  // The buffer went with the message: the next read gets a new one.
  EXPECT_NE(buffer.space().data(), read_at);
  EXPECT_EQ(buffer.space().size(), kChunk);
}

TEST(PayloadBufferTest, SmallReadsAreCopiedAndTheBufferIsKept) {
  PayloadBuffer buffer(kChunk);
  for (std::size_t n : {std::size_t{1}, std::size_t{127}, std::size_t{16383}, kChunk / 2 - 1}) {
    const std::uint8_t* read_at = read_into(buffer, n, 0x11);
    Bytes message = buffer.take(n);
    EXPECT_EQ(message, expected_payload(n, 0x11)) << n;
    EXPECT_LT(message.capacity(), kChunk) << n;
    EXPECT_EQ(buffer.space().data(), read_at) << n;
  }
}

TEST(PayloadBufferTest, HalfAChunkAndMoreIsHandedOverWithTheLongestHead) {
  PayloadBuffer buffer(kChunk);
  for (std::size_t n : {kChunk / 2, kChunk - 1}) {
    const std::uint8_t* read_at = read_into(buffer, n, 0x22);
    Bytes message = buffer.take(n);
    EXPECT_EQ(message, expected_payload(n, 0x22)) << n;
    EXPECT_EQ(message.data() + 4, read_at) << n;  // tag and a three-byte length in front
  }
}

TEST(PayloadBufferTest, AReadWithAShorterLengthThanTheRoomIsCopied) {
  // A 16 KiB chunk keeps room for a three-byte length; 16383 bytes need two: the data cannot
  // stay where it lies, though the read is more than half a chunk.
  PayloadBuffer buffer(16384);
  const std::uint8_t* read_at = read_into(buffer, 16383, 0x44);
  Bytes message = buffer.take(16383);
  EXPECT_EQ(message, expected_payload(16383, 0x44));
  auto decoded = decode_portal_message(message);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->data.size(), 16383u);
  EXPECT_NE(decoded->data.data(), read_at);
  EXPECT_EQ(buffer.space().data(), read_at);  // kept for the next read
}

TEST(PayloadBufferTest, ASmallChunkSizeHasAShortHead) {
  PayloadBuffer buffer(100);
  const std::uint8_t* read_at = read_into(buffer, 60, 0x33);
  Bytes message = buffer.take(60);
  EXPECT_EQ(message, expected_payload(60, 0x33));
  EXPECT_EQ(message.data() + 2, read_at);
}

}  // namespace
}  // namespace ockam::portal
