#include "json.hpp"

#include <cstdint>
#include <fstream>
#include <sstream>

namespace ockam::tools {

namespace {

constexpr std::size_t kMaxDepth = 64;

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  Result<JsonValue> parse_document() {
    JsonValue value;
    if (!parse_value(value, 0)) {
      return error();
    }
    skip_whitespace();
    if (pos_ != text_.size()) {
      return error();
    }
    return value;
  }

 private:
  static Error error() { return Error(Origin::kApplication, Kind::kParse, "malformed JSON"); }

  void skip_whitespace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool consume(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool consume_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) {
      return false;
    }
    pos_ += word.size();
    return true;
  }

  bool parse_value(JsonValue& out, std::size_t depth) {
    if (depth > kMaxDepth) {
      return false;
    }
    skip_whitespace();
    if (pos_ >= text_.size()) {
      return false;
    }
    const char c = text_[pos_];
    if (c == '{') {
      return parse_object(out, depth);
    }
    if (c == '[') {
      return parse_array(out, depth);
    }
    if (c == '"') {
      std::string text;
      if (!parse_string(text)) {
        return false;
      }
      out = JsonValue::string(std::move(text));
      return true;
    }
    if (consume_word("true")) {
      out = JsonValue::boolean(true);
      return true;
    }
    if (consume_word("false")) {
      out = JsonValue::boolean(false);
      return true;
    }
    if (consume_word("null")) {
      out = JsonValue();
      return true;
    }
    return parse_number(out);
  }

  bool parse_object(JsonValue& out, std::size_t depth) {
    ++pos_;  // '{'
    JsonValue::Object object;
    skip_whitespace();
    if (!consume('}')) {
      do {
        skip_whitespace();
        std::string key;
        JsonValue value;
        if (!parse_string(key)) {
          return false;
        }
        skip_whitespace();
        if (!consume(':') || !parse_value(value, depth + 1)) {
          return false;
        }
        object.insert_or_assign(std::move(key), std::move(value));
        skip_whitespace();
      } while (consume(','));
      if (!consume('}')) {
        return false;
      }
    }
    out = JsonValue::object(std::move(object));
    return true;
  }

  bool parse_array(JsonValue& out, std::size_t depth) {
    ++pos_;  // '['
    JsonValue::Array array;
    skip_whitespace();
    if (!consume(']')) {
      do {
        JsonValue value;
        if (!parse_value(value, depth + 1)) {
          return false;
        }
        array.push_back(std::move(value));
        skip_whitespace();
      } while (consume(','));
      if (!consume(']')) {
        return false;
      }
    }
    out = JsonValue::array(std::move(array));
    return true;
  }

  bool parse_hex4(std::uint32_t& out) {
    if (text_.size() - pos_ < 4) {
      return false;
    }
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_++];
      std::uint32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<std::uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<std::uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<std::uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
      out = out * 16 + digit;
    }
    return true;
  }

  /// Reads the code point of a \u escape (after "\u"), joining a surrogate pair.
  bool parse_unicode_escape(std::uint32_t& code_point) {
    if (!parse_hex4(code_point)) {
      return false;
    }
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
      return false;
    }
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      std::uint32_t low = 0;
      if (!consume('\\') || !consume('u') || !parse_hex4(low) || low < 0xDC00 || low > 0xDFFF) {
        return false;
      }
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
    }
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
      out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
      out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
  }

  bool parse_escape(std::string& out) {
    if (pos_ >= text_.size()) {
      return false;
    }
    const char c = text_[pos_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out.push_back(c);
        return true;
      case 'b':
        out.push_back('\b');
        return true;
      case 'f':
        out.push_back('\f');
        return true;
      case 'n':
        out.push_back('\n');
        return true;
      case 'r':
        out.push_back('\r');
        return true;
      case 't':
        out.push_back('\t');
        return true;
      case 'u': {
        std::uint32_t code_point = 0;
        if (!parse_unicode_escape(code_point)) {
          return false;
        }
        append_utf8(out, code_point);
        return true;
      }
      default:
        return false;
    }
  }

  bool parse_string(std::string& out) {
    if (!consume('"')) {
      return false;
    }
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') {
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return false;
      }
      if (c == '\\') {
        if (!parse_escape(out)) {
          return false;
        }
      } else {
        out.push_back(c);
      }
    }
    return false;
  }

  bool consume_digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      ++pos_;
    }
    return pos_ > start;
  }

  /// number = [-] (0 | [1-9][0-9]*) [. digits] [(e|E) [+|-] digits]
  bool parse_number(JsonValue& out) {
    const std::size_t start = pos_;
    consume('-');
    if (consume('0')) {
      if (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
        return false;
      }
    } else if (!consume_digits()) {
      return false;
    }
    if (consume('.') && !consume_digits()) {
      return false;
    }
    if (consume('e') || consume('E')) {
      if (!consume('+')) {
        consume('-');
      }
      if (!consume_digits()) {
        return false;
      }
    }
    out = JsonValue::number(std::string(text_.substr(start, pos_ - start)));
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

JsonValue JsonValue::boolean(bool value) {
  JsonValue out;
  out.type_ = Type::kBool;
  out.bool_ = value;
  return out;
}

JsonValue JsonValue::number(std::string text) {
  JsonValue out;
  out.type_ = Type::kNumber;
  out.text_ = std::move(text);
  return out;
}

JsonValue JsonValue::string(std::string text) {
  JsonValue out;
  out.type_ = Type::kString;
  out.text_ = std::move(text);
  return out;
}

JsonValue JsonValue::array(Array items) {
  JsonValue out;
  out.type_ = Type::kArray;
  out.array_ = std::move(items);
  return out;
}

JsonValue JsonValue::object(Object members) {
  JsonValue out;
  out.type_ = Type::kObject;
  out.object_ = std::move(members);
  return out;
}

const JsonValue* JsonValue::find(std::string_view key) const {
  if (type_ != Type::kObject) {
    return nullptr;
  }
  const auto it = object_.find(key);
  return it == object_.end() ? nullptr : &it->second;
}

Result<JsonValue> parse_json(std::string_view text) {
  return JsonParser(text).parse_document();
}

Result<JsonValue> read_json_file(const char* path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  if (!file) {
    return Error(Origin::kApplication, Kind::kIo, "cannot read the file");
  }
  return parse_json(text.str());
}

}  // namespace ockam::tools
