#pragma once

#include <cstdint>
#include <string>

namespace ockam {

/// FlowControlId names one flow of messages that came from outside (16 random bytes in hex).
class FlowControlId {
 public:
  FlowControlId() = default;
  explicit FlowControlId(std::string text);
  static FlowControlId generate();

  const std::string& to_string() const noexcept { return text_; }
  bool empty() const noexcept { return text_.empty(); }
  /// A number derived from the text (0 for the empty id). Comparisons look at it first, so
  /// the flow-control check on every delivery compares integers, and text only on a match.
  std::uint64_t key() const noexcept { return key_; }
  friend bool operator==(const FlowControlId&, const FlowControlId&) = default;
  friend auto operator<=>(const FlowControlId&, const FlowControlId&) = default;

 private:
  std::uint64_t key_ = 0;
  std::string text_;
};

}  // namespace ockam
