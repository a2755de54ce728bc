#pragma once

#include <string>
#include <string_view>

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

}  // namespace ockam::examples
