#include "vector_runner.hpp"

#include <optional>
#include <vector>

#include "ockam/noise/handshake_state.hpp"

namespace ockam::tools {

namespace {

using noise::HandshakeConfig;
using noise::HandshakeState;
using noise::Role;
using noise::TransportState;
using Status = VectorOutcome::Status;

VectorOutcome failed(std::string reason) {
  return {Status::kFailed, std::move(reason)};
}

/// Reads the hex string member `key`; an absent member gives nullopt, bad hex an error.
Result<std::optional<Bytes>> hex_member(const JsonValue& object, std::string_view key) {
  const JsonValue* value = object.find(key);
  if (value == nullptr) {
    return std::optional<Bytes>();
  }
  const std::string* text = value->as_string();
  if (text == nullptr) {
    return Error(Origin::kApplication, Kind::kParse, "vector member is not a string");
  }
  Result<Bytes> bytes = from_hex(*text);
  if (!bytes) {
    return bytes.error();
  }
  return std::optional<Bytes>(std::move(*bytes));
}

/// Builds one side's configuration from the `init_`/`resp_` members of `vector`.
Result<HandshakeConfig> side_config(const JsonValue& vector, const std::string& name,
                                    const noise::ProtocolName& protocol, Role role) {
  const std::string prefix = role == Role::kInitiator ? "init_" : "resp_";
  HandshakeConfig config;
  config.protocol_name = name;
  config.role = role;
  std::optional<Bytes> prologue;
  std::optional<Bytes> static_secret;
  std::optional<Bytes> ephemeral;
  std::optional<Bytes> remote_static;
  for (auto [key, out] :
       {std::pair{"prologue", &prologue}, std::pair{"static", &static_secret},
        std::pair{"ephemeral", &ephemeral}, std::pair{"remote_static", &remote_static}}) {
    Result<std::optional<Bytes>> member = hex_member(vector, prefix + key);
    if (!member) {
      return member.error();
    }
    *out = std::move(*member);
  }
  config.prologue = prologue.value_or(Bytes());
  if (static_secret) {
    config.static_secret = SecretBytes(ByteView(*static_secret));
  }
  if (ephemeral) {
    config.ephemeral_secret_for_testing = SecretBytes(ByteView(*ephemeral));
  }
  // Some files list the peer's key even for patterns that transmit it; use it only when the
  // pattern pre-shares it.
  if (remote_static && protocol.pattern.needs_remote_static(role == Role::kInitiator)) {
    config.remote_static = std::move(*remote_static);
  }
  if (const JsonValue* psks = vector.find(prefix + "psks"); psks != nullptr) {
    const JsonValue::Array* list = psks->as_array();
    if (list == nullptr) {
      return Error(Origin::kApplication, Kind::kParse, "psks is not an array");
    }
    for (const JsonValue& psk : *list) {
      const std::string* text = psk.as_string();
      Result<Bytes> bytes =
          text != nullptr
              ? from_hex(*text)
              : Result<Bytes>(Error(Origin::kApplication, Kind::kParse, "psk is not a string"));
      if (!bytes) {
        return bytes.error();
      }
      config.psks.emplace_back(ByteView(*bytes));
    }
  }
  return config;
}

struct Message {
  Bytes payload;
  Bytes ciphertext;
};

Result<std::vector<Message>> read_messages(const JsonValue& vector) {
  const JsonValue* messages = vector.find("messages");
  const JsonValue::Array* list = messages != nullptr ? messages->as_array() : nullptr;
  if (list == nullptr) {
    return Error(Origin::kApplication, Kind::kParse, "vector has no messages array");
  }
  std::vector<Message> out;
  for (const JsonValue& message : *list) {
    Result<std::optional<Bytes>> payload = hex_member(message, "payload");
    Result<std::optional<Bytes>> ciphertext = hex_member(message, "ciphertext");
    if (!payload || !ciphertext || !*payload || !*ciphertext) {
      return Error(Origin::kApplication, Kind::kParse, "message lacks payload or ciphertext");
    }
    out.push_back(Message{std::move(**payload), std::move(**ciphertext)});
  }
  return out;
}

/// Writes `message` with `writer`, reads it with `reader`, and compares both ends.
template <class State>
std::optional<std::string> exchange(State& writer, State& reader, const Message& message) {
  Result<Bytes> written = writer.write_message(message.payload);
  if (!written) {
    return std::string("write failed: ") + written.error().to_string();
  }
  if (*written != message.ciphertext) {
    return "ciphertext mismatch: got " + to_hex(*written);
  }
  Result<Bytes> read = reader.read_message(*written);
  if (!read) {
    return std::string("read failed: ") + read.error().to_string();
  }
  if (*read != message.payload) {
    return std::string("payload mismatch");
  }
  return std::nullopt;
}

}  // namespace

VectorOutcome run_vector(const JsonValue& vector) {
  const JsonValue* name_value = vector.find("protocol_name");
  if (name_value == nullptr) {
    name_value = vector.find("name");
  }
  const std::string* name = name_value != nullptr ? name_value->as_string() : nullptr;
  if (name == nullptr) {
    return failed("vector has no protocol name");
  }
  if (const JsonValue* fallback = vector.find("fallback"); fallback && fallback->is_true()) {
    return {Status::kSkipped, "fallback"};
  }
  Result<noise::ProtocolName> protocol = noise::ProtocolName::parse(*name);
  if (!protocol) {
    if (protocol.error().kind() == Kind::kUnsupported) {
      return {Status::kSkipped, protocol.error().message()};
    }
    return failed(protocol.error().to_string());
  }
  Result<HandshakeConfig> init_config = side_config(vector, *name, *protocol, Role::kInitiator);
  Result<HandshakeConfig> resp_config = side_config(vector, *name, *protocol, Role::kResponder);
  Result<std::vector<Message>> messages = read_messages(vector);
  Result<std::optional<Bytes>> expected_hash = hex_member(vector, "handshake_hash");
  if (!init_config || !resp_config || !messages || !expected_hash) {
    return failed("malformed vector");
  }
  Result<HandshakeState> initiator = HandshakeState::create(std::move(*init_config));
  Result<HandshakeState> responder = HandshakeState::create(std::move(*resp_config));
  if (!initiator || !responder) {
    return failed(std::string("initialize failed: ") +
                  (initiator ? responder.error() : initiator.error()).to_string());
  }

  const std::size_t handshake_messages = protocol->pattern.messages.size();
  if (messages->size() < handshake_messages) {
    return failed("fewer messages than the pattern has");
  }
  const bool one_way = protocol->pattern.is_one_way();
  for (std::size_t i = 0; i < handshake_messages; ++i) {
    const bool initiator_writes = one_way || i % 2 == 0;
    HandshakeState& writer = initiator_writes ? *initiator : *responder;
    HandshakeState& reader = initiator_writes ? *responder : *initiator;
    if (std::optional<std::string> error = exchange(writer, reader, (*messages)[i])) {
      return failed("handshake message " + std::to_string(i) + ": " + *error);
    }
  }
  if (*expected_hash && (!ct_equal(initiator->handshake_hash(), **expected_hash) ||
                         !ct_equal(responder->handshake_hash(), **expected_hash))) {
    return failed("handshake hash mismatch");
  }
  Result<TransportState> init_transport = std::move(*initiator).split();
  Result<TransportState> resp_transport = std::move(*responder).split();
  if (!init_transport || !resp_transport) {
    return failed("split failed");
  }
  for (std::size_t i = handshake_messages; i < messages->size(); ++i) {
    // Cacophony keeps alternating by message index; Ockam's file restarts with the initiator.
    const std::size_t turn = protocol->reversed_split ? i - handshake_messages : i;
    const bool initiator_writes = one_way || turn % 2 == 0;
    TransportState& writer = initiator_writes ? *init_transport : *resp_transport;
    TransportState& reader = initiator_writes ? *resp_transport : *init_transport;
    if (std::optional<std::string> error = exchange(writer, reader, (*messages)[i])) {
      return failed("transport message " + std::to_string(i) + ": " + *error);
    }
  }
  return {Status::kPassed, {}};
}

}  // namespace ockam::tools
