# CHAT_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (the `asan` preset). Applied globally so libraries and tests agree on the ABI.
option(CHAT_SANITIZE "Build with ASan + UBSan" OFF)

if(CHAT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # Sanitizer instrumentation makes GCC's flow analysis report uninitialised reads that
  # cannot happen (in libstdc++'s <regex> and <functional>); the release build keeps
  # the warning.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()
