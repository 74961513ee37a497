#include "graphql/language/lexer.hpp"

#include <algorithm>
#include <cstddef>

#include "graphql/language/utf8.hpp"

namespace chat::graphql {

namespace {

constexpr bool is_digit(int c) noexcept {
  return c >= '0' && c <= '9';
}

// NameStart :: Letter | `_`
constexpr bool is_name_start(int c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// NameContinue :: Letter | Digit | `_`
constexpr bool is_name_continue(int c) noexcept {
  return is_name_start(c) || is_digit(c);
}

// WhiteSpace :: "Horizontal Tab (U+0009)" | "Space (U+0020)"
constexpr bool is_white_space(int c) noexcept {
  return c == '\t' || c == ' ';
}

// WhiteSpace, LineTerminator and Comma: the ignored tokens spelled in ASCII.
constexpr bool is_ascii_ignored(char c) noexcept {
  return c == ' ' || c == '\t' || c == ',' || c == '\n' || c == '\r';
}

// HexDigit :: one of 0-9 A-F a-f; -1 for anything else (as graphql-js `readHexDigit`).
constexpr int hex_value(int c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// SourceCharacter :: "Any Unicode scalar value" (no surrogates).
constexpr bool is_unicode_scalar(std::int32_t code) noexcept {
  return (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF);
}
constexpr bool is_leading_surrogate(std::int32_t code) noexcept {
  return code >= 0xD800 && code <= 0xDBFF;
}
constexpr bool is_trailing_surrogate(std::int32_t code) noexcept {
  return code >= 0xDC00 && code <= 0xDFFF;
}

// Four hex digits as one number, negative when any is not a hex digit: graphql-js
// `read16BitHexCode`, whose OR of a -1 keeps the result negative.
std::int32_t read_16bit_hex(std::string_view text, std::size_t at) noexcept {
  std::int32_t code = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    const int c = at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : -1;
    const int digit = hex_value(c);
    if (digit < 0) return -1;
    code = (code << 4) | digit;
  }
  return code;
}

// The code point of a validated `\u` escape at `at` ("\u0041", "\u{1F600}" or a
// surrogate pair "\uD83D\uDE00") and how many bytes it spans.
struct unicode_escape {
  char32_t code_point;
  std::uint32_t size;
};

unicode_escape decode_unicode_escape(std::string_view text, std::size_t at) noexcept {
  if (text[at + 2] == '{') {
    char32_t point = 0;
    std::size_t i = at + 3;
    for (; text[i] != '}'; ++i)
      point = (point << 4) | static_cast<char32_t>(hex_value(text[i]));
    return {point, static_cast<std::uint32_t>(i + 1 - at)};
  }
  const std::int32_t code = read_16bit_hex(text, at + 2);
  if (!is_leading_surrogate(code)) return {static_cast<char32_t>(code), 6};
  const std::int32_t trailing = read_16bit_hex(text, at + 8);
  const auto point = 0x10000 + ((code - 0xD800) << 10) + (trailing - 0xDC00);
  return {static_cast<char32_t>(point), 12};
}

// Copies `raw` (string contents) to `out`, writing U+FFFD for malformed UTF-8 as the
// WHATWG decoder a JavaScript server runs first would.
void append_source_characters(std::string_view raw, std::string& out) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < raw.size();) {
    if (static_cast<unsigned char>(raw[i]) < 0x80) {
      ++i;
      continue;
    }
    const utf8::decoded d = utf8::decode(raw, i);
    if (!d.valid) {
      out.append(raw.substr(run, i - run));
      utf8::append(out, utf8::k_replacement);
      run = i + d.size;
    }
    i += d.size;
  }
  out.append(raw.substr(run));
}

void append_string_characters(std::string_view text, const token& tok, std::string& out) {
  const std::size_t end = tok.end - 1;
  std::size_t run = tok.start + 1;
  std::size_t i = run;
  while (i < end) {
    if (text[i] != '\\') {
      ++i;
      continue;
    }
    append_source_characters(text.substr(run, i - run), out);
    const char escaped = text[i + 1];
    if (escaped == 'u') {
      const unicode_escape e = decode_unicode_escape(text, i);
      utf8::append(out, e.code_point);
      i += e.size;
    } else {
      // EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
      switch (escaped) {
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        default:
          out.push_back(escaped);
          break;  // `"`, `\`, `/`
      }
      i += 2;
    }
    run = i;
  }
  append_source_characters(text.substr(run, end - run), out);
}

// One line of a block string's raw text: [begin, end) and where the next line begins.
struct raw_line {
  std::size_t begin;
  std::size_t end;
  std::size_t next;
};

raw_line read_raw_line(std::string_view text, std::size_t begin, std::size_t limit) noexcept {
  std::size_t i = begin;
  while (i < limit && text[i] != '\n' && text[i] != '\r')
    ++i;
  std::size_t next = i;
  if (i < limit) next = (text[i] == '\r' && i + 1 < limit && text[i + 1] == '\n') ? i + 2 : i + 1;
  return {begin, i, next};
}

// Appends one block string line, turning `\"""` into `"""`.
void append_block_line(std::string_view line, std::string& out) {
  std::size_t run = 0;
  for (std::size_t i = 0; i + 3 < line.size(); ++i) {
    if (line[i] == '\\' && line[i + 1] == '"' && line[i + 2] == '"' && line[i + 3] == '"') {
      append_source_characters(line.substr(run, i - run), out);
      run = i + 1;  // drop only the backslash
      i += 3;
    }
  }
  append_source_characters(line.substr(run), out);
}

// BlockStringValue(rawValue) (spec 2.9.4), as graphql-js `dedentBlockStringLines`: the
// common indentation of all lines but the first is removed, then leading and trailing
// blank lines.
void append_block_string_characters(std::string_view text, const token& tok, std::string& out) {
  const std::size_t begin = tok.start + 3;
  const std::size_t limit = tok.end - 3;
  std::size_t common_indent = static_cast<std::size_t>(-1);
  std::size_t first_non_blank = static_cast<std::size_t>(-1);
  std::size_t last_non_blank = 0;
  std::size_t index = 0;
  for (std::size_t at = begin;; ++index) {
    const raw_line line = read_raw_line(text, at, limit);
    std::size_t indent = 0;
    while (line.begin + indent < line.end && is_white_space(text[line.begin + indent]))
      ++indent;
    if (line.begin + indent < line.end) {
      if (first_non_blank == static_cast<std::size_t>(-1)) first_non_blank = index;
      last_non_blank = index;
      if (index != 0 && indent < common_indent) common_indent = indent;
    }
    if (line.end == limit) break;
    at = line.next;
  }
  if (first_non_blank == static_cast<std::size_t>(-1)) return;
  index = 0;
  for (std::size_t at = begin; index <= last_non_blank; ++index) {
    const raw_line line = read_raw_line(text, at, limit);
    if (index >= first_non_blank) {
      if (index > first_non_blank) out.push_back('\n');
      std::string_view content = text.substr(line.begin, line.end - line.begin);
      if (index != 0) content.remove_prefix(std::min(common_indent, content.size()));
      append_block_line(content, out);
    }
    at = line.next;
  }
}

}  // namespace

std::string_view describe(token_kind kind) noexcept {
  switch (kind) {
    case token_kind::sof:
      return "<SOF>";
    case token_kind::eof:
      return "<EOF>";
    case token_kind::bang:
      return "\"!\"";
    case token_kind::dollar:
      return "\"$\"";
    case token_kind::amp:
      return "\"&\"";
    case token_kind::paren_l:
      return "\"(\"";
    case token_kind::paren_r:
      return "\")\"";
    case token_kind::spread:
      return "\"...\"";
    case token_kind::colon:
      return "\":\"";
    case token_kind::equals:
      return "\"=\"";
    case token_kind::at:
      return "\"@\"";
    case token_kind::bracket_l:
      return "\"[\"";
    case token_kind::bracket_r:
      return "\"]\"";
    case token_kind::brace_l:
      return "\"{\"";
    case token_kind::pipe:
      return "\"|\"";
    case token_kind::brace_r:
      return "\"}\"";
    case token_kind::name:
      return "Name";
    case token_kind::int_value:
      return "Int";
    case token_kind::float_value:
      return "Float";
    case token_kind::string:
      return "String";
    case token_kind::block_string:
      return "BlockString";
    case token_kind::comment:
      return "Comment";
    case token_kind::error:
      return "<error>";
  }
  return "";
}

int lexer::at(std::size_t i) const noexcept {
  return i < text_.size() ? static_cast<unsigned char>(text_[i]) : -1;
}

token lexer::make(token_kind kind, std::uint32_t start, std::uint32_t end) noexcept {
  position_ = end;
  return {kind, false, start, end};
}

token lexer::fail(std::uint32_t at, std::string message) {
  error_ = std::move(message);
  position_ = at;
  return {token_kind::error, false, at, at};
}

token lexer::next() {
  const auto size = static_cast<std::uint32_t>(text_.size());
  std::uint32_t p = position_;
  while (p < size) {
    // Indentation dominates real documents: skip runs of it before dispatching.
    while (p < size && is_ascii_ignored(text_[p]))
      ++p;
    if (p == size) break;
    const auto c = static_cast<unsigned char>(text_[p]);
    switch (c) {
      // Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
      case '\t':
      case ' ':
      case ',':
      case '\n':
      case '\r':
        ++p;
        continue;
      case 0xEF:  // UnicodeBOM :: "Byte Order Mark (U+FEFF)", anywhere (graphql-js)
        if (at(p + 1) == 0xBB && at(p + 2) == 0xBF) {
          p += 3;
          continue;
        }
        break;
      case '#':
        return read_comment(p);
      // Punctuator :: one of ! $ & ( ) ... : = @ [ ] { | }
      case '!':
        return make(token_kind::bang, p, p + 1);
      case '$':
        return make(token_kind::dollar, p, p + 1);
      case '&':
        return make(token_kind::amp, p, p + 1);
      case '(':
        return make(token_kind::paren_l, p, p + 1);
      case ')':
        return make(token_kind::paren_r, p, p + 1);
      case '.':
        if (at(p + 1) == '.' && at(p + 2) == '.') return make(token_kind::spread, p, p + 3);
        break;
      case ':':
        return make(token_kind::colon, p, p + 1);
      case '=':
        return make(token_kind::equals, p, p + 1);
      case '@':
        return make(token_kind::at, p, p + 1);
      case '[':
        return make(token_kind::bracket_l, p, p + 1);
      case ']':
        return make(token_kind::bracket_r, p, p + 1);
      case '{':
        return make(token_kind::brace_l, p, p + 1);
      case '|':
        return make(token_kind::pipe, p, p + 1);
      case '}':
        return make(token_kind::brace_r, p, p + 1);
      case '"':
        if (at(p + 1) == '"' && at(p + 2) == '"') return read_block_string(p);
        return read_string(p);
      default:
        if (is_digit(c) || c == '-') return read_number(p);
        if (is_name_start(c)) return read_name(p);
        break;
    }
    return unexpected_character(p);
  }
  return make(token_kind::eof, size, size);
}

token lexer::unexpected_character(std::uint32_t position) {
  if (text_[position] == '\'') {
    return fail(position,
                "Unexpected single quote character ('), did you mean to use a double quote "
                "(\")?");
  }
  // A lone surrogate, graphql-js's "Invalid character", cannot be spelled in UTF-8.
  return fail(position, "Unexpected character: " + print_code_point_at(position) + ".");
}

std::string lexer::print_code_point_at(std::uint32_t position) const {
  if (position >= text_.size()) return "<EOF>";
  const char32_t code = utf8::decode(text_, position).code_point;
  if (code >= 0x20 && code <= 0x7E) {
    if (code == '"') return "'\"'";
    return std::string{'"', static_cast<char>(code), '"'};
  }
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out = "U+";
  const int digits = code > 0xFFFFF ? 6 : code > 0xFFFF ? 5 : 4;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
    out.push_back(k_hex[(code >> shift) & 0xF]);
  return out;
}

// Comment :: # CommentChar* [lookahead != CommentChar]
// CommentChar :: SourceCharacter but not LineTerminator
token lexer::read_comment(std::uint32_t start) {
  const auto size = static_cast<std::uint32_t>(text_.size());
  std::uint32_t p = start + 1;
  while (p < size && text_[p] != '\n' && text_[p] != '\r')
    ++p;
  return make(token_kind::comment, start, p);
}

// IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
// FloatValue :: IntegerPart FractionalPart? ExponentPart? [lookahead != {Digit, `.`, NameStart}]
// IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
// FractionalPart :: . Digit+
// ExponentPart :: ExponentIndicator Sign? Digit+
token lexer::read_number(std::uint32_t start) {
  std::uint32_t p = start;
  int c = at(p);
  bool is_float = false;
  if (c == '-') c = at(++p);
  if (c == '0') {
    c = at(++p);
    if (is_digit(c)) {
      return fail(p, "Invalid number, unexpected digit after 0: " + print_code_point_at(p) + ".");
    }
  } else {
    if (!read_digits(p)) return {token_kind::error, false, position_, position_};
    c = at(p);
  }
  if (c == '.') {
    is_float = true;
    ++p;
    if (!read_digits(p)) return {token_kind::error, false, position_, position_};
    c = at(p);
  }
  if (c == 'E' || c == 'e') {
    is_float = true;
    c = at(++p);
    if (c == '+' || c == '-') ++p;
    if (!read_digits(p)) return {token_kind::error, false, position_, position_};
    c = at(p);
  }
  if (c == '.' || is_name_start(c)) {
    return fail(p, "Invalid number, expected digit but got: " + print_code_point_at(p) + ".");
  }
  return make(is_float ? token_kind::float_value : token_kind::int_value, start, p);
}

bool lexer::read_digits(std::uint32_t& position) {
  if (!is_digit(at(position))) {
    fail(position,
         "Invalid number, expected digit but got: " + print_code_point_at(position) + ".");
    return false;
  }
  ++position;
  while (is_digit(at(position)))
    ++position;
  return true;
}

// StringValue :: `""` [lookahead != `"`] | `"` StringCharacter+ `"`
// StringCharacter :: SourceCharacter but not `"` or `\` or LineTerminator
//                  | `\u` EscapedUnicode | `\` EscapedCharacter
token lexer::read_string(std::uint32_t start) {
  const auto size = static_cast<std::uint32_t>(text_.size());
  std::uint32_t p = start + 1;
  bool plain = true;
  while (p < size) {
    const auto c = static_cast<unsigned char>(text_[p]);
    if (c == '"') {
      token result = make(token_kind::string, start, p + 1);
      result.plain = plain;
      return result;
    }
    if (c == '\\') {
      plain = false;
      std::uint32_t escape_size = 0;
      if (!read_escape(p, escape_size)) return {token_kind::error, false, p, p};
      p += escape_size;
      continue;
    }
    if (c == '\n' || c == '\r') break;
    if (c < 0x80) {
      ++p;
      continue;
    }
    const utf8::decoded d = utf8::decode(text_, p);
    plain = plain && d.valid;
    p += d.size;
  }
  return fail(p, "Unterminated string.");
}

// EscapedUnicode :: `{` HexDigit+ `}` | HexDigit HexDigit HexDigit HexDigit
// EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
// Messages quote the escape the way graphql-js slices it: a count of UTF-16 units.
bool lexer::read_escape(std::uint32_t position, std::uint32_t& size) {
  if (at(position + 1) == 'u') {
    if (at(position + 2) == '{') {
      // At most 12 characters (`\u{00000000}`); the value must be a Unicode scalar.
      std::int32_t point = 0;
      std::uint32_t units = 3;
      while (units < 12) {
        const int c = at(position + units++);
        if (c == '}') {
          if (units < 5 || !is_unicode_scalar(point)) break;
          size = units;
          return true;
        }
        const int digit = hex_value(c);
        // JavaScript's 32-bit `(point << 4) | digit`: overflow turns negative too.
        point = digit < 0 ? -1
                          : static_cast<std::int32_t>((static_cast<std::uint32_t>(point) << 4) |
                                                      static_cast<std::uint32_t>(digit));
        if (point < 0) break;
      }
      fail(position, "Invalid Unicode escape sequence: \"" +
                         utf8::slice_utf16(text_, position, units) + "\".");
      return false;
    }
    const std::int32_t code = read_16bit_hex(text_, position + 2);
    if (is_unicode_scalar(code)) {
      size = 6;
      return true;
    }
    // A JSON-style surrogate pair is allowed when it forms a valid pair.
    if (is_leading_surrogate(code) && at(position + 6) == '\\' && at(position + 7) == 'u' &&
        is_trailing_surrogate(read_16bit_hex(text_, position + 8))) {
      size = 12;
      return true;
    }
    fail(position,
         "Invalid Unicode escape sequence: \"" + utf8::slice_utf16(text_, position, 6) + "\".");
    return false;
  }
  switch (at(position + 1)) {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      size = 2;
      return true;
    default:
      break;
  }
  fail(position,
       "Invalid character escape sequence: \"" + utf8::slice_utf16(text_, position, 2) + "\".");
  return false;
}

// StringValue :: `"""` BlockStringCharacter* `"""`
// BlockStringCharacter :: SourceCharacter but not `"""` or `\"""` | `\"""`
token lexer::read_block_string(std::uint32_t start) {
  const auto size = static_cast<std::uint32_t>(text_.size());
  std::uint32_t p = start + 3;
  while (p < size) {
    const auto c = static_cast<unsigned char>(text_[p]);
    if (c == '"' && at(p + 1) == '"' && at(p + 2) == '"') {
      return make(token_kind::block_string, start, p + 3);
    }
    if (c == '\\' && at(p + 1) == '"' && at(p + 2) == '"' && at(p + 3) == '"') {
      p += 4;
      continue;
    }
    p += c < 0x80 ? 1 : utf8::decode(text_, p).size;
  }
  return fail(p, "Unterminated string.");
}

// Name :: NameStart NameContinue* [lookahead != NameContinue]
token lexer::read_name(std::uint32_t start) noexcept {
  const auto size = static_cast<std::uint32_t>(text_.size());
  std::uint32_t p = start + 1;
  while (p < size && is_name_continue(static_cast<unsigned char>(text_[p])))
    ++p;
  return make(token_kind::name, start, p);
}

void append_string_value(const token& tok, std::string_view text, std::string& out) {
  if (tok.kind == token_kind::block_string) {
    append_block_string_characters(text, tok, out);
  } else if (tok.plain) {
    out.append(text.substr(tok.start + 1, tok.end - tok.start - 2));
  } else {
    append_string_characters(text, tok, out);
  }
}

std::string token_value(const token& tok, std::string_view text) {
  switch (tok.kind) {
    case token_kind::name:
    case token_kind::int_value:
    case token_kind::float_value:
      return std::string(tok.text(text));
    case token_kind::comment:
      return std::string(text.substr(tok.start + 1, tok.end - tok.start - 1));
    case token_kind::string:
    case token_kind::block_string: {
      std::string value;
      append_string_value(tok, text, value);
      return value;
    }
    default:
      return {};
  }
}

std::string describe(const token& tok, std::string_view text) {
  std::string out(describe(tok.kind));
  switch (tok.kind) {
    case token_kind::name:
    case token_kind::int_value:
    case token_kind::float_value:
    case token_kind::string:
    case token_kind::block_string:
    case token_kind::comment:
      out += " \"";
      out += token_value(tok, text);
      out += '"';
      break;
    default:
      break;
  }
  return out;
}

}  // namespace chat::graphql
