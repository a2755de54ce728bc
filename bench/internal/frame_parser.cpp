#include "internal/frame_parser.hpp"

#include "ockam/core/byte_writer.hpp"

namespace ockam::bench {

void append_frame(Bytes& out, ByteView body) {
  ByteWriter writer(std::move(out));
  writer.write_u32_be(static_cast<std::uint32_t>(body.size()));
  writer.write_bytes(body);
  out = writer.take();
}

}  // namespace ockam::bench
