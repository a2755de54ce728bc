#include "ockam/storage/vault_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "ockam/crypto/random.hpp"
#include "storage/internal/file_error.hpp"

namespace ockam::storage {
namespace {

constexpr std::uint64_t kOpsLimit = 3;
constexpr std::uint64_t kMemLimit = 64ull * 1024 * 1024;

// Closes a file descriptor when it goes out of scope.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
};

Result<SecretBytes> read_key_file(const std::filesystem::path& path) {
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
  if (file.fd < 0) {
    return internal::file_error(Kind::kIo, "the vault key file cannot be read", path,
                                std::strerror(errno));
  }
  struct stat status {};
  if (::fstat(file.fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    return internal::file_error(Kind::kIo, "the vault key file is not a regular file", path);
  }
  if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return internal::file_error(Kind::kPermission,
                                "the vault key file is open to other users (chmod 600 it)", path);
  }
  if (status.st_size != static_cast<off_t>(kVaultKeyLength)) {
    return internal::file_error(Kind::kInvalid, "the vault key file does not hold a 32-byte key",
                                path);
  }
  SecretBytes key(kVaultKeyLength);
  std::size_t done = 0;
  while (done < kVaultKeyLength) {
    ssize_t n = ::read(file.fd, key.expose_secret_mut().data() + done, kVaultKeyLength - done);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) {
        continue;
      }
      return internal::file_error(Kind::kIo, "the vault key file cannot be read", path,
                                  n < 0 ? std::strerror(errno) : "it ended early");
    }
    done += static_cast<std::size_t>(n);
  }
  return key;
}

// Writes a fresh key to a private temporary file, then links it to `path`: the key file
// appears complete or not at all, and when several processes race the first link wins.
Result<void> create_key_file(const std::filesystem::path& path) {
  std::string temporary =
      path.string() + ".tmp." + std::to_string(::getpid()) + "." + to_hex(crypto::random_bytes(4));
  FileDescriptor file{
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600)};
  if (file.fd < 0) {
    return internal::file_error(Kind::kIo, "the vault key file cannot be created", temporary,
                                std::strerror(errno));
  }
  SecretBytes key(kVaultKeyLength);
  crypto::random_fill(key.expose_secret_mut());
  std::size_t done = 0;
  bool written = true;
  while (done < kVaultKeyLength) {
    ssize_t n = ::write(file.fd, key.expose_secret().data() + done, kVaultKeyLength - done);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) {
        continue;
      }
      written = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  written = written && ::fsync(file.fd) == 0;
  int linked = written ? ::link(temporary.c_str(), path.c_str()) : -1;
  int failure = errno;  // of the write, fsync or link that failed, before unlink resets it
  ::unlink(temporary.c_str());
  if (!written || (linked != 0 && failure != EEXIST)) {
    return internal::file_error(Kind::kIo, "the vault key file cannot be created", path,
                                std::strerror(failure));
  }
  // Make the new name durable too.
  FileDescriptor folder{::open(path.parent_path().empty() ? "." : path.parent_path().c_str(),
                               O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (folder.fd >= 0) {
    (void)::fsync(folder.fd);
  }
  return ok();
}

}  // namespace

Result<SecretBytes> load_or_create_vault_key_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    auto created = create_key_file(path);
    if (!created) {
      return created.error();
    }
  }
  return read_key_file(path);
}

Result<SecretBytes> load_vault_key_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return internal::file_error(Kind::kPermission,
                                "the vault key file is missing (this database's secrets are "
                                "sealed with a key file)",
                                path);
  }
  return read_key_file(path);
}

PassphraseParameters PassphraseParameters::fresh() {
  return PassphraseParameters{crypto::random_bytes(crypto_pwhash_SALTBYTES), kOpsLimit, kMemLimit};
}

Result<SecretBytes> derive_vault_key_from_passphrase(const SecretBytes& passphrase,
                                                     const PassphraseParameters& parameters) {
  if (parameters.salt.size() != crypto_pwhash_SALTBYTES ||
      parameters.ops_limit < crypto_pwhash_OPSLIMIT_MIN ||
      parameters.ops_limit > crypto_pwhash_OPSLIMIT_MAX ||
      parameters.mem_limit < crypto_pwhash_MEMLIMIT_MIN ||
      parameters.mem_limit > (std::uint64_t{1} << 32)) {
    return Error(Origin::kVault, Kind::kInvalid, "the stored passphrase parameters are invalid");
  }
  if (passphrase.empty()) {
    return Error(Origin::kVault, Kind::kInvalid, "the vault passphrase is empty");
  }
  SecretBytes key(kVaultKeyLength);
  const auto* text = reinterpret_cast<const char*>(passphrase.expose_secret().data());
  if (crypto_pwhash(key.expose_secret_mut().data(), key.size(), text, passphrase.size(),
                    parameters.salt.data(), parameters.ops_limit,
                    static_cast<std::size_t>(parameters.mem_limit),
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error(Origin::kVault, Kind::kResourceExhausted,
                 "not enough memory to derive the vault key from the passphrase");
  }
  return key;
}

}  // namespace ockam::storage
