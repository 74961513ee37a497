// Tests for parse() (spec section 2 and the type system grammar of section 3). Every
// syntax error message, line and column below is what graphql-js 16.15 `parse` reports
// for the same text; node locations are graphql-js `loc.start` / `loc.end`.

#include "graphql/language/parser.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace chat::graphql;

struct failure {
  std::string message;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend bool operator==(const failure&, const failure&) = default;
};

std::ostream& operator<<(std::ostream& out, const failure& f) {
  return out << f.line << ":" << f.column << " " << f.message;
}

failure error_of(std::string_view text, const parse_options& options = {}) {
  const parse_result result = parse(text, options);
  if (!result.error) return {"(parsed)", 0, 0};
  EXPECT_EQ(result.doc, nullptr);
  EXPECT_EQ(result.error->locations.size(), 1U);
  return {result.error->message, result.error->locations.at(0).line,
          result.error->locations.at(0).column};
}

// Parses `text`, which must be valid, and keeps the document alive for the test.
class parsed {
 public:
  explicit parsed(std::string_view text, const parse_options& options = {})
      : result_(parse(text, options)) {
    EXPECT_FALSE(result_.error) << text << ": " << result_.error->message;
  }
  const document_node& root() const { return result_.doc->root(); }
  const document& doc() const { return *result_.doc; }
  template <typename T>
  const T& definition(std::size_t i = 0) const {
    const auto& definitions = root().definitions;
    EXPECT_LT(i, definitions.size());
    const T* d = i < definitions.size() ? node_cast<T>(definitions[i]) : nullptr;
    EXPECT_NE(d, nullptr) << "definition " << i;
    return *d;
  }

 private:
  parse_result result_;
};

template <typename T>
const T& as(const node* n) {
  const T* cast = node_cast<T>(n);
  EXPECT_NE(cast, nullptr) << (n ? kind_name(n->kind) : "null");
  return *cast;
}

// ---- executable documents ----

TEST(Parser, Spec23ParsesTheQueryShorthand) {
  const parsed p("{ a }");
  const auto& op = p.definition<operation_definition_node>();
  EXPECT_EQ(op.operation, operation_type::query);
  EXPECT_TRUE(op.name.empty());
  EXPECT_EQ(op.description, nullptr);
  ASSERT_EQ(op.selection_set->selections.size(), 1U);
  EXPECT_EQ(as<field_node>(op.selection_set->selections[0]).name.value, "a");
}

TEST(Parser, Spec23ParsesNamedOperationsOfEveryType) {
  const parsed p("query Q { a } mutation M { b } subscription S { c } query { d }");
  ASSERT_EQ(p.root().definitions.size(), 4U);
  EXPECT_EQ(p.definition<operation_definition_node>(0).operation, operation_type::query);
  EXPECT_EQ(p.definition<operation_definition_node>(0).name.value, "Q");
  EXPECT_EQ(p.definition<operation_definition_node>(1).operation, operation_type::mutation);
  EXPECT_EQ(p.definition<operation_definition_node>(2).operation, operation_type::subscription);
  EXPECT_TRUE(p.definition<operation_definition_node>(3).name.empty());
}

TEST(Parser, Spec23KeywordsAreOrdinaryNamesElsewhere) {
  const parsed p("query query { on: fragment, query }");
  const auto& op = p.definition<operation_definition_node>();
  EXPECT_EQ(op.name.value, "query");
  const auto& field = as<field_node>(op.selection_set->selections[0]);
  EXPECT_EQ(field.alias.value, "on");
  EXPECT_EQ(field.name.value, "fragment");
  EXPECT_EQ(field.response_key(), "on");
}

TEST(Parser, Spec28ParsesVariableDefinitionsWithDefaultsAndDirectives) {
  const parsed p(R"(query Q($v: [String!]! = ["a"] @d, $w: Int) { a })");
  const auto& op = p.definition<operation_definition_node>();
  ASSERT_EQ(op.variable_definitions.size(), 2U);
  const auto& v = *op.variable_definitions[0];
  EXPECT_EQ(v.variable->name.value, "v");
  const auto& outer = as<non_null_type_node>(v.type);
  const auto& list = as<list_type_node>(outer.type);
  const auto& inner = as<non_null_type_node>(list.type);
  EXPECT_EQ(as<named_type_node>(inner.type).name.value, "String");
  const auto& default_value = as<list_value_node>(v.default_value);
  EXPECT_EQ(as<string_value_node>(default_value.values[0]).value, "a");
  ASSERT_EQ(v.directives.size(), 1U);
  EXPECT_EQ(v.directives[0]->name.value, "d");
  EXPECT_EQ(op.variable_definitions[1]->default_value, nullptr);
}

TEST(Parser, Spec24ParsesFieldsWithAliasesArgumentsDirectivesAndSelections) {
  const parsed p("{ alias: a(x: 1, y: $v) @skip(if: true) { b } }");
  const auto& field =
      as<field_node>(p.definition<operation_definition_node>().selection_set->selections[0]);
  EXPECT_EQ(field.alias.value, "alias");
  EXPECT_EQ(field.name.value, "a");
  ASSERT_EQ(field.arguments.size(), 2U);
  EXPECT_EQ(field.arguments[0]->name.value, "x");
  EXPECT_EQ(as<int_value_node>(field.arguments[0]->value).value, "1");
  EXPECT_EQ(as<variable_node>(field.arguments[1]->value).name.value, "v");
  ASSERT_EQ(field.directives.size(), 1U);
  EXPECT_EQ(field.directives[0]->name.value, "skip");
  ASSERT_NE(field.selection_set, nullptr);
  EXPECT_EQ(field.selection_set->selections.size(), 1U);
}

TEST(Parser, Spec25ParsesFragmentSpreadsInlineFragmentsAndDefinitions) {
  const parsed p("{ ...F @d ... on T { a } ... @e { b } ... { c } } fragment F on T @f { a }");
  const auto& selections = p.definition<operation_definition_node>(0).selection_set->selections;
  ASSERT_EQ(selections.size(), 4U);
  const auto& spread = as<fragment_spread_node>(selections[0]);
  EXPECT_EQ(spread.name.value, "F");
  EXPECT_EQ(spread.directives.size(), 1U);
  EXPECT_EQ(as<inline_fragment_node>(selections[1]).type_condition->name.value, "T");
  EXPECT_EQ(as<inline_fragment_node>(selections[2]).type_condition, nullptr);
  EXPECT_EQ(as<inline_fragment_node>(selections[2]).directives.size(), 1U);
  EXPECT_EQ(as<inline_fragment_node>(selections[3]).directives.size(), 0U);
  const auto& fragment = p.definition<fragment_definition_node>(1);
  EXPECT_EQ(fragment.name.value, "F");
  EXPECT_EQ(fragment.type_condition->name.value, "T");
  EXPECT_EQ(fragment.directives.size(), 1U);
}

TEST(Parser, Spec29ParsesEveryValueLiteral) {
  const parsed p(R"({ a(i: -12, f: 1.5e3, s: "x\ny", b: """ block """, t: true, n: null, e: RED,)"
                 R"( l: [1, [2]], o: {k: {m: []}}, v: $var) })");
  const auto& args =
      as<field_node>(p.definition<operation_definition_node>().selection_set->selections[0])
          .arguments;
  ASSERT_EQ(args.size(), 10U);
  EXPECT_EQ(as<int_value_node>(args[0]->value).value, "-12");
  EXPECT_EQ(as<float_value_node>(args[1]->value).value, "1.5e3");
  EXPECT_EQ(as<string_value_node>(args[2]->value).value, "x\ny");
  EXPECT_FALSE(as<string_value_node>(args[2]->value).block);
  EXPECT_EQ(as<string_value_node>(args[3]->value).value, " block ");
  EXPECT_TRUE(as<string_value_node>(args[3]->value).block);
  EXPECT_TRUE(as<boolean_value_node>(args[4]->value).value);
  EXPECT_EQ(args[5]->value->kind, node_kind::null_value);
  EXPECT_EQ(as<enum_value_node>(args[6]->value).value, "RED");
  const auto& list = as<list_value_node>(args[7]->value);
  ASSERT_EQ(list.values.size(), 2U);
  EXPECT_EQ(as<list_value_node>(list.values[1]).values.size(), 1U);
  const auto& object = as<object_value_node>(args[8]->value);
  ASSERT_EQ(object.fields.size(), 1U);
  EXPECT_EQ(object.fields[0]->name.value, "k");
  EXPECT_EQ(as<variable_node>(args[9]->value).name.value, "var");
}

TEST(Parser, ExecutableDefinitionsTakeDescriptionsAsInGraphqlJs16Point12) {
  // Spec September 2025 ("Descriptions" on operations, fragments and variables).
  const parsed p(R"("op" query Q("var" $a: Int) { a } """frag""" fragment F on T { a })");
  const auto& op = p.definition<operation_definition_node>(0);
  ASSERT_NE(op.description, nullptr);
  EXPECT_EQ(op.description->value, "op");
  ASSERT_NE(op.variable_definitions[0]->description, nullptr);
  EXPECT_EQ(op.variable_definitions[0]->description->value, "var");
  const auto& fragment = p.definition<fragment_definition_node>(1);
  ASSERT_NE(fragment.description, nullptr);
  EXPECT_TRUE(fragment.description->block);
  EXPECT_EQ(fragment.description->value, "frag");
}

TEST(Parser, NodeLocationsSpanFirstToLastTokenAsInGraphqlJs) {
  const parsed p(
      "  query Q($v: Int = 1) { alias: a(x: [1, \"s\"]) @d { b } ...F ... on T { c } }\n");
  EXPECT_EQ(p.root().loc.start, 0U);
  EXPECT_EQ(p.root().loc.end, 78U);
  const auto& op = p.definition<operation_definition_node>();
  EXPECT_EQ(op.loc.start, 2U);
  EXPECT_EQ(op.loc.end, 77U);
  EXPECT_EQ(op.name.loc.start, 8U);
  EXPECT_EQ(op.variable_definitions[0]->loc.start, 10U);
  EXPECT_EQ(op.variable_definitions[0]->loc.end, 21U);
  EXPECT_EQ(op.selection_set->loc.start, 23U);
  const auto& field = as<field_node>(op.selection_set->selections[0]);
  EXPECT_EQ(field.loc.start, 25U);
  EXPECT_EQ(field.loc.end, 55U);
  EXPECT_EQ(field.alias.loc.start, 25U);
  EXPECT_EQ(field.alias.loc.end, 30U);
  EXPECT_EQ(field.arguments[0]->loc.start, 34U);
  EXPECT_EQ(field.arguments[0]->loc.end, 45U);
  EXPECT_EQ(field.arguments[0]->value->loc.start, 37U);
  EXPECT_EQ(field.directives[0]->loc.start, 47U);
  EXPECT_EQ(field.directives[0]->loc.end, 49U);
  const auto& spread = as<fragment_spread_node>(op.selection_set->selections[1]);
  EXPECT_EQ(spread.loc.start, 56U);
  EXPECT_EQ(spread.loc.end, 60U);
  const auto& inline_fragment = as<inline_fragment_node>(op.selection_set->selections[2]);
  EXPECT_EQ(inline_fragment.loc.start, 61U);
  EXPECT_EQ(inline_fragment.loc.end, 75U);
}

TEST(Parser, NamesAreViewsIntoTheDocumentText) {
  const parsed p("{ hello }");
  const auto& field =
      as<field_node>(p.definition<operation_definition_node>().selection_set->selections[0]);
  const std::string_view text = p.doc().text();
  EXPECT_GE(field.name.value.data(), text.data());
  EXPECT_LT(field.name.value.data(), text.data() + text.size());
}

// ---- type system documents ----

TEST(Parser, Spec33ParsesSchemaDefinitionsAndExtensions) {
  const parsed p(R"("d" schema @a { query: Q mutation: M } extend schema @b { subscription: S })");
  const auto& schema = p.definition<schema_definition_node>(0);
  EXPECT_EQ(schema.kind, node_kind::schema_definition);
  EXPECT_EQ(schema.description->value, "d");
  ASSERT_EQ(schema.operation_types.size(), 2U);
  EXPECT_EQ(schema.operation_types[1]->operation, operation_type::mutation);
  EXPECT_EQ(schema.operation_types[1]->type->name.value, "M");
  const auto& extension = p.definition<schema_definition_node>(1);
  EXPECT_EQ(extension.kind, node_kind::schema_extension);
  EXPECT_EQ(extension.directives.size(), 1U);
}

TEST(Parser, Spec36ParsesObjectTypesWithInterfacesArgumentsAndDefaults) {
  const parsed p(R"(
    """Type"""
    type T implements & I & J @d {
      "field" f(a: Int = 1 @x, b: [S!]!): T @y
      g: [Int]
    })");
  const auto& type = p.definition<object_type_definition_node>();
  EXPECT_EQ(type.kind, node_kind::object_type_definition);
  EXPECT_EQ(type.description->value, "Type");
  ASSERT_EQ(type.interfaces.size(), 2U);
  EXPECT_EQ(type.interfaces[1]->name.value, "J");
  ASSERT_EQ(type.fields.size(), 2U);
  const auto& f = *type.fields[0];
  EXPECT_EQ(f.description->value, "field");
  ASSERT_EQ(f.arguments.size(), 2U);
  EXPECT_EQ(as<int_value_node>(f.arguments[0]->default_value).value, "1");
  EXPECT_EQ(f.arguments[0]->directives.size(), 1U);
  EXPECT_EQ(f.directives.size(), 1U);
}

TEST(Parser, Spec3ParsesEveryNamedTypeDefinitionAndExtension) {
  const parsed p(R"(
    scalar S @d      extend scalar S @e
    type O           extend type O implements I
    interface I      extend interface I @d
    union U = | A | B  extend union U = C
    enum E { A "b" B @d }  extend enum E { C }
    input In { a: Int = 1 }  extend input In @d
  )");
  const std::vector<node_kind> expected = {
      node_kind::scalar_type_definition,       node_kind::scalar_type_extension,
      node_kind::object_type_definition,       node_kind::object_type_extension,
      node_kind::interface_type_definition,    node_kind::interface_type_extension,
      node_kind::union_type_definition,        node_kind::union_type_extension,
      node_kind::enum_type_definition,         node_kind::enum_type_extension,
      node_kind::input_object_type_definition, node_kind::input_object_type_extension};
  ASSERT_EQ(p.root().definitions.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(p.root().definitions[i]->kind, expected[i]) << i;
    EXPECT_TRUE(is_type_definition(expected[i]) || is_type_extension(expected[i]));
  }
  EXPECT_EQ(p.definition<union_type_definition_node>(6).types.size(), 2U);
  const auto& values = p.definition<enum_type_definition_node>(8).values;
  ASSERT_EQ(values.size(), 2U);
  EXPECT_EQ(values[1]->description->value, "b");
  EXPECT_EQ(p.definition<input_object_type_definition_node>(10).fields.size(), 1U);
}

TEST(Parser, Spec313ParsesDirectiveDefinitions) {
  const parsed p("directive @d(a: Int = 1) repeatable on | FIELD | QUERY directive @e on SCHEMA");
  const auto& d = p.definition<directive_definition_node>(0);
  EXPECT_EQ(d.name.value, "d");
  EXPECT_EQ(d.arguments.size(), 1U);
  EXPECT_TRUE(d.repeatable);
  ASSERT_EQ(d.locations.size(), 2U);
  EXPECT_EQ(d.locations[0].value, "FIELD");
  EXPECT_EQ(d.locations[1].value, "QUERY");
  EXPECT_FALSE(p.definition<directive_definition_node>(1).repeatable);
}

TEST(Parser, MixesExecutableAndTypeSystemDefinitionsLikeGraphqlJs) {
  const parsed p("type Q { a: Int } { a } extend type Q { b: Int }");
  EXPECT_TRUE(is_type_system_definition(p.root().definitions[0]->kind));
  EXPECT_TRUE(is_executable_definition(p.root().definitions[1]->kind));
  EXPECT_TRUE(is_type_system_extension(p.root().definitions[2]->kind));
}

// ---- syntax errors ----

TEST(Parser, ErrorsCarryTheParseFailedCodeAndOneLocation) {
  const parse_result result = parse("{");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.doc, nullptr);
  EXPECT_EQ(result.error->code, "GRAPHQL_PARSE_FAILED");
  EXPECT_EQ(result.error->locations.size(), 1U);
  EXPECT_TRUE(result.error->path.empty());
}

TEST(Parser, ReportsGraphqlJsMessagesAndLocationsForExecutableDocuments) {
  const std::vector<std::pair<std::string_view, failure>> cases = {
      {"", {"Syntax Error: Unexpected <EOF>.", 1, 1}},
      {"   ", {"Syntax Error: Unexpected <EOF>.", 1, 4}},
      {"{}", {"Syntax Error: Expected Name, found \"}\".", 1, 2}},
      {"{ a", {"Syntax Error: Expected Name, found <EOF>.", 1, 4}},
      {"query", {"Syntax Error: Expected \"{\", found <EOF>.", 1, 6}},
      {"fragment on on on { on }", {"Syntax Error: Unexpected Name \"on\".", 1, 10}},
      {"fragment F on T", {"Syntax Error: Expected \"{\", found <EOF>.", 1, 16}},
      {"fragment \"on\" on T { a }", {"Syntax Error: Unexpected String \"on\".", 1, 10}},
      {"{ ...on }", {"Syntax Error: Expected Name, found \"}\".", 1, 9}},
      {"{ a(x: ) }", {"Syntax Error: Unexpected \")\".", 1, 8}},
      {"{ a(x: 1 }", {"Syntax Error: Expected Name, found \"}\".", 1, 10}},
      {"{ a } }", {"Syntax Error: Unexpected \"}\".", 1, 7}},
      {"Query { a }", {"Syntax Error: Unexpected Name \"Query\".", 1, 1}},
      {"query Q(a: Int) { a }", {"Syntax Error: Expected \"$\", found Name \"a\".", 1, 9}},
      {"{ a: }", {"Syntax Error: Expected Name, found \"}\".", 1, 6}},
      {"{ a(b) }", {"Syntax Error: Expected \":\", found \")\".", 1, 6}},
      {"{ a @ }", {"Syntax Error: Expected Name, found \"}\".", 1, 7}},
      {"{ a(x: \"s\" \"t\") }", {"Syntax Error: Expected Name, found String \"t\".", 1, 12}},
      {"query Q(,) { a }", {"Syntax Error: Expected \"$\", found \")\".", 1, 10}},
      {"{ a }\nquery Q($a: Int!!) { b }", {"Syntax Error: Expected \"$\", found \"!\".", 2, 17}},
      {"{\n  \xC3\xA9: a\n}", {"Syntax Error: Unexpected character: U+00E9.", 2, 3}},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(error_of(text), expected) << text;
}

TEST(Parser, Spec29RefusesVariablesInConstantValues) {
  const std::vector<std::pair<std::string_view, failure>> cases = {
      {"query Q($v: Int = $x) { a }",
       {"Syntax Error: Unexpected variable \"$x\" in constant value.", 1, 19}},
      {"query Q($v: [Int] = [1, $x]) { a }",
       {"Syntax Error: Unexpected variable \"$x\" in constant value.", 1, 25}},
      {"query Q($v: Int = $) { a }", {"Syntax Error: Unexpected \"$\".", 1, 19}},
      {"query Q($v: Int @d(x: $y)) { a }",
       {"Syntax Error: Unexpected variable \"$y\" in constant value.", 1, 23}},
      {"type T { f(a: Int = $v): Int }",
       {"Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 21}},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(error_of(text), expected) << text;
}

TEST(Parser, ReportsGraphqlJsMessagesForMisplacedDescriptions) {
  const std::vector<std::pair<std::string_view, failure>> cases = {
      {"\"d\" { a }",
       {"Syntax Error: Unexpected description, descriptions are not supported on shorthand "
        "queries.",
        1, 1}},
      {"\"d\" extend type T @d",
       {"Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1,
        1}},
      {"\"d\" foo",
       {"Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1,
        1}},
      {"\"d\" 1", {"Syntax Error: Unexpected Int \"1\".", 1, 5}},
      // The lookahead past a description lexes the next token, and may fail there.
      {"\"d\" 1x", {"Syntax Error: Invalid number, expected digit but got: \"x\".", 1, 6}},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(error_of(text), expected) << text;
}

TEST(Parser, ReportsGraphqlJsMessagesForTypeSystemDocuments) {
  const std::vector<std::pair<std::string_view, failure>> cases = {
      {"extend", {"Syntax Error: Unexpected <EOF>.", 1, 7}},
      {"extend foo", {"Syntax Error: Unexpected Name \"foo\".", 1, 8}},
      {"extend ?", {"Syntax Error: Unexpected character: \"?\".", 1, 8}},
      {"extend type T", {"Syntax Error: Unexpected <EOF>.", 1, 14}},
      {"extend schema", {"Syntax Error: Unexpected <EOF>.", 1, 14}},
      {"extend scalar S", {"Syntax Error: Unexpected <EOF>.", 1, 16}},
      {"extend union U", {"Syntax Error: Unexpected <EOF>.", 1, 15}},
      {"extend directive @d", {"Syntax Error: Unexpected Name \"directive\".", 1, 8}},
      {"directive @d on FOO", {"Syntax Error: Unexpected Name \"FOO\".", 1, 17}},
      {"directive @d on field", {"Syntax Error: Unexpected Name \"field\".", 1, 17}},
      {"directive @d", {"Syntax Error: Expected \"on\", found <EOF>.", 1, 13}},
      {"enum E { true }",
       {"Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10}},
      {"enum E { \"d\" \"null\" }",
       {"Syntax Error: String \"null\" is reserved and cannot be used for an enum value.", 1, 14}},
      {"union U = || A", {"Syntax Error: Expected Name, found \"|\".", 1, 12}},
      {"type T implements I, J { a: Int }", {"Syntax Error: Unexpected Name \"J\".", 1, 22}},
      {"type T implements & { a: Int }", {"Syntax Error: Expected Name, found \"{\".", 1, 21}},
      {"schema { foo: Q }", {"Syntax Error: Unexpected Name \"foo\".", 1, 10}},
      {"type T {}", {"Syntax Error: Expected Name, found \"}\".", 1, 9}},
      {"type T {\n  f(\n    a: Int\n    b: String = \"x\n  ): Int\n}",
       {"Syntax Error: Unterminated string.", 4, 19}},
  };
  for (const auto& [text, expected] : cases)
    EXPECT_EQ(error_of(text), expected) << text;
}

// ---- limits ----

TEST(Parser, Gql5RefusesMoreTokensThanTheLimitWithGraphqlJsWording) {
  parse_options options;
  options.max_tokens = 5;
  // graphql-js 16 says "more that" (sic); its maxTokens: 5 points at the sixth token.
  EXPECT_EQ(
      error_of("{a b c d e f g}", options),
      (failure{"Syntax Error: Document contains more that 5 tokens. Parsing aborted.", 1, 10}));
  options.max_tokens = 7;
  const parsed p("{a b c d e}", options);
  EXPECT_EQ(p.doc().token_count(), 7U);
}

TEST(Parser, Gql5CountsCommentsAsTokens) {
  parse_options options;
  options.max_tokens = 5;
  // Stricter than graphql-js, which skips comments when counting.
  EXPECT_EQ(
      error_of("# c\n{a b c d e}", options),
      (failure{"Syntax Error: Document contains more that 5 tokens. Parsing aborted.", 2, 8}));
  EXPECT_EQ(
      error_of("{a b c}# 1\n#2", options),
      (failure{"Syntax Error: Document contains more that 5 tokens. Parsing aborted.", 1, 8}));
  options.max_tokens = 7;
  const parsed p("# c\n{a b c d}", options);
  EXPECT_EQ(p.doc().token_count(), 7U);
}

TEST(Parser, Gql5AppliesTheDefaultLimitOf15000Tokens) {
  std::string text = "{";
  for (int i = 0; i < 14998; ++i)
    text += " a";
  text += " }";
  EXPECT_FALSE(parse(text).error);
  text.insert(1, " a");
  EXPECT_EQ(error_of(text).message,
            "Syntax Error: Document contains more that 15000 tokens. Parsing aborted.");
}

TEST(Parser, Gql5AZeroTokenLimitMeansUnlimited) {
  parse_options options;
  options.max_tokens = 0;
  std::string text = "{";
  for (int i = 0; i < 20000; ++i)
    text += " a";
  text += " }";
  EXPECT_FALSE(parse(text, options).error);
}

TEST(Parser, RefusesSelectionSetsNestedDeeperThanTheLimit) {
  parse_options options;
  options.max_nesting = 3;
  EXPECT_FALSE(parse("{a{b{c}}}", options).error);
  EXPECT_EQ(error_of("{a{b{c{d}}}}", options),
            (failure{"Syntax Error: Document nesting exceeds 3 levels.", 1, 7}));
}

TEST(Parser, CountsListsObjectsAndListTypesAsNesting) {
  parse_options options;
  options.max_nesting = 3;
  EXPECT_FALSE(parse("{ a(x: [[1]]) }", options).error);
  EXPECT_EQ(error_of("{ a(x: [[[1]]]) }", options).message,
            "Syntax Error: Document nesting exceeds 3 levels.");
  EXPECT_EQ(error_of("{ a(x: {b: {c: {d: 1}}}) }", options).message,
            "Syntax Error: Document nesting exceeds 3 levels.");
  EXPECT_FALSE(parse("query ($v: [[[Int!]!]!]!) { a }", options).error);
  EXPECT_EQ(error_of("query ($v: [[[[Int]]]]) { a }", options),
            (failure{"Syntax Error: Document nesting exceeds 3 levels.", 1, 15}));
}

TEST(Parser, SurvivesHostileNestingWithoutExhaustingTheStack) {
  parse_options options;
  options.max_tokens = 0;
  std::string selections;
  for (int i = 0; i < 500'000; ++i)
    selections += "{a";
  EXPECT_EQ(error_of(selections, options).message,
            "Syntax Error: Document nesting exceeds 256 levels.");
  const std::string lists = "{ a(x: " + std::string(1'000'000, '[') + ") }";
  EXPECT_EQ(error_of(lists, options).message, "Syntax Error: Document nesting exceeds 256 levels.");
  const std::string types = "query ($v: " + std::string(1'000'000, '[') + ") { a }";
  EXPECT_EQ(error_of(types, options).message, "Syntax Error: Document nesting exceeds 256 levels.");
}

TEST(Parser, AcceptsNestingUpToTheDefaultLimit) {
  std::string text;
  for (int i = 0; i < 256; ++i)
    text += "{a";
  text += std::string(256, '}');
  EXPECT_FALSE(parse(text).error);
}

}  // namespace
