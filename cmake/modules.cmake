# ockam_module(<dir> DEPS ...) declares library ockam_<dir with / as _> from src/<dir>/*.cpp,
# with public headers under include/ockam/<dir>/.
function(ockam_module dir)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  string(REPLACE "/" "_" name "${dir}")
  file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${dir}/*.cpp")
  if(sources)
    add_library(ockam_${name} STATIC ${sources})
    target_include_directories(ockam_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                             PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(ockam_${name} PUBLIC ${ARG_DEPS} PRIVATE ockam_warnings)
  else()
    add_library(ockam_${name} INTERFACE)
    target_include_directories(ockam_${name} INTERFACE ${PROJECT_SOURCE_DIR}/include)
    target_link_libraries(ockam_${name} INTERFACE ${ARG_DEPS})
  endif()
endfunction()

# ockam_test_dir(<dir> LIBS ...) builds one GoogleTest binary from tests/unit/<dir>/*_test.cpp.
function(ockam_test_dir dir)
  cmake_parse_arguments(ARG "" "" "LIBS" ${ARGN})
  string(REPLACE "/" "_" name "${dir}")
  file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/unit/${dir}/*_test.cpp")
  if(NOT sources)
    return()
  endif()
  add_executable(${name}_tests ${sources})
  target_include_directories(${name}_tests PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name}_tests PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main GTest::gmock ockam_warnings)
  target_compile_definitions(${name}_tests PRIVATE
    OCKAM_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    OCKAM_BUILD_DIR="${PROJECT_BINARY_DIR}")
  # Tests parameterized on PostgreSQL (instances named */Postgres) need a server: they run as one
  # ctest entry each binary under tests/support/postgres.sh (ockam_postgres_tests below).
  gtest_discover_tests(${name}_tests DISCOVERY_MODE PRE_TEST TEST_FILTER "-*/Postgres"
                       PROPERTIES LABELS "unit;${name}")
endfunction()

# ockam_postgres_tests(<dir>) runs the PostgreSQL instances of the <dir> test binary against a
# throwaway server started by tests/support/postgres.sh (skipped, status 77, where PostgreSQL
# cannot run).
function(ockam_postgres_tests dir)
  string(REPLACE "/" "_" name "${dir}")
  add_test(NAME ${name}_postgres
           COMMAND ${PROJECT_SOURCE_DIR}/tests/support/postgres.sh $<TARGET_FILE:${name}_tests>
                   --gtest_filter=*/Postgres)
  set_tests_properties(${name}_postgres PROPERTIES
                       TIMEOUT 300 SKIP_RETURN_CODE 77 LABELS "unit;${name};postgres")
endfunction()
