#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ockam::command {

/// quote returns `text` as a JSON string literal (quotes, escapes, control characters as \u).
std::string json_quote(std::string_view text);

/// JsonObject builds one JSON object, fields in insertion order: `JsonObject().text("name",
/// n).number("pid", p).str()`.
class JsonObject {
 public:
  JsonObject& text(std::string_view key, std::string_view value);
  JsonObject& number(std::string_view key, std::int64_t value);
  JsonObject& boolean(std::string_view key, bool value);
  JsonObject& null(std::string_view key);
  /// `value` is already JSON (an object or an array).
  JsonObject& raw(std::string_view key, std::string_view value);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  JsonObject& field(std::string_view key, std::string_view json);
  std::string body_;
};

/// json_array joins already-JSON `items` into an array.
std::string json_array(const std::vector<std::string>& items);

}  // namespace ockam::command
