// Execution against graphql-js 16.15: testdata/execute_cases.json run by graphql-js over
// the same schema and root value (testdata/generate_execute_expected.mjs) gave
// testdata/execute_expected.json; every case must give the same response here (our
// errors also carry `extensions`, compared separately). Then what graphql-js's
// synchronous `graphqlSync` cannot show: asynchronous resolvers, concurrency, serial
// mutations, error codes.
#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>

#include "graphql/execution/execution_test_support.hpp"
#include "graphql/type/inspect.hpp"

namespace chat::graphql {
namespace {

using testing::body_json;
using testing::read_text_file;
using testing::run;
using testing::run_on;
using testing::run_options;
namespace asio = boost::asio;

std::string testdata(const std::string& name) {
  return read_text_file(std::string(CHAT_EXECUTION_TESTDATA) + "/" + name);
}

// JSON.stringify of coerced arguments (JavaScript number formatting).
void js_stringify(const boost::json::value& v, std::string& out) {
  if (v.is_double() || v.is_int64() || v.is_uint64()) {
    out += js_number_to_string(*js_number(v));
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const auto& item : v.get_array()) {
      if (!first) out += ',';
      first = false;
      js_stringify(item, out);
    }
    out += ']';
  } else if (v.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& member : v.get_object()) {
      if (!first) out += ',';
      first = false;
      out += boost::json::serialize(boost::json::value(member.key()));
      out += ':';
      js_stringify(member.value(), out);
    }
    out += '}';
  } else {
    out += boost::json::serialize(v);
  }
}

struct fixture {
  std::shared_ptr<const schema> s = testing::schema_from(testdata("execute_schema.graphql"));
  boost::json::value root = boost::json::parse(testdata("execute_root.json"));
  resolver_map resolvers;
  fixture() {
    resolvers.bind("Query.echo", [](const value&, const resolve_info& info) {
      std::string out;
      js_stringify(boost::json::value(info.arguments), out);
      return value(boost::json::value(out));
    });
    for (const char* name : {"Query.failing", "Query.failingNonNull"}) {
      resolvers.bind(name, [](const value&, const resolve_info&) {
        return value(field_error{"boom", "NOT_FOUND", {}});
      });
    }
  }
  execution_result exec(std::string_view query, boost::json::object variables = {}) const {
    run_options options;
    options.variables = std::move(variables);
    options.resolvers = &resolvers;
    options.root = value(root);
    return run(*s, query, std::move(options));
  }
};

boost::json::value without_extensions(boost::json::value body) {
  if (auto* errors = body.as_object().if_contains("errors")) {
    for (auto& error : errors->as_array())
      error.as_object().erase("extensions");
  }
  return body;
}

TEST(Execute, EveryCaseMatchesGraphqlJs) {
  const fixture f;
  const auto cases = boost::json::parse(testdata("execute_cases.json")).as_array();
  const auto expected = boost::json::parse(testdata("execute_expected.json")).as_object();
  ASSERT_GT(cases.size(), 30U);
  for (const auto& c : cases) {
    const auto& row = c.as_array();
    const std::string name(row[0].as_string());
    const auto result = f.exec(row[1].as_string(), row[2].as_object());
    boost::json::value actual;
    ASSERT_NO_THROW(actual = body_json(result)) << name << ": " << result.body;
    EXPECT_EQ(without_extensions(actual), expected.at(name))
        << name << "\nexpected " << boost::json::serialize(expected.at(name)) << "\nactual   "
        << result.body;
    EXPECT_EQ(result.request_error, !actual.as_object().contains("data")) << name;
  }
}

TEST(Execute, ErrorsComeBeforeDataAndCarryCodes) {
  const fixture f;
  const auto result = f.exec("{ hello failing nonNull }");
  EXPECT_EQ(
      result.body,
      R"({"errors":[{"message":"boom","locations":[{"line":1,"column":9}],"path":["failing"],"extensions":{"code":"NOT_FOUND","timestamp":"T"}},)"
      R"({"message":"Cannot return null for non-nullable field Query.nonNull.","locations":[{"line":1,"column":17}],"path":["nonNull"],"extensions":{"code":"INTERNAL_SERVER_ERROR","timestamp":"T"}}],"data":null})");
  EXPECT_EQ(result.error_count, 2U);
}

TEST(Execute, VariableErrorsAreBadUserInputWithoutData) {
  const fixture f;
  const auto result = f.exec("query($x: Int!) { echo(i: $x) }");
  EXPECT_TRUE(result.request_error);
  EXPECT_EQ(
      result.body,
      R"({"errors":[{"message":"Variable \"$x\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":7}],"extensions":{"code":"BAD_USER_INPUT","timestamp":"T"}}]})");
}

TEST(Execute, InputListsLongerThanTheLimitAreRefused) {
  const fixture f;
  boost::json::array items(1001, boost::json::value(1));
  auto result = f.exec("query($l: [Int]) { echo(l: $l) }", {{"l", items}});
  EXPECT_TRUE(result.request_error);
  EXPECT_EQ(body_json(result).at("errors").at(0).at("message"),
            "Variable \"$l\" got invalid value [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ... 991 more items]; "
            "List is longer than the maximum of 1000 items.");
  items.pop_back();
  result = f.exec("query($l: [Int]) { echo(l: $l) }", {{"l", items}});
  EXPECT_EQ(result.error_count, 0U) << result.body.substr(0, 200);
}

TEST(Execute, SingleValuesCoerceToOneItemLists) {
  const fixture f;
  const auto result = f.exec("query($l: [Int]) { echo(l: $l) }", {{"l", 7}});
  EXPECT_EQ(result.body, R"({"data":{"echo":"{\"l\":[7],\"req\":5}"}})");
}

// ---- asynchronous resolvers ----

struct async_fixture {
  std::shared_ptr<const schema> s = testing::schema_from(R"(
    type Item { id: Int! label: String! slow: String }
    type Query {
      wait(ms: Int!, label: String!): String
      waitNonNull(ms: Int!): String!
      items: [Item]
      item: Item
    }
    type Mutation { append(ms: Int!, label: String!): [String!]! }
  )");
  resolver_map resolvers;
  std::vector<std::string> log;
  int loads = 0;

  static asio::awaitable<void> sleep(std::int64_t ms) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    timer.expires_after(std::chrono::milliseconds(ms));
    co_await timer.async_wait(asio::use_awaitable);
  }

  async_fixture() {
    resolvers.bind_async("Query.wait",
                         [this](const value&, const resolve_info& info) -> asio::awaitable<value> {
                           const std::string label(info.arguments.at("label").as_string());
                           co_await sleep(info.arguments.at("ms").as_int64());
                           log.push_back(label);
                           co_return value(boost::json::value(label));
                         });
    resolvers.bind_async("Query.waitNonNull",
                         [](const value&, const resolve_info& info) -> asio::awaitable<value> {
                           co_await sleep(info.arguments.at("ms").as_int64());
                           co_return value();
                         });
    resolvers.bind_async("Mutation.append",
                         [this](const value&, const resolve_info& info) -> asio::awaitable<value> {
                           const std::string label(info.arguments.at("label").as_string());
                           log.push_back("start " + label);
                           co_await sleep(info.arguments.at("ms").as_int64());
                           log.push_back("end " + label);
                           boost::json::array all;
                           for (const auto& entry : log)
                             all.emplace_back(entry);
                           co_return value(boost::json::value(std::move(all)));
                         });
    resolvers.bind("Query.items", [](const value&, const resolve_info&) {
      value::list items;
      for (int i = 1; i <= 3; ++i)
        items.emplace_back(boost::json::value({{"id", i}}));
      return value(std::move(items));
    });
    resolvers.bind("Query.item", [](const value&, const resolve_info&) {
      return value(boost::json::value({{"id", 9}}));
    });
    // Item.label: every item's resolver starts before any finishes (batching).
    resolvers.bind_async(
        "Item.label", [this](const value& parent, const resolve_info&) -> asio::awaitable<value> {
          const auto id = parent.json()->at("id").as_int64();
          log.push_back("load " + std::to_string(id));
          co_await sleep(5 * (4 - id));
          log.push_back("done " + std::to_string(id));
          co_return id == 2 ? value() : value(boost::json::value("L" + std::to_string(id)));
        });
    resolvers.bind_async("Item.slow",
                         [](const value&, const resolve_info&) -> asio::awaitable<value> {
                           co_await sleep(1);
                           co_return value(field_error{"slow failed", "", {}});
                         });
  }

  execution_result exec(std::string_view query) {
    run_options options;
    options.resolvers = &resolvers;
    asio::io_context io;
    return run_on(io, *s, query, std::move(options));
  }
};

TEST(ExecuteAsync, QueryFieldsRunConcurrentlyAndKeepSelectionOrder) {
  async_fixture f;
  const auto start = std::chrono::steady_clock::now();
  const auto result = f.exec(
      R"({ a: wait(ms: 60, label: "a") b: wait(ms: 10, label: "b") c: wait(ms: 30, label: "c") })");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(result.body, R"({"data":{"a":"a","b":"b","c":"c"}})");
  EXPECT_EQ(f.log, (std::vector<std::string>{"b", "c", "a"}));  // finished out of order
  EXPECT_LT(elapsed, std::chrono::milliseconds(95));            // not 100 ms in sequence
}

TEST(ExecuteAsync, MutationRootFieldsRunSerially) {
  async_fixture f;
  const auto result =
      f.exec(R"(mutation { x: append(ms: 20, label: "x") y: append(ms: 1, label: "y") })");
  EXPECT_EQ(result.body,
            R"({"data":{"x":["start x","end x"],"y":["start x","end x","start y","end y"]}})");
}

TEST(ExecuteAsync, SiblingObjectsStartTheirResolversTogetherAndNullsPropagate) {
  async_fixture f;
  const auto result = f.exec("{ items { id label } }");
  EXPECT_EQ(f.log,
            (std::vector<std::string>{"load 1", "load 2", "load 3", "done 3", "done 2", "done 1"}));
  EXPECT_EQ(
      result.body,
      R"({"errors":[{"message":"Cannot return null for non-nullable field Item.label.","locations":[{"line":1,"column":14}],"path":["items",1,"label"],"extensions":{"code":"INTERNAL_SERVER_ERROR","timestamp":"T"}}],)"
      R"("data":{"items":[{"id":1,"label":"L1"},null,{"id":3,"label":"L3"}]}})");
}

TEST(ExecuteAsync, AsyncFieldErrorsAndNonNullAtTheRoot) {
  async_fixture f;
  auto result = f.exec("{ item { id slow } }");
  EXPECT_EQ(
      result.body,
      R"({"errors":[{"message":"slow failed","locations":[{"line":1,"column":13}],"path":["item","slow"],"extensions":{"code":"INTERNAL_SERVER_ERROR","timestamp":"T"}}],"data":{"item":{"id":9,"slow":null}}})");
  result = f.exec(R"({ a: wait(ms: 1, label: "a") waitNonNull(ms: 2) })");
  EXPECT_EQ(body_json(result).at("data"), nullptr);
  EXPECT_EQ(body_json(result).at("errors").at(0).at("message"),
            "Cannot return null for non-nullable field Query.waitNonNull.");
}

TEST(ExecuteAsync, FragmentsAndTypenameOnTheAsyncPath) {
  async_fixture f;
  const auto result = f.exec(
      "{ __typename item { ...I } } fragment I on Item { __typename id label @skip(if: true) }");
  EXPECT_EQ(result.body, R"({"data":{"__typename":"Query","item":{"__typename":"Item","id":9}}})");
}

TEST(ResolverMap, UnboundFieldsSkipsJsonAndIntrospectionTypes) {
  async_fixture f;
  EXPECT_EQ(f.resolvers.unbound_fields(*f.s, {}), std::vector<std::string>{"Item.id"});
  const auto unbound = f.resolvers.unbound_fields(*f.s, {"Item"});
  EXPECT_EQ(unbound, std::vector<std::string>{});
}

}  // namespace
}  // namespace chat::graphql
