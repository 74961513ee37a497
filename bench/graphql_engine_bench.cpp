// Google Benchmark of the GraphQL engine (docs/benchmarks.md, issue 3): lexing, parsing,
// validating and executing graphql-js's full introspection query over schema/chat.graphql,
// with and without the document cache (GQL-4); `{ hello }`; a mid-size chat query with
// fragments and variables over canned data; and, as the baseline measured in the same
// run, Boost.JSON parsing and serialising the introspection result (the cost of merely
// producing bytes of that size).
//
// Executions run the way the HTTP endpoint runs them: `co_await execute(...)` inside a
// coroutine on an io_context (the benchmark loop itself runs in that coroutine).
#include <benchmark/benchmark.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>
#include <exception>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "graphql/execution/document_cache.hpp"
#include "graphql/execution/execute.hpp"
#include "graphql/execution/execution_plan.hpp"
#include "graphql/language/lexer.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/validation/custom/limits.hpp"
#include "graphql/validation/validate.hpp"

namespace {

namespace asio = boost::asio;
namespace gql = chat::graphql;

constexpr std::string_view k_timestamp = "2026-11-27T00:00:00.000Z";
constexpr std::string_view k_hello_query = "{ hello }";
constexpr int k_messages = 50;

std::string read_text_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct chatroom {
  std::int64_t id;
  std::string name;
  std::string access;
};

// 50 message edges, each with its author, as a resolver would build them from rows.
boost::json::value canned_page() {
  boost::json::array edges;
  for (int i = 0; i < k_messages; ++i) {
    const int author = i % 7;
    boost::json::object user{
        {"id", author},
        {"fullname", "Fan number " + std::to_string(author)},
        {"email", "fan" + std::to_string(author) + "@example.com"},
        {"avatarUrl", author % 2 == 0 ? boost::json::value("https://cdn.example.com/a/" +
                                                           std::to_string(author) + ".png")
                                      : boost::json::value(nullptr)},
    };
    boost::json::object node{
        {"id", 1000 + i},
        {"content", "¡Golazo! Message " + std::to_string(i) + " about the derby \"tonight\""},
        {"createdAt", "2026-11-27T10:" + std::to_string(10 + i % 50) + ":00.000Z"},
        {"updatedAt", nullptr},
        {"imageUrl",
         i % 5 == 0 ? boost::json::value("https://cdn.example.com/m/" + std::to_string(i) + ".jpg")
                    : boost::json::value(nullptr)},
        {"user", std::move(user)},
    };
    edges.push_back(boost::json::object{{"cursor", 1000 + i}, {"node", std::move(node)}});
  }
  return boost::json::object{
      {"totalCount", 1234},
      {"pageInfo",
       boost::json::object{{"endCursor", 1000 + k_messages - 1}, {"hasNextPage", true}}},
      {"edges", std::move(edges)},
  };
}

const chatroom& the_chatroom() {
  static const chatroom room{7, "Boca - River", "PUBLIC"};
  return room;
}

const chatroom& room_of(const gql::value& parent) {
  return *static_cast<const chatroom*>(parent.object()->object.get());
}

struct fixture {
  std::shared_ptr<const gql::schema> served;
  gql::resolver_map resolvers;
  std::vector<gql::rule_factory> limit_rules = gql::limits::rules_for({});
  std::string introspection_query;
  std::string messages_query;
  boost::json::object messages_variables{{"chatroomId", 7}, {"take", k_messages}};
  boost::json::value page = canned_page();

  fixture() {
    const std::string data_dir = CHAT_BENCH_DATA;
    auto built = gql::build_schema(read_text_file(CHAT_SCHEMA_FILE));
    if (!built.built) throw std::runtime_error("schema/chat.graphql does not build");
    served = built.built;
    introspection_query =
        read_text_file(std::string(CHAT_EXECUTION_TESTDATA) + "/introspection_query.graphql");
    messages_query = read_text_file(data_dir + "/messages_query.graphql");

    resolvers.bind("Query.hello", [](const gql::value&, const gql::resolve_info&) {
      return gql::value(boost::json::value("hello brah! u mirin? "));
    });
    resolvers.bind(
        "Query.getMessagesForChatroom",
        [this](const gql::value&, const gql::resolve_info&) { return gql::value(page); });
    resolvers.bind("MessageEntity.chatroom", [](const gql::value&, const gql::resolve_info&) {
      const chatroom* room = &the_chatroom();
      return gql::value(gql::object_value{
          std::shared_ptr<const void>(std::shared_ptr<const void>(), room), "ChatroomEntity"});
    });
    resolvers.bind("ChatroomEntity.id", [](const gql::value& parent, const gql::resolve_info&) {
      return gql::value(boost::json::value(room_of(parent).id));
    });
    resolvers.bind("ChatroomEntity.name", [](const gql::value& parent, const gql::resolve_info&) {
      return gql::value(boost::json::value(room_of(parent).name));
    });
    resolvers.bind("ChatroomEntity.access", [](const gql::value& parent, const gql::resolve_info&) {
      return gql::value(boost::json::value(room_of(parent).access));
    });
  }

  // What the endpoint's document cache does on a miss: parse, then validate with the
  // GQL-5 limits.
  gql::prepared_document prepare(std::string_view text) const {
    gql::prepared_document prepared;
    auto parsed = gql::parse(text);
    if (!parsed.doc) {
      prepared.parse_failed = true;
      prepared.errors.push_back(std::move(*parsed.error));
      return prepared;
    }
    prepared.doc = std::move(parsed.doc);
    gql::validation_options options;
    options.extra_rules = limit_rules;
    prepared.errors = gql::validate(*served, *prepared.doc, options);
    return prepared;
  }

  // `keep_plans`: with the execution plans a document cache hit carries.
  std::shared_ptr<const gql::prepared_document> prepared(std::string_view text,
                                                         bool keep_plans) const {
    auto p = std::make_shared<gql::prepared_document>(prepare(text));
    if (!p->valid()) throw std::runtime_error("benchmark document does not validate");
    if (keep_plans) p->plans = std::make_shared<gql::execution_plans>();
    return p;
  }
};

fixture& fx() {
  static fixture f;
  return f;
}

const gql::operation_definition_node* only_operation(const gql::document& doc) {
  for (const gql::definition_node* d : doc.root().definitions) {
    if (d->kind == gql::node_kind::operation_definition) {
      return static_cast<const gql::operation_definition_node*>(d);
    }
  }
  throw std::runtime_error("no operation");
}

gql::execution_request request_for(const fixture& f, const gql::prepared_document& prepared,
                                   const boost::json::object& variables = {}) {
  gql::execution_request request;
  request.served = f.served.get();
  request.doc = prepared.doc;
  request.operation = only_operation(*prepared.doc);
  request.variables = variables;
  request.resolvers = &f.resolvers;
  request.plans = prepared.plans;
  return request;
}

void check(benchmark::State& state, const gql::execution_result& result) {
  if (result.error_count != 0 || result.body.size() < 16) {
    state.SkipWithError(("execution failed: " + result.body.substr(0, 300)).c_str());
  }
}

// Runs `loop(state)` (a coroutine holding the benchmark loop) on a fresh io_context.
template <typename Loop>
void run_loop(benchmark::State& state, Loop loop) {
  asio::io_context io;
  std::exception_ptr failure;
  asio::co_spawn(io, loop(state), [&](std::exception_ptr e) { failure = e; });
  io.run();
  if (failure) std::rethrow_exception(failure);
}

// ---- the introspection query ----

void BM_IntrospectionLex(benchmark::State& state) {
  const std::string& text = fx().introspection_query;
  std::size_t tokens = 0;
  for (auto _ : state) {
    gql::lexer lex(text);
    for (gql::token t = lex.next();
         t.kind != gql::token_kind::eof && t.kind != gql::token_kind::error; t = lex.next()) {
      ++tokens;
    }
    benchmark::DoNotOptimize(tokens);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_IntrospectionLex);

void BM_IntrospectionParse(benchmark::State& state) {
  const std::string& text = fx().introspection_query;
  for (auto _ : state) {
    auto parsed = gql::parse(text);
    benchmark::DoNotOptimize(parsed.doc.get());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_IntrospectionParse);

void BM_IntrospectionValidate(benchmark::State& state) {
  const fixture& f = fx();
  auto parsed = gql::parse(f.introspection_query);
  gql::validation_options options;
  options.extra_rules = f.limit_rules;
  for (auto _ : state) {
    auto errors = gql::validate(*f.served, *parsed.doc, options);
    if (!errors.empty()) state.SkipWithError("introspection query does not validate");
    benchmark::DoNotOptimize(errors.data());
  }
}
BENCHMARK(BM_IntrospectionValidate);

// Execution alone: the document parsed and validated once (what a cache hit leaves).
void BM_IntrospectionExecuteCached(benchmark::State& state) {
  const fixture& f = fx();
  const auto prepared = f.prepared(f.introspection_query, true);
  std::size_t bytes = 0;
  run_loop(state, [&](benchmark::State& s) -> asio::awaitable<void> {
    for (auto _ : s) {
      auto result = co_await gql::execute(request_for(f, *prepared), k_timestamp);
      bytes = result.body.size();
      benchmark::DoNotOptimize(result.body.data());
    }
    co_return;
  });
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["response_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_IntrospectionExecuteCached)->Unit(benchmark::kMicrosecond);

// Parse + validate + execute on every request (no document cache).
void BM_IntrospectionUncached(benchmark::State& state) {
  const fixture& f = fx();
  run_loop(state, [&](benchmark::State& s) -> asio::awaitable<void> {
    for (auto _ : s) {
      const auto prepared = f.prepared(f.introspection_query, false);
      auto result = co_await gql::execute(request_for(f, *prepared), k_timestamp);
      benchmark::DoNotOptimize(result.body.data());
    }
    co_return;
  });
}
BENCHMARK(BM_IntrospectionUncached)->Unit(benchmark::kMicrosecond);

// The endpoint's path: a document cache lookup (a hit after the first request), then
// execution.
void BM_IntrospectionDocumentCache(benchmark::State& state) {
  const fixture& f = fx();
  gql::document_cache cache([&f](std::string_view text) { return f.prepare(text); });
  run_loop(state, [&](benchmark::State& s) -> asio::awaitable<void> {
    for (auto _ : s) {
      const auto prepared = cache.get(f.introspection_query);
      auto result = co_await gql::execute(request_for(f, *prepared), k_timestamp);
      benchmark::DoNotOptimize(result.body.data());
    }
    co_return;
  });
}
BENCHMARK(BM_IntrospectionDocumentCache)->Unit(benchmark::kMicrosecond);

// ---- small and mid-size operations through the document cache ----

void BM_HelloDocumentCache(benchmark::State& state) {
  const fixture& f = fx();
  gql::document_cache cache([&f](std::string_view text) { return f.prepare(text); });
  run_loop(state, [&](benchmark::State& s) -> asio::awaitable<void> {
    for (auto _ : s) {
      const auto prepared = cache.get(k_hello_query);
      auto result = co_await gql::execute(request_for(f, *prepared), k_timestamp);
      check(s, result);
      benchmark::DoNotOptimize(result.body.data());
    }
    co_return;
  });
}
BENCHMARK(BM_HelloDocumentCache);

void BM_HelloUncached(benchmark::State& state) {
  const fixture& f = fx();
  run_loop(state, [&](benchmark::State& s) -> asio::awaitable<void> {
    for (auto _ : s) {
      const auto prepared = f.prepared(k_hello_query, false);
      auto result = co_await gql::execute(request_for(f, *prepared), k_timestamp);
      benchmark::DoNotOptimize(result.body.data());
    }
    co_return;
  });
}
BENCHMARK(BM_HelloUncached);

// 50 messages with their authors and chatroom: fragments, variables, @include,
// `__typename`, resolvers over JSON and over application objects.
void BM_MessagesDocumentCache(benchmark::State& state) {
  const fixture& f = fx();
  gql::document_cache cache([&f](std::string_view text) { return f.prepare(text); });
  std::size_t bytes = 0;
  run_loop(state, [&](benchmark::State& s) -> asio::awaitable<void> {
    for (auto _ : s) {
      const auto prepared = cache.get(f.messages_query);
      auto result =
          co_await gql::execute(request_for(f, *prepared, f.messages_variables), k_timestamp);
      check(s, result);
      bytes = result.body.size();
      benchmark::DoNotOptimize(result.body.data());
    }
    co_return;
  });
  state.counters["response_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_MessagesDocumentCache)->Unit(benchmark::kMicrosecond);

void BM_MessagesUncached(benchmark::State& state) {
  const fixture& f = fx();
  run_loop(state, [&](benchmark::State& s) -> asio::awaitable<void> {
    for (auto _ : s) {
      const auto prepared = f.prepared(f.messages_query, false);
      auto result =
          co_await gql::execute(request_for(f, *prepared, f.messages_variables), k_timestamp);
      benchmark::DoNotOptimize(result.body.data());
    }
    co_return;
  });
}
BENCHMARK(BM_MessagesUncached)->Unit(benchmark::kMicrosecond);

// The share of the message benchmarks that is the resolver's, not the executor's: copying
// (and freeing) the canned page as `Query.getMessagesForChatroom` does on every request.
void BM_MessagesResolverCopyOnly(benchmark::State& state) {
  const fixture& f = fx();
  for (auto _ : state) {
    gql::value copy(f.page);
    benchmark::DoNotOptimize(&copy);
  }
}
BENCHMARK(BM_MessagesResolverCopyOnly)->Unit(benchmark::kMicrosecond);

// ---- the baseline: producing bytes of the same size with Boost.JSON ----

// boost::json::parse + serialize of the very response the introspection query gives:
// what merely reading and writing that much JSON costs with a fast JSON library.
void BM_BaselineJsonParseSerialize(benchmark::State& state) {
  const fixture& f = fx();
  std::string body;
  {
    asio::io_context io;
    const auto prepared = f.prepared(f.introspection_query, false);
    asio::co_spawn(io, gql::execute(request_for(f, *prepared), k_timestamp),
                   [&](std::exception_ptr, gql::execution_result r) { body = std::move(r.body); });
    io.run();
  }
  for (auto _ : state) {
    const boost::json::value parsed = boost::json::parse(body);
    std::string out = boost::json::serialize(parsed);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
  state.counters["response_bytes"] = static_cast<double>(body.size());
}
BENCHMARK(BM_BaselineJsonParseSerialize)->Unit(benchmark::kMicrosecond);

// Serialising alone (the DOM already built): the floor for writing those bytes.
void BM_BaselineJsonSerialize(benchmark::State& state) {
  const fixture& f = fx();
  std::string body;
  {
    asio::io_context io;
    const auto prepared = f.prepared(f.introspection_query, false);
    asio::co_spawn(io, gql::execute(request_for(f, *prepared), k_timestamp),
                   [&](std::exception_ptr, gql::execution_result r) { body = std::move(r.body); });
    io.run();
  }
  const boost::json::value parsed = boost::json::parse(body);
  for (auto _ : state) {
    std::string out = boost::json::serialize(parsed);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_BaselineJsonSerialize)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
