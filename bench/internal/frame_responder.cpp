#include "internal/frame_responder.hpp"

#include <utility>

#include "internal/frame_parser.hpp"
#include "ockam/core/byte_writer.hpp"

namespace ockam::bench {

void FrameResponder::on_frame(ByteView body, Bytes& replies) {
  if (worker_ == ServerWorker::kEcho) {
    append_frame(replies, body);
  } else if (!body.empty()) {
    ++count_;
  } else {
    ByteWriter answer;
    answer.write_u64_be(std::exchange(count_, 0));
    append_frame(replies, answer.take());
  }
}

}  // namespace ockam::bench
