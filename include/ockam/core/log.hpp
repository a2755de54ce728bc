#pragma once

#include <string_view>
#include <utility>

#include <fmt/format.h>

/// A small logging facade over spdlog (kept out of headers for compile time). The level comes
/// from the environment variable OCKAM_LOG (trace, debug, info, warn, error, off; default
/// warn) and is written to stderr. No secret, key, plaintext or peer-supplied text may appear
/// in a line above debug.
namespace ockam::log {

enum class Level { kTrace, kDebug, kInfo, kWarn, kError, kOff };

bool enabled(Level level) noexcept;
void set_level(Level level) noexcept;
void write(Level level, std::string_view module, std::string_view text);

template <class... Args>
void at(Level level, std::string_view module, fmt::format_string<Args...> format, Args&&... args) {
  if (enabled(level)) {
    write(level, module, fmt::format(format, std::forward<Args>(args)...));
  }
}
template <class... Args>
void debug(std::string_view module, fmt::format_string<Args...> format, Args&&... args) {
  at(Level::kDebug, module, format, std::forward<Args>(args)...);
}
template <class... Args>
void info(std::string_view module, fmt::format_string<Args...> format, Args&&... args) {
  at(Level::kInfo, module, format, std::forward<Args>(args)...);
}
template <class... Args>
void warn(std::string_view module, fmt::format_string<Args...> format, Args&&... args) {
  at(Level::kWarn, module, format, std::forward<Args>(args)...);
}
template <class... Args>
void error(std::string_view module, fmt::format_string<Args...> format, Args&&... args) {
  at(Level::kError, module, format, std::forward<Args>(args)...);
}

}  // namespace ockam::log
