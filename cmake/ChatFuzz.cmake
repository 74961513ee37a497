# CHAT_FUZZ=ON (the `fuzz` preset, clang only) builds the libFuzzer targets and only the
# libraries they need (no server, no tests). Every library is compiled with ASan and
# UBSan plus libFuzzer's coverage instrumentation (`fuzzer-no-link`); only the fuzz
# executables link libFuzzer's main (`-fsanitize=fuzzer`). `make fuzz` runs them
# (scripts/fuzz.sh).
option(CHAT_FUZZ "Build the libFuzzer targets (clang) instead of the server and tests" OFF)

if(CHAT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CHAT_FUZZ needs clang (libFuzzer): use the `fuzz` preset")
  endif()
  if(CHAT_SANITIZE)
    message(FATAL_ERROR "CHAT_FUZZ brings its own sanitizers: leave CHAT_SANITIZE off")
  endif()
  # -fno-sanitize=function: clang 14's check of indirect calls' function types emits
  # prologue data that its assembler cannot place for split coroutines (execution/ fails
  # with "Cannot represent a difference across sections"); the other UBSan checks stay.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=function
                      -fsanitize=fuzzer-no-link -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined -fno-sanitize=function)
endif()

# chat_add_fuzzer(<source> NAME <target> LIBS <targets...>)
#
# One libFuzzer executable (LLVMFuzzerTestOneInput in <source>), written to
# ${CMAKE_BINARY_DIR}/<target>.
function(chat_add_fuzzer source)
  cmake_parse_arguments(ARG "" "NAME" "LIBS" ${ARGN})
  add_executable(${ARG_NAME} ${source})
  target_compile_options(${ARG_NAME} PRIVATE -fsanitize=fuzzer)
  target_link_options(${ARG_NAME} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBS})
  chat_set_warnings(${ARG_NAME})
  set_target_properties(${ARG_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
endfunction()
