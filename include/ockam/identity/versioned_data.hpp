#pragma once

#include <cstdint>

#include "ockam/core/bytes.hpp"
#include "ockam/core/result.hpp"

namespace ockam::identity {

/// encode_versioned_data wraps `payload` in Ockam's VersionedData: array(3) [version 1,
/// `data_type`, bytes payload] (models/versioned_data.rs). Signatures cover these bytes.
Bytes encode_versioned_data(std::uint8_t data_type, ByteView payload);

/// decode_versioned_data opens a VersionedData and returns its payload, a view into `data`.
/// kParse on malformed input or trailing bytes, kUnsupported for a version other than 1,
/// kInvalid for a data type other than `data_type`.
Result<ByteView> decode_versioned_data(ByteView data, std::uint8_t data_type);

}  // namespace ockam::identity
