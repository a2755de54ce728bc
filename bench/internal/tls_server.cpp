#include "internal/tls_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <utility>

#include "internal/frame_parser.hpp"
#include "internal/frame_responder.hpp"
#include "internal/message_sizes.hpp"
#include "internal/tls_peer.hpp"
#include "ockam/transport/tcp/constants.hpp"

namespace ockam::bench {
namespace {

/// How long the server waits on a silent client in the middle of a handshake or a write.
constexpr std::chrono::milliseconds kIoTimeout{10'000};

/// What wakes the server up.
enum class Ready { kSocket, kStdinClosed };

/// Waits until `fd` is readable or standard input closes.
Ready wait_readable(int fd) {
  while (true) {
    std::array<pollfd, 2> fds{pollfd{fd, POLLIN, 0}, pollfd{STDIN_FILENO, POLLIN, 0}};
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      return Ready::kStdinClosed;
    }
    if (fds[1].revents != 0) {
      std::array<char, 64> discarded{};
      if (::read(STDIN_FILENO, discarded.data(), discarded.size()) <= 0) {
        return Ready::kStdinClosed;
      }
    }
    if (fds[0].revents != 0) {
      return Ready::kSocket;
    }
  }
}

/// Serves one connection until the client closes it. Returns false when standard input closed.
bool serve_connection(TlsConnection& connection, ServerWorker worker) {
  FrameParser parser(kMaxMessageSize);
  Bytes buffer(ockam::tcp::kReadBufferSize);
  Bytes replies;
  FrameResponder responder(worker);
  auto on_frame = [&](ByteView body) { responder.on_frame(body, replies); };
  while (true) {
    if (!connection.has_pending() && wait_readable(connection.fd()) == Ready::kStdinClosed) {
      return false;
    }
    auto length = connection.read_some(buffer);
    if (!length || *length == 0) {
      return true;
    }
    replies.clear();
    if (!parser.feed(ByteView(buffer).first(*length), on_frame)) {
      return true;
    }
    if (!replies.empty() && (!connection.write(replies) || !connection.flush())) {
      return true;
    }
  }
}

/// A listening socket on 127.0.0.1 with a port of the system's choice, or -1.
int listen_on_loopback(std::uint16_t& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (fd < 0 || ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0 ||
      ::listen(fd, SOMAXCONN) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) {
      ::close(fd);
    }
    return -1;
  }
  port = ntohs(address.sin_port);
  return fd;
}

}  // namespace

int serve_tls(ServerWorker worker, const std::string& client_fingerprint) {
  auto self = TlsIdentity::generate();
  if (!self) {
    std::fprintf(stderr, "peer: %s\n", self.error().to_string().c_str());
    return 1;
  }
  auto context = TlsContext::make(TlsContext::Side::kServer, *self, client_fingerprint);
  if (!context) {
    std::fprintf(stderr, "peer: %s\n", context.error().to_string().c_str());
    return 1;
  }
  std::uint16_t port = 0;
  const int listener = listen_on_loopback(port);
  if (listener < 0) {
    std::fprintf(stderr, "peer: cannot listen on 127.0.0.1\n");
    return 1;
  }
  std::printf("%.*s%u\n", static_cast<int>(kPortLinePrefix.size()), kPortLinePrefix.data(),
              static_cast<unsigned>(port));
  std::printf("%.*s %s\n", static_cast<int>(kFingerprintName.size()), kFingerprintName.data(),
              self->fingerprint().c_str());
  std::fflush(stdout);
  while (wait_readable(listener) == Ready::kSocket) {
    const int fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      continue;
    }
    auto connection = TlsConnection::accept(*context, fd, kIoTimeout);
    if (!connection) {
      continue;  // a failed handshake ends only that connection
    }
    const bool keep_serving = serve_connection(*connection, worker);
    connection->close();
    if (!keep_serving) {
      break;
    }
  }
  ::close(listener);
  return 0;
}

}  // namespace ockam::bench
