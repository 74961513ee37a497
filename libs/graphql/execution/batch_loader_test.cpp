// SPEC GQL-6: the batching hook. Keys asked for in one turn meet in one batch, results
// come back per key, failures reach every waiter, and through the executor a list of 50
// objects costs one batch per level of the result.
#include "graphql/execution/batch_loader.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>

#include "graphql/execution/execution_test_support.hpp"

namespace chat::graphql {
namespace {

namespace asio = boost::asio;
using int_loader = batch_loader<int, std::string>;

// A batch function that records the key lists it was called with.
struct recording_source {
  std::vector<std::vector<int>> calls;
  bool fail = false;
  bool short_answer = false;

  int_loader::batch_function function() {
    return
        [this](std::vector<int> keys) -> asio::awaitable<std::vector<std::optional<std::string>>> {
          calls.push_back(keys);
          if (fail) throw std::runtime_error("database is down");
          std::vector<std::optional<std::string>> out;
          for (int k : keys) {
            if (k < 0) {
              out.emplace_back(std::nullopt);
            } else {
              out.emplace_back("v" + std::to_string(k));
            }
          }
          if (short_answer) out.pop_back();
          co_return out;
        };
  }
};

// Starts one `load` per key, all in the same turn, and runs them to completion.
std::vector<std::string> load_all(asio::io_context& io, int_loader& loader,
                                  const std::vector<int>& keys) {
  std::vector<std::string> got(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    asio::co_spawn(
        io,
        [&loader, &got, i, key = keys[i]]() -> asio::awaitable<void> {
          try {
            auto v = co_await loader.load(key);
            got[i] = v ? *v : "none";
          } catch (const std::exception& e) {
            got[i] = std::string("error: ") + e.what();
          }
        },
        asio::detached);
  }
  io.restart();
  io.run();
  return got;
}

TEST(BatchLoaderTest, KeysOfOneTurnMeetInOneBatchInFirstRequestOrder) {
  asio::io_context io;
  recording_source source;
  int_loader loader(io.get_executor(), source.function());
  const auto got = load_all(io, loader, {3, 1, 3, -2, 1});
  EXPECT_EQ(got, (std::vector<std::string>{"v3", "v1", "v3", "none", "v1"}));
  ASSERT_EQ(source.calls.size(), 1U);
  EXPECT_EQ(source.calls[0], (std::vector<int>{3, 1, -2}));
  EXPECT_EQ(loader.batches(), 1U);
}

TEST(BatchLoaderTest, KnownKeysCostNothingAndClearedKeysAreFetchedAgain) {
  asio::io_context io;
  recording_source source;
  int_loader loader(io.get_executor(), source.function());
  load_all(io, loader, {1, 2});
  EXPECT_EQ(load_all(io, loader, {2, 1}), (std::vector<std::string>{"v2", "v1"}));
  EXPECT_EQ(source.calls.size(), 1U);
  loader.clear(2);
  loader.prime(7, "primed");
  EXPECT_EQ(load_all(io, loader, {1, 2, 7}), (std::vector<std::string>{"v1", "v2", "primed"}));
  ASSERT_EQ(source.calls.size(), 2U);
  EXPECT_EQ(source.calls[1], (std::vector<int>{2}));
}

TEST(BatchLoaderTest, LargeTurnsAreSplitAtMaxBatch) {
  asio::io_context io;
  recording_source source;
  int_loader loader(io.get_executor(), source.function(), 2);
  EXPECT_EQ(load_all(io, loader, {1, 2, 3, 4, 5}),
            (std::vector<std::string>{"v1", "v2", "v3", "v4", "v5"}));
  ASSERT_EQ(source.calls.size(), 3U);
  EXPECT_EQ(source.calls[0], (std::vector<int>{1, 2}));
  EXPECT_EQ(source.calls[2], (std::vector<int>{5}));
}

TEST(BatchLoaderTest, AFailedBatchFailsEveryWaiterAndIsRetriedLater) {
  asio::io_context io;
  recording_source source;
  int_loader loader(io.get_executor(), source.function());
  source.fail = true;
  EXPECT_EQ(load_all(io, loader, {1, 2, 1}),
            (std::vector<std::string>(3, "error: database is down")));
  source.fail = false;
  EXPECT_EQ(load_all(io, loader, {1, 2}), (std::vector<std::string>{"v1", "v2"}));
  EXPECT_EQ(source.calls.size(), 2U);
}

TEST(BatchLoaderTest, ABatchFunctionAnsweringTheWrongNumberOfResultsIsAnError) {
  asio::io_context io;
  recording_source source;
  source.short_answer = true;
  int_loader loader(io.get_executor(), source.function());
  EXPECT_EQ(load_all(io, loader, {1, 2}),
            (std::vector<std::string>(
                2, "error: batch_loader: the batch function returned 1 results for 2 keys")));
}

TEST(BatchLoaderTest, ALoaderMayGoAwayWhileItsBatchIsPending) {
  asio::io_context io;
  recording_source source;
  {
    int_loader loader(io.get_executor(), source.function());
    asio::co_spawn(
        io, [&loader]() -> asio::awaitable<void> { (void)co_await loader.load(1); },
        asio::detached);
    io.poll_one();  // the load has queued its dispatch
  }
  io.restart();
  io.run();
  EXPECT_EQ(source.calls.size(), 1U);
}

// Through the executor: 50 messages, each with an author and the author's best friend,
// all resolved asynchronously through one loader: one batch per level.
constexpr std::string_view k_sdl = R"(
type Query { messages: [Message!]! }
type Message { id: Int! author: User }
type User { id: Int! name: String! bestFriend: User }
)";

struct user_loader_context {
  batch_loader<std::int64_t, boost::json::value> users;
  std::vector<std::size_t> batch_sizes;
  explicit user_loader_context(const asio::any_io_executor& ex)
      : users(ex,
              [this](std::vector<std::int64_t> ids)
                  -> asio::awaitable<std::vector<std::optional<boost::json::value>>> {
                batch_sizes.push_back(ids.size());
                std::vector<std::optional<boost::json::value>> out;
                for (auto id : ids) {
                  out.emplace_back(boost::json::object{{"id", id},
                                                       {"name", "user " + std::to_string(id)},
                                                       {"bestFriendId", (id + 1) % 10}});
                }
                co_return out;
              }) {}
};

async_resolver load_user(std::string_view id_member) {
  return [id_member](const value& parent, const resolve_info& info) -> asio::awaitable<value> {
    auto* context = static_cast<user_loader_context*>(info.context);
    const auto& object = parent.json()->as_object();
    auto user = co_await context->users.load(object.at(id_member).as_int64());
    co_return user ? value(*user) : value();
  };
}

TEST(BatchLoaderTest, ExecutorBatchesEachLevelOfAList) {
  const auto s = testing::schema_from(k_sdl);
  resolver_map resolvers;
  resolvers.bind("Query.messages", [](const value&, const resolve_info&) {
    boost::json::array messages;
    for (int i = 0; i < 50; ++i)
      messages.push_back(boost::json::object{{"id", i}, {"authorId", i % 7}});
    return value(boost::json::value(std::move(messages)));
  });
  resolvers.bind_async("Message.author", load_user("authorId"));
  resolvers.bind_async("User.bestFriend", load_user("bestFriendId"));

  asio::io_context io;
  user_loader_context context(io.get_executor());
  testing::run_options options;
  options.resolvers = &resolvers;
  options.context = &context;
  const auto result = testing::run_on(
      io, *s, "{ messages { id author { name bestFriend { id name } } } }", std::move(options));
  const auto body = testing::body_json(result);
  ASSERT_FALSE(body.as_object().contains("errors")) << result.body;
  const auto& messages = body.at("data").at("messages").as_array();
  ASSERT_EQ(messages.size(), 50U);
  EXPECT_EQ(messages[9].at("author").at("name"), "user 2");
  EXPECT_EQ(messages[9].at("author").at("bestFriend").at("id"), 3);
  // Level 1: authors 0..6 in one batch; level 2: their best friends not yet known (7).
  EXPECT_EQ(context.batch_sizes, (std::vector<std::size_t>{7, 1}));
}

}  // namespace
}  // namespace chat::graphql
