#include "ockam/identity/versioned_data.hpp"

#include "identity/internal/cbor_fields.hpp"
#include "ockam/identity/constants.hpp"

namespace ockam::identity {
namespace {

constexpr std::uint64_t kFields = 3;

struct RawVersionedData {
  std::uint8_t version = 0;
  std::uint8_t data_type = 0;
  ByteView payload;
};

bool read_versioned_data(CborReader& in, RawVersionedData& out) {
  CborReader probe = in;
  std::uint64_t fields = 0;
  if (!internal::read_struct_header(probe, kFields, fields) || !probe.read_u8(out.version) ||
      !probe.read_u8(out.data_type) || !probe.read_bytes(out.payload) ||
      !internal::skip_unknown_fields(probe, fields, kFields)) {
    return false;
  }
  in = probe;
  return true;
}

}  // namespace

Bytes encode_versioned_data(std::uint8_t data_type, ByteView payload) {
  ByteWriter bytes;
  CborWriter out(bytes);
  out.write_array_header(kFields);
  out.write_uint(kVersionedDataVersion);
  out.write_uint(data_type);
  out.write_bytes(payload);
  return bytes.take();
}

Result<ByteView> decode_versioned_data(ByteView data, std::uint8_t data_type) {
  auto raw = internal::decode_whole<RawVersionedData>(data, read_versioned_data,
                                                      "malformed versioned data");
  if (!raw) {
    return raw.error();
  }
  if (raw->version != kVersionedDataVersion) {
    return Error(Origin::kIdentity, Kind::kUnsupported, "unknown versioned data version");
  }
  if (raw->data_type != data_type) {
    return Error(Origin::kIdentity, Kind::kInvalid, "unexpected versioned data type");
  }
  return raw->payload;
}

}  // namespace ockam::identity
