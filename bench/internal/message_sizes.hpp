#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ockam::bench {

/// The message sizes channel-crypto and channel-throughput measure when no --size is given.
inline const std::vector<std::size_t> kDefaultMessageSizes{64, 1024, 16384, 65536};
/// The largest --size any benchmark accepts (well below the transport's 16 MiB frame limit).
inline constexpr std::size_t kMaxMessageSize = 1024 * 1024;
/// The byte every benchmark payload is filled with.
inline constexpr std::uint8_t kPayloadByte = 0xAB;

}  // namespace ockam::bench
