// The counting allocator of ockam-bench: glibc lets a program replace malloc and its relatives
// ("Replacing malloc" in the glibc manual); these count per thread and forward to glibc's own
// implementation (__libc_*). The counter is a thread_local of the executable (local-exec TLS:
// reading it never allocates). Only the benchmark program links this file.
#include "internal/allocation_counter.hpp"

#include <malloc.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void* __libc_valloc(std::size_t size);
void* __libc_pvalloc(std::size_t size);
void __libc_free(void* pointer);
}

namespace {

thread_local std::uint64_t allocations = 0;

}  // namespace

extern "C" {

void* malloc(std::size_t size) noexcept {
  ++allocations;
  return __libc_malloc(size);
}

void* calloc(std::size_t count, std::size_t size) noexcept {
  ++allocations;
  return __libc_calloc(count, size);
}

void* realloc(void* pointer, std::size_t size) noexcept {
  ++allocations;
  return __libc_realloc(pointer, size);
}

void* memalign(std::size_t alignment, std::size_t size) noexcept {
  ++allocations;
  return __libc_memalign(alignment, size);
}

void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
  ++allocations;
  return __libc_memalign(alignment, size);
}

int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
  if (alignment % sizeof(void*) != 0 || (alignment & (alignment - 1)) != 0) {
    return EINVAL;
  }
  ++allocations;
  void* pointer = __libc_memalign(alignment, size);
  if (pointer == nullptr) {
    return ENOMEM;
  }
  *out = pointer;
  return 0;
}

void* valloc(std::size_t size) noexcept {
  ++allocations;
  return __libc_valloc(size);
}

void* pvalloc(std::size_t size) noexcept {
  ++allocations;
  return __libc_pvalloc(size);
}

void free(void* pointer) noexcept {
  __libc_free(pointer);
}

}  // extern "C"

namespace ockam::bench {

std::uint64_t allocations_on_this_thread() noexcept {
  return allocations;
}

}  // namespace ockam::bench
