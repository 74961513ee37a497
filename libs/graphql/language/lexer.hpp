#pragma once
/// The GraphQL lexer (spec 2.1 "Source Text"), token for token and message for message
/// the lexer of graphql-js 16 (`language/lexer.ts`), over UTF-8 text.
///
/// The text is read the way a JavaScript server sees it after UTF-8 decoding: a malformed
/// byte sequence counts as one U+FFFD character (accepted inside strings and comments,
/// "Unexpected character: U+FFFD." elsewhere, and decoded to U+FFFD in string values).
///
/// Tokens are views into the text and the lexer never allocates on the success path;
/// only an error message is built. Comments are returned as tokens (the parser skips them
/// but counts them against the token limit, GQL-5).
///
/// Thread-safety: a lexer is used by one thread; the free functions are pure.

#include <cstdint>
#include <string>
#include <string_view>

#include "graphql/language/token.hpp"

namespace chat::graphql {

class lexer {
 public:
  /// Lexes `text`, which must outlive the lexer.
  explicit lexer(std::string_view text) noexcept : text_(text) {}

  /// The next token, comments included. After the last one, `eof` (at the end of the
  /// text) every time. On a lexical error, a token of kind `error` whose `start` is where
  /// graphql-js reports it, with `error()` the description; the lexer then stays there.
  token next();

  /// The description of the last error, without graphql-js's "Syntax Error: " prefix,
  /// e.g. `Unterminated string.`
  const std::string& error() const noexcept { return error_; }

  /// Where the next token is read from; `reset` goes back there (for lookahead).
  std::uint32_t position() const noexcept { return position_; }
  void reset(std::uint32_t position) noexcept { position_ = position; }

  std::string_view text() const noexcept { return text_; }

 private:
  token make(token_kind kind, std::uint32_t start, std::uint32_t end) noexcept;
  token fail(std::uint32_t at, std::string message);
  int at(std::size_t i) const noexcept;  // the byte at i, or -1 past the end
  token read_comment(std::uint32_t start);
  token read_number(std::uint32_t start);
  bool read_digits(std::uint32_t& position);
  token read_string(std::uint32_t start);
  bool read_escape(std::uint32_t position, std::uint32_t& size);
  token read_block_string(std::uint32_t start);
  token read_name(std::uint32_t start) noexcept;
  token unexpected_character(std::uint32_t position);
  std::string print_code_point_at(std::uint32_t position) const;

  std::string_view text_;
  std::uint32_t position_ = 0;
  std::string error_;
};

/// Appends the value of a `string` or `block_string` token to `out`: escape sequences
/// resolved (spec 2.9.4 "String Value", static semantics), or for a block string the
/// lines dedented by `BlockStringValue()`, joined with "\n". The token must come from a
/// successful `lexer::next` over `text`.
void append_string_value(const token& tok, std::string_view text, std::string& out);

/// The value of a name, number or string token as graphql-js's `Token.value` (strings
/// decoded); empty for punctuators and `eof`.
std::string token_value(const token& tok, std::string_view text);

/// graphql-js `getTokenDesc`: the kind's description, then the value in quotes when the
/// token has one: `Name "x"`, `String "a b"`, `"}"`, `<EOF>`.
std::string describe(const token& tok, std::string_view text);

}  // namespace chat::graphql
