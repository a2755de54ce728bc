#pragma once

#include <cstdint>
#include <span>

#include "ockam/core/cbor_reader.hpp"
#include "ockam/core/cbor_writer.hpp"
#include "ockam/core/result.hpp"
#include "ockam/identity/identifier.hpp"
#include "ockam/vault/signature.hpp"
#include "ockam/vault/vault.hpp"
#include "ockam/vault/verifying_public_key.hpp"

/// Pieces of the minicbor-derive encoding shared by the identity formats. A struct is an array
/// of its fields in order (a decoder skips fields it does not know, as minicbor does); an enum
/// is array(2) [variant index, array of the variant's fields].
namespace ockam::identity::internal {

/// Reads the array header of a struct with at least `required` fields; `fields` gets the count.
bool read_struct_header(CborReader& in, std::uint64_t required, std::uint64_t& fields);
/// Steps over the fields after the first `known` of a struct of `fields` fields.
bool skip_unknown_fields(CborReader& in, std::uint64_t fields, std::uint64_t known);
/// Reads an enum head: the variant index and the count of its fields (at least one).
bool read_variant_header(CborReader& in, std::uint32_t& variant, std::uint64_t& fields);
/// Writes an enum head for a variant with `fields` fields.
void write_variant_header(CborWriter& out, std::uint32_t variant, std::uint64_t fields);
/// Tells whether the next item is a well-formed enum whose variant index is not below
/// `known_variants` (minicbor decodes such an item as None in an Option field).
bool next_is_unknown_variant(const CborReader& in, std::uint32_t known_variants);

/// Reads a byte string of exactly `out.size()` bytes into `out`.
bool read_fixed_bytes(CborReader& in, std::span<std::uint8_t> out);
/// Reads an Identifier (bytes(32)).
bool read_identifier(CborReader& in, Identifier& out);

/// Reads a public key enum: [0, [bytes(32) Ed25519]] or [1, [bytes(65) P-256 SEC1]].
bool read_verifying_public_key(CborReader& in, vault::VerifyingPublicKey& out);
/// Writes a public key enum.
void write_verifying_public_key(CborWriter& out, const vault::VerifyingPublicKey& key);
/// Reads a signature enum: [0 Ed25519 | 1 P-256, [bytes(64)]].
bool read_signature(CborReader& in, vault::Signature& out);
/// Writes a signature enum.
void write_signature(CborWriter& out, const vault::Signature& signature);

/// Checks `signature` by `key` over SHA-256(`data`), which is what Ockam signs.
bool verify_over_hash(const vault::VerifyingPublicKey& key, ByteView data,
                      const vault::Signature& signature);
/// Signs SHA-256(`data`) with the vault key `key`.
Result<vault::Signature> sign_over_hash(const vault::Vault& vault,
                                        const vault::SigningKeyHandle& key, ByteView data);

/// Parses exactly one `T` from `data` with `read`; kParse (with `message`) on malformed input
/// or trailing bytes.
template <class T, class Read>
Result<T> decode_whole(ByteView data, Read read, const char* message) {
  CborReader in(data);
  T value{};
  if (!read(in, value)) {
    return Error(Origin::kIdentity, Kind::kParse, message);
  }
  if (auto end = in.expect_end(); !end) {
    return end.error();
  }
  return value;
}

/// Returns the bytes `write` produces for `value`.
template <class T, class Write>
Bytes encode_whole(const T& value, Write write) {
  ByteWriter bytes;
  CborWriter out(bytes);
  write(out, value);
  return bytes.take();
}

}  // namespace ockam::identity::internal
