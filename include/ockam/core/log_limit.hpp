#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ockam/core/log.hpp"

/// What keeps peers from flooding or forging the log: escaping of peer-supplied text and a
/// per-reason rate limit for lines a peer can trigger.
namespace ockam::log {

/// escaped returns `text` with every byte outside printable ASCII (control characters, escape
/// sequences, non-ASCII) written as \xNN, and backslashes doubled: peer-supplied text goes
/// through it before it reaches a log line, at every level.
std::string escaped(std::string_view text);

/// RateLimit lets one log line per period through for one reason (a call site keeps one, e.g. a
/// function-local static) and counts the lines it held back. Thread-safe.
class RateLimit {
 public:
  explicit RateLimit(std::chrono::milliseconds period = std::chrono::seconds(1)) noexcept
      : period_(period) {}

  /// admit returns the number of lines suppressed since the last admitted one when a line may
  /// be written now, and nullopt (counting one more suppressed line) otherwise.
  std::optional<std::uint64_t> admit() noexcept;

 private:
  std::chrono::milliseconds period_;
  std::atomic<std::int64_t> next_allowed_ns_{0};
  std::atomic<std::uint64_t> suppressed_{0};
};

/// warn_limited writes a warn line if `limit` admits one now, adding how many similar lines
/// were suppressed since the last one.
template <class... Args>
void warn_limited(RateLimit& limit, std::string_view module, fmt::format_string<Args...> format,
                  Args&&... args) {
  if (!enabled(Level::kWarn)) {
    return;
  }
  if (auto suppressed = limit.admit()) {
    std::string text = fmt::format(format, std::forward<Args>(args)...);
    if (*suppressed > 0) {
      text += fmt::format(" ({} similar lines suppressed)", *suppressed);
    }
    write(Level::kWarn, module, text);
  }
}

}  // namespace ockam::log
