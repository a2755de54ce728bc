#include "ockam/identity/identity.hpp"

#include <algorithm>
#include <utility>

#include "identity/internal/cbor_fields.hpp"

namespace ockam::identity {
namespace {

Error verification_failed(const char* message) {
  return Error(Origin::kIdentity, Kind::kInvalid, message);
}

}  // namespace

Identity::Identity(ChangeHistory history, Bytes bytes, std::vector<VerifiedChange> verified)
    : identifier_(verified.front().hash),
      history_(std::move(history)),
      bytes_(std::move(bytes)),
      verified_(std::move(verified)) {}

Result<std::vector<Identity::VerifiedChange>> Identity::verify(const ChangeHistory& history) {
  if (history.changes.empty()) {
    return verification_failed("a change history has at least one change");
  }
  std::vector<VerifiedChange> verified;
  verified.reserve(history.changes.size());
  for (const Change& change : history.changes) {
    auto data = change.decode_data();
    if (!data) {
      return data.error();
    }
    const VerifiedChange* previous = verified.empty() ? nullptr : &verified.back();
    if (previous == nullptr) {
      if (data->previous_change) {
        return verification_failed("the first change must not name a previous change");
      }
    } else {
      if (data->previous_change != previous->hash) {
        return verification_failed("a change does not name the hash of the change before");
      }
      // All changes have version 1 (decode_data checks it), so versions cannot decrease.
      if (data->attestations_valid_from < previous->data.attestations_valid_from) {
        return verification_failed("attestations_valid_from decreases along the history");
      }
      if (!change.previous_signature ||
          !internal::verify_over_hash(previous->data.primary_public_key, change.data,
                                      *change.previous_signature)) {
        return verification_failed("a change is not signed by the previous key");
      }
    }
    if (!internal::verify_over_hash(data->primary_public_key, change.data, change.signature)) {
      return verification_failed("a change is not signed by its own key");
    }
    verified.push_back(VerifiedChange{change.hash(), std::move(*data)});
  }
  return verified;
}

Result<Identity> Identity::import(ByteView change_history) {
  auto history = decode_change_history(change_history);
  if (!history) {
    return history.error();
  }
  auto verified = verify(*history);
  if (!verified) {
    return verified.error();
  }
  return Identity(std::move(*history), Bytes(change_history.begin(), change_history.end()),
                  std::move(*verified));
}

Result<Identity> Identity::import_hex(std::string_view change_history_hex) {
  auto bytes = from_hex(change_history_hex);
  if (!bytes) {
    return bytes.error();
  }
  return import(*bytes);
}

Result<Identity> Identity::from_change_history(ChangeHistory history) {
  auto verified = verify(history);
  if (!verified) {
    return verified.error();
  }
  Bytes bytes = encode_change_history(history);
  return Identity(std::move(history), std::move(bytes), std::move(*verified));
}

std::string Identity::export_hex() const {
  return to_hex(bytes_);
}

const vault::VerifyingPublicKey& Identity::primary_public_key() const noexcept {
  return verified_.back().data.primary_public_key;
}

const ChangeHash& Identity::latest_change_hash() const noexcept {
  return verified_.back().hash;
}

const ChangeData& Identity::latest_change_data() const noexcept {
  return verified_.back().data;
}

HistoryComparison Identity::compare_to(const Identity& known) const {
  std::size_t common = std::min(verified_.size(), known.verified_.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (verified_[i].hash != known.verified_[i].hash) {
      return HistoryComparison::kConflict;
    }
  }
  if (verified_.size() == known.verified_.size()) {
    return HistoryComparison::kEqual;
  }
  return verified_.size() > known.verified_.size() ? HistoryComparison::kNewer
                                                   : HistoryComparison::kOlder;
}

}  // namespace ockam::identity
