# Warning flags for every first-party target. CHAT_WERROR (on in CI and `make test`)
# turns them into errors.
option(CHAT_WERROR "Treat warnings as errors" OFF)

function(chat_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                           -Wnon-virtual-dtor -Wimplicit-fallthrough)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 misreports Asio's recycling allocator for coroutine frames
    # (operator new paired with std::free through its own allocator): a false positive.
    # GCC 12 at -O2/-O3 also reports std::string concatenation as overlapping memcpy
    # (GCC bug 105329): another false positive.
    target_compile_options(${target} PRIVATE -Wno-mismatched-new-delete -Wno-restrict)
  endif()
  if(CHAT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
