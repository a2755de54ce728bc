#include "ockam/noise/handshake_pattern.hpp"

#include <algorithm>
#include <charconv>

namespace ockam::noise {

namespace {

using enum Token;
using Tokens = std::vector<Token>;

struct PatternEntry {
  std::string_view name;
  Tokens initiator_pre_message;
  Tokens responder_pre_message;
  std::vector<Tokens> messages;
};

/// The patterns of Noise spec §7.4 (one-way), §7.5 (interactive) and §18 (deferred).
const std::vector<PatternEntry>& pattern_table() {
  static const std::vector<PatternEntry> kTable = {
      {"N", {}, {kS}, {{kE, kEs}}},
      {"K", {kS}, {kS}, {{kE, kEs, kSs}}},
      {"X", {}, {kS}, {{kE, kEs, kS, kSs}}},
      {"NN", {}, {}, {{kE}, {kE, kEe}}},
      {"NK", {}, {kS}, {{kE, kEs}, {kE, kEe}}},
      {"NX", {}, {}, {{kE}, {kE, kEe, kS, kEs}}},
      {"KN", {kS}, {}, {{kE}, {kE, kEe, kSe}}},
      {"KK", {kS}, {kS}, {{kE, kEs, kSs}, {kE, kEe, kSe}}},
      {"KX", {kS}, {}, {{kE}, {kE, kEe, kSe, kS, kEs}}},
      {"XN", {}, {}, {{kE}, {kE, kEe}, {kS, kSe}}},
      {"XK", {}, {kS}, {{kE, kEs}, {kE, kEe}, {kS, kSe}}},
      {"XX", {}, {}, {{kE}, {kE, kEe, kS, kEs}, {kS, kSe}}},
      {"IN", {}, {}, {{kE, kS}, {kE, kEe, kSe}}},
      {"IK", {}, {kS}, {{kE, kEs, kS, kSs}, {kE, kEe, kSe}}},
      {"IX", {}, {}, {{kE, kS}, {kE, kEe, kSe, kS, kEs}}},
      {"NK1", {}, {kS}, {{kE}, {kE, kEe, kEs}}},
      {"NX1", {}, {}, {{kE}, {kE, kEe, kS}, {kEs}}},
      {"X1N", {}, {}, {{kE}, {kE, kEe}, {kS}, {kSe}}},
      {"X1K", {}, {kS}, {{kE, kEs}, {kE, kEe}, {kS}, {kSe}}},
      {"XK1", {}, {kS}, {{kE}, {kE, kEe, kEs}, {kS, kSe}}},
      {"X1K1", {}, {kS}, {{kE}, {kE, kEe, kEs}, {kS}, {kSe}}},
      {"X1X", {}, {}, {{kE}, {kE, kEe, kS, kEs}, {kS}, {kSe}}},
      {"XX1", {}, {}, {{kE}, {kE, kEe, kS}, {kEs, kS, kSe}}},
      {"X1X1", {}, {}, {{kE}, {kE, kEe, kS}, {kEs, kS}, {kSe}}},
      {"K1N", {kS}, {}, {{kE}, {kE, kEe}, {kSe}}},
      {"K1K", {kS}, {kS}, {{kE, kEs}, {kE, kEe}, {kSe}}},
      {"KK1", {kS}, {kS}, {{kE}, {kE, kEe, kSe, kEs}}},
      {"K1K1", {kS}, {kS}, {{kE}, {kE, kEe, kEs}, {kSe}}},
      {"K1X", {kS}, {}, {{kE}, {kE, kEe, kS, kEs}, {kSe}}},
      {"KX1", {kS}, {}, {{kE}, {kE, kEe, kSe, kS}, {kEs}}},
      {"K1X1", {kS}, {}, {{kE}, {kE, kEe, kS}, {kSe, kEs}}},
      {"I1N", {}, {}, {{kE, kS}, {kE, kEe}, {kSe}}},
      {"I1K", {}, {kS}, {{kE, kEs, kS}, {kE, kEe}, {kSe}}},
      {"IK1", {}, {kS}, {{kE, kS}, {kE, kEe, kSe, kEs}}},
      {"I1K1", {}, {kS}, {{kE, kS}, {kE, kEe, kEs}, {kSe}}},
      {"I1X", {}, {}, {{kE, kS}, {kE, kEe, kS, kEs}, {kSe}}},
      {"IX1", {}, {}, {{kE, kS}, {kE, kEe, kSe, kS}, {kEs}}},
      {"I1X1", {}, {}, {{kE, kS}, {kE, kEe, kS}, {kSe, kEs}}},
  };
  return kTable;
}

bool is_base_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool contains(const Tokens& tokens, Token token) {
  return std::find(tokens.begin(), tokens.end(), token) != tokens.end();
}

/// Applies one `pskN` modifier (spec §9.3): psk0 opens the first message, pskN closes message N.
Result<void> apply_psk_modifier(std::string_view modifier, HandshakePattern& pattern,
                                std::vector<bool>& used) {
  constexpr std::string_view kPskPrefix = "psk";
  if (!modifier.starts_with(kPskPrefix)) {
    return Error(Origin::kNoise, Kind::kUnsupported, "unsupported pattern modifier");
  }
  const std::string_view digits = modifier.substr(kPskPrefix.size());
  std::size_t position = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), position);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
      position > pattern.messages.size()) {
    return Error(Origin::kNoise, Kind::kParse, "malformed psk modifier");
  }
  if (used.size() <= position) {
    used.resize(position + 1, false);
  }
  if (used[position]) {
    return Error(Origin::kNoise, Kind::kParse, "duplicate psk modifier");
  }
  used[position] = true;
  if (position == 0) {
    Tokens& first = pattern.messages.front();
    first.insert(first.begin(), kPsk);
  } else {
    pattern.messages[position - 1].push_back(kPsk);
  }
  return ok();
}

}  // namespace

Result<HandshakePattern> HandshakePattern::parse(std::string_view name) {
  const std::size_t base_length = static_cast<std::size_t>(
      std::find_if_not(name.begin(), name.end(), is_base_char) - name.begin());
  const std::string_view base = name.substr(0, base_length);
  const auto& table = pattern_table();
  const auto entry = std::find_if(table.begin(), table.end(),
                                  [&](const PatternEntry& e) { return e.name == base; });
  if (entry == table.end()) {
    return Error(Origin::kNoise, Kind::kUnsupported, "unsupported handshake pattern");
  }
  HandshakePattern pattern{std::string(name), entry->initiator_pre_message,
                           entry->responder_pre_message, entry->messages};
  std::string_view modifiers = name.substr(base_length);
  std::vector<bool> used;
  while (!modifiers.empty()) {
    const std::size_t plus = modifiers.find('+');
    const std::string_view modifier = modifiers.substr(0, plus);
    if (Result<void> applied = apply_psk_modifier(modifier, pattern, used); !applied) {
      return applied.error();
    }
    if (plus == std::string_view::npos) {
      break;
    }
    modifiers.remove_prefix(plus + 1);
    if (modifiers.empty()) {
      return Error(Origin::kNoise, Kind::kParse, "empty pattern modifier");
    }
  }
  return pattern;
}

std::size_t HandshakePattern::psk_count() const noexcept {
  std::size_t count = 0;
  for (const Tokens& message : messages) {
    count += static_cast<std::size_t>(std::count(message.begin(), message.end(), kPsk));
  }
  return count;
}

bool HandshakePattern::needs_local_static(bool initiator) const noexcept {
  if (contains(initiator ? initiator_pre_message : responder_pre_message, kS)) {
    return true;
  }
  for (std::size_t i = initiator ? 0 : 1; i < messages.size(); i += 2) {
    if (contains(messages[i], kS)) {
      return true;
    }
  }
  return false;
}

bool HandshakePattern::needs_remote_static(bool initiator) const noexcept {
  return contains(initiator ? responder_pre_message : initiator_pre_message, kS);
}

}  // namespace ockam::noise
