#include "ockam/identity/identity_and_credentials.hpp"

#include <utility>

#include "identity/internal/cbor_fields.hpp"
#include "ockam/identity/change_history.hpp"
#include "ockam/identity/constants.hpp"

namespace ockam::identity {
namespace {

constexpr std::uint64_t kFields = 3;

bool read_identity_and_credentials(CborReader& in, IdentityAndCredentials& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  if (!internal::read_struct_header(probe, kFields, fields)) {
    return false;
  }
  ByteView history_start = probe.rest();
  ChangeHistory history;
  if (!read_change_history(probe, history)) {
    return false;
  }
  ByteView history_bytes = history_start.first(history_start.size() - probe.remaining());
  std::uint64_t count = 0;
  if (!read_purpose_key_attestation(probe, out.purpose_key_attestation) ||
      !probe.read_array_header(count) || count > kMaxCredentials) {
    return false;
  }
  std::vector<CredentialAndPurposeKey> credentials(static_cast<std::size_t>(count));
  for (CredentialAndPurposeKey& credential : credentials) {
    if (!read_credential_and_purpose_key(probe, credential)) {
      return false;
    }
  }
  if (!internal::skip_unknown_fields(probe, fields, kFields)) {
    return false;
  }
  out.change_history.assign(history_bytes.begin(), history_bytes.end());
  out.credentials = std::move(credentials);
  in = probe;
  return true;
}

}  // namespace

Bytes encode_identity_and_credentials(const IdentityAndCredentials& value) {
  ByteWriter bytes;
  CborWriter out(bytes);
  out.write_array_header(kFields);
  bytes.write_bytes(value.change_history);
  write_purpose_key_attestation(out, value.purpose_key_attestation);
  out.write_array_header(value.credentials.size());
  for (const CredentialAndPurposeKey& credential : value.credentials) {
    write_credential_and_purpose_key(out, credential);
  }
  return bytes.take();
}

Result<IdentityAndCredentials> decode_identity_and_credentials(ByteView encoded) {
  return internal::decode_whole<IdentityAndCredentials>(encoded, read_identity_and_credentials,
                                                        "malformed identity payload");
}

}  // namespace ockam::identity
