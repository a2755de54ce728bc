#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

/// Limits and timers of the TCP transport (reference §3). Spec constants first, then ours.
namespace ockam::tcp {

// --- Ockam's wire protocol (ockam_transport_tcp 0.128) ---
/// The byte each side writes right after the connection is established (TcpProtocolVersion::V1).
inline constexpr std::uint8_t kProtocolVersion = 1;
/// Largest CBOR frame body in either direction (MAX_MESSAGE_SIZE, lib.rs).
inline constexpr std::size_t kMaxMessageSize = std::size_t{16} * 1024 * 1024;
/// Each frame starts with its length as a big-endian u32.
inline constexpr std::size_t kFrameHeaderLength = 4;

// --- Implementation choices (the limits a deployment may change are in TcpLimits) ---
/// How long `connect` waits for the TCP handshake before failing with kTimeout.
inline constexpr std::chrono::seconds kConnectTimeout{10};
/// Bytes read from a socket at once, into a buffer shared by the node's connections.
inline constexpr std::size_t kReadBufferSize = std::size_t{64} * 1024;
/// An outgoing payload of at least this many bytes is written where it lies, as its own piece
/// of a gather write, instead of being copied into the connection's write buffer.
inline constexpr std::size_t kMinGatheredPayload = std::size_t{8} * 1024;
/// Queued frame bytes at which a sender's push writes them to the socket itself (when the
/// writer is idle) instead of leaving them for the writer: a sender that never has to wait
/// (the synchronous path) would otherwise queue up to the write limit before the writer runs,
/// and the peer would idle meanwhile.
inline constexpr std::size_t kWriteInPushBytes = std::size_t{64} * 1024;
/// A connection keeps the buffer of an unfinished frame between frames only up to this size;
/// above it the buffer is freed once the frame is complete (idle connections hold a few KiB).
inline constexpr std::size_t kMaxRetainedFrameBuffer = std::size_t{4} * 1024;
/// Accept errors (no file descriptors or buffers left) pause accepting this long at first,
/// doubling up to kMaxAcceptBackoff; one log line per pause.
inline constexpr std::chrono::milliseconds kMinAcceptBackoff{100};
inline constexpr std::chrono::milliseconds kMaxAcceptBackoff{1000};

}  // namespace ockam::tcp
