#include "storage/internal/private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "storage/internal/file_error.hpp"

namespace ockam::storage::internal {

Result<void> prepare_private_file(const std::filesystem::path& path) {
  const std::filesystem::path folder = path.parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
    // Parents get the process's umask; if they cannot be made, mkdir below says why.
    std::filesystem::create_directories(folder.parent_path(), ec);
    // mkdir with the mode, not create-then-chmod: the node's home holds its keys.
    if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
      return file_error(Kind::kIo, "the database folder cannot be created", folder,
                        std::strerror(errno));
    }
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return file_error(Kind::kIo, "the database file cannot be created", path, std::strerror(errno));
  }
  ::close(fd);
  return ok();
}

}  // namespace ockam::storage::internal
