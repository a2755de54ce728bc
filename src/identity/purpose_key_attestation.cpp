#include "ockam/identity/purpose_key_attestation.hpp"

#include "identity/internal/cbor_fields.hpp"
#include "ockam/identity/constants.hpp"
#include "ockam/identity/versioned_data.hpp"

namespace ockam::identity {
namespace {

constexpr std::uint64_t kDataFields = 5;
constexpr std::uint64_t kAttestationFields = 2;
constexpr std::uint32_t kSecureChannelStaticVariant = 0;
constexpr std::uint32_t kCredentialSigningVariant = 1;

void write_purpose_public_key(CborWriter& out, const PurposePublicKey& key) {
  if (const auto* x25519 = std::get_if<vault::X25519PublicKey>(&key)) {
    internal::write_variant_header(out, kSecureChannelStaticVariant, 1);
    out.write_bytes(*x25519);
  } else {
    internal::write_variant_header(out, kCredentialSigningVariant, 1);
    internal::write_verifying_public_key(out, std::get<vault::VerifyingPublicKey>(key));
  }
}

bool read_purpose_public_key(CborReader& in, PurposePublicKey& out) {
  CborReader probe = in;
  std::uint32_t variant = 0;
  std::uint64_t fields = 0;
  if (!internal::read_variant_header(probe, variant, fields)) {
    return false;
  }
  if (variant == kSecureChannelStaticVariant) {
    vault::X25519PublicKey key{};
    if (!internal::read_fixed_bytes(probe, key)) {
      return false;
    }
    out = key;
  } else if (variant == kCredentialSigningVariant) {
    vault::VerifyingPublicKey key;
    if (!internal::read_verifying_public_key(probe, key)) {
      return false;
    }
    out = std::move(key);
  } else {
    return false;
  }
  if (!internal::skip_unknown_fields(probe, fields, 1)) {
    return false;
  }
  in = probe;
  return true;
}

void write_data(CborWriter& out, const PurposeKeyAttestationData& data) {
  out.write_array_header(kDataFields);
  out.write_bytes(data.subject.bytes());
  out.write_bytes(data.subject_latest_change_hash);
  write_purpose_public_key(out, data.public_key);
  out.write_uint(data.created_at);
  out.write_uint(data.expires_at);
}

bool read_data(CborReader& in, PurposeKeyAttestationData& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  if (!internal::read_struct_header(probe, kDataFields, fields) ||
      !internal::read_identifier(probe, out.subject) ||
      !internal::read_fixed_bytes(probe, out.subject_latest_change_hash) ||
      !read_purpose_public_key(probe, out.public_key) || !probe.read_uint(out.created_at) ||
      !probe.read_uint(out.expires_at) ||
      !internal::skip_unknown_fields(probe, fields, kDataFields)) {
    return false;
  }
  in = probe;
  return true;
}

}  // namespace

Bytes encode_purpose_key_attestation_data(const PurposeKeyAttestationData& data) {
  return internal::encode_whole(data, write_data);
}

Result<PurposeKeyAttestationData> decode_purpose_key_attestation_data(ByteView encoded) {
  return internal::decode_whole<PurposeKeyAttestationData>(encoded, read_data,
                                                           "malformed purpose key data");
}

Result<PurposeKeyAttestationData> PurposeKeyAttestation::decode_data() const {
  auto payload = decode_versioned_data(data, kPurposeKeyAttestationDataType);
  if (!payload) {
    return payload.error();
  }
  return decode_purpose_key_attestation_data(*payload);
}

void write_purpose_key_attestation(CborWriter& out, const PurposeKeyAttestation& attestation) {
  out.write_array_header(kAttestationFields);
  out.write_bytes(attestation.data);
  internal::write_signature(out, attestation.signature);
}

bool read_purpose_key_attestation(CborReader& in, PurposeKeyAttestation& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  ByteView data;
  if (!internal::read_struct_header(probe, kAttestationFields, fields) || !probe.read_bytes(data) ||
      !internal::read_signature(probe, out.signature) ||
      !internal::skip_unknown_fields(probe, fields, kAttestationFields)) {
    return false;
  }
  out.data.assign(data.begin(), data.end());
  in = probe;
  return true;
}

Bytes encode_purpose_key_attestation(const PurposeKeyAttestation& attestation) {
  return internal::encode_whole(attestation, write_purpose_key_attestation);
}

Result<PurposeKeyAttestation> decode_purpose_key_attestation(ByteView encoded) {
  return internal::decode_whole<PurposeKeyAttestation>(encoded, read_purpose_key_attestation,
                                                       "malformed purpose key attestation");
}

}  // namespace ockam::identity
