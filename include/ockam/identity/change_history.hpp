#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/clock.hpp"
#include "ockam/vault/signature.hpp"
#include "ockam/vault/verifying_public_key.hpp"

/// The CBOR model of an identity's change history (Ockam: models/change_history.rs, reference
/// §5.2). These types only encode and decode; `Identity` verifies.
namespace ockam::identity {

/// ChangeHash is the SHA-256 of a change's `data`; the first one is the identity's Identifier.
using ChangeHash = std::array<std::uint8_t, 32>;

/// ChangeData is what a change states: array(5) [previous change hash or null, primary public
/// key, revoke_all_purpose_keys, attestations_valid_from, attestations_valid_until].
struct ChangeData {
  std::optional<ChangeHash> previous_change;
  vault::VerifyingPublicKey primary_public_key;
  bool revoke_all_purpose_keys = false;
  TimestampInSeconds attestations_valid_from = 0;
  TimestampInSeconds attestations_valid_until = 0;

  friend bool operator==(const ChangeData&, const ChangeData&) = default;
};

/// encode_change_data returns the CBOR of `data`.
Bytes encode_change_data(const ChangeData& data);
/// decode_change_data parses one ChangeData; kParse on malformed input or trailing bytes.
Result<ChangeData> decode_change_data(ByteView encoded);

/// Change is one link of the history: array [data, signature, previous_signature?]. `data` is
/// a VersionedData (version 1, data type 1) around a ChangeData; `signature` is by the change's
/// own key over SHA-256(data); `previous_signature`, by the previous change's key, is present
/// on every change but the first.
struct Change {
  Bytes data;
  vault::Signature signature;
  std::optional<vault::Signature> previous_signature;

  /// Returns SHA-256(data).
  ChangeHash hash() const;
  /// Opens `data` and decodes its ChangeData (no signature is checked); kParse, kUnsupported or
  /// kInvalid as decode_versioned_data and decode_change_data report.
  Result<ChangeData> decode_data() const;

  friend bool operator==(const Change&, const Change&) = default;
};

/// ChangeHistory is the array of an identity's changes, oldest first.
struct ChangeHistory {
  std::vector<Change> changes;

  friend bool operator==(const ChangeHistory&, const ChangeHistory&) = default;
};

/// write_change_history appends the CBOR of `history`.
void write_change_history(CborWriter& out, const ChangeHistory& history);
/// read_change_history reads one change history (at most kMaxChanges changes); false (reader
/// unchanged) on malformed input. A `previous_signature` of an unknown algorithm reads as
/// absent, as minicbor does.
bool read_change_history(CborReader& in, ChangeHistory& out);
/// encode_change_history returns the CBOR of `history`.
Bytes encode_change_history(const ChangeHistory& history);
/// decode_change_history parses one change history; kParse on malformed input or trailing
/// bytes.
Result<ChangeHistory> decode_change_history(ByteView encoded);

}  // namespace ockam::identity
