#pragma once

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

#include "ockam/node/runtime.hpp"

namespace ockam::testing {

/// ChildNode runs `setup` on a fresh node in a child process of its own, which runs until the
/// object is destroyed (then it is killed). `value()` is what `setup` returned ("error: ..."
/// when it failed). `pause()` and `resume()` stop and continue the process (SIGSTOP, SIGCONT):
/// a node that hangs with its sockets open, which no peer sees as a closed connection.
/// Construct it before the test starts threads of its own (the child is forked).
class ChildNode {
 public:
  explicit ChildNode(std::function<Task<Result<std::string>>(Context&)> setup) {
    int fds[2];
    if (::pipe(fds) != 0) {
      value_ = "error: pipe failed";
      return;
    }
    pid_ = ::fork();
    if (pid_ == 0) {
      ::close(fds[0]);
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive the test
      Runtime runtime;
      (void)runtime.run_until_stopped([&](Context& ctx) -> Task<Result<void>> {
        auto result = co_await setup(ctx);
        std::string value = (result ? *result : "error: " + result.error().to_string()) + "\n";
        (void)!::write(fds[1], value.data(), value.size());
        co_return ok();
      });
      ::_exit(0);
    }
    ::close(fds[1]);
    value_ = read_line(fds[0]);
    ::close(fds[0]);
  }
  ~ChildNode() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  ChildNode(const ChildNode&) = delete;
  ChildNode& operator=(const ChildNode&) = delete;

  const std::string& value() const { return value_; }
  void pause() { signal(SIGSTOP); }
  void resume() { signal(SIGCONT); }

 private:
  void signal(int number) {
    if (pid_ > 0) {  // never kill(-1, ...): that would signal every process of the user
      ::kill(pid_, number);
    }
  }
  /// The child's first line, waiting at most 10 s for it.
  static std::string read_line(int fd) {
    std::string line;
    pollfd readable{fd, POLLIN, 0};
    char c = 0;
    while (::poll(&readable, 1, 10'000) == 1 && ::read(fd, &c, 1) == 1 && c != '\n') {
      line.push_back(c);
    }
    return c == '\n' ? line : "error: the child node did not start";
  }

  pid_t pid_ = -1;
  std::string value_;
};

}  // namespace ockam::testing
