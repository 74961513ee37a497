#pragma once
/// Lexical tokens (spec 2.1.6 "Lexical Tokens" and 2.1.4 "Comments"), shaped after
/// graphql-js `TokenKind` and `Token`.
///
/// A token is a kind and a byte range of the source text; it owns nothing. Its value is
/// the text itself for names and numbers; strings are decoded on demand
/// (`lexer.hpp`: `append_string_value`).
///
/// Thread-safety: plain values.

#include <cstdint>
#include <string_view>

namespace chat::graphql {

enum class token_kind : std::uint8_t {
  sof,  // start of file: the token before the first one
  eof,
  bang,          // !
  dollar,        // $
  amp,           // &
  paren_l,       // (
  paren_r,       // )
  spread,        // ...
  colon,         // :
  equals,        // =
  at,            // @
  bracket_l,     // [
  bracket_r,     // ]
  brace_l,       // {
  pipe,          // |
  brace_r,       // }
  name,          // Name
  int_value,     // IntValue
  float_value,   // FloatValue
  string,        // StringValue in quotes
  block_string,  // StringValue in triple quotes
  comment,       // # … (ignored by the grammar, counted by the token limit)
  /// Not a GraphQL token: the lexer met a syntax error at `start` (see `lexer::error`).
  error,
};

struct token {
  token_kind kind = token_kind::sof;
  /// For `string`: the value is exactly the bytes between the quotes (no escape
  /// sequence, well-formed UTF-8), so it can be viewed in place instead of decoded.
  bool plain = false;
  /// Byte offsets [start, end) into the source; a string's range includes its quotes.
  std::uint32_t start = 0;
  std::uint32_t end = 0;

  /// The token's source text.
  std::string_view text(std::string_view source) const noexcept {
    return source.substr(start, end - start);
  }
};

/// graphql-js's description of a token kind in messages: `"{"` (quoted) for punctuators,
/// `Name`, `Int`, `Float`, `String`, `BlockString`, `Comment`, `<EOF>`, `<SOF>`.
std::string_view describe(token_kind kind) noexcept;

/// True for the punctuators (spec 2.1.8).
constexpr bool is_punctuator(token_kind kind) noexcept {
  return kind >= token_kind::bang && kind <= token_kind::brace_r;
}

}  // namespace chat::graphql
