#include "vector_runner.hpp"

#include <algorithm>
#include <charconv>
#include <memory>

#include "ockam/channel/channel_key.hpp"
#include "ockam/channel/constants.hpp"
#include "ockam/channel/x3dh_initiator.hpp"
#include "ockam/channel/x3dh_responder.hpp"
#include "ockam/crypto/aead.hpp"

namespace ockam::tools {
namespace {

using channel::X3dhKeys;

/// The hex string member `key`, or an error when absent or malformed.
Result<Bytes> hex_member(const JsonValue& object, std::string_view key) {
  const JsonValue* value = object.find(key);
  const std::string* text = value != nullptr ? value->as_string() : nullptr;
  if (text == nullptr) {
    return Error(Origin::kApplication, Kind::kParse, "a vector member is missing");
  }
  return from_hex(*text);
}

/// An X3DH side's vault holding its identity key.
struct Side {
  std::shared_ptr<vault::Vault> vault = std::make_shared<vault::Vault>();
  vault::X25519KeyHandle identity_key;
};

Result<Side> side_with_identity(ByteView secret) {
  Side side;
  auto handle = side.vault->import_x25519_key(SecretBytes(secret));
  if (!handle) {
    return handle.error();
  }
  side.identity_key = std::move(*handle);
  return side;
}

/// Seals `payload` with the sender's key as the channel does (nonce 0x00×4 || BE64(nonce), empty
/// AD), compares the result with `ciphertext`, then opens that with the receiver's key.
std::string check_message(const JsonValue& message, const X3dhKeys& sender,
                          const X3dhKeys& receiver) {
  auto payload = hex_member(message, "payload");
  auto ciphertext = hex_member(message, "ciphertext");
  const JsonValue* nonce_value = message.find("nonce");
  const std::string* nonce_text = nonce_value != nullptr ? nonce_value->as_number_text() : nullptr;
  std::uint64_t nonce = 0;
  if (!payload || !ciphertext || nonce_text == nullptr ||
      std::from_chars(nonce_text->data(), nonce_text->data() + nonce_text->size(), nonce).ptr !=
          nonce_text->data() + nonce_text->size()) {
    return "malformed message";
  }
  auto seal_key = channel::ChannelKey::create(sender.encrypt_key.clone());
  auto open_key = channel::ChannelKey::create(receiver.decrypt_key.clone());
  if (!seal_key || !open_key) {
    return "bad channel key";
  }
  Bytes sealed(channel::kNonceLength);
  sealed.insert(sealed.end(), payload->begin(), payload->end());
  if (!seal_key->seal_in_place(nonce, sealed, 0) ||
      Bytes(sealed.begin() + channel::kNonceLength, sealed.end()) != *ciphertext) {
    return "ciphertext differs";
  }
  Bytes opened = *ciphertext;
  if (!open_key->open_in_place(nonce, opened) || opened.size() < crypto::kAeadTagLength ||
      Bytes(opened.begin(), opened.end() - crypto::kAeadTagLength) != *payload) {
    return "ciphertext does not open";
  }
  return {};
}

std::string run(const JsonValue& vector) {
  auto ik_a = hex_member(vector, "ik_a_secret");
  auto ek_a = hex_member(vector, "ek_a_secret");
  auto ik_b = hex_member(vector, "ik_b_secret");
  auto spk_b = hex_member(vector, "spk_b_secret");
  auto opk_b = hex_member(vector, "opk_b_secret");
  auto m1 = hex_member(vector, "m1");
  auto m2 = hex_member(vector, "m2");
  const JsonValue* expect = vector.find("expect");
  const std::string* expect_text = expect != nullptr ? expect->as_string() : nullptr;
  if (!ik_a || !ek_a || !ik_b || !spk_b || !opk_b || !m1 || !m2 || expect_text == nullptr ||
      (*expect_text != "accept" && *expect_text != "reject")) {
    return "malformed vector";
  }
  auto alice = side_with_identity(*ik_a);
  auto bob = side_with_identity(*ik_b);
  if (!alice || !bob) {
    return "bad identity secret";
  }
  auto initiator =
      channel::X3dhInitiator::create_for_testing(alice->vault, alice->identity_key, *ek_a);
  if (!initiator) {
    return "bad ephemeral secret";
  }
  if (initiator->message1() != *m1) {
    return "m1 differs";
  }
  auto initiator_keys = initiator->read_message2(*m2);
  if (*expect_text == "reject") {
    return initiator_keys ? "the initiator accepted a corrupted bundle" : "";
  }
  if (!initiator_keys) {
    return std::string("the initiator refused the bundle: ") + initiator_keys.error().message();
  }
  auto prekey =
      channel::X3dhSignedPrekey::from_secret_for_testing(*bob->vault, bob->identity_key, *spk_b);
  if (!prekey) {
    return "bad signed prekey secret";
  }
  auto responder = channel::X3dhResponder::create_for_testing(bob->vault, *prekey, *opk_b);
  if (!responder) {
    return "bad one-time prekey secret";
  }
  // The signature is randomised: compare the keys around it, then check ours verifies.
  const Bytes bundle = responder->message2();
  if (!std::equal(bundle.begin(), bundle.begin() + 64, m2->begin()) ||
      !std::equal(bundle.begin() + 128, bundle.end(), m2->begin() + 128)) {
    return "m2 keys differ";
  }
  auto check_initiator =
      channel::X3dhInitiator::create_for_testing(alice->vault, alice->identity_key, *ek_a);
  if (!check_initiator || !check_initiator->read_message2(bundle)) {
    return "our own bundle does not verify";
  }
  auto responder_keys = responder->read_message1(*m1);
  if (!responder_keys) {
    return std::string("the responder refused m1: ") + responder_keys.error().message();
  }
  auto h = hex_member(vector, "h");
  auto initiator_encrypt = hex_member(vector, "initiator_encrypt_key");
  auto responder_encrypt = hex_member(vector, "responder_encrypt_key");
  if (!h || !initiator_encrypt || !responder_encrypt) {
    return "malformed accepted vector";
  }
  if (Bytes(initiator_keys->h.begin(), initiator_keys->h.end()) != *h ||
      Bytes(responder_keys->h.begin(), responder_keys->h.end()) != *h) {
    return "h differs";
  }
  if (!ct_equal(initiator_keys->encrypt_key.expose_secret(), *initiator_encrypt) ||
      !ct_equal(responder_keys->decrypt_key.expose_secret(), *initiator_encrypt) ||
      !ct_equal(responder_keys->encrypt_key.expose_secret(), *responder_encrypt) ||
      !ct_equal(initiator_keys->decrypt_key.expose_secret(), *responder_encrypt)) {
    return "keys differ";
  }
  const JsonValue* messages = vector.find("messages");
  if (messages == nullptr || messages->as_array() == nullptr) {
    return "messages missing";
  }
  for (const JsonValue& message : *messages->as_array()) {
    const JsonValue* sender = message.find("sender");
    const std::string* sender_text = sender != nullptr ? sender->as_string() : nullptr;
    if (sender_text == nullptr || (*sender_text != "initiator" && *sender_text != "responder")) {
      return "malformed message sender";
    }
    const bool from_initiator = *sender_text == "initiator";
    std::string failure = check_message(message, from_initiator ? *initiator_keys : *responder_keys,
                                        from_initiator ? *responder_keys : *initiator_keys);
    if (!failure.empty()) {
      return failure;
    }
  }
  return {};
}

}  // namespace

std::string run_x3dh_vector(const JsonValue& vector) {
  return run(vector);
}

}  // namespace ockam::tools
