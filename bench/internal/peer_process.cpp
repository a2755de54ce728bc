#include "internal/peer_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "internal/peer_protocol.hpp"

extern char** environ;

namespace ockam::bench {
namespace {

using Clock = std::chrono::steady_clock;

/// The environment variable that names the program to run as the server.
constexpr const char* kPeerProgramVariable = "OCKAM_BENCH_PEER_PROGRAM";
/// How long a server may take to print its port.
constexpr std::chrono::seconds kStartTimeout{20};
/// How long a server may take to exit once its standard input closes.
constexpr std::chrono::seconds kStopTimeout{5};
/// How often stop() looks whether the server has exited.
constexpr std::chrono::milliseconds kExitPollInterval{5};
/// The lines a server prints are short (a port, a key, a fingerprint); a longer one is malformed.
constexpr std::size_t kMaxLineLength = 256;

Error io_error(const char* message) {
  return Error(Origin::kApplication, Kind::kIo, message);
}

/// Closes a file descriptor when it goes out of scope.
class FdGuard {
 public:
  explicit FdGuard(int fd) : fd_(fd) {}
  FdGuard(const FdGuard&) = delete;
  FdGuard& operator=(const FdGuard&) = delete;
  ~FdGuard() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  int get() const noexcept { return fd_; }
  int release() noexcept { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

/// Reads up to a newline from `fd` before `deadline`.
Result<std::string> read_line(int fd, Clock::time_point deadline) {
  std::string line;
  while (line.size() < kMaxLineLength) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      return Error(Origin::kApplication, Kind::kTimeout, "the peer did not print its port");
    }
    pollfd readable{fd, POLLIN, 0};
    if (::poll(&readable, 1, static_cast<int>(left.count())) < 0) {
      return io_error("poll on the peer's output failed");
    }
    if (readable.revents == 0) {
      continue;
    }
    char c = 0;
    ssize_t got = ::read(fd, &c, 1);
    if (got <= 0) {
      return io_error("the peer exited before printing its port");
    }
    if (c == '\n') {
      return line;
    }
    line.push_back(c);
  }
  return Error(Origin::kApplication, Kind::kParse, "the peer's line is too long");
}

}  // namespace

Result<PeerProcess> PeerProcess::start(std::vector<std::string> arguments) {
  int stdin_pipe[2];
  int stdout_pipe[2];
  if (::pipe2(stdin_pipe, O_CLOEXEC) != 0) {
    return io_error("cannot make a pipe for the peer");
  }
  FdGuard child_stdin(stdin_pipe[0]);
  FdGuard parent_stdin(stdin_pipe[1]);
  if (::pipe2(stdout_pipe, O_CLOEXEC) != 0) {
    return io_error("cannot make a pipe for the peer");
  }
  FdGuard parent_stdout(stdout_pipe[0]);
  FdGuard child_stdout(stdout_pipe[1]);

  // Under valgrind /proc/self/exe is valgrind's tool, not this program: the environment may
  // name the program instead (see docs/benchmarks.md, "Instructions per message").
  const char* named = std::getenv(kPeerProgramVariable);
  std::string program = named != nullptr ? named : "/proc/self/exe";
  arguments.insert(arguments.begin(), std::string(kPeerCommand));
  arguments.insert(arguments.begin(), program);
  std::vector<char*> argv;
  for (std::string& argument : arguments) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  if (::posix_spawn_file_actions_init(&actions) != 0) {
    return io_error("cannot prepare to start the peer");
  }
  ::posix_spawn_file_actions_adddup2(&actions, child_stdin.get(), STDIN_FILENO);
  ::posix_spawn_file_actions_adddup2(&actions, child_stdout.get(), STDOUT_FILENO);
  pid_t pid = -1;
  int spawned = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return io_error("cannot start the peer");
  }
  PeerProcess peer(pid, parent_stdin.release(), parent_stdout.release());
  // Only the child holds the write end now: its exit ends our reads.
  ::close(child_stdout.release());
  if (auto port = peer.read_port(); !port) {
    return port.error();
  }
  return peer;
}

Result<void> PeerProcess::read_port() {
  auto line = read_line(stdout_fd_, Clock::now() + kStartTimeout);
  if (!line) {
    return line.error();
  }
  std::string_view text = *line;
  if (!text.starts_with(kPortLinePrefix)) {
    return Error(Origin::kApplication, Kind::kParse, "the peer's first line is not a port");
  }
  text.remove_prefix(kPortLinePrefix.size());
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port_);
  if (error != std::errc() || end != text.data() + text.size() || port_ == 0) {
    return Error(Origin::kApplication, Kind::kParse, "the peer's port line is malformed");
  }
  return ok();
}

PeerProcess::PeerProcess(PeerProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      stdin_fd_(std::exchange(other.stdin_fd_, -1)),
      stdout_fd_(std::exchange(other.stdout_fd_, -1)),
      port_(other.port_) {}

PeerProcess& PeerProcess::operator=(PeerProcess&& other) noexcept {
  if (this != &other) {
    (void)stop();
    pid_ = std::exchange(other.pid_, -1);
    stdin_fd_ = std::exchange(other.stdin_fd_, -1);
    stdout_fd_ = std::exchange(other.stdout_fd_, -1);
    port_ = other.port_;
  }
  return *this;
}

PeerProcess::~PeerProcess() {
  (void)stop();
}

Result<std::string> PeerProcess::read_value(std::string_view name) {
  auto line = read_line(stdout_fd_, Clock::now() + kStartTimeout);
  if (!line) {
    return line.error();
  }
  if (!line->starts_with(name) || line->size() <= name.size() + 1 || (*line)[name.size()] != ' ') {
    return Error(Origin::kApplication, Kind::kParse, "the peer's line is not the expected value");
  }
  return line->substr(name.size() + 1);
}

std::string PeerProcess::address() const {
  return fmt::format("127.0.0.1:{}", port_);
}

Result<void> PeerProcess::stop() {
  if (stdin_fd_ >= 0) {
    ::close(std::exchange(stdin_fd_, -1));
  }
  if (stdout_fd_ >= 0) {
    ::close(std::exchange(stdout_fd_, -1));
  }
  if (pid_ < 0) {
    return ok();
  }
  const pid_t pid = std::exchange(pid_, -1);
  const auto deadline = Clock::now() + kStopTimeout;
  int status = 0;
  pid_t exited = 0;
  while ((exited = ::waitpid(pid, &status, WNOHANG)) == 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(kExitPollInterval);
  }
  if (exited == 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return io_error("the peer did not exit in time and was killed");
  }
  if (exited < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return io_error("the peer failed");
  }
  return ok();
}

}  // namespace ockam::bench
