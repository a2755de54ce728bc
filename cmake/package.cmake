# ockam_package(): the umbrella target ockam (ockam::ockam) over every module declared with
# ockam_module, and what `cmake --install` puts under the prefix: headers, libraries, the CMake
# package (lib/cmake/ockam) and ockam.pc. Call it after the last ockam_module.
include(CMakePackageConfigHelpers)

function(ockam_package)
  get_property(modules GLOBAL PROPERTY OCKAM_MODULES)
  add_library(ockam INTERFACE)
  target_link_libraries(ockam INTERFACE ${modules})
  add_library(ockam::ockam ALIAS ockam)
  install(TARGETS ockam EXPORT ockam-targets)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ockam DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

  set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/ockam)
  install(EXPORT ockam-targets NAMESPACE ockam:: DESTINATION ${config_dir})
  get_property(dependencies GLOBAL PROPERTY OCKAM_CONFIG_DEPENDENCIES)
  list(REMOVE_DUPLICATES dependencies)
  list(JOIN dependencies "\n" OCKAM_CONFIG_DEPENDENCIES)
  configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ockam-config.cmake.in
                                ${PROJECT_BINARY_DIR}/ockam-config.cmake
                                INSTALL_DESTINATION ${config_dir})
  write_basic_package_version_file(${PROJECT_BINARY_DIR}/ockam-config-version.cmake
                                   COMPATIBILITY SameMinorVersion)
  install(FILES ${PROJECT_BINARY_DIR}/ockam-config.cmake
                ${PROJECT_BINARY_DIR}/ockam-config-version.cmake
          DESTINATION ${config_dir})

  # ockam.pc: relocatable (prefix relative to the file), libraries most dependent first.
  get_property(libraries GLOBAL PROPERTY OCKAM_LIBRARIES)
  list(REVERSE libraries)
  list(TRANSFORM libraries PREPEND "-l")
  list(JOIN libraries " " OCKAM_PC_LIBS)
  get_property(requires GLOBAL PROPERTY OCKAM_PC_REQUIRES)
  list(REMOVE_DUPLICATES requires)
  list(JOIN requires " " OCKAM_PC_REQUIRES)
  file(RELATIVE_PATH OCKAM_PC_PREFIX_FROM_PCFILEDIR /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig
       /prefix)
  string(REGEX REPLACE "/$" "" OCKAM_PC_PREFIX_FROM_PCFILEDIR "${OCKAM_PC_PREFIX_FROM_PCFILEDIR}")
  configure_file(${PROJECT_SOURCE_DIR}/cmake/ockam.pc.in ${PROJECT_BINARY_DIR}/ockam.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/ockam.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endfunction()
