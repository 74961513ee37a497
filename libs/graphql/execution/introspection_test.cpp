// The executor's introspection against graphql-js 16.15: the full introspection query
// over schema/contract/original.graphql (the frozen contract) must give exactly graphql-js's data
// (testdata/ was generated with graphql-js `graphqlSync({schema: buildSchema(sdl), source:
// getIntrospectionQuery({descriptions, specifiedByUrl, directiveIsRepeatable,
// schemaDescription, inputValueDeprecation})})`).
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "graphql/execution/execution_test_support.hpp"

namespace chat::graphql {
namespace {

using testing::body_json;
using testing::read_text_file;
using testing::run;

std::shared_ptr<const schema> chat_schema() {
  static const auto built = testing::schema_from(read_text_file(CHAT_SCHEMA_FILE));
  return built;
}

TEST(Introspection, FullQueryMatchesGraphqlJs) {
  const std::string query =
      read_text_file(std::string(CHAT_EXECUTION_TESTDATA) + "/introspection_query.graphql");
  const auto expected = boost::json::parse(
      read_text_file(std::string(CHAT_EXECUTION_TESTDATA) + "/chat_introspection.json"));
  const auto result = run(*chat_schema(), query);
  EXPECT_EQ(result.error_count, 0U) << result.body;
  const auto actual = body_json(result);
  ASSERT_TRUE(actual.is_object());
  const auto& expected_types = expected.at("data").at("__schema").at("types").as_array();
  const auto& actual_types = actual.at("data").at("__schema").at("types").as_array();
  ASSERT_EQ(actual_types.size(), expected_types.size());
  for (std::size_t i = 0; i < expected_types.size(); ++i) {
    EXPECT_EQ(actual_types[i], expected_types[i])
        << "type " << i << "\nexpected " << boost::json::serialize(expected_types[i])
        << "\nactual   " << boost::json::serialize(actual_types[i]);
  }
  EXPECT_EQ(actual, expected);
}

TEST(Introspection, FullQueryTimingInRelease) {
  const std::string query =
      read_text_file(std::string(CHAT_EXECUTION_TESTDATA) + "/introspection_query.graphql");
  auto parsed = parse(query);
  ASSERT_TRUE(parsed.doc);
  const auto s = chat_schema();
  constexpr int k_runs = 200;
  boost::asio::io_context io;
  std::size_t bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < k_runs; ++i) {
    execution_request request;
    request.served = s.get();
    request.doc = parsed.doc;
    request.operation = testing::first_operation(*parsed.doc);
    boost::asio::co_spawn(io, execute(std::move(request), "T"),
                          [&](std::exception_ptr, execution_result r) { bytes += r.body.size(); });
    io.restart();
    io.run();
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const double micros =
      std::chrono::duration<double, std::micro>(elapsed).count() / static_cast<double>(k_runs);
  std::cout << "full introspection query: " << micros << " us per execution, " << bytes / k_runs
            << " bytes\n";
  EXPECT_GT(bytes, 0U);
}

TEST(Introspection, TypenameOfTheQueryRoot) {
  const auto result = run(*chat_schema(), "{ __typename }");
  EXPECT_EQ(result.body, R"({"data":{"__typename":"Query"}})");
}

TEST(Introspection, TypeByNameListsFieldsInOrder) {
  const auto result =
      run(*chat_schema(), R"({ __type(name: "ChatroomEntity") { name fields { name } } })");
  EXPECT_EQ(result.error_count, 0U) << result.body;
  const auto data = body_json(result).at("data").at("__type");
  EXPECT_EQ(data.at("name"), "ChatroomEntity");
  const auto& fields = data.at("fields").as_array();
  ASSERT_FALSE(fields.empty());
  // Same order as the SDL declares them.
  const auto s = chat_schema();
  const auto* t = static_cast<const object_type*>(s->find_type("ChatroomEntity"));
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(fields.size(), t->fields().size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    EXPECT_EQ(fields[i].at("name").as_string(), t->fields()[i].name);
  }
}

TEST(Introspection, UnknownTypeIsNull) {
  const auto result = run(*chat_schema(), R"({ __type(name: "Nope") { name } })");
  EXPECT_EQ(result.body, R"({"data":{"__type":null}})");
}

TEST(Introspection, WrappersHaveNoNameAndAnOfType) {
  const auto s = testing::schema_from("type Query { a: [Int!]! }");
  const auto result =
      run(*s,
          "{ __type(name: \"Query\") { fields { type { kind name ofType { kind ofType { "
          "kind ofType { kind name } } } } } } }");
  EXPECT_EQ(
      result.body,
      R"({"data":{"__type":{"fields":[{"type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"LIST","ofType":{"kind":"NON_NULL","ofType":{"kind":"SCALAR","name":"Int"}}}}}]}}})");
}

TEST(Introspection, DeprecatedElementsAreFilteredUnlessAsked) {
  const auto s = testing::schema_from(R"(
    type Query { a: Int b: Int @deprecated(reason: "use a") e: E }
    enum E { X Y @deprecated }
  )");
  auto result = run(*s, R"({ __type(name: "Query") { fields { name } } })");
  EXPECT_EQ(result.body, R"({"data":{"__type":{"fields":[{"name":"a"},{"name":"e"}]}}})");
  result = run(
      *s,
      R"({ __type(name: "Query") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } })");
  EXPECT_EQ(
      result.body,
      R"({"data":{"__type":{"fields":[{"name":"a","isDeprecated":false,"deprecationReason":null},{"name":"b","isDeprecated":true,"deprecationReason":"use a"},{"name":"e","isDeprecated":false,"deprecationReason":null}]}}})");
  result = run(
      *s,
      R"({ __type(name: "E") { enumValues(includeDeprecated: true) { name deprecationReason } } })");
  EXPECT_EQ(
      result.body,
      R"({"data":{"__type":{"enumValues":[{"name":"X","deprecationReason":null},{"name":"Y","deprecationReason":"No longer supported"}]}}})");
}

TEST(Introspection, DefaultValuesPrintAsGraphqlJsPrintsThem) {
  const auto s = testing::schema_from(R"(
    input I { a: Int = 3 b: String }
    enum E { X Y }
    type Query {
      f(x: Float = 1, y: [Int] = 2, z: I = {b: "q"}, w: ID = "7", v: E = X, s: String = """block""", n: Int = null): Int
    }
  )");
  const auto result =
      run(*s, R"({ __type(name: "Query") { fields { args { name defaultValue } } } })");
  EXPECT_EQ(
      result.body,
      R"({"data":{"__type":{"fields":[{"args":[{"name":"x","defaultValue":"1"},{"name":"y","defaultValue":"[2]"},{"name":"z","defaultValue":"{a: 3, b: \"q\"}"},{"name":"w","defaultValue":"7"},{"name":"v","defaultValue":"X"},{"name":"s","defaultValue":"\"block\""},{"name":"n","defaultValue":"null"}]}]}}})");
}

}  // namespace
}  // namespace chat::graphql
