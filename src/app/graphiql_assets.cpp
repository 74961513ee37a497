// The GraphiQL files, compiled into chatd so that the binary serves the explorer with
// no other file and no other host. The assembler's `.incbin` copies each file into
// .rodata at build time; its path comes from src/app/CMakeLists.txt (which also makes
// this file rebuild when a file changes). ccache does not cache a file with `.incbin`,
// so a changed asset is never served from a stale object.

#include "app/graphiql_assets.hpp"

#include <array>
#include <cstdint>

#if !defined(CHAT_GRAPHIQL_CSS) || !defined(CHAT_GRAPHIQL_JS) || !defined(CHAT_REACT_JS) || \
    !defined(CHAT_REACT_DOM_JS)
#error "src/app/CMakeLists.txt passes the paths of the GraphiQL files"
#endif

// Defines `<sym>_data` (the bytes, 16-byte aligned) and `<sym>_size` (their count, a
// 64-bit integer), local to the executable (hidden). The section is pushed and popped
// so the compiler's own output is not disturbed.
// clang-format off
#define CHAT_EMBED_FILE(sym, path)                                  \
  __asm__(".pushsection .rodata\n"                                  \
          ".balign 16\n"                                            \
          ".globl " #sym "_data\n"                                  \
          ".hidden " #sym "_data\n"                                 \
          ".type " #sym "_data, %object\n"                          \
          #sym "_data:\n"                                           \
          ".incbin \"" path "\"\n"                                  \
          ".L" #sym "_end:\n"                                       \
          ".size " #sym "_data, .L" #sym "_end - " #sym "_data\n"   \
          ".balign 8\n"                                             \
          ".globl " #sym "_size\n"                                  \
          ".hidden " #sym "_size\n"                                 \
          ".type " #sym "_size, %object\n"                          \
          #sym "_size:\n"                                           \
          ".8byte .L" #sym "_end - " #sym "_data\n"                 \
          ".size " #sym "_size, 8\n"                                \
          ".popsection\n");                                         \
  extern "C" const char sym##_data[];                               \
  extern "C" const std::uint64_t sym##_size
// clang-format on

CHAT_EMBED_FILE(chat_graphiql_css, CHAT_GRAPHIQL_CSS);
CHAT_EMBED_FILE(chat_graphiql_js, CHAT_GRAPHIQL_JS);
CHAT_EMBED_FILE(chat_react_js, CHAT_REACT_JS);
CHAT_EMBED_FILE(chat_react_dom_js, CHAT_REACT_DOM_JS);

namespace chat::app::detail {

std::span<const embedded_file, k_embedded_file_count> graphiql_embedded_files() noexcept {
  static const std::array<embedded_file, k_embedded_file_count> k_files = {{
      {"/graphiql/graphiql.min.css", {chat_graphiql_css_data, chat_graphiql_css_size}},
      {"/graphiql/react.production.min.js", {chat_react_js_data, chat_react_js_size}},
      {"/graphiql/react-dom.production.min.js", {chat_react_dom_js_data, chat_react_dom_js_size}},
      {"/graphiql/graphiql.min.js", {chat_graphiql_js_data, chat_graphiql_js_size}},
  }};
  return k_files;
}

}  // namespace chat::app::detail
