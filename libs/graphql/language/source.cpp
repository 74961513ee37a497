#include "graphql/language/source.hpp"

#include <cstddef>

#include "graphql/language/utf8.hpp"

namespace chat::graphql {

source_position position_of(std::string_view text, std::uint32_t offset) noexcept {
  const std::size_t target = offset > text.size() ? text.size() : offset;
  // graphql-js `getLocation` counts every line terminator that *starts* before the
  // offset, so an offset inside "\r\n" (at the "\n") is on the next line, column 0.
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < target; ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    } else if (c == '\r') {
      ++line;
      const bool crlf = i + 1 < text.size() && text[i + 1] == '\n';
      line_start = i + (crlf ? 2 : 1);
      if (crlf) ++i;
    }
  }
  if (line_start > target) return {line, 0};
  const auto column = utf8::utf16_length(text.substr(line_start, target - line_start));
  return {line, static_cast<std::uint32_t>(column + 1)};
}

}  // namespace chat::graphql
