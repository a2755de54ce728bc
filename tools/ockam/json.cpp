#include "json.hpp"

#include <cstdio>

namespace ockam::command {

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

JsonObject& JsonObject::field(std::string_view key, std::string_view json) {
  if (!body_.empty()) {
    body_ += ",";
  }
  body_ += json_quote(key) + ":";
  body_ += json;
  return *this;
}

JsonObject& JsonObject::text(std::string_view key, std::string_view value) {
  return field(key, json_quote(value));
}

JsonObject& JsonObject::number(std::string_view key, std::int64_t value) {
  return field(key, std::to_string(value));
}

JsonObject& JsonObject::boolean(std::string_view key, bool value) {
  return field(key, value ? "true" : "false");
}

JsonObject& JsonObject::null(std::string_view key) {
  return field(key, "null");
}

JsonObject& JsonObject::raw(std::string_view key, std::string_view value) {
  return field(key, value);
}

std::string json_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i ? "," : "") + items[i];
  }
  return out + "]";
}

}  // namespace ockam::command
