// x3dh-vectors FILE...: checks X3DH vectors (shared/x3dh-vectors/README.md) against
// ockam::channel's X3DH and prints "N passed, N failed". Exits 0 when some passed and none
// failed, else 1.
#include <cstdio>
#include <string>

#include "vector_runner.hpp"

namespace {

struct Counts {
  std::size_t passed = 0;
  std::size_t failed = 0;
};

/// Runs every vector of one file; a file that cannot be read or parsed counts as one failure.
void run_file(const char* path, Counts& counts) {
  auto document = ockam::tools::read_json_file(path);
  const ockam::tools::JsonValue* vectors = document ? document->find("vectors") : nullptr;
  const auto* list = vectors != nullptr ? vectors->as_array() : nullptr;
  if (list == nullptr) {
    std::fprintf(stderr, "%s: cannot be read or is not a vector file\n", path);
    ++counts.failed;
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string failure = ockam::tools::run_x3dh_vector((*list)[i]);
    if (failure.empty()) {
      ++counts.passed;
    } else {
      ++counts.failed;
      std::fprintf(stderr, "%s: vector %zu: %s\n", path, i, failure.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: x3dh-vectors FILE...\n");
    return 2;
  }
  Counts counts;
  for (int i = 1; i < argc; ++i) {
    run_file(argv[i], counts);
  }
  std::printf("%zu passed, %zu failed\n", counts.passed, counts.failed);
  return counts.failed == 0 && counts.passed > 0 ? 0 : 1;
}
