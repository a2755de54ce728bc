#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/change_history.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/vault/verifying_public_key.hpp"

namespace ockam::identity {

/// HistoryComparison says how one history of an identity relates to another known one.
enum class HistoryComparison {
  kEqual,     // the same changes
  kNewer,     // the known changes followed by more
  kOlder,     // a prefix of the known changes
  kConflict,  // the two diverge
};

/// Identity is a verified change history: every value of this type passed the checks of
/// reference §5.2 (Ockam: identity/identity_verification.rs). It is immutable and cheap to
/// copy-compare; it holds no secret.
class Identity {
 public:
  /// import decodes and verifies a CBOR change history. The checks: at least one change; each
  /// change's data is VersionedData version 1 of type ChangeData; the first change has no
  /// previous change and every later one names the hash of the one before; versions and
  /// `attestations_valid_from` never decrease; every change is signed by its own key and every
  /// change after the first also by the previous key. kParse for malformed bytes (truncated,
  /// trailing), kInvalid when a check fails. `export_bytes()` then returns `change_history`
  /// byte for byte.
  static Result<Identity> import(ByteView change_history);
  /// import_hex is `import` of hexadecimal text (Ockam's export format); kParse on bad hex.
  static Result<Identity> import_hex(std::string_view change_history_hex);
  /// from_change_history verifies `history` as `import` does, for a history built in memory; its
  /// export is the canonical CBOR encoding.
  static Result<Identity> from_change_history(ChangeHistory history);

  /// The identifier: SHA-256 of the first change's data.
  const Identifier& identifier() const noexcept { return identifier_; }
  /// The decoded changes, oldest first.
  const ChangeHistory& change_history() const noexcept { return history_; }
  /// The CBOR change history (as imported, or canonical for a history built in memory).
  const Bytes& export_bytes() const noexcept { return bytes_; }
  /// The CBOR change history as lowercase hex.
  std::string export_hex() const;
  /// The current primary public key (from the latest change).
  const vault::VerifyingPublicKey& primary_public_key() const noexcept;
  /// The hash of the latest change (what purpose keys and credentials reference).
  const ChangeHash& latest_change_hash() const noexcept;
  /// The data of the latest change.
  const ChangeData& latest_change_data() const noexcept;

  /// compare_to says how this history relates to `known`, an earlier-seen history of the same
  /// identity (Ockam: `Identity::compare`).
  HistoryComparison compare_to(const Identity& known) const;

  friend bool operator==(const Identity& a, const Identity& b) { return a.bytes_ == b.bytes_; }

 private:
  struct VerifiedChange {
    ChangeHash hash;
    ChangeData data;
  };

  Identity(ChangeHistory history, Bytes bytes, std::vector<VerifiedChange> verified);
  static Result<std::vector<VerifiedChange>> verify(const ChangeHistory& history);

  Identifier identifier_;
  ChangeHistory history_;
  Bytes bytes_;
  std::vector<VerifiedChange> verified_;
};

}  // namespace ockam::identity
