#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace ockam {

/// FlowControlId names one flow of messages that came from outside (16 random bytes in hex).
class FlowControlId {
 public:
  FlowControlId() = default;
  explicit FlowControlId(std::string text);
  FlowControlId(const FlowControlId&) = default;
  FlowControlId& operator=(const FlowControlId&) = default;
  // A moved-from id is the empty id (key 0 and no text), equal to FlowControlId().
  FlowControlId(FlowControlId&& other) noexcept
      : key_(std::exchange(other.key_, 0)), text_(std::exchange(other.text_, {})) {}
  FlowControlId& operator=(FlowControlId&& other) noexcept {
    key_ = std::exchange(other.key_, 0);
    text_ = std::exchange(other.text_, {});
    return *this;
  }
  ~FlowControlId() = default;
  static FlowControlId generate();

  const std::string& to_string() const noexcept { return text_; }
  bool empty() const noexcept { return text_.empty(); }
  friend bool operator==(const FlowControlId&, const FlowControlId&) = default;
  friend auto operator<=>(const FlowControlId&, const FlowControlId&) = default;

 private:
  // A number derived from the text (0 for the empty id). Comparisons look at it first, so
  // the flow-control check on every delivery compares integers, and text only on a match.
  std::uint64_t key_ = 0;
  std::string text_;
};

}  // namespace ockam
