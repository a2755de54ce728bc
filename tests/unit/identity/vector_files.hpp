#pragma once

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "ockam/core/bytes.hpp"

namespace ockam::identity::testing {

/// A flat JSON object of the vector files: every string member by name.
using VectorEntry = std::map<std::string, std::string>;

/// Reads every innermost JSON object (one without nested objects) of a file under
/// /work/shared/ockam-vectors with its string members. The vector files hold their entries as
/// such flat objects, so this is all the JSON the tests need.
inline std::vector<VectorEntry> read_vector_entries(const std::string& file) {
  std::ifstream in(std::string(OCKAM_SHARED_DIR) + "/ockam-vectors/" + file);
  std::stringstream text;
  text << in.rdbuf();
  std::string content = text.str();
  static const std::regex kObject(R"(\{[^{}]*\})");
  static const std::regex kMember(R"re("([A-Za-z_0-9]+)"\s*:\s*"((?:[^"\\]|\\.)*)")re");
  std::vector<VectorEntry> entries;
  for (auto it = std::sregex_iterator(content.begin(), content.end(), kObject);
       it != std::sregex_iterator(); ++it) {
    VectorEntry entry;
    std::string object = it->str();
    for (auto m = std::sregex_iterator(object.begin(), object.end(), kMember);
         m != std::sregex_iterator(); ++m) {
      entry[(*m)[1].str()] = (*m)[2].str();
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

/// Returns the bytes of the wire.json example `name` (empty when missing).
inline Bytes wire_example(const std::string& name) {
  for (const VectorEntry& entry : read_vector_entries("wire.json")) {
    auto found = entry.find("name");
    if (found != entry.end() && found->second == name) {
      return from_hex(entry.at("hex")).value();
    }
  }
  return {};
}

}  // namespace ockam::identity::testing
