# CHAT_SANITIZE=ON builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (the `asan` preset). Applied globally so libraries and tests agree on the ABI.
option(CHAT_SANITIZE "Build with ASan + UBSan" OFF)

if(CHAT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
