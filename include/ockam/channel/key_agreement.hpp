#pragma once

#include <optional>
#include <string_view>

namespace ockam::channel {

/// KeyAgreement names the key agreement a secure channel runs before its encrypted phase (the
/// seed documents: "the algorithm used for key agreement is pluggable"). Noise XX is Ockam's
/// and the default; X3DH is Ockam's former add-on (shared/reference/x3dh.md), authenticated here
/// with Ockam identities.
enum class KeyAgreement { kNoiseXx, kX3dh };

/// The name used on command lines: "xx" or "x3dh".
std::string_view to_string(KeyAgreement value) noexcept;
/// Parses "xx" or "x3dh"; nullopt otherwise.
std::optional<KeyAgreement> parse_key_agreement(std::string_view text) noexcept;

}  // namespace ockam::channel
