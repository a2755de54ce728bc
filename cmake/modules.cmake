# ockam_module(<dir> DEPS ...) declares library ockam_<dir with / as _> (ockam::<name> once
# installed) from src/<dir>/*.cpp, with public headers under include/ockam/<dir>/. Static by
# default, shared with -DBUILD_SHARED_LIBS=ON. Every module is installed and exported (see
# cmake/package.cmake), so a new module needs no install rule of its own.
function(ockam_module dir)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  string(REPLACE "/" "_" name "${dir}")
  file(GLOB sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/${dir}/*.cpp")
  if(sources)
    add_library(ockam_${name} ${sources})
    target_include_directories(ockam_${name} PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
                                                    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
                                             PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(ockam_${name} PUBLIC ${ARG_DEPS} PRIVATE $<BUILD_INTERFACE:ockam_warnings>)
    target_compile_features(ockam_${name} PUBLIC cxx_std_20)
    set_property(GLOBAL APPEND PROPERTY OCKAM_LIBRARIES ockam_${name})  # for ockam.pc
  else()
    add_library(ockam_${name} INTERFACE)
    target_include_directories(ockam_${name} INTERFACE $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
                                                       $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
    target_link_libraries(ockam_${name} INTERFACE ${ARG_DEPS})
    target_compile_features(ockam_${name} INTERFACE cxx_std_20)
  endif()
  set_target_properties(ockam_${name} PROPERTIES EXPORT_NAME ${name})
  add_library(ockam::${name} ALIAS ockam_${name})
  install(TARGETS ockam_${name} EXPORT ockam-targets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
          RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  set_property(GLOBAL APPEND PROPERTY OCKAM_MODULES ockam_${name})  # for ockam::ockam
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
