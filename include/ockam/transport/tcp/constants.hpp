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
inline constexpr std::size_t kMaxMessageSize = 16 * 1024 * 1024;
/// Each frame starts with its length as a big-endian u32.
inline constexpr std::size_t kFrameHeaderLength = 4;

// --- Implementation choices ---
/// How long `connect` waits for the TCP handshake before failing with kTimeout.
inline constexpr std::chrono::seconds kConnectTimeout{10};
/// Bytes queued for one socket before senders wait (back-pressure).
inline constexpr std::size_t kMaxPendingWriteBytes = 4 * 1024 * 1024;
/// Size of the read buffer (grown up to one whole frame when a frame is larger).
inline constexpr std::size_t kReadBufferSize = 64 * 1024;
/// A read buffer grown above this is shrunk back once empty; below it, it is kept.
inline constexpr std::size_t kMaxRetainedReadBuffer = 1024 * 1024;

}  // namespace ockam::tcp
