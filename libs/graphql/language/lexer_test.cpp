// Tests for the lexer (spec 2.1 "Source Text"). Every error message and position below
// is what graphql-js 16.15 reports for the same text (its column minus one is the byte
// offset here, the texts being single-line ASCII unless noted).

#include "graphql/language/lexer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using chat::graphql::append_string_value;
using chat::graphql::lexer;
using chat::graphql::token;
using chat::graphql::token_kind;

std::vector<token> lex_all(std::string_view text) {
  lexer l(text);
  std::vector<token> tokens;
  for (;;) {
    const token t = l.next();
    tokens.push_back(t);
    if (t.kind == token_kind::eof || t.kind == token_kind::error) return tokens;
  }
}

struct lex_failure {
  std::string message;
  std::uint32_t offset = 0;
  friend bool operator==(const lex_failure&, const lex_failure&) = default;
};

// The first lexical error in `text`, or an empty message when it lexes.
lex_failure first_error(std::string_view text) {
  lexer l(text);
  for (;;) {
    const token t = l.next();
    if (t.kind == token_kind::error) return {l.error(), t.start};
    if (t.kind == token_kind::eof) return {};
  }
}

std::ostream& operator<<(std::ostream& out, const lex_failure& f) {
  return out << f.offset << ": " << f.message;
}

// The decoded value of the first token of `text`, which must be a string.
std::string value_of(std::string_view text) {
  lexer l(text);
  const token t = l.next();
  EXPECT_TRUE(t.kind == token_kind::string || t.kind == token_kind::block_string)
      << "in " << text << ": " << l.error();
  std::string value;
  if (t.kind == token_kind::string || t.kind == token_kind::block_string) {
    append_string_value(t, text, value);
  }
  return value;
}

TEST(Lexer, Spec218ReadsEveryPunctuator) {
  const auto tokens = lex_all("! $ & ( ) ... : = @ [ ] { | }");
  const std::vector<token_kind> expected = {
      token_kind::bang,    token_kind::dollar,    token_kind::amp,       token_kind::paren_l,
      token_kind::paren_r, token_kind::spread,    token_kind::colon,     token_kind::equals,
      token_kind::at,      token_kind::bracket_l, token_kind::bracket_r, token_kind::brace_l,
      token_kind::pipe,    token_kind::brace_r,   token_kind::eof};
  ASSERT_EQ(tokens.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_EQ(tokens[i].kind, expected[i]) << i;
  EXPECT_EQ(tokens[5].start, 10U);
  EXPECT_EQ(tokens[5].end, 13U);
}

TEST(Lexer, Spec219NamesAreLettersDigitsAndUnderscores) {
  const std::string_view text = "_a1 B_2c __typename";
  const auto tokens = lex_all(text);
  ASSERT_EQ(tokens.size(), 4U);
  EXPECT_EQ(tokens[0].kind, token_kind::name);
  EXPECT_EQ(tokens[0].text(text), "_a1");
  EXPECT_EQ(tokens[1].text(text), "B_2c");
  EXPECT_EQ(tokens[2].text(text), "__typename");
}

TEST(Lexer, Spec219ANameCannotStartWithADigit) {
  EXPECT_EQ(first_error("1a"), (lex_failure{"Invalid number, expected digit but got: \"a\".", 1}));
}

TEST(Lexer, Spec21IgnoresByteOrderMarksWhiteSpaceCommasAndLineTerminators) {
  const std::string_view text =
      "\xEF\xBB\xBF\t ,\r\n\ra\xEF\xBB\xBF"
      "b";
  const auto tokens = lex_all(text);
  ASSERT_EQ(tokens.size(), 3U);
  EXPECT_EQ(tokens[0].text(text), "a");
  EXPECT_EQ(tokens[0].start, 9U);
  EXPECT_EQ(tokens[1].text(text), "b");
}

TEST(Lexer, Spec214CommentsAreTokensUpToTheLineTerminator) {
  const std::string_view text = "# hi\na #x\rb";
  const auto tokens = lex_all(text);
  ASSERT_EQ(tokens.size(), 5U);
  EXPECT_EQ(tokens[0].kind, token_kind::comment);
  EXPECT_EQ(tokens[0].text(text), "# hi");
  EXPECT_EQ(tokens[1].text(text), "a");
  EXPECT_EQ(tokens[2].kind, token_kind::comment);
  EXPECT_EQ(tokens[2].text(text), "#x");
  EXPECT_EQ(tokens[3].text(text), "b");
}

TEST(Lexer, KeepsReturningEndOfFileAtTheEnd) {
  lexer l("a ");
  EXPECT_EQ(l.next().kind, token_kind::name);
  for (int i = 0; i < 3; ++i) {
    const token t = l.next();
    EXPECT_EQ(t.kind, token_kind::eof);
    EXPECT_EQ(t.start, 2U);
    EXPECT_EQ(t.end, 2U);
  }
}

TEST(Lexer, Spec2931ReadsIntegersAndFloats) {
  const std::string_view text = "0 -0 123 -1.5 1.5e3 1E-5 0.0e+0 9999999999999999999999";
  const auto tokens = lex_all(text);
  ASSERT_EQ(tokens.size(), 9U);
  const std::vector<std::pair<token_kind, std::string_view>> expected = {
      {token_kind::int_value, "0"},        {token_kind::int_value, "-0"},
      {token_kind::int_value, "123"},      {token_kind::float_value, "-1.5"},
      {token_kind::float_value, "1.5e3"},  {token_kind::float_value, "1E-5"},
      {token_kind::float_value, "0.0e+0"}, {token_kind::int_value, "9999999999999999999999"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(tokens[i].kind, expected[i].first) << i;
    EXPECT_EQ(tokens[i].text(text), expected[i].second) << i;
  }
}

TEST(Lexer, Spec2931RefusesMalformedNumbersWithGraphqlJsMessages) {
  const std::vector<std::pair<std::string_view, lex_failure>> cases = {
      {"{ a(x: 1.e5) }", {"Invalid number, expected digit but got: \"e\".", 9}},
      {"{ a(x: 00) }", {"Invalid number, unexpected digit after 0: \"0\".", 8}},
      {"{ a(x: 1x) }", {"Invalid number, expected digit but got: \"x\".", 8}},
      {"{ a(x: -) }", {"Invalid number, expected digit but got: \")\".", 8}},
      {"{ a(x: 0x1) }", {"Invalid number, expected digit but got: \"x\".", 8}},
      {"{ a(x: 1e) }", {"Invalid number, expected digit but got: \")\".", 9}},
      {"{ a(x: 1.) }", {"Invalid number, expected digit but got: \")\".", 9}},
      {"{ a(x: 1_000) }", {"Invalid number, expected digit but got: \"_\".", 8}},
      {"{ a(x: .5) }", {"Unexpected character: \".\".", 7}},
      {"{ a(x: 1.", {"Invalid number, expected digit but got: <EOF>.", 9}},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(first_error(text), expected) << text;
}

TEST(Lexer, Spec2941DecodesEscapeSequences) {
  EXPECT_EQ(value_of(R"("simple")"), "simple");
  EXPECT_EQ(value_of(R"("")"), "");
  EXPECT_EQ(value_of(R"("\u0041\u00e9")"), "A\xC3\xA9");
  EXPECT_EQ(value_of(R"("\b\f\n\r\t\"\\\/")"), "\b\f\n\r\t\"\\/");
}

TEST(Lexer, Spec2941DecodesBracedUnicodeEscapesAndSurrogatePairs) {
  EXPECT_EQ(value_of(R"("\u{1F600}")"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(value_of(R"("\u{00000041}")"), "A");
  EXPECT_EQ(value_of(R"("\uD83D\uDE00")"), "\xF0\x9F\x98\x80");
}

TEST(Lexer, Spec294AcceptsControlCharactersInsideStringsAsGraphqlJs16Does) {
  EXPECT_EQ(value_of("\"tab\tbell\a\""), "tab\tbell\a");
  EXPECT_EQ(value_of(std::string_view("\"nul\0x\"", 7)), std::string_view("nul\0x", 5));
}

TEST(Lexer, MarksStringsWithoutEscapesAsPlain) {
  lexer plain(R"("abc")");
  EXPECT_TRUE(plain.next().plain);
  lexer escaped(R"("a\nc")");
  EXPECT_FALSE(escaped.next().plain);
}

TEST(Lexer, Spec294RefusesBadEscapesWithGraphqlJsMessages) {
  const std::vector<std::pair<std::string_view, lex_failure>> cases = {
      {R"({ a(x: "\u{110000}") })", {R"(Invalid Unicode escape sequence: "\u{110000}".)", 8}},
      {R"({ a(x: "\u{D800}") })", {R"(Invalid Unicode escape sequence: "\u{D800}".)", 8}},
      {R"({ a(x: "\u{}") })", {R"(Invalid Unicode escape sequence: "\u{}".)", 8}},
      {R"({ a(x: "\u{1F600") })", {R"(Invalid Unicode escape sequence: "\u{1F600"".)", 8}},
      {R"({ a(x: "\u{000000041}") })", {R"(Invalid Unicode escape sequence: "\u{000000041".)", 8}},
      {R"({ a(x: "\u{FFFFFFFF}") })", {R"(Invalid Unicode escape sequence: "\u{FFFFFFFF".)", 8}},
      {R"({ a(x: "\uD83D") })", {R"(Invalid Unicode escape sequence: "\uD83D".)", 8}},
      {R"({ a(x: "\uDE00\uD83D") })", {R"(Invalid Unicode escape sequence: "\uDE00".)", 8}},
      {R"({ a(x: "\u12G4") })", {R"(Invalid Unicode escape sequence: "\u12G4".)", 8}},
      {R"({ a(x: "\q") })", {R"(Invalid character escape sequence: "\q".)", 8}},
      {R"({ a(x: "\)", {R"(Invalid character escape sequence: "\".)", 8}},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(first_error(text), expected) << text;
}

TEST(Lexer, EscapeMessagesQuoteUtf16UnitsLikeGraphqlJs) {
  // graphql-js slices 6 code units: "é" is one, so the message runs past it.
  EXPECT_EQ(first_error("{ a(x: \"\\u\xC3\xA9\") }").message,
            "Invalid Unicode escape sequence: \"\\u\xC3\xA9\") \".");
  // Half of "😀" is a lone surrogate, written as U+FFFD.
  EXPECT_EQ(first_error("{ a(x: \"\\\xF0\x9F\x98\x80\") }").message,
            "Invalid character escape sequence: \"\\\xEF\xBF\xBD\".");
}

TEST(Lexer, Spec294RefusesUnterminatedStrings) {
  EXPECT_EQ(first_error(R"({ a(x: "unterminated)"), (lex_failure{"Unterminated string.", 20}));
  EXPECT_EQ(first_error("{ a(x: \"a\nb\") }"), (lex_failure{"Unterminated string.", 9}));
  EXPECT_EQ(first_error(R"({ a(x: """no end) })"), (lex_failure{"Unterminated string.", 19}));
}

TEST(Lexer, Spec294BlockStringValueRemovesCommonIndentation) {
  EXPECT_EQ(value_of("\"\"\"\n    indented\n      more\n    back\n\"\"\""),
            "indented\n  more\nback");
  EXPECT_EQ(value_of("\"\"\"first\n   second\n  third\"\"\""), "first\n second\nthird");
}

TEST(Lexer, Spec294BlockStringValueRemovesLeadingAndTrailingBlankLines) {
  EXPECT_EQ(value_of("\"\"\"\n\n  blank lines\n\n\"\"\""), "blank lines");
  EXPECT_EQ(value_of("\"\"\"   \"\"\""), "");
}

TEST(Lexer, Spec294BlockStringsKeepTheFirstLineAndEscapesAsWritten) {
  EXPECT_EQ(value_of("\"\"\"  leading\"\"\""), "  leading");
  EXPECT_EQ(value_of(R"("""a\nb""")"), R"(a\nb)");
}

TEST(Lexer, Spec294BlockStringsUnescapeTripleQuotes) {
  EXPECT_EQ(value_of(R"("""escaped \""" quotes""")"), R"(escaped """ quotes)");
}

TEST(Lexer, Spec294BlockStringLinesEndAtAnyLineTerminator) {
  EXPECT_EQ(value_of("\"\"\"\r\n  crlf\r\n  lines\r\n\"\"\""), "crlf\nlines");
  EXPECT_EQ(value_of("\"\"\"\r  cr\r  only\r\"\"\""), "cr\nonly");
}

TEST(Lexer, RefusesUnexpectedCharactersWithGraphqlJsMessages) {
  const std::vector<std::pair<std::string_view, lex_failure>> cases = {
      {"{ a ? }", {"Unexpected character: \"?\".", 4}},
      {"{ a 'b' }",
       {"Unexpected single quote character ('), did you mean to use a double quote (\")?", 4}},
      {"{ a \xC3\xA9 }", {"Unexpected character: U+00E9.", 4}},
      {"{ a \xF0\x9F\x98\x80 }", {"Unexpected character: U+1F600.", 4}},
      {"{ . }", {"Unexpected character: \".\".", 2}},
      {"{ ..a }", {"Unexpected character: \".\".", 2}},
      {std::string_view("{ \0 }", 5), {"Unexpected character: U+0000.", 2}},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(first_error(text), expected) << text;
}

TEST(Lexer, MalformedUtf8ReadsAsTheReplacementCharacter) {
  // As graphql-js sees the text after a JavaScript server decoded it.
  EXPECT_EQ(first_error("{ a \xFF }"), (lex_failure{"Unexpected character: U+FFFD.", 4}));
  EXPECT_EQ(value_of("\"\xFF\""), "\xEF\xBF\xBD");
  lexer l("\"a\xC3\"");
  EXPECT_FALSE(l.next().plain);
}

TEST(Lexer, DescribesTokensAsGraphqlJsDoes) {
  const std::string_view text = R"(x { "a\"b" """c""" 1.5 3)";
  const auto tokens = lex_all(text);
  EXPECT_EQ(describe(tokens[0], text), "Name \"x\"");
  EXPECT_EQ(describe(tokens[1], text), "\"{\"");
  EXPECT_EQ(describe(tokens[2], text), "String \"a\"b\"");
  EXPECT_EQ(describe(tokens[3], text), "BlockString \"c\"");
  EXPECT_EQ(describe(tokens[4], text), "Float \"1.5\"");
  EXPECT_EQ(describe(tokens[5], text), "Int \"3\"");
  EXPECT_EQ(describe(tokens[6], text), "<EOF>");
}

}  // namespace
