#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ockam/channel/key_agreement.hpp"

namespace ockam::examples {

/// flag_value returns the value after `--name` on the command line, or `fallback`.
inline std::string flag_value(int argc, char** argv, std::string_view name, std::string fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (name == argv[i]) {
      return argv[i + 1];
    }
  }
  return fallback;
}

/// key_agreement_flag returns the key agreement named by `--key-exchange xx|x3dh` (default xx),
/// or nullopt for another name.
inline std::optional<channel::KeyAgreement> key_agreement_flag(int argc, char** argv) {
  return channel::parse_key_agreement(flag_value(argc, argv, "--key-exchange", "xx"));
}

}  // namespace ockam::examples
