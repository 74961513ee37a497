#pragma once
/// The GraphiQL files compiled into chatd (graphiql_assets.cpp embeds them with the
/// assembler's `.incbin`; src/app/CMakeLists.txt passes their paths). Used by
/// graphiql_page.cpp only.
///
/// Thread-safety: constant data.

#include <cstddef>
#include <span>
#include <string_view>

namespace chat::app::detail {

struct embedded_file {
  std::string_view path;  // where it is served: /graphiql/<file name>
  std::string_view bytes;
};

inline constexpr std::size_t k_embedded_file_count = 4;

/// Every embedded file: the GraphiQL stylesheet and script, React and ReactDOM.
std::span<const embedded_file, k_embedded_file_count> graphiql_embedded_files() noexcept;

}  // namespace chat::app::detail
