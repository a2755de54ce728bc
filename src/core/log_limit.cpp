#include "ockam/core/log_limit.hpp"

namespace ockam::log {

std::string escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte == '\\') {
      out += "\\\\";
    } else if (byte >= 0x20 && byte < 0x7f) {
      out += c;
    } else {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    }
  }
  return out;
}

std::optional<std::uint64_t> RateLimit::admit() noexcept {
  std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::steady_clock::now().time_since_epoch())
                         .count();
  std::int64_t next = next_allowed_ns_.load(std::memory_order_relaxed);
  std::int64_t after = now + std::chrono::duration_cast<std::chrono::nanoseconds>(period_).count();
  if (now < next || !next_allowed_ns_.compare_exchange_strong(next, after)) {
    suppressed_.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  return suppressed_.exchange(0, std::memory_order_relaxed);
}

}  // namespace ockam::log
