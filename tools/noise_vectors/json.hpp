#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/result.hpp"

namespace ockam::tools {

/// JsonValue is one parsed JSON value. Numbers keep their source text (the vector files only
/// need them to be well-formed). Objects keep the last value of a repeated key.
class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  using Array = std::vector<JsonValue>;
  using Object = std::map<std::string, JsonValue, std::less<>>;

  JsonValue() = default;
  static JsonValue boolean(bool value);
  /// A number, kept as its source text.
  static JsonValue number(std::string text);
  static JsonValue string(std::string text);
  static JsonValue array(Array items);
  static JsonValue object(Object members);

  Type type() const noexcept { return type_; }
  bool is_array() const noexcept { return type_ == Type::kArray; }
  bool is_true() const noexcept { return type_ == Type::kBool && bool_; }
  /// The string, or nullptr when this is not a string.
  const std::string* as_string() const noexcept {
    return type_ == Type::kString ? &text_ : nullptr;
  }
  /// A number's source text, or nullptr when this is not a number.
  const std::string* as_number_text() const noexcept {
    return type_ == Type::kNumber ? &text_ : nullptr;
  }
  /// The array, or nullptr when this is not an array.
  const Array* as_array() const noexcept { return type_ == Type::kArray ? &array_ : nullptr; }
  /// The member `key` of an object, or nullptr when absent or not an object.
  const JsonValue* find(std::string_view key) const;

 private:
  Type type_ = Type::kNull;
  bool bool_ = false;
  std::string text_;  // a string's value or a number's text
  Array array_;
  Object object_;
};

/// parse_json parses one strict JSON text (RFC 8259: no comments, no trailing commas, only
/// whitespace after the value, nesting at most 64 deep). kParse on any violation.
Result<JsonValue> parse_json(std::string_view text);

/// read_json_file reads and parses the file at `path`; kIo when it cannot be read, else as
/// parse_json.
Result<JsonValue> read_json_file(const char* path);

}  // namespace ockam::tools
