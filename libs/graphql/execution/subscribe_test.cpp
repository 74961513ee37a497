// Subscriptions (spec 6.2.3; graphql-js subscribe.ts): the subscriber's source stream,
// one execution per event with the event as root value, errors before the stream
// starts, and closing.
#include "graphql/execution/subscribe.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "graphql/execution/event_queue.hpp"
#include "graphql/execution/execution_test_support.hpp"

namespace chat::graphql {
namespace {

namespace asio = boost::asio;
using boost::json::parse;

constexpr std::string_view k_sdl = R"(
type Query { hello: String }
type Message { id: Int! text: String! }
type Subscription {
  messageAdded(room: Int!): Message
  ticks: Int
  forbidden: Int
  unbound: Int
  nothing: Int
}
)";

struct fixture {
  std::shared_ptr<const schema> s = testing::schema_from(k_sdl);
  resolver_map resolvers;
  asio::io_context io;
  event_queue* queue = nullptr;   // the last source the subscriber made
  boost::json::object seen_args;  // the arguments it was called with

  fixture() {
    const auto make_queue = [this](const value&,
                                   const resolve_info& info) -> asio::awaitable<subscribe_outcome> {
      seen_args = info.arguments;
      auto q = std::make_unique<event_queue>(io.get_executor());
      queue = q.get();
      co_return subscribe_outcome(std::move(q));
    };
    resolvers.bind_subscribe("Subscription.messageAdded", make_queue);
    resolvers.bind_subscribe("Subscription.ticks", make_queue);
    resolvers.bind("Subscription.ticks", [](const value& event, const resolve_info&) {
      return value(boost::json::value(event.json()->as_int64() * 10));
    });
    resolvers.bind_subscribe(
        "Subscription.forbidden",
        [](const value&, const resolve_info&) -> asio::awaitable<subscribe_outcome> {
          co_return field_error{"Not a member of this room", "FORBIDDEN", "\"roomId\":7"};
        });
    resolvers.bind_subscribe(
        "Subscription.nothing",
        [](const value&, const resolve_info&) -> asio::awaitable<subscribe_outcome> {
          co_return std::unique_ptr<source_stream>();
        });
  }

  subscribe_result start(std::string_view query, boost::json::object variables = {}) {
    auto parsed = parse_document(query);
    execution_request request;
    request.served = s.get();
    request.doc = parsed;
    request.operation = testing::first_operation(*parsed);
    request.variables = std::move(variables);
    request.resolvers = &resolvers;
    std::optional<subscribe_result> out;
    asio::co_spawn(io, subscribe(std::move(request), "T"),
                   [&](std::exception_ptr e, subscribe_result r) {
                     if (e) std::rethrow_exception(e);
                     out = std::move(r);
                   });
    io.restart();
    io.run();
    return std::move(*out);
  }

  std::optional<execution_result> next(response_stream& stream) {
    std::optional<execution_result> out;
    bool done = false;
    asio::co_spawn(io, stream.next("T"),
                   [&](std::exception_ptr e, std::optional<execution_result> r) {
                     if (e) std::rethrow_exception(e);
                     out = std::move(r);
                     done = true;
                   });
    io.restart();
    io.run();
    EXPECT_TRUE(done);
    return out;
  }

  static std::shared_ptr<const document> parse_document(std::string_view query) {
    auto parsed = graphql::parse(query);
    if (!parsed.doc) throw std::runtime_error(parsed.error->message);
    return parsed.doc;
  }
};

TEST(SubscribeTest, EachEventIsExecutedWithTheEventAsRootValue) {
  fixture f;
  auto started =
      f.start("subscription ($r: Int!) { messageAdded(room: $r) { id text } }", {{"r", 7}});
  ASSERT_TRUE(started.stream) << started.failure.body;
  EXPECT_EQ(f.seen_args, parse(R"({"room":7})").as_object());
  f.queue->push(boost::json::value(parse(R"({"messageAdded":{"id":1,"text":"hi","x":0}})")));
  f.queue->push(boost::json::value(parse(R"({"messageAdded":null})")));
  auto first = f.next(*started.stream);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, R"({"data":{"messageAdded":{"id":1,"text":"hi"}}})");
  auto second = f.next(*started.stream);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body, R"({"data":{"messageAdded":null}})");
  f.queue->finish();
  EXPECT_FALSE(f.next(*started.stream));
}

TEST(SubscribeTest, ABoundResolverResolvesTheEventAndErrorsStayPerEvent) {
  fixture f;
  auto started = f.start("subscription { tens: ticks }");
  ASSERT_TRUE(started.stream);
  f.queue->push(boost::json::value(4));
  f.queue->push(boost::json::value("not a number"));
  f.queue->push(boost::json::value(5));
  EXPECT_EQ(f.next(*started.stream)->body, R"({"data":{"tens":40}})");
  const auto bad = f.next(*started.stream);
  const auto body = parse(bad->body);
  EXPECT_EQ(body.at("data"), parse(R"({"tens":null})"));
  EXPECT_EQ(body.at("errors").at(0).at("path"), parse(R"(["tens"])"));
  EXPECT_EQ(f.next(*started.stream)->body, R"({"data":{"tens":50}})");
}

TEST(SubscribeTest, ClosingEndsAPendingNextAndTheSource) {
  fixture f;
  auto started = f.start("subscription { ticks }");
  ASSERT_TRUE(started.stream);
  std::optional<std::optional<execution_result>> got;
  asio::co_spawn(
      f.io, started.stream->next("T"),
      [&](std::exception_ptr, std::optional<execution_result> r) { got = std::move(r); });
  asio::post(f.io, [&] { started.stream->close(); });
  f.io.restart();
  f.io.run();
  ASSERT_TRUE(got);
  EXPECT_FALSE(*got);
  EXPECT_TRUE(f.queue->closed());
  EXPECT_FALSE(f.next(*started.stream));
}

TEST(SubscribeTest, InvalidVariablesAreARequestError) {
  fixture f;
  auto started = f.start("subscription ($r: Int!) { messageAdded(room: $r) { id } }");
  EXPECT_FALSE(started.stream);
  EXPECT_TRUE(started.failure.request_error);
  const auto body = parse(started.failure.body);
  EXPECT_FALSE(body.as_object().contains("data"));
  EXPECT_EQ(body.at("errors").at(0).at("message"),
            "Variable \"$r\" of required type \"Int!\" was not provided.");
}

TEST(SubscribeTest, TheSubscribersFieldErrorIsLocatedWithItsPathAndCode) {
  fixture f;
  auto started = f.start("subscription {\n  mine: forbidden\n}");
  EXPECT_FALSE(started.stream);
  EXPECT_EQ(parse(started.failure.body), parse(R"({"errors":[{"message":"Not a member of this room",
      "locations":[{"line":2,"column":3}],"path":["mine"],
      "extensions":{"code":"FORBIDDEN","timestamp":"T","roomId":7}}]})"));
}

TEST(SubscribeTest, AFieldWithoutASourceStreamIsAnError) {
  fixture f;
  for (const char* query : {"subscription { unbound }", "subscription { nothing }"}) {
    auto started = f.start(query);
    EXPECT_FALSE(started.stream);
    const auto error = parse(started.failure.body).at("errors").at(0);
    EXPECT_EQ(error.at("extensions").at("code"), "INTERNAL_SERVER_ERROR") << query;
    EXPECT_TRUE(error.at("message").as_string().starts_with(
        "Subscription field must return Async Iterable."))
        << query;
  }
}

TEST(SubscribeTest, ArgumentErrorsAndSkippedRootFieldsAreReported) {
  fixture f;
  auto bad_argument =
      f.start("subscription ($r: Int) { messageAdded(room: $r) { id } }", {{"r", nullptr}});
  EXPECT_FALSE(bad_argument.stream);
  EXPECT_EQ(parse(bad_argument.failure.body).at("errors").at(0).at("path"),
            parse(R"(["messageAdded"])"));
  auto skipped = f.start("subscription { ticks @skip(if: true) }");
  EXPECT_FALSE(skipped.stream);
  EXPECT_TRUE(skipped.failure.request_error);
}

TEST(SubscribeTest, ASchemaWithoutSubscriptionsRefusesThem) {
  fixture f;
  f.s = testing::schema_from("type Query { hello: String }");
  auto started = f.start("subscription { hello }");
  EXPECT_FALSE(started.stream);
  EXPECT_EQ(parse(started.failure.body).at("errors").at(0).at("message"),
            "Schema is not configured to execute subscription operation.");
}

TEST(SubscribeTest, SubscriptionRootFieldsNeedASubscriber) {
  fixture f;
  const auto unbound = f.resolvers.unbound_fields(*f.s, {"Message"});
  EXPECT_EQ(unbound, (std::vector<std::string>{"Query.hello", "Subscription.unbound"}));
}

TEST(EventQueueTest, DeliversInOrderThenEnds) {
  asio::io_context io;
  event_queue q(io.get_executor());
  q.push(boost::json::value(1));
  q.push(boost::json::value(2));
  q.finish();
  q.push(boost::json::value(3));  // after finish: dropped
  std::vector<std::int64_t> got;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        while (auto event = co_await q.next())
          got.push_back(event->json()->as_int64());
      },
      asio::detached);
  io.run();
  EXPECT_EQ(got, (std::vector<std::int64_t>{1, 2}));
}

}  // namespace
}  // namespace chat::graphql
