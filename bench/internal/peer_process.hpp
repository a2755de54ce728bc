#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ockam/core/result.hpp"

namespace ockam::bench {

/// PeerProcess is this program run again (/proc/self/exe, or the program named by the
/// environment variable OCKAM_BENCH_PEER_PROGRAM, for valgrind) as a benchmark's server: the
/// hidden `peer` subcommand, which speaks the contract of peer_protocol.hpp. Destroying it stops
/// the server.
class PeerProcess {
 public:
  /// start runs `/proc/self/exe peer <arguments>` and waits for its port line. kIo when it
  /// cannot be started or exits first; kTimeout when no port line comes in time; kParse when
  /// the line is not a port. A server that did start is stopped before the error returns.
  static Result<PeerProcess> start(std::vector<std::string> arguments);

  PeerProcess(PeerProcess&& other) noexcept;
  PeerProcess& operator=(PeerProcess&& other) noexcept;
  PeerProcess(const PeerProcess&) = delete;
  PeerProcess& operator=(const PeerProcess&) = delete;
  ~PeerProcess();

  /// The loopback port the server listens on.
  std::uint16_t port() const noexcept { return port_; }
  /// "127.0.0.1:<port>".
  std::string address() const;
  /// read_value reads the server's next line, which must be `<name> <value>`, and returns the
  /// value (servers other than Ockam's and plain TCP's announce keys and ports this way). kIo
  /// when the server exits first; kTimeout when no line comes in time; kParse for another line.
  Result<std::string> read_value(std::string_view name);

  /// stop closes the server's standard input and waits for it to exit, killing it when it
  /// takes longer than a few seconds. kIo when it did not exit with status 0. Calling it again
  /// does nothing.
  Result<void> stop();

 private:
  PeerProcess(pid_t pid, int stdin_fd, int stdout_fd)
      : pid_(pid), stdin_fd_(stdin_fd), stdout_fd_(stdout_fd) {}
  Result<void> read_port();

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace ockam::bench
