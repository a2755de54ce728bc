#include "ockam/identity/change_history.hpp"

#include <utility>

#include "identity/internal/cbor_fields.hpp"
#include "ockam/crypto/sha256.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/versioned_data.hpp"

namespace ockam::identity {
namespace {

constexpr std::uint64_t kChangeDataFields = 5;
constexpr std::uint64_t kChangeRequiredFields = 2;
constexpr std::uint64_t kChangeFields = 3;
constexpr std::uint32_t kSignatureVariants = 2;

void write_change_data(CborWriter& out, const ChangeData& data) {
  out.write_array_header(kChangeDataFields);
  if (data.previous_change) {
    out.write_bytes(*data.previous_change);
  } else {
    out.write_null();
  }
  internal::write_verifying_public_key(out, data.primary_public_key);
  out.write_bool(data.revoke_all_purpose_keys);
  out.write_uint(data.attestations_valid_from);
  out.write_uint(data.attestations_valid_until);
}

bool read_change_data(CborReader& in, ChangeData& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  if (!internal::read_struct_header(probe, kChangeDataFields, fields)) {
    return false;
  }
  if (probe.read_null()) {
    out.previous_change.reset();
  } else {
    ChangeHash previous{};
    if (!internal::read_fixed_bytes(probe, previous)) {
      return false;
    }
    out.previous_change = previous;
  }
  if (!internal::read_verifying_public_key(probe, out.primary_public_key) ||
      !probe.read_bool(out.revoke_all_purpose_keys) ||
      !probe.read_uint(out.attestations_valid_from) ||
      !probe.read_uint(out.attestations_valid_until) ||
      !internal::skip_unknown_fields(probe, fields, kChangeDataFields)) {
    return false;
  }
  in = probe;
  return true;
}

void write_change(CborWriter& out, const Change& change) {
  out.write_array_header(change.previous_signature ? kChangeFields : kChangeRequiredFields);
  out.write_bytes(change.data);
  internal::write_signature(out, change.signature);
  if (change.previous_signature) {
    internal::write_signature(out, *change.previous_signature);
  }
}

// Reads the optional third field of a Change: null, an unknown variant (both read as absent,
// as minicbor-derive does for an Option of an enum) or a signature.
bool read_previous_signature(CborReader& in, std::optional<vault::Signature>& out) {
  out.reset();
  if (in.read_null()) {
    return true;
  }
  if (internal::next_is_unknown_variant(in, kSignatureVariants)) {
    return in.skip();
  }
  vault::Signature signature;
  if (!internal::read_signature(in, signature)) {
    return false;
  }
  out = signature;
  return true;
}

bool read_change(CborReader& in, Change& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  ByteView data;
  if (!internal::read_struct_header(probe, kChangeRequiredFields, fields) ||
      !probe.read_bytes(data) || !internal::read_signature(probe, out.signature)) {
    return false;
  }
  out.previous_signature.reset();
  if (fields >= kChangeFields && !read_previous_signature(probe, out.previous_signature)) {
    return false;
  }
  if (!internal::skip_unknown_fields(probe, fields, kChangeFields)) {
    return false;
  }
  out.data.assign(data.begin(), data.end());
  in = probe;
  return true;
}

}  // namespace

Bytes encode_change_data(const ChangeData& data) {
  return internal::encode_whole(data, write_change_data);
}

Result<ChangeData> decode_change_data(ByteView encoded) {
  return internal::decode_whole<ChangeData>(encoded, read_change_data, "malformed change data");
}

ChangeHash Change::hash() const {
  return crypto::sha256(data);
}

Result<ChangeData> Change::decode_data() const {
  auto payload = decode_versioned_data(data, kChangeDataType);
  if (!payload) {
    return payload.error();
  }
  return decode_change_data(*payload);
}

void write_change_history(CborWriter& out, const ChangeHistory& history) {
  out.write_array_header(history.changes.size());
  for (const Change& change : history.changes) {
    write_change(out, change);
  }
}

bool read_change_history(CborReader& in, ChangeHistory& out) {
  CborReader probe = in;
  std::uint64_t count = 0;
  if (!probe.read_array_header(count) || count > kMaxChanges) {
    return false;
  }
  std::vector<Change> changes(static_cast<std::size_t>(count));
  for (Change& change : changes) {
    if (!read_change(probe, change)) {
      return false;
    }
  }
  out.changes = std::move(changes);
  in = probe;
  return true;
}

Bytes encode_change_history(const ChangeHistory& history) {
  return internal::encode_whole(history, write_change_history);
}

Result<ChangeHistory> decode_change_history(ByteView encoded) {
  return internal::decode_whole<ChangeHistory>(encoded, read_change_history,
                                               "malformed change history");
}

}  // namespace ockam::identity
