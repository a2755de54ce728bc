#include "ockam/crypto/hash.hpp"

#include <cstdlib>

#include "crypto/internal/hasher.hpp"

namespace ockam::crypto {

namespace internal {
namespace {

const EVP_MD* evp_md(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha256:
      return EVP_sha256();
    case HashAlgorithm::kSha512:
      return EVP_sha512();
    case HashAlgorithm::kBlake2b:
      return EVP_blake2b512();
    case HashAlgorithm::kBlake2s:
      return EVP_blake2s256();
  }
  return EVP_sha256();
}

}  // namespace

void check_openssl(int status) noexcept {
  if (status != 1) {
    std::abort();
  }
}

Hasher::Hasher(HashAlgorithm algorithm) : algorithm_(algorithm), ctx_(EVP_MD_CTX_new()) {
  if (!ctx_) {
    std::abort();
  }
  check_openssl(EVP_DigestInit_ex(ctx_.get(), evp_md(algorithm_), nullptr));
}

void Hasher::update(ByteView data) {
  check_openssl(EVP_DigestUpdate(ctx_.get(), data.data(), data.size()));
}

void Hasher::finish(std::span<std::uint8_t> out) {
  unsigned int written = 0;
  check_openssl(EVP_DigestFinal_ex(ctx_.get(), out.data(), &written));
  check_openssl(EVP_DigestInit_ex(ctx_.get(), evp_md(algorithm_), nullptr));
}

}  // namespace internal

std::size_t hash_length(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha512:
    case HashAlgorithm::kBlake2b:
      return 64;
    case HashAlgorithm::kSha256:
    case HashAlgorithm::kBlake2s:
      return 32;
  }
  return 32;
}

std::size_t hash_block_length(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha512:
    case HashAlgorithm::kBlake2b:
      return 128;
    case HashAlgorithm::kSha256:
    case HashAlgorithm::kBlake2s:
      return 64;
  }
  return 64;
}

Bytes hash(HashAlgorithm algorithm, ByteView data) {
  return hash(algorithm, data, {});
}

Bytes hash(HashAlgorithm algorithm, ByteView first, ByteView second) {
  internal::Hasher hasher(algorithm);
  hasher.update(first);
  hasher.update(second);
  Bytes out(hash_length(algorithm));
  hasher.finish(out);
  return out;
}

}  // namespace ockam::crypto
