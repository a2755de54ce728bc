#pragma once

// Each benchmark lives in its own <name>_bench.cpp and adds one subcommand to the program;
// main.cpp calls every add_* function below. To add a benchmark, write the file, declare its
// add_* function here and call it from main.cpp.
#include <CLI/CLI.hpp>

namespace ockam::bench {

/// `local-hops`: messages per second from a context to a sink through N local forwarding hops.
void add_local_hops_command(CLI::App& app);
/// `handshakes`: secure channel handshakes per second on one node, beside bare Noise XX.
void add_handshakes_command(CLI::App& app);
/// `channel-crypto`: bytes/s through the channel's encryptor and decryptor, beside AES-256-GCM.
void add_channel_crypto_command(CLI::App& app);
/// `channel-throughput`: one-way messages/s through a secure channel to another process, beside
/// plain TCP.
void add_channel_throughput_command(CLI::App& app);
/// `channel-latency`: round-trip p50/p99 through a secure channel to another process, beside
/// plain TCP.
void add_channel_latency_command(CLI::App& app);
/// `tcp-handshakes`: connect + secure channel + one round trip per second, beside plain TCP.
void add_tcp_handshakes_command(CLI::App& app);
/// `storage`: identities created/loaded and secrets sealed/unsealed per second (SQLite and
/// PostgreSQL), beside raw inserts and selects of the same rows.
void add_storage_command(CLI::App& app);
/// `portal-throughput`: bytes/s of one TCP stream through inlet -> channel -> outlet, beside
/// direct TCP.
void add_portal_throughput_command(CLI::App& app);
/// `portal-latency`: round-trip p50/p99 through inlet -> channel -> outlet, beside direct TCP.
void add_portal_latency_command(CLI::App& app);
/// `peer` (hidden): the server process of the two-process benchmarks (internal/peer_command.cpp).
void add_peer_command(CLI::App& app);

}  // namespace ockam::bench
