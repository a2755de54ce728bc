#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

/// Limits and timers of TCP portals (reference ockam-portals §1). Spec constants first, then ours.
namespace ockam::portal {

// --- Ockam's portal protocol (ockam_transport_tcp 0.128-0.137, portal_message.rs) ---
/// First byte of each portal message (the LocalMessage payload itself, no BARE wrapper).
inline constexpr std::uint8_t kPingTag = 0;
inline constexpr std::uint8_t kPongTag = 1;
inline constexpr std::uint8_t kDisconnectTag = 2;
inline constexpr std::uint8_t kPayloadTag = 3;
/// Largest chunk Ockam sends (OCKAM_TCP_PORTAL_PAYLOAD_LENGTH default since 0.145, options.rs).
inline constexpr std::size_t kDefaultChunkSize = std::size_t{128} * 1024;
/// Ockam's default outlet worker address (node manager registry.rs).
inline constexpr const char* kDefaultOutletAddress = "outlet";

// --- Implementation choices ---
/// Bytes one portal may hold for its socket before the sender waits (back-pressure).
inline constexpr std::size_t kDefaultWindow = std::size_t{1024} * 1024;
/// How long an inlet's portal waits for the outlet's Pong before closing its client socket
/// (Ockam has no such timer and leaves the client hanging).
inline constexpr std::chrono::milliseconds kDefaultPongTimeout{10'000};
/// How long an outlet waits for its target to accept a connection.
inline constexpr std::chrono::milliseconds kDefaultTargetConnectTimeout{10'000};
/// Portals one inlet or outlet keeps open at once; further clients or Pings are refused.
inline constexpr std::size_t kDefaultMaxPortals = 1024;
/// After the other side disconnected and the queued bytes were written, how long a portal waits
/// for its socket's peer to close too before closing (Ockam's portal worker waits 2 s).
inline constexpr std::chrono::milliseconds kCloseLinger{2'000};
/// How long an inlet waits after a failed accept (e.g. out of file descriptors) before the next.
inline constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
/// Socket buffers gathered into one write.
inline constexpr std::size_t kMaxBuffersPerWrite = 64;

}  // namespace ockam::portal
