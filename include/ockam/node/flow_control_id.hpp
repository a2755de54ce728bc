#pragma once

#include <string>

namespace ockam {

/// FlowControlId names one flow of messages that came from outside (16 random bytes in hex).
class FlowControlId {
 public:
  FlowControlId() = default;
  explicit FlowControlId(std::string text) : text_(std::move(text)) {}
  static FlowControlId generate();

  const std::string& to_string() const noexcept { return text_; }
  bool empty() const noexcept { return text_.empty(); }
  friend bool operator==(const FlowControlId&, const FlowControlId&) = default;
  friend auto operator<=>(const FlowControlId&, const FlowControlId&) = default;

 private:
  std::string text_;
};

}  // namespace ockam
