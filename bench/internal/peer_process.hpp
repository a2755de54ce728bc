#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "ockam/core/result.hpp"

namespace ockam::bench {

/// PeerProcess is this program run again (/proc/self/exe) as a benchmark's server: the hidden
/// `peer` subcommand, which speaks the contract of peer_protocol.hpp. Destroying it stops the
/// server.
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

  /// stop closes the server's standard input and waits for it to exit, killing it when it
  /// takes longer than a few seconds. kIo when it did not exit with status 0. Calling it again
  /// does nothing.
  Result<void> stop();

 private:
  PeerProcess(pid_t pid, int stdin_fd) : pid_(pid), stdin_fd_(stdin_fd) {}
  Result<void> read_port(int stdout_fd);

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace ockam::bench
