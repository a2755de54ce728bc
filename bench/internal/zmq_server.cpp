#include "internal/zmq_server.hpp"

#include <unistd.h>
#include <zmq.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <utility>

#include "internal/zmq_socket.hpp"
#include "ockam/core/byte_writer.hpp"

namespace ockam::bench {
namespace {

/// How long a reply may wait for the client to take it.
constexpr std::chrono::milliseconds kSendTimeout{10'000};

void print_value(std::string_view name, std::string_view value) {
  std::printf("%.*s %.*s\n", static_cast<int>(name.size()), name.data(),
              static_cast<int>(value.size()), value.data());
}

/// Whether standard input is still open (called when poll reports it readable).
bool stdin_still_open() {
  std::array<char, 64> discarded{};
  return ::read(STDIN_FILENO, discarded.data(), discarded.size()) > 0;
}

/// Handles every message waiting on `data` without blocking. Returns false on a failure.
bool handle_waiting(ZmqSocket& data, ZmqSocket* reply, ServerWorker worker, std::uint64_t& count) {
  while (true) {
    zmq_msg_t message;
    zmq_msg_init(&message);
    if (zmq_msg_recv(&message, data.get(), ZMQ_DONTWAIT) < 0) {
      zmq_msg_close(&message);
      return zmq_errno() == EAGAIN;
    }
    bool sent = true;
    if (worker == ServerWorker::kEcho) {
      sent = zmq_msg_send(&message, data.get(), 0) >= 0;
    } else if (zmq_msg_size(&message) != 0) {
      ++count;
    } else {
      ByteWriter answer;
      answer.write_u64_be(std::exchange(count, 0));
      sent = static_cast<bool>(reply->send(answer.take()));
    }
    zmq_msg_close(&message);
    if (!sent) {
      return false;
    }
  }
}

}  // namespace

int serve_zmq(ServerWorker worker) {
  auto keys = CurveKeys::generate();
  if (!keys) {
    std::fprintf(stderr, "peer: %s\n", keys.error().to_string().c_str());
    return 1;
  }
  ZmqContext context;
  const int type = worker == ServerWorker::kEcho ? ZMQ_REP : ZMQ_PULL;
  auto data = ZmqSocket::bind_server(context, type, *keys, kSendTimeout);
  if (!data) {
    std::fprintf(stderr, "peer: %s\n", data.error().to_string().c_str());
    return 1;
  }
  std::optional<ZmqSocket> reply;
  if (worker == ServerWorker::kCounter) {
    auto push = ZmqSocket::bind_server(context, ZMQ_PUSH, *keys, kSendTimeout);
    if (!push) {
      std::fprintf(stderr, "peer: %s\n", push.error().to_string().c_str());
      return 1;
    }
    reply.emplace(std::move(*push));
  }
  std::printf("%.*s%u\n", static_cast<int>(kPortLinePrefix.size()), kPortLinePrefix.data(),
              static_cast<unsigned>(data->port()));
  print_value(kCurveKeyName, keys->public_key);
  if (reply) {
    print_value(kReplyPortName, std::to_string(reply->port()));
  }
  std::fflush(stdout);
  std::uint64_t count = 0;
  while (true) {
    std::array<zmq_pollitem_t, 2> items{};
    items[0].socket = data->get();
    items[0].events = ZMQ_POLLIN;
    items[1].fd = STDIN_FILENO;
    items[1].events = ZMQ_POLLIN;
    if (zmq_poll(items.data(), static_cast<int>(items.size()), -1) < 0) {
      std::fprintf(stderr, "peer: zmq_poll failed\n");
      return 1;
    }
    // A closed pipe shows as an error condition (POLLHUP), not as readable.
    if (items[1].revents != 0 && !stdin_still_open()) {
      return 0;
    }
    if ((items[0].revents & ZMQ_POLLIN) != 0 &&
        !handle_waiting(*data, reply ? &*reply : nullptr, worker, count)) {
      std::fprintf(stderr, "peer: a ZeroMQ socket failed\n");
      return 1;
    }
  }
}

}  // namespace ockam::bench
