#pragma once
/// Positions in GraphQL source text, reported the way graphql-js reports them.
///
/// Thread-safety: pure functions.

#include <cstdint>
#include <string_view>

namespace chat::graphql {

/// A 1-based line and column. Lines end at "\n", "\r\n" or "\r" (spec 2.1.3); the
/// column counts UTF-16 code units from the line start, as graphql-js (a JavaScript
/// library) does, so locations agree with it for any text.
struct source_position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const source_position&, const source_position&) = default;
};

/// The position of byte `offset` of `text` (offsets past the end clamp to the end).
source_position position_of(std::string_view text, std::uint32_t offset) noexcept;

}  // namespace chat::graphql
