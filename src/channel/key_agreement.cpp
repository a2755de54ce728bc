#include "ockam/channel/key_agreement.hpp"

namespace ockam::channel {

std::string_view to_string(KeyAgreement value) noexcept {
  return value == KeyAgreement::kX3dh ? "x3dh" : "xx";
}

std::optional<KeyAgreement> parse_key_agreement(std::string_view text) noexcept {
  if (text == "xx") {
    return KeyAgreement::kNoiseXx;
  }
  if (text == "x3dh") {
    return KeyAgreement::kX3dh;
  }
  return std::nullopt;
}

}  // namespace ockam::channel
