#include "request_bodies.hpp"

#include "ockam/core/byte_writer.hpp"
#include "ockam/core/cbor_writer.hpp"

namespace ockam::command {
namespace {

void write_texts(CborWriter& out, const std::vector<std::string>& texts) {
  out.write_array_header(texts.size());
  for (const std::string& text : texts) {
    out.write_text(text);
  }
}

}  // namespace

Bytes outlet_request(const std::string& to, const std::optional<std::string>& address) {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(address ? 2 : 1);
  out.write_uint(1);
  out.write_text(to);
  if (address) {
    out.write_uint(3);
    out.write_text(*address);
  }
  return body.take();
}

Bytes inlet_request(const std::string& bind, const cli::MultiAddr& to,
                    const std::optional<std::string>& alias, bool wait_connection) {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(2 + (alias ? 1 : 0) + (wait_connection ? 0 : 1));
  out.write_uint(1);
  out.write_text(bind);
  out.write_uint(2);
  out.write_bytes(to.encode());
  if (alias) {
    out.write_uint(3);
    out.write_text(*alias);
  }
  if (!wait_connection) {
    out.write_uint(7);
    out.write_bool(false);
  }
  return body.take();
}

Bytes relay_request(const cli::MultiAddr& at, const std::string& name) {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(2);
  out.write_uint(1);
  out.write_bytes(at.encode());
  out.write_uint(2);
  out.write_text(name);
  return body.take();
}

Bytes secure_channel_request(const cli::MultiAddr& to, const std::vector<std::string>& authorized) {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(2);
  out.write_uint(1);
  out.write_bytes(to.encode());
  out.write_uint(2);
  write_texts(out, authorized);
  return body.take();
}

Bytes listener_request(const std::string& address, const std::vector<std::string>& authorized) {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(2);
  out.write_uint(1);
  out.write_text(address);
  out.write_uint(2);
  write_texts(out, authorized);
  return body.take();
}

Bytes message_request(const std::string& to, ByteView message, std::uint64_t timeout_ms) {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(3);
  out.write_uint(1);
  out.write_text(to);
  out.write_uint(2);
  out.write_bytes(message);
  out.write_uint(3);
  out.write_uint(timeout_ms);
  return body.take();
}

Bytes text_map(const std::string& value) {
  ByteWriter body;
  CborWriter out(body);
  out.write_map_header(1);
  out.write_uint(1);
  out.write_text(value);
  return body.take();
}

}  // namespace ockam::command
