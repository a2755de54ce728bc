if(OCKAM_SANITIZE)
  # No vptr check: Debian's shared libfmt defines fmt's buffer vtables outside our instrumented
  # code, so every formatted log line with arguments is reported as a wrong dynamic type (a known
  # false positive of UBSan with fmt); every other UBSan check stays on and fatal.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
endif()
if(OCKAM_BUILD_FUZZ)
  # Libraries get coverage instrumentation; each fuzz target links the libFuzzer driver itself.
  # No UBSan here: clang 14 fails on coroutine code with it ("Cannot represent a difference
  # across sections"); the g++ sanitizer build (scripts/test.sh --sanitize) runs UBSan.
  add_compile_options(-fsanitize=fuzzer-no-link,address)
  add_link_options(-fsanitize=address)
endif()
