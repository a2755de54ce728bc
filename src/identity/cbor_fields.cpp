#include "identity/internal/cbor_fields.hpp"

#include <algorithm>

#include "ockam/crypto/sha256.hpp"

namespace ockam::identity::internal {
namespace {

constexpr std::uint64_t kEnumLength = 2;
constexpr std::uint32_t kEd25519Variant = 0;
constexpr std::uint32_t kP256Variant = 1;

std::uint32_t variant_of(vault::SigningKeyType type) {
  return type == vault::SigningKeyType::kEd25519 ? kEd25519Variant : kP256Variant;
}

// Reads [variant 0|1, [bytes, ...]] whose bytes have the length the variant's algorithm wants.
bool read_signing_enum(CborReader& in, vault::SigningKeyType& type, ByteView& bytes,
                       std::size_t ed25519_length, std::size_t p256_length) {
  CborReader probe = in;
  std::uint32_t variant = 0;
  std::uint64_t fields = 0;
  if (!read_variant_header(probe, variant, fields) || variant > kP256Variant ||
      !probe.read_bytes(bytes) || !skip_unknown_fields(probe, fields, 1)) {
    return false;
  }
  type =
      variant == kEd25519Variant ? vault::SigningKeyType::kEd25519 : vault::SigningKeyType::kP256;
  if (bytes.size() != (variant == kEd25519Variant ? ed25519_length : p256_length)) {
    return false;
  }
  in = probe;
  return true;
}

}  // namespace

bool read_struct_header(CborReader& in, std::uint64_t required, std::uint64_t& fields) {
  CborReader probe = in;
  if (!probe.read_array_header(fields) || fields < required) {
    return false;
  }
  in = probe;
  return true;
}

bool skip_unknown_fields(CborReader& in, std::uint64_t fields, std::uint64_t known) {
  return fields <= known || in.skip_items(fields - known);
}

bool read_variant_header(CborReader& in, std::uint32_t& variant, std::uint64_t& fields) {
  CborReader probe = in;
  std::uint64_t length = 0;
  if (!probe.read_array_header(length) || length != kEnumLength || !probe.read_u32(variant) ||
      !read_struct_header(probe, 1, fields)) {
    return false;
  }
  in = probe;
  return true;
}

void write_variant_header(CborWriter& out, std::uint32_t variant, std::uint64_t fields) {
  out.write_array_header(kEnumLength);
  out.write_uint(variant);
  out.write_array_header(fields);
}

bool next_is_unknown_variant(const CborReader& in, std::uint32_t known_variants) {
  CborReader probe = in;
  std::uint64_t length = 0;
  std::uint32_t variant = 0;
  CborReader whole = in;
  return probe.read_array_header(length) && length == kEnumLength && probe.read_u32(variant) &&
         variant >= known_variants && whole.skip();
}

bool read_fixed_bytes(CborReader& in, std::span<std::uint8_t> out) {
  CborReader probe = in;
  ByteView bytes;
  if (!probe.read_bytes(bytes) || bytes.size() != out.size()) {
    return false;
  }
  std::copy(bytes.begin(), bytes.end(), out.begin());
  in = probe;
  return true;
}

bool read_identifier(CborReader& in, Identifier& out) {
  std::array<std::uint8_t, Identifier::kLength> bytes{};
  if (!read_fixed_bytes(in, bytes)) {
    return false;
  }
  out = Identifier(bytes);
  return true;
}

bool read_verifying_public_key(CborReader& in, vault::VerifyingPublicKey& out) {
  vault::SigningKeyType type{};
  ByteView key;
  if (!read_signing_enum(in, type, key, vault::kEd25519PublicKeyLength,
                         vault::kP256PublicKeyLength)) {
    return false;
  }
  out = vault::VerifyingPublicKey{type, Bytes(key.begin(), key.end())};
  return true;
}

void write_verifying_public_key(CborWriter& out, const vault::VerifyingPublicKey& key) {
  write_variant_header(out, variant_of(key.type), 1);
  out.write_bytes(key.key);
}

bool read_signature(CborReader& in, vault::Signature& out) {
  vault::SigningKeyType type{};
  ByteView bytes;
  if (!read_signing_enum(in, type, bytes, vault::kSignatureLength, vault::kSignatureLength)) {
    return false;
  }
  out.type = type;
  std::copy(bytes.begin(), bytes.end(), out.bytes.begin());
  return true;
}

void write_signature(CborWriter& out, const vault::Signature& signature) {
  write_variant_header(out, variant_of(signature.type), 1);
  out.write_bytes(signature.bytes);
}

bool verify_over_hash(const vault::VerifyingPublicKey& key, ByteView data,
                      const vault::Signature& signature) {
  return vault::Vault::verify_signature(key, crypto::sha256(data), signature);
}

Result<vault::Signature> sign_over_hash(const vault::Vault& vault,
                                        const vault::SigningKeyHandle& key, ByteView data) {
  return vault.sign(key, crypto::sha256(data));
}

}  // namespace ockam::identity::internal
