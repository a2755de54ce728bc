#include "ockam/noise/protocol_name.hpp"

#include <array>

namespace ockam::noise {

namespace {

constexpr std::size_t kNameParts = 5;

Error unsupported(const char* message) {
  return Error(Origin::kNoise, Kind::kUnsupported, message);
}

/// Splits `name` at '_' into exactly five non-empty parts.
bool split_parts(std::string_view name, std::array<std::string_view, kNameParts>& parts) {
  for (std::size_t i = 0; i < kNameParts; ++i) {
    const std::size_t underscore = name.find('_');
    const bool last = i + 1 == kNameParts;
    if ((underscore == std::string_view::npos) != last) {
      return false;
    }
    parts[i] = name.substr(0, underscore);
    if (parts[i].empty()) {
      return false;
    }
    name.remove_prefix(last ? name.size() : underscore + 1);
  }
  return true;
}

Result<ProtocolName> parse_standard(std::string_view name) {
  std::array<std::string_view, kNameParts> parts;
  if (!split_parts(name, parts)) {
    return Error(Origin::kNoise, Kind::kParse, "malformed protocol name");
  }
  const auto [prefix, pattern_name, dh_name, cipher_name, hash_name] = parts;
  if (prefix == "NoisePSK") {
    return unsupported("pre-revision-32 NoisePSK names are not supported");
  }
  if (prefix != "Noise") {
    return Error(Origin::kNoise, Kind::kParse, "protocol name must start with Noise_");
  }
  ProtocolName protocol;
  protocol.text = std::string(name);
  if (dh_name == "25519") {
    protocol.dh = DhAlgorithm::k25519;
  } else if (dh_name == "448") {
    protocol.dh = DhAlgorithm::k448;
  } else {
    return unsupported("unsupported DH function");
  }
  if (cipher_name == "AESGCM") {
    protocol.cipher = CipherAlgorithm::kAesGcm;
  } else if (cipher_name == "ChaChaPoly") {
    protocol.cipher = CipherAlgorithm::kChaChaPoly;
  } else {
    return unsupported("unsupported cipher function");
  }
  if (hash_name == "SHA256") {
    protocol.hash = crypto::HashAlgorithm::kSha256;
  } else if (hash_name == "SHA512") {
    protocol.hash = crypto::HashAlgorithm::kSha512;
  } else if (hash_name == "BLAKE2b") {
    protocol.hash = crypto::HashAlgorithm::kBlake2b;
  } else if (hash_name == "BLAKE2s") {
    protocol.hash = crypto::HashAlgorithm::kBlake2s;
  } else {
    return unsupported("unsupported hash function");
  }
  Result<HandshakePattern> pattern = HandshakePattern::parse(pattern_name);
  if (!pattern) {
    return pattern.error();
  }
  protocol.pattern = std::move(*pattern);
  return protocol;
}

}  // namespace

Result<ProtocolName> ProtocolName::parse(std::string_view name) {
  if (name != kOckamProtocolName) {
    return parse_standard(name);
  }
  // A fixed table entry: parsing "XX" cannot fail.
  ProtocolName protocol{
      std::string(name),        *HandshakePattern::parse("XX"), DhAlgorithm::k25519,
      CipherAlgorithm::kAesGcm, crypto::HashAlgorithm::kSha256, true};
  return protocol;
}

}  // namespace ockam::noise
