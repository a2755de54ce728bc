#include "process.hpp"

#include <signal.h>

#include <fstream>
#include <iterator>
#include <string>
#include <thread>

namespace ockam::command {
namespace {

std::string read_proc(std::int64_t pid, const char* file) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/" + file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

bool process_is_running(std::int64_t pid) {
  if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0) {
    return false;
  }
  // `pid (comm) S ...`: a zombie (Z) or dead (X) process has ended.
  std::string stat = read_proc(pid, "stat");
  auto paren = stat.rfind(')');
  if (paren == std::string::npos || paren + 2 >= stat.size()) {
    return false;
  }
  char state = stat[paren + 2];
  if (state == 'Z' || state == 'X') {
    return false;
  }
  std::string cmdline = read_proc(pid, "cmdline");  // arguments separated by NUL
  return cmdline.find("ockam") != std::string::npos &&
         cmdline.find(std::string("node\0create", 11)) != std::string::npos;
}

bool wait_for_exit(std::int64_t pid, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (process_is_running(pid)) {
    if (std::chrono::steady_clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

}  // namespace ockam::command
