#include "background_node.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "exit_code.hpp"
#include "node_control.hpp"
#include "ockam/node/asio.hpp"
#include "ockam/storage/storage.hpp"

extern char** environ;

namespace ockam::command {
namespace {

std::string last_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::string last;
  while (std::getline(in, line)) {
    if (!line.empty()) {
      last = line;
    }
  }
  return last;
}

// Whether the record says node `name` runs as `pid` with a listener.
bool recorded(Node& node, const std::string& name, std::int64_t pid) {
  auto record = node.storage()->nodes().get(name);
  return record && record->pid == pid && record->tcp_listener_address;
}

Task<void> pause(Node& node, std::chrono::milliseconds delay) {
  asio::steady_timer timer(node.runtime().io(), delay);
  (void)co_await timer.async_wait(kUseTuple);
}

}  // namespace

std::int64_t spawn_node(const Home& home, const std::string& name,
                        const std::vector<std::string>& args) {
  std::filesystem::create_directories(home.node_dir(name));
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  // -v: the node's info lines (what it re-created, refusals) go to its log, as Ockam's -vv.
  std::vector<std::string> argv_text{
      self, "node", "create", name, "--foreground", "--child-process", "-v"};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_text) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);

  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::string out = home.stdout_log(name).string();
  std::string err = home.stderr_log(name).string();
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, err.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
  pid_t pid = 0;
  int status = ::posix_spawn(&pid, self.c_str(), &files, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (status != 0) {
    throw CommandError(kExitSoftware, "starting node " + name, std::strerror(status));
  }
  return pid;
}

Task<void> wait_until_up(Node node, Home home, std::string name, std::int64_t pid) {
  auto deadline = std::chrono::steady_clock::now() + kNodeStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    // Our own child: waitpid tells exactly when it has exited (and reaps it).
    if (::waitpid(static_cast<pid_t>(pid), nullptr, WNOHANG) == pid) {
      std::string why = last_line(home.stderr_log(name));
      throw CommandError(kExitSoftware, "starting node " + name,
                         why.empty() ? "the node exited" : why);
    }
    if (recorded(node, name, pid)) {
      NodeControl control = co_await NodeControl::open(node, name, "");
      (void)co_await control.call(cli::Method::kGet, "node", {}, "GET node");
      co_await control.close();
      co_return;
    }
    co_await pause(node, std::chrono::milliseconds(50));
  }
  throw CommandError(kExitSoftware, "starting node " + name,
                     "it did not answer within " + std::to_string(kNodeStartTimeout.count()) +
                         " s (see " + home.stderr_log(name).string() + ")");
}

}  // namespace ockam::command
