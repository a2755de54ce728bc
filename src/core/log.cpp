#include "ockam/core/log.hpp"

#include <atomic>
#include <cstdlib>
#include <string>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace ockam::log {
namespace {

Level level_from_environment() {
  const char* text = std::getenv("OCKAM_LOG");
  if (text == nullptr) {
    return Level::kWarn;
  }
  std::string value(text);
  if (value == "trace")
    return Level::kTrace;
  if (value == "debug")
    return Level::kDebug;
  if (value == "info")
    return Level::kInfo;
  if (value == "error")
    return Level::kError;
  if (value == "off")
    return Level::kOff;
  return Level::kWarn;
}

std::atomic<Level>& current_level() {
  static std::atomic<Level> level{level_from_environment()};
  return level;
}

spdlog::logger& logger() {
  static std::shared_ptr<spdlog::logger> instance = [] {
    auto l = spdlog::stderr_color_mt("ockam");
    l->set_level(spdlog::level::trace);
    l->set_pattern("%Y-%m-%dT%H:%M:%S.%fZ %^%l%$ %v", spdlog::pattern_time_type::utc);
    return l;
  }();
  return *instance;
}

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::kTrace:
      return spdlog::level::trace;
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      return spdlog::level::err;
    case Level::kOff:
      return spdlog::level::off;
  }
  return spdlog::level::off;
}

}  // namespace

bool enabled(Level level) noexcept {
  Level current = current_level().load(std::memory_order_relaxed);
  return current != Level::kOff && level >= current;
}

void set_level(Level level) noexcept {
  current_level().store(level, std::memory_order_relaxed);
}

void write(Level level, std::string_view module, std::string_view text) {
  logger().log(to_spdlog(level), "{}: {}", module, text);
}

}  // namespace ockam::log
