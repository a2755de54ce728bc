#pragma once

// The contract between a benchmark and the server it runs in a second process (the hidden
// `peer` subcommand, started through PeerProcess).
//
// The server listens on 127.0.0.1:0, prints `port <N>` as its first line on standard output,
// serves until its standard input closes, and then exits with status 0.
//
// Counting servers count every non-empty message and answer an empty one with the count so far
// (then start again from zero): a BARE u64 through a secure channel, or a frame holding the
// count as a big-endian u64 over plain TCP. Echo servers send every message back unchanged.

#include <string_view>

#include "ockam/core/error.hpp"

namespace ockam::bench {

/// The hidden subcommand that runs a server.
inline constexpr std::string_view kPeerCommand = "peer";
/// `peer --serve <role>`: an Ockam node (TCP listener, secure channel listener) with a counter.
inline constexpr std::string_view kChannelCounterRole = "channel-counter";
/// An Ockam node with an echo worker behind its secure channel listener.
inline constexpr std::string_view kChannelEchoRole = "channel-echo";
/// Plain asio: counts u32-length-prefixed frames.
inline constexpr std::string_view kTcpCounterRole = "tcp-counter";
/// Plain asio: echoes u32-length-prefixed frames.
inline constexpr std::string_view kTcpEchoRole = "tcp-echo";

/// ServerWorker is what a server does with each message: count it or echo it.
enum class ServerWorker { kCounter, kEcho };

/// The Ockam server's secure channel listener address.
inline constexpr std::string_view kListenerAddress = "listener";
/// The Ockam server's worker address (the counter or the echo worker).
inline constexpr std::string_view kWorkerAddress = "worker";

/// The first word of the line that announces the port.
inline constexpr std::string_view kPortLinePrefix = "port ";

/// wrong_echo is the error of a round trip whose echo differs from what was sent.
inline Error wrong_echo() {
  return Error(Origin::kApplication, Kind::kProtocol, "the echo differs from the message");
}

}  // namespace ockam::bench
