// Execution plans kept between executions of one document: a kept plan must answer
// exactly what planning again would, whatever the variables.
#include "graphql/execution/execution_plan.hpp"

#include <gtest/gtest.h>

#include "graphql/execution/execution_test_support.hpp"

namespace chat::graphql {
namespace {

using testing::schema_from;

struct fixture {
  std::shared_ptr<const schema> s = schema_from(R"(
    type Query { a: Int b: Int echo(x: Int = 1): Int item: Item node: Node }
    type Item { name: String tag(upper: Boolean = false): String }
    interface Node { id: ID }
    type Thing implements Node { id: ID weight: Int }
  )");
  resolver_map resolvers;
  std::shared_ptr<execution_plans> plans = std::make_shared<execution_plans>();
  std::shared_ptr<const document> doc;

  explicit fixture(std::string_view query) {
    resolvers.bind("Query.echo", [](const value&, const resolve_info& info) {
      return value(info.arguments.at("x"));
    });
    resolvers.bind("Item.tag", [](const value&, const resolve_info& info) {
      return value(boost::json::value(info.arguments.at("upper").as_bool() ? "X" : "x"));
    });
    auto parsed = parse(query);
    if (!parsed.doc) throw std::runtime_error("parse failed");
    doc = parsed.doc;
  }

  std::string run(boost::json::object variables = {}) const {
    execution_request request;
    request.served = s.get();
    request.doc = doc;
    request.operation = testing::first_operation(*doc);
    request.variables = std::move(variables);
    request.resolvers = &resolvers;
    request.root = value(boost::json::parse(
        R"({"a":1,"b":2,"item":{"name":"n"},"node":{"__typename":"Thing","id":"7","weight":3}})"));
    request.plans = plans;
    boost::asio::io_context io;
    std::string body;
    boost::asio::co_spawn(
        io, execute(std::move(request), "T"),
        [&](std::exception_ptr, execution_result r) { body = std::move(r.body); });
    io.run();
    return body;
  }
};

TEST(ExecutionPlans, AnOperationWithoutVariablesIsPlannedOnce) {
  const fixture f("{ a item { name } }");
  EXPECT_EQ(f.run(), R"({"data":{"a":1,"item":{"name":"n"}}})");
  EXPECT_EQ(f.run(), R"({"data":{"a":1,"item":{"name":"n"}}})");
  EXPECT_EQ(f.plans->size(), 1U);
}

TEST(ExecutionPlans, SkipAndIncludeVariablesGetAPlanPerValue) {
  const fixture f("query ($x: Boolean!) { a @include(if: $x) b @skip(if: $x) }");
  EXPECT_EQ(f.run({{"x", true}}), R"({"data":{"a":1}})");
  EXPECT_EQ(f.run({{"x", false}}), R"({"data":{"b":2}})");
  EXPECT_EQ(f.run({{"x", true}}), R"({"data":{"a":1}})");
  EXPECT_EQ(f.plans->size(), 2U);
}

TEST(ExecutionPlans, ConditionsInsideSkippedSelectionsAreNotRead) {
  // With $outer false the inner condition is never read, so one plan serves both values
  // of $inner; with $outer true each value of $inner needs its own.
  const fixture f(
      "query ($outer: Boolean!, $inner: Boolean!) { a item @include(if: $outer) { name "
      "tag @include(if: $inner) } }");
  EXPECT_EQ(f.run({{"outer", false}, {"inner", true}}), R"({"data":{"a":1}})");
  EXPECT_EQ(f.run({{"outer", false}, {"inner", false}}), R"({"data":{"a":1}})");
  EXPECT_EQ(f.plans->size(), 1U);
  EXPECT_EQ(f.run({{"outer", true}, {"inner", true}}),
            R"({"data":{"a":1,"item":{"name":"n","tag":"x"}}})");
  EXPECT_EQ(f.run({{"outer", true}, {"inner", false}}), R"({"data":{"a":1,"item":{"name":"n"}}})");
  EXPECT_EQ(f.plans->size(), 3U);
}

TEST(ExecutionPlans, ArgumentsWithVariablesAreCoercedByEachExecution) {
  const fixture f("query ($x: Int, $u: Boolean) { echo(x: $x) item { tag(upper: $u) } }");
  EXPECT_EQ(f.run({{"x", 5}, {"u", true}}), R"({"data":{"echo":5,"item":{"tag":"X"}}})");
  EXPECT_EQ(f.run({{"x", 6}, {"u", false}}), R"({"data":{"echo":6,"item":{"tag":"x"}}})");
  EXPECT_EQ(f.plans->size(), 1U);
}

TEST(ExecutionPlans, LiteralArgumentsAndDefaultsAreCoercedOnceAndKept) {
  const fixture f("{ one: echo(x: 3) two: echo item { tag(upper: true) } }");
  EXPECT_EQ(f.run(), R"({"data":{"one":3,"two":1,"item":{"tag":"X"}}})");
  EXPECT_EQ(f.run(), R"({"data":{"one":3,"two":1,"item":{"tag":"X"}}})");
}

TEST(ExecutionPlans, AbstractFieldsHaveAPlanForEachPossibleType) {
  const fixture f("{ node { id ... on Thing { weight } __typename } }");
  EXPECT_EQ(f.run(), R"({"data":{"node":{"id":"7","weight":3,"__typename":"Thing"}}})");
  EXPECT_EQ(f.run(), R"({"data":{"node":{"id":"7","weight":3,"__typename":"Thing"}}})");
}

TEST(ExecutionPlans, IntrospectionThroughAKeptPlanAnswersTheSame) {
  const fixture f(
      R"({ __type(name: "Item") { name fields { name args { name defaultValue } } } })");
  const std::string first = f.run();
  EXPECT_EQ(
      first,
      R"({"data":{"__type":{"name":"Item","fields":[{"name":"name","args":[]},{"name":"tag","args":[{"name":"upper","defaultValue":"false"}]}]}}})");
  EXPECT_EQ(f.run(), first);
}

TEST(ExecutionPlans, AtMostAFewPlansAreKeptPerDocument) {
  std::string query = "query (";
  for (int i = 0; i < 6; ++i)
    query += "$v" + std::to_string(i) + ": Boolean! ";
  query += ") { a ";
  for (int i = 0; i < 6; ++i)
    query += "b" + std::to_string(i) + ": b @include(if: $v" + std::to_string(i) + ") ";
  query += "}";
  const fixture f(query);
  for (int mask = 0; mask < 64; ++mask) {
    boost::json::object variables;
    std::string expected = R"({"data":{"a":1)";
    for (int i = 0; i < 6; ++i) {
      const bool on = (mask >> i & 1) != 0;
      variables["v" + std::to_string(i)] = on;
      if (on) expected += ",\"b" + std::to_string(i) + "\":2";
    }
    expected += "}}";
    ASSERT_EQ(f.run(variables), expected) << mask;
  }
  EXPECT_EQ(f.plans->size(), execution_plans::k_max_plans);
}

}  // namespace
}  // namespace chat::graphql
