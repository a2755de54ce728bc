#pragma once

// The contract between a benchmark and the server it runs in a second process (the hidden
// `peer` subcommand, started through PeerProcess).
//
// The server listens on 127.0.0.1:0, prints `port <N>` as its first line on standard output,
// serves until its standard input closes, and then exits with status 0.
//
// Counting servers count every non-empty message and answer an empty one with the count so far
// (then start again from zero): through a secure channel a BARE list of two u64, the count and
// the heap allocations the server's node thread made for those messages (measured by the
// counting allocator, internal/allocation_counter.hpp); over plain TCP, TLS and ZeroMQ the
// count as a big-endian u64. Echo servers send every message back unchanged.
//
// The peers of the other protocols announce more than their port, one `<name> <value>` line
// each after the port line (PeerProcess::read_value): a ZeroMQ server prints its CURVE public
// key (`curve-key <Z85>`) and, when counting, the port of the PUSH socket it answers on
// (`reply-port <N>`); a TLS server prints the SHA-256 fingerprint of its self-signed
// certificate (`fingerprint <hex>`) and accepts only the client whose certificate fingerprint
// it was given with `--peer-fingerprint`.

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

/// ZeroMQ with CURVE: a PULL socket counting messages (and a PUSH socket for the count).
inline constexpr std::string_view kZmqCounterRole = "zmq-counter";
/// ZeroMQ with CURVE: a REP socket echoing every request.
inline constexpr std::string_view kZmqEchoRole = "zmq-echo";
/// TLS 1.3 (mutually authenticated) over TCP: counts u32-length-prefixed frames.
inline constexpr std::string_view kTlsCounterRole = "tls-counter";
/// TLS 1.3 (mutually authenticated) over TCP: echoes u32-length-prefixed frames.
inline constexpr std::string_view kTlsEchoRole = "tls-echo";

/// The value names of the lines that follow the port line.
inline constexpr std::string_view kCurveKeyName = "curve-key";
inline constexpr std::string_view kReplyPortName = "reply-port";
inline constexpr std::string_view kFingerprintName = "fingerprint";

/// `peer --serve portal-outlet --target HOST:PORT`: an Ockam node with a TCP outlet toward the
/// target behind its secure channel listener (the portal benchmarks).
inline constexpr std::string_view kPortalOutletRole = "portal-outlet";
/// `peer --serve tcp-forwarder --target HOST:PORT`: plain asio copying the bytes of every
/// connection to a connection of its own toward the target, both ways (the relay-chain
/// baseline of the portal benchmarks).
inline constexpr std::string_view kTcpForwarderRole = "tcp-forwarder";

/// ServerWorker is what a server does with each message: count it or echo it.
enum class ServerWorker { kCounter, kEcho };

/// The Ockam server's secure channel listener address.
inline constexpr std::string_view kListenerAddress = "listener";
/// The Ockam server's worker address (the counter or the echo worker).
inline constexpr std::string_view kWorkerAddress = "worker";

/// The portal-outlet server's outlet address (Ockam's default).
inline constexpr std::string_view kOutletAddress = "outlet";

/// The first word of the line that announces the port.
inline constexpr std::string_view kPortLinePrefix = "port ";

/// wrong_echo is the error of a round trip whose echo differs from what was sent.
inline Error wrong_echo() {
  return Error(Origin::kApplication, Kind::kProtocol, "the echo differs from the message");
}

}  // namespace ockam::bench
