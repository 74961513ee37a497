// Tests for print(): output identical to graphql-js 16.15 `print` (the expected texts
// below were produced by graphql-js from the same inputs).

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graphql/language/parser.hpp"

namespace {

using chat::graphql::parse;
using chat::graphql::print;

std::string printed(std::string_view text) {
  const auto result = parse(text);
  EXPECT_FALSE(result.error) << text << ": " << result.error->message;
  return result.error ? std::string() : print(result.doc->root());
}

TEST(Printer, PrintsEveryDefinitionKindAsGraphqlJs) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases = {
      {"query { a }", "{\n  a\n}"},
      {"query Q { a }", "query Q {\n  a\n}"},
      {"mutation { a }", "mutation {\n  a\n}"},
      {"{ alias: f(a: 1) @skip(if: $c) { b ... on T { c } ...F @d ... @e { f } } }",
       "{\n  alias: f(a: 1) @skip(if: $c) {\n    b\n    ... on T {\n      c\n    }\n    ...F @d\n  "
       "  ... @e {\n      f\n    }\n  }\n}"},
      {"query Q($a: Int = 1, $b: [String!]! @d) @q { a }",
       "query Q($a: Int = 1, $b: [String!]! @d) @q {\n  a\n}"},
      {"\"desc\" query Q(\"d\" $a: Int, $b: Int) { a }",
       "\"desc\"\nquery Q(\n\"d\"\n$a: Int\n$b: Int\n) {\n  a\n}"},
      {"\"\"\"frag\"\"\" fragment F on T @d { a }",
       "\"\"\"frag\"\"\"\nfragment F on T @d {\n  a\n}"},
      {"{ f(a: \"\\u0000\\u001f\\u007f\\u0080\\u009f\\u00a0é😀 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\") }",
       "{\n  f(a: \"\\u0000\\u001F\\u007F\\u0080\\u009F é😀 \\\" \\\\ / \\b\\f\\n\\r\\t\")\n}"},
      {"{ f(a: \"\"\"  leading\"\"\") }", "{\n  f(a: \"\"\"  leading\"\"\")\n}"},
      {"{ f(a: \"\"\"x\n  y\"\"\") }", "{\n  f(a: \"\"\"\n  x\n  y\n  \"\"\")\n}"},
      {"{ f(a: \"\"\"has \\\"\"\" inside\"\"\") }",
       "{\n  f(a: \"\"\"has \\\"\"\" inside\"\"\")\n}"},
      {"{ f(a: \"\"\"x\n\n  y\"\"\") { g } }",
       "{\n  f(a: \"\"\"\n  x\n  \n  y\n  \"\"\") {\n    g\n  }\n}"},
      {"{ f(a: \"\"\"quote\" \"\"\") }", "{\n  f(a: \"\"\"quote\" \"\"\")\n}"},
      {"{ f(a: \"\"\"\"\"\") }", "{\n  f(a: \"\"\"\"\"\")\n}"},
      {"type T implements I & J @d {\n  \"field desc\" f(a: Int = 1 @x, b: [S!]!): T @y\n  g(\n    "
       "\"arg desc\" a: Int\n  ): Int\n}",
       "type T implements I & J @d {\n  \"field desc\"\n  f(a: Int = 1 @x, b: [S!]!): T @y\n  g(\n "
       "   \"arg desc\"\n    a: Int\n  ): Int\n}"},
      {"extend type T implements I", "extend type T implements I"},
      {"\"\"\"\nMulti\nline\n\"\"\"\nschema @d { query: Q mutation: M }",
       "\"\"\"\nMulti\nline\n\"\"\"\nschema @d {\n  query: Q\n  mutation: M\n}"},
      {"union U @d = | A | B", "union U @d = A | B"},
      {"enum E { \"d\" A @x B }", "enum E {\n  \"d\"\n  A @x\n  B\n}"},
      {"input I { a: Int = 1 b: String }", "input I {\n  a: Int = 1\n  b: String\n}"},
      {"directive @d(\"d\" a: Int) repeatable on | FIELD | QUERY",
       "directive @d(\n  \"d\"\n  a: Int\n) repeatable on FIELD | QUERY"},
      {"extend schema @a { subscription: S }", "extend schema @a {\n  subscription: S\n}"},
      {"scalar S @d", "scalar S @d"},
      {"extend scalar S @d", "extend scalar S @d"},
      {"{ a(x: [1, 2], y: {a: 1, b: [true, null, ENUM]}) }",
       "{\n  a(x: [1, 2], y: {a: 1, b: [true, null, ENUM]})\n}"},
      {"type T {\n  \"\"\"\n  Indented\n    more\n  \"\"\"\n  f: Int\n}",
       "type T {\n  \"\"\"\n  Indented\n    more\n  \"\"\"\n  f: Int\n}"},
      {"interface I implements J { a: Int }", "interface I implements J {\n  a: Int\n}"},
      {"extend union U = A", "extend union U = A"},
      {"extend enum E @d", "extend enum E @d"},
      {"extend input I { a: Int }", "extend input I {\n  a: Int\n}"},
      {"extend interface I @d\n", "extend interface I @d"},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(printed(text), expected) << text;
}

TEST(Printer, WrapsFieldArgumentsPastEightyColumns) {
  // "f(a: \"…\")": 1 + (5 + n) + 2 columns; graphql-js wraps above 80.
  EXPECT_EQ(printed("{ f(a: \"" + std::string(72, 'x') + "\") }"),
            "{\n  f(a: \"" + std::string(72, 'x') + "\")\n}");
  EXPECT_EQ(printed("{ f(a: \"" + std::string(73, 'x') + "\") }"),
            "{\n  f(\n    a: \"" + std::string(73, 'x') + "\"\n  )\n}");
}

TEST(Printer, MeasuresLineLengthInUtf16CodeUnits) {
  std::string e_acute;  // 73 × "é": 146 bytes but 73 units, so it wraps like 73 "x"
  std::string grin_36;  // 36 × "😀": 72 units, fits
  std::string grin_37;  // 37 × "😀": 74 units, wraps
  for (int i = 0; i < 73; ++i)
    e_acute += "\xC3\xA9";
  for (int i = 0; i < 36; ++i)
    grin_36 += "\xF0\x9F\x98\x80";
  grin_37 = grin_36 + "\xF0\x9F\x98\x80";
  EXPECT_EQ(printed("{ f(a: \"" + e_acute + "\") }"),
            "{\n  f(\n    a: \"" + e_acute + "\"\n  )\n}");
  EXPECT_EQ(printed("{ f(a: \"" + grin_36 + "\") }"), "{\n  f(a: \"" + grin_36 + "\")\n}");
  EXPECT_EQ(printed("{ f(a: \"" + grin_37 + "\") }"),
            "{\n  f(\n    a: \"" + grin_37 + "\"\n  )\n}");
}

TEST(Printer, PrintsBlockStringsLongerThanSeventyUnitsOnTheirOwnLines) {
  const std::string b70(70, 'b');
  const std::string b71(71, 'b');
  EXPECT_EQ(printed("{ f(a: \"\"\"" + b70 + "\"\"\") }"),
            "{\n  f(\n    a: \"\"\"" + b70 + "\"\"\"\n  )\n}");
  EXPECT_EQ(printed("{ f(a: \"\"\"" + b71 + "\"\"\") }"),
            "{\n  f(\n    a: \"\"\"\n    " + b71 + "\n    \"\"\"\n  )\n}");
}

TEST(Printer, PrintedDocumentsParseBackToTheSamePrint) {
  const std::string_view documents[] = {
      R"(query IntrospectionQuery { __schema { queryType { name } types { ...FullType } } }
         fragment FullType on __Type { kind name fields(includeDeprecated: true) { name args {
         ...InputValue } } } fragment InputValue on __InputValue { name defaultValue })",
      R"("""Schema""" schema { query: Q } type Q implements & A & B @d(x: [1, {y: "z"}]) {
         "f" f("a" a: Int = 1 @x, b: String = """x
         y"""): [Q!]! } directive @d(x: [In!]) repeatable on FIELD_DEFINITION | OBJECT)",
  };
  for (const std::string_view text : documents) {
    const std::string once = printed(text);
    EXPECT_EQ(printed(once), once) << text;
  }
}

}  // namespace

namespace chat::graphql {
namespace {

TEST(Printer, AShorthandQueryAfterABodilessTypeReadsBackAsItsFieldsLikeGraphqlJs) {
  // graphql-js 16.15 prints the same text, which parses back as `type Query { a: Int }`
  // (found by the parser fuzzer; the fuzzer accepts this one ambiguity).
  const auto printed = print(parse("type Query query{ a: Int }").doc->root());
  EXPECT_EQ(printed, "type Query\n\n{\n  a: Int\n}");
  EXPECT_EQ(print(parse(printed).doc->root()), "type Query {\n  a: Int\n}");
}

}  // namespace
}  // namespace chat::graphql
