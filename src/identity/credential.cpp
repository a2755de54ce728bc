#include "ockam/identity/credential.hpp"

#include <utility>

#include "identity/internal/cbor_fields.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/versioned_data.hpp"

namespace ockam::identity {
namespace {

constexpr std::uint64_t kDataFields = 5;
constexpr std::uint64_t kAttributesFields = 2;
constexpr std::uint64_t kCredentialFields = 2;
constexpr std::uint64_t kCredentialAndPurposeKeyFields = 2;

// Writes 32 bytes, or null for an absent value (an Option field of minicbor).
void write_hash_or_null(CborWriter& out, const ChangeHash* hash) {
  if (hash != nullptr) {
    out.write_bytes(*hash);
  } else {
    out.write_null();
  }
}

bool read_hash_or_null(CborReader& in, std::optional<ChangeHash>& out) {
  out.reset();
  if (in.read_null()) {
    return true;
  }
  ChangeHash hash{};
  if (!internal::read_fixed_bytes(in, hash)) {
    return false;
  }
  out = hash;
  return true;
}

void write_attributes(CborWriter& out, const Attributes& attributes) {
  out.write_array_header(kAttributesFields);
  out.write_uint(attributes.schema);
  out.write_map_header(attributes.map.size());
  for (const auto& [key, value] : attributes.map) {
    out.write_bytes(key);
    out.write_bytes(value);
  }
}

bool read_attributes(CborReader& in, Attributes& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  std::uint64_t count = 0;
  if (!internal::read_struct_header(probe, kAttributesFields, fields) ||
      !probe.read_uint(out.schema) || !probe.read_map_header(count) || count > kMaxAttributes) {
    return false;
  }
  out.map.clear();
  for (std::uint64_t i = 0; i < count; ++i) {
    ByteView key;
    ByteView value;
    if (!probe.read_bytes(key) || !probe.read_bytes(value) ||
        !out.map.try_emplace(Bytes(key.begin(), key.end()), value.begin(), value.end()).second) {
      return false;
    }
  }
  if (!internal::skip_unknown_fields(probe, fields, kAttributesFields)) {
    return false;
  }
  in = probe;
  return true;
}

void write_data(CborWriter& out, const CredentialData& data) {
  out.write_array_header(kDataFields);
  write_hash_or_null(out, data.subject ? &data.subject->bytes() : nullptr);
  write_hash_or_null(out,
                     data.subject_latest_change_hash ? &*data.subject_latest_change_hash : nullptr);
  write_attributes(out, data.subject_attributes);
  out.write_uint(data.created_at);
  out.write_uint(data.expires_at);
}

bool read_data(CborReader& in, CredentialData& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  std::optional<ChangeHash> subject;
  if (!internal::read_struct_header(probe, kDataFields, fields) ||
      !read_hash_or_null(probe, subject) ||
      !read_hash_or_null(probe, out.subject_latest_change_hash) ||
      !read_attributes(probe, out.subject_attributes) || !probe.read_uint(out.created_at) ||
      !probe.read_uint(out.expires_at) ||
      !internal::skip_unknown_fields(probe, fields, kDataFields)) {
    return false;
  }
  out.subject = subject ? std::optional<Identifier>(Identifier(*subject)) : std::nullopt;
  in = probe;
  return true;
}

void write_credential(CborWriter& out, const Credential& credential) {
  out.write_array_header(kCredentialFields);
  out.write_bytes(credential.data);
  internal::write_signature(out, credential.signature);
}

bool read_credential(CborReader& in, Credential& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  ByteView data;
  if (!internal::read_struct_header(probe, kCredentialFields, fields) || !probe.read_bytes(data) ||
      !internal::read_signature(probe, out.signature) ||
      !internal::skip_unknown_fields(probe, fields, kCredentialFields)) {
    return false;
  }
  out.data.assign(data.begin(), data.end());
  in = probe;
  return true;
}

}  // namespace

Bytes encode_credential_data(const CredentialData& data) {
  return internal::encode_whole(data, write_data);
}

Result<CredentialData> decode_credential_data(ByteView encoded) {
  return internal::decode_whole<CredentialData>(encoded, read_data, "malformed credential data");
}

Result<CredentialData> Credential::decode_data() const {
  auto payload = decode_versioned_data(data, kCredentialDataType);
  if (!payload) {
    return payload.error();
  }
  return decode_credential_data(*payload);
}

void write_credential_and_purpose_key(CborWriter& out, const CredentialAndPurposeKey& value) {
  out.write_array_header(kCredentialAndPurposeKeyFields);
  write_credential(out, value.credential);
  write_purpose_key_attestation(out, value.purpose_key_attestation);
}

bool read_credential_and_purpose_key(CborReader& in, CredentialAndPurposeKey& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  if (!internal::read_struct_header(probe, kCredentialAndPurposeKeyFields, fields) ||
      !read_credential(probe, out.credential) ||
      !read_purpose_key_attestation(probe, out.purpose_key_attestation) ||
      !internal::skip_unknown_fields(probe, fields, kCredentialAndPurposeKeyFields)) {
    return false;
  }
  in = probe;
  return true;
}

Bytes encode_credential_and_purpose_key(const CredentialAndPurposeKey& value) {
  return internal::encode_whole(value, write_credential_and_purpose_key);
}

Result<CredentialAndPurposeKey> decode_credential_and_purpose_key(ByteView encoded) {
  return internal::decode_whole<CredentialAndPurposeKey>(encoded, read_credential_and_purpose_key,
                                                         "malformed credential");
}

}  // namespace ockam::identity
