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
  gtest_discover_tests(${name}_tests DISCOVERY_MODE PRE_TEST PROPERTIES LABELS "unit;${name}")
endfunction()
