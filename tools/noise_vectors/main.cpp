// noise-vectors FILE...: runs Noise test vectors (cacophony JSON schema) through ockam::noise
// and prints "N passed, M failed, K skipped". Exits 0 when some passed and none failed, 1 on
// any failure or when nothing ran, and 77 (ctest's SKIP_RETURN_CODE) when every vector was
// skipped as unsupported.
#include <cstdio>
#include <string>

#include "json.hpp"
#include "vector_runner.hpp"

namespace {

struct Counts {
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::size_t skipped = 0;
};

/// Runs every vector of one file; a file that cannot be read or parsed counts as one failure.
void run_file(const char* path, Counts& counts) {
  ockam::Result<ockam::tools::JsonValue> document = ockam::tools::read_json_file(path);
  const ockam::tools::JsonValue* vectors = nullptr;
  if (document) {
    vectors = document->is_array() ? &*document : document->find("vectors");
  }
  const ockam::tools::JsonValue::Array* list = vectors != nullptr ? vectors->as_array() : nullptr;
  if (list == nullptr) {
    std::fprintf(stderr, "%s: cannot be read or is not a vector file\n", path);
    ++counts.failed;
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const ockam::tools::VectorOutcome outcome = ockam::tools::run_vector((*list)[i]);
    switch (outcome.status) {
      case ockam::tools::VectorOutcome::Status::kPassed:
        ++counts.passed;
        break;
      case ockam::tools::VectorOutcome::Status::kSkipped:
        ++counts.skipped;
        break;
      case ockam::tools::VectorOutcome::Status::kFailed:
        ++counts.failed;
        std::fprintf(stderr, "%s: vector %zu: %s\n", path, i, outcome.reason.c_str());
        break;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: noise-vectors FILE...\n");
    return 2;
  }
  Counts counts;
  for (int i = 1; i < argc; ++i) {
    run_file(argv[i], counts);
  }
  std::printf("%zu passed, %zu failed, %zu skipped\n", counts.passed, counts.failed,
              counts.skipped);
  constexpr int kAllSkipped = 77;
  if (counts.failed > 0 || counts.passed + counts.skipped == 0) {
    return 1;
  }
  return counts.passed > 0 ? 0 : kAllSkipped;
}
