# One warning set for every target of the project.
add_library(ockam_warnings INTERFACE)
target_compile_options(ockam_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false positives on Asio's coroutine frames and on std::variant members.
  target_compile_options(ockam_warnings INTERFACE -Wno-mismatched-new-delete -Wno-maybe-uninitialized)
endif()
