// Input coercion as graphql-js `coerceInputValue` / `valueFromAST` / `getArgumentValues`.
// (Whole-request variable messages are checked against graphql-js in execute_test.cpp.)
#include "graphql/execution/coerce_values.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "graphql/execution/execution_test_support.hpp"

namespace chat::graphql {
namespace {

using boost::json::parse;

std::shared_ptr<const schema> make_schema() {
  build_options options;
  options.scalars["Even"] = scalar_coercion{
      [](const boost::json::value& v, std::string& error) -> std::optional<boost::json::value> {
        if (v.is_int64() && v.get_int64() % 2 == 0) return v;
        error = "Even cannot represent " + boost::json::serialize(v);
        return std::nullopt;
      },
      [](const value_node& literal, std::string& error) -> std::optional<boost::json::value> {
        if (literal.kind == node_kind::int_value) {
          const auto text = static_cast<const int_value_node&>(literal).value;
          if ((text.back() - '0') % 2 == 0)
            return boost::json::value(std::stoll(std::string(text)));
        }
        error = "not even";
        return std::nullopt;
      }};
  auto built = build_schema(R"(
    scalar Even
    scalar Json
    enum Color { RED GREEN }
    input Point { x: Int! y: Int = 0 }
    type Query { f(a: Int!, b: [Point!], c: Color = GREEN, d: Even, e: Json, g: [[Int]]): Int }
  )",
                            options);
  if (!built.built) throw std::runtime_error(built.errors.front());
  return built.built;
}

struct fixture {
  std::shared_ptr<const schema> s = make_schema();
  const field_definition& f = *s->query_type()->find_field("f");
  const type& arg(std::string_view name) const { return *f.find_argument(name)->value_type; }

  // Coerces the arguments of `{ f(...) }` with variables.
  std::pair<boost::json::object, std::optional<graphql_error>> args(
      std::string_view query, const boost::json::object& variables = {}) const {
    auto parsed = graphql::parse(query);
    if (!parsed.doc) throw std::runtime_error(parsed.error->message);
    const auto* op = testing::first_operation(*parsed.doc);
    const auto& field = static_cast<const field_node&>(*op->selection_set->selections.front());
    boost::json::object coerced;
    auto error = coerce_argument_values(f.arguments, field.arguments, field, variables, *parsed.doc,
                                        coerced);
    return {coerced, error};
  }
};

std::vector<std::string> input_errors(const boost::json::value& input, const type& t) {
  std::vector<std::string> messages;
  coerce_input_value(
      input, t,
      [&](std::span<const path_segment> path, const boost::json::value&, std::string message) {
        std::string where;
        for (const auto& segment : path) {
          where += std::holds_alternative<std::string>(segment)
                       ? "." + std::get<std::string>(segment)
                       : "[" + std::to_string(std::get<std::int64_t>(segment)) + "]";
        }
        messages.push_back(where + ": " + message);
      });
  return messages;
}

TEST(CoerceArgumentValues, AppliesDefaultsAndCoercesLiterals) {
  const fixture f;
  const auto [coerced, error] = f.args(R"({ f(a: 1, b: {x: 2}, g: [1, [2]]) })");
  ASSERT_FALSE(error);
  EXPECT_EQ(boost::json::value(coerced),
            parse(R"({"a":1,"b":[{"x":2,"y":0}],"c":"GREEN","g":[[1],[2]]})"));
}

TEST(CoerceArgumentValues, MissingRequiredArgument) {
  const fixture f;
  const auto [coerced, error] = f.args("{ f }");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "Argument \"a\" of required type \"Int!\" was not provided.");
  EXPECT_EQ(error->locations.front(), (source_position{1, 3}));
}

TEST(CoerceArgumentValues, VariableWithoutRuntimeValue) {
  const fixture f;
  auto [coerced, error] = f.args("query($v: Int) { f(a: $v) }");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message,
            "Argument \"a\" of required type \"Int!\" was provided the variable \"$v\" which was "
            "not provided a runtime value.");
  std::tie(coerced, error) = f.args("query($v: Int) { f(a: $v) }", {{"v", nullptr}});
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "Argument \"a\" of non-null type \"Int!\" must not be null.");
}

TEST(CoerceArgumentValues, MissingVariableFallsBackToTheDefault) {
  const fixture f;
  const auto [coerced, error] = f.args("query($v: Color) { f(a: 1, c: $v) }");
  ASSERT_FALSE(error);
  EXPECT_EQ(coerced.at("c"), "GREEN");
}

TEST(CoerceArgumentValues, InvalidLiteral) {
  const fixture f;
  const auto [coerced, error] = f.args(R"({ f(a: "x") })");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "Argument \"a\" has invalid value \"x\".");
}

TEST(CoerceArgumentValues, CustomScalarsUseTheirCoercion) {
  const fixture f;
  auto [coerced, error] = f.args("{ f(a: 1, d: 4, e: {k: [1, \"s\"]}) }");
  ASSERT_FALSE(error);
  EXPECT_EQ(coerced.at("d"), 4);
  EXPECT_EQ(coerced.at("e"), parse(R"({"k":[1,"s"]})"));
  std::tie(coerced, error) = f.args("{ f(a: 1, d: 3) }");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "Argument \"d\" has invalid value 3.");
  // A variable inside a custom scalar literal goes through parse_value.
  std::tie(coerced, error) = f.args("query($v: Int) { f(a: 1, e: {k: $v, m: $w}) }", {{"v", 5}});
  ASSERT_FALSE(error);
  EXPECT_EQ(coerced.at("e"), parse(R"({"k":5})"));
}

TEST(CoerceArgumentValues, LongLiteralListsAreRefused) {
  const fixture f;
  std::string query = "{ f(a: 1, g: [";
  for (int i = 0; i < 1001; ++i)
    query += "1 ";
  query += "]) }";
  const auto [coerced, error] = f.args(query);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message,
            "Argument \"g\" got invalid value; List is longer than the maximum of 1000 items.");
}

TEST(CoerceInputValue, ReportsEveryProblemWithItsPath) {
  const fixture f;
  EXPECT_EQ(
      input_errors(parse(R"([{"x":1},{"y":"a"},null])"), f.arg("b")),
      (std::vector<std::string>{"[1]: Field \"x\" of required type \"Int!\" was not provided.",
                                "[1].y: Int cannot represent non-integer value: \"a\"",
                                "[2]: Expected non-nullable type \"Point!\" not to be null."}));
  EXPECT_EQ(input_errors(parse("3"), f.arg("d")),
            std::vector<std::string>{": Even cannot represent 3"});
  EXPECT_EQ(input_errors(parse(R"("BLUE")"), f.arg("c")),
            std::vector<std::string>{": Value \"BLUE\" does not exist in \"Color\" enum."});
}

TEST(CoerceInputValue, NestedListsAndSingleValues) {
  const fixture f;
  const auto ok = [](std::span<const path_segment>, const boost::json::value&, std::string m) {
    FAIL() << m;
  };
  EXPECT_EQ(*coerce_input_value(parse("1"), f.arg("g"), ok), parse("[[1]]"));
  EXPECT_EQ(*coerce_input_value(parse("[1,[2,3],null]"), f.arg("g"), ok),
            parse("[[1],[2,3],null]"));
  EXPECT_EQ(*coerce_input_value(parse(R"({"x":1})"), f.arg("b"), ok), parse(R"([{"x":1,"y":0}])"));
}

TEST(CoercedDefault, IsTheDefaultLiteralCoerced) {
  const fixture f;
  EXPECT_EQ(*coerced_default(*f.f.find_argument("c")), "GREEN");
  EXPECT_FALSE(coerced_default(*f.f.find_argument("a")));
}

}  // namespace
}  // namespace chat::graphql
