#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

/// Limits and timers of the secure channel (reference §4). Spec constants first, then ours.
namespace ockam::channel {

// --- Ockam's protocol (ockam_identity 0.125) ---
/// Keys change every 32 messages (KEY_RENEWAL_INTERVAL, encryptor.rs); also the replay window.
inline constexpr std::uint64_t kKeyRenewalInterval = 32;
/// Each ciphertext starts with its nonce as a big-endian u64.
inline constexpr std::size_t kNonceLength = 8;
/// Bytes a ciphertext adds to its plaintext: nonce plus AES-GCM tag (SIZE_OF_ENCRYPT_OVERHEAD).
inline constexpr std::size_t kEncryptOverhead = 24;
/// Largest handshake message (NOISE_MAX_MESSAGE_SIZE).
inline constexpr std::size_t kMaxHandshakeMessageSize = 65535;
/// LocalInfo type that carries the peer's identifier on decrypted messages.
inline constexpr const char* kIdentityLocalInfoType = "IDENTITY_SECURE_CHANNEL_IDENTIFIER";

// --- Implementation choices ---
/// How long `create_secure_channel` waits for the handshake (Ockam's DEFAULT_TIMEOUT).
inline constexpr std::chrono::milliseconds kDefaultHandshakeTimeout{120'000};
/// A responder whose handshake has not completed after this long is stopped (Ockam keeps
/// half-open responders forever; we reap them).
inline constexpr std::chrono::milliseconds kResponderHandshakeTimeout{30'000};

}  // namespace ockam::channel

/// X3DH (Ockam's `ockam_key_exchange_x3dh` v2, shared/reference/x3dh.md §2).
namespace ockam::channel::x3dh {

/// Message 1: IK_A || EK_A.
inline constexpr std::size_t kMessage1Length = 64;
/// Message 2, the prekey bundle: IK_B || SPK_B || XEdDSA(IK_B, SPK_B) || OPK_B.
inline constexpr std::size_t kMessage2Length = 160;
/// HKDF info and hash prefix: "X3DH_25519_AESGCM_SHA256" and 8 zero bytes (CSUITE, lib.rs).
inline constexpr std::uint8_t kInfo[32] = {'X', '3', 'D', 'H', '_', '2', '5', '5', '1', '9', '_',
                                           'A', 'E', 'S', 'G', 'C', 'M', '_', 'S', 'H', 'A', '2',
                                           '5', '6', 0,   0,   0,   0,   0,   0,   0,   0};

}  // namespace ockam::channel::x3dh
