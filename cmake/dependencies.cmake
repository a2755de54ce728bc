# Third-party dependencies are declared through these macros, so that installed consumers find
# them again: each call is replayed by find_package(ockam) (cmake/ockam-config.cmake.in) and its
# pkg-config name goes into ockam.pc's Requires.

# ockam_find_package(<Package> [find_package args...] [PC <pkg-config module>...]): a REQUIRED
# find_package now and a find_dependency in consumers.
macro(ockam_find_package package)
  cmake_parse_arguments(_ockam_dep "" "" "PC" ${ARGN})
  find_package(${package} ${_ockam_dep_UNPARSED_ARGUMENTS} REQUIRED)
  string(JOIN " " _ockam_dep_args ${package} ${_ockam_dep_UNPARSED_ARGUMENTS})
  set_property(GLOBAL APPEND PROPERTY OCKAM_CONFIG_DEPENDENCIES
               "find_dependency(${_ockam_dep_args})")
  set_property(GLOBAL APPEND PROPERTY OCKAM_PC_REQUIRES ${_ockam_dep_PC})
endmacro()

# ockam_pkg_check_modules(<PREFIX> <pkg-config module>): imported target PkgConfig::<PREFIX>,
# found through pkg-config now and in consumers.
macro(ockam_pkg_check_modules prefix module)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(${prefix} REQUIRED IMPORTED_TARGET ${module})
  set_property(GLOBAL APPEND PROPERTY OCKAM_CONFIG_DEPENDENCIES
               "find_dependency(PkgConfig)"
               "pkg_check_modules(${prefix} REQUIRED QUIET IMPORTED_TARGET ${module})")
  set_property(GLOBAL APPEND PROPERTY OCKAM_PC_REQUIRES ${module})
endmacro()
