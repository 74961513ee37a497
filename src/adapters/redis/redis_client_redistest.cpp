// redis_client against a live Redis (TEST_REDIS_URL), and against redis-servers the tests
// start themselves on free loopback ports (`redis-server` on the PATH) for what a shared
// server cannot show: passwords, outages, restarts.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/redis/redis_client.hpp"
#include "observability/logger.hpp"
#include "tests/support/redis_process.hpp"

namespace chat::adapters::redis {
// Readable values in gtest's failure messages.
void PrintTo(const redis_value& v, std::ostream* os) {
  switch (v.type) {
    case redis_value::kind::nil:
      *os << "nil";
      return;
    case redis_value::kind::integer:
      *os << "(integer) " << v.integer;
      return;
    case redis_value::kind::string:
      *os << '"' << v.text << '"';
      return;
    case redis_value::kind::status:
      *os << "+" << v.text;
      return;
    case redis_value::kind::error:
      *os << "-" << v.text;
      return;
    case redis_value::kind::array:
      *os << '[';
      for (std::size_t i = 0; i < v.elements.size(); ++i) {
        if (i != 0) *os << ", ";
        PrintTo(v.elements[i], os);
      }
      *os << ']';
      return;
  }
}
}  // namespace chat::adapters::redis

namespace {

using namespace std::chrono_literals;
using chat::adapters::redis::parse_redis_url;
using chat::adapters::redis::redis_client;
using chat::adapters::redis::redis_errc;
using chat::adapters::redis::redis_options;
using chat::adapters::redis::redis_result;
using chat::adapters::redis::redis_script;
using chat::adapters::redis::redis_state_change;
using chat::adapters::redis::redis_url;
using chat::adapters::redis::redis_value;
using args = std::vector<std::string>;
using clock_type = std::chrono::steady_clock;
using chat::testing::accepts_connections;
using chat::testing::await;
using chat::testing::free_port;
using chat::testing::have_redis_server;
using chat::testing::redis_process;

redis_result run(redis_client& client, args command) {
  return await(client.command(std::move(command)));
}

bool wait_connected(redis_client& client, std::chrono::milliseconds timeout = 5s) {
  return await(client.wait_connected(timeout));
}

std::string unique_prefix() {
  std::random_device rd;
  return "redis_client_test:" + std::to_string(::getpid()) + ":" + std::to_string(rd()) + ":";
}

/// Tests against the shared server of TEST_REDIS_URL; keys under a unique prefix.
class RedisClient : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* text = std::getenv("TEST_REDIS_URL");
    if (text == nullptr || *text == '\0') GTEST_SKIP() << "TEST_REDIS_URL is not set";
    auto parsed = parse_redis_url(text);
    ASSERT_TRUE(parsed) << parsed.error;
    url_ = *parsed.url;
    prefix_ = unique_prefix();
    client_ = make_client();
    ASSERT_TRUE(wait_connected(*client_));
  }
  void TearDown() override {
    if (!client_) return;
    args scan{"KEYS", prefix_ + "*"};
    auto keys = run(*client_, scan);
    if (keys && keys->is_array() && !keys->elements.empty()) {
      args del{"DEL"};
      for (const auto& k : keys->elements)
        del.push_back(k.text);
      run(*client_, del);
    }
  }
  std::unique_ptr<redis_client> make_client(std::chrono::milliseconds command_timeout = 1000ms) {
    redis_options options;
    options.url = url_;
    options.command_timeout = command_timeout;
    return redis_client::create(std::move(options));
  }
  std::string key(const std::string& name) const { return prefix_ + name; }

  redis_url url_;
  std::string prefix_;
  std::unique_ptr<redis_client> client_;
};

TEST_F(RedisClient, SetThenGetReturnsBinaryValuesByteForByte) {
  std::string value;
  for (int i = 0; i < 256; ++i)
    value.push_back(static_cast<char>(i));
  value += std::string("\0\0tail\0", 7);
  const std::string k = key(std::string("bin\0key", 7));
  auto set = run(*client_, {"SET", k, value});
  ASSERT_TRUE(set) << set.error().detail;
  EXPECT_EQ(*set, redis_value::of_status("OK"));
  auto get = run(*client_, {"GET", k});
  ASSERT_TRUE(get);
  ASSERT_TRUE(get->is_string());
  EXPECT_EQ(get->text, value);
  EXPECT_EQ(get->text.size(), 256U + 7U);
}

TEST_F(RedisClient, IncrCountsUpFromNothing) {
  const std::string k = key("counter");
  auto first = run(*client_, {"INCR", k});
  auto second = run(*client_, {"INCR", k});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, redis_value::of_integer(1));
  EXPECT_EQ(*second, redis_value::of_integer(2));
}

TEST_F(RedisClient, AMissingKeyIsNil) {
  auto get = run(*client_, {"GET", key("missing")});
  ASSERT_TRUE(get);
  EXPECT_TRUE(get->is_nil());
}

TEST_F(RedisClient, APipelineOfAHundredCommandsIsAnsweredInOrder) {
  std::vector<args> commands;
  for (int i = 0; i < 100; ++i) {
    if (i % 2 == 0) {
      commands.push_back({"ECHO", "value-" + std::to_string(i)});
    } else {
      commands.push_back({"INCR", key("pipelined")});
    }
  }
  const auto before = client_->stats().commands;
  auto results = await(client_->pipeline(std::move(commands)));
  ASSERT_EQ(results.size(), 100U);
  std::int64_t expected_count = 0;
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(results[i]) << i << ": " << results[i].error().detail;
    if (i % 2 == 0) {
      EXPECT_EQ(*results[i], redis_value::of_string("value-" + std::to_string(i)));
    } else {
      EXPECT_EQ(*results[i], redis_value::of_integer(++expected_count));
    }
  }
  EXPECT_EQ(client_->stats().commands - before, 100U);
}

TEST_F(RedisClient, AnErrorReplyIsAReplyErrorWithTheServersMessage) {
  const std::string k = key("text");
  ASSERT_TRUE(run(*client_, {"SET", k, "not a number"}));
  auto incr = run(*client_, {"INCR", k});
  ASSERT_FALSE(incr);
  EXPECT_EQ(incr.error().code, redis_errc::reply_error);
  EXPECT_NE(incr.error().detail.find("not an integer"), std::string::npos) << incr.error().detail;
}

TEST_F(RedisClient, AnErrorReplyInAPipelineFailsOnlyItsOwnCommand) {
  const std::string k = key("text");
  std::vector<args> commands{{"SET", k, "x"}, {"INCR", k}, {"GET", k}};
  auto results = await(client_->pipeline(std::move(commands)));
  ASSERT_EQ(results.size(), 3U);
  EXPECT_TRUE(results[0]);
  EXPECT_TRUE(results[1].failed_with(redis_errc::reply_error));
  ASSERT_TRUE(results[2]);
  EXPECT_EQ(*results[2], redis_value::of_string("x"));
  EXPECT_EQ(client_->stats().failures, 0U);  // an error reply is an answer
}

TEST_F(RedisClient, ATransactionIsOnePipeline) {
  const std::string k = key("tx");
  std::vector<args> commands{{"MULTI"}, {"INCR", k}, {"INCR", k}, {"EXEC"}};
  auto results = await(client_->pipeline(std::move(commands)));
  ASSERT_EQ(results.size(), 4U);
  EXPECT_EQ(*results[0], redis_value::of_status("OK"));
  EXPECT_EQ(*results[1], redis_value::of_status("QUEUED"));
  EXPECT_EQ(*results[2], redis_value::of_status("QUEUED"));
  ASSERT_TRUE(results[3]);
  EXPECT_EQ(*results[3],
            redis_value::of_array({redis_value::of_integer(1), redis_value::of_integer(2)}));
}

TEST_F(RedisClient, ArraysNestedArraysAndNilsAreDecoded) {
  const std::string k = key("a");
  std::vector<args> commands{
      {"SET", k, "1"},
      {"MGET", k, key("none")},
      {"EVAL", "return {1, 'two', {3, 'four'}, redis.error_reply('MYERR inner')}", "0"}};
  auto results = await(client_->pipeline(std::move(commands)));
  ASSERT_TRUE(results[1]);
  EXPECT_EQ(*results[1], redis_value::of_array({redis_value::of_string("1"), redis_value::nil()}));
  ASSERT_TRUE(results[2]) << results[2].error().detail;
  const auto expected = redis_value::of_array(
      {redis_value::of_integer(1), redis_value::of_string("two"),
       redis_value::of_array({redis_value::of_integer(3), redis_value::of_string("four")}),
       redis_value::of_error("MYERR inner")});
  EXPECT_EQ(*results[2], expected);
}

TEST_F(RedisClient, LargeValuesAndLargePipelinesArriveWhole) {
  // Far more than hiredis reads per call (16 KB) and than a socket buffer holds.
  std::string big(3 * 1024 * 1024, 'x');
  for (std::size_t i = 0; i < big.size(); i += 4096)
    big[i] = static_cast<char>('a' + (i / 4096) % 26);
  const std::string k = key("big");
  ASSERT_TRUE(run(*client_, {"SET", k, big}));
  std::vector<args> gets(20, args{"GET", k});
  auto results = await(client_->pipeline(std::move(gets)));
  ASSERT_EQ(results.size(), 20U);
  for (const auto& r : results) {
    ASSERT_TRUE(r) << r.error().detail;
    EXPECT_EQ(r->text.size(), big.size());
    EXPECT_TRUE(r->text == big);
  }
}

TEST_F(RedisClient, ScriptsRunBySha1AndAreLoadedOnFirstUse) {
  // A script no server has seen yet: its text is unique to this test run.
  const redis_script script("-- " + prefix_ + "\nreturn KEYS[1] .. ':' .. ARGV[1]");
  EXPECT_EQ(script.sha1().size(), 40U);
  auto exists = run(*client_, {"SCRIPT", "EXISTS", script.sha1()});
  ASSERT_TRUE(exists);
  EXPECT_EQ(*exists, redis_value::of_array({redis_value::of_integer(0)}));

  const auto before = client_->stats().commands;
  auto first = await(client_->eval_script(script, {"k"}, {"v"}));
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(*first, redis_value::of_string("k:v"));
  EXPECT_EQ(client_->stats().commands - before, 2U);  // EVALSHA, NOSCRIPT, EVAL

  exists = run(*client_, {"SCRIPT", "EXISTS", script.sha1()});
  EXPECT_EQ(*exists,
            redis_value::of_array({redis_value::of_integer(1)}));  // Redis agrees on the SHA1

  const auto middle = client_->stats().commands;
  auto second = await(client_->eval_script(script, {"a"}, {"b"}));
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, redis_value::of_string("a:b"));
  EXPECT_EQ(client_->stats().commands - middle, 1U);  // EVALSHA alone
}

TEST_F(RedisClient, AScriptErrorIsAReplyError) {
  const redis_script script("-- " + prefix_ + "\nreturn redis.call('INCR', KEYS[1])");
  const std::string k = key("text");
  ASSERT_TRUE(run(*client_, {"SET", k, "x"}));
  auto r = await(client_->eval_script(script, {k}, {}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, redis_errc::reply_error);
}

TEST_F(RedisClient, TheAwaitingCoroutineResumesOnItsOwnIoContextThread) {
  boost::asio::io_context io;
  std::thread::id io_thread;
  std::thread::id resumed_on;
  bool ok = false;
  // Commands are built outside coroutine bodies (GCC 12 mishandles braced lists there).
  const args ping_command{"PING"};
  boost::asio::co_spawn(
      io,
      [&]() -> boost::asio::awaitable<void> {
        args ping = ping_command;
        auto r = co_await client_->command(std::move(ping));
        resumed_on = std::this_thread::get_id();
        ok = r.has_value();
      },
      boost::asio::detached);
  std::thread t([&] {
    io_thread = std::this_thread::get_id();
    io.run();
  });
  t.join();
  EXPECT_TRUE(ok);
  EXPECT_EQ(resumed_on, io_thread);
  EXPECT_NE(resumed_on, std::this_thread::get_id());
}

TEST_F(RedisClient, ManyConcurrentCommandsFromTwoIoContextThreadsAllSucceed) {
  constexpr int k_contexts = 2;
  constexpr int k_coroutines = 50;
  constexpr int k_commands = 20;
  const std::string counter = key("concurrent");
  const args incr_command{"INCR", counter};
  const std::vector<args> incr_and_ping{{"INCR", counter}, {"PING"}};
  std::atomic<int> succeeded{0};
  std::atomic<int> wrong_thread{0};
  std::vector<std::unique_ptr<boost::asio::io_context>> contexts;
  std::vector<std::thread> threads;
  for (int c = 0; c < k_contexts; ++c) {
    contexts.push_back(std::make_unique<boost::asio::io_context>());
    auto& io = *contexts.back();
    for (int i = 0; i < k_coroutines; ++i) {
      boost::asio::co_spawn(
          io,
          [&, i]() -> boost::asio::awaitable<void> {
            const auto me = std::this_thread::get_id();
            for (int n = 0; n < k_commands; ++n) {
              redis_result r;
              if ((i + n) % 3 == 0) {
                std::vector<args> two = incr_and_ping;
                auto rs = co_await client_->pipeline(std::move(two));
                r = rs[0];
                if (!rs[1]) r = rs[1];
              } else {
                args incr = incr_command;
                r = co_await client_->command(std::move(incr));
              }
              if (std::this_thread::get_id() != me) ++wrong_thread;
              if (r && r->is_integer()) ++succeeded;
            }
          },
          boost::asio::detached);
    }
  }
  for (auto& io : contexts)
    threads.emplace_back([&io] { io->run(); });
  for (auto& t : threads)
    t.join();
  constexpr int k_total = k_contexts * k_coroutines * k_commands;
  EXPECT_EQ(succeeded.load(), k_total);
  EXPECT_EQ(wrong_thread.load(), 0);
  auto total = run(*client_, {"GET", counter});
  ASSERT_TRUE(total);
  EXPECT_EQ(total->text, std::to_string(k_total));
}

TEST_F(RedisClient, ACommandWithoutAnAnswerInTimeFailsWithTimeoutAndTheClientRecovers) {
  auto client = make_client(300ms);
  ASSERT_TRUE(wait_connected(*client));
  const auto start = clock_type::now();
  auto blocked = run(*client, {"BLPOP", key("never-filled"), "5"});
  const auto took = clock_type::now() - start;
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, redis_errc::timeout) << blocked.error().detail;
  EXPECT_GE(took, 250ms);
  EXPECT_LT(took, 2s);
  EXPECT_EQ(client->stats().failures, 1U);
  // The connection was reset (answers come in order) and comes back by itself.
  ASSERT_TRUE(wait_connected(*client, 5s));
  auto ping = run(*client, {"PING"});
  ASSERT_TRUE(ping) << ping.error().detail;
  EXPECT_EQ(*ping, redis_value::of_status("PONG"));
  EXPECT_EQ(client->stats().reconnects, 1U);
}

TEST_F(RedisClient, CommandsThatWouldBreakThePipelineAreRefusedWithoutReachingRedis) {
  std::vector<args> commands{{"SUBSCRIBE", "x"}, {}, {"monitor"}, {"PING"}};
  auto results = await(client_->pipeline(std::move(commands)));
  EXPECT_TRUE(results[0].failed_with(redis_errc::reply_error));
  EXPECT_TRUE(results[1].failed_with(redis_errc::reply_error));
  EXPECT_TRUE(results[2].failed_with(redis_errc::reply_error));
  ASSERT_TRUE(results[3]);
  EXPECT_EQ(*results[3], redis_value::of_status("PONG"));
  EXPECT_TRUE(run(*client_, {"PING"}));
}

TEST_F(RedisClient, DestroyingTheClientFailsACommandInFlightWithUnavailable) {
  auto client = make_client(10s);
  ASSERT_TRUE(wait_connected(*client));
  boost::asio::io_context io;
  std::optional<redis_result> result;
  const args blpop_command{"BLPOP", key("never-filled"), "5"};
  boost::asio::co_spawn(
      io,
      [&]() -> boost::asio::awaitable<void> {
        args blpop = blpop_command;
        result = co_await client->command(std::move(blpop));
      },
      boost::asio::detached);
  std::thread t([&] { io.run(); });
  std::this_thread::sleep_for(200ms);
  const auto start = clock_type::now();
  client.reset();
  t.join();
  EXPECT_LT(clock_type::now() - start, 2s);
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->failed_with(redis_errc::unavailable));
}

// ---- with servers of the tests' own ----

TEST(RedisClientOutage, NothingListeningFailsFastWithUnavailableAndDoesNotCrash) {
  redis_options options;
  options.url.host = "127.0.0.1";
  options.url.port = free_port();
  auto client = redis_client::create(std::move(options));
  for (int i = 0; i < 5; ++i) {
    const auto start = clock_type::now();
    auto r = run(*client, {"PING"});
    EXPECT_LT(clock_type::now() - start, 1s);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, redis_errc::unavailable);
    EXPECT_FALSE(client->connected());
    std::this_thread::sleep_for(150ms);  // a few reconnection attempts meanwhile
  }
  EXPECT_FALSE(wait_connected(*client, 300ms));
  EXPECT_EQ(client->stats().failures, 5U);
}

TEST(RedisClientOutage, AnUnresolvableHostFailsFastWithUnavailable) {
  redis_options options;
  options.url.host = "no-such-host.invalid";
  auto client = redis_client::create(std::move(options));
  const auto start = clock_type::now();
  auto r = run(*client, {"PING"});
  EXPECT_LT(clock_type::now() - start, 1s);
  EXPECT_TRUE(r.failed_with(redis_errc::unavailable));
}

TEST(RedisClientOutage, ARestartedServerIsReconnectedWithoutANewClient) {
  if (!have_redis_server()) GTEST_SKIP() << "redis-server is not on the PATH";
  redis_process server;
  ASSERT_TRUE(server.start());
  std::mutex mutex;
  std::vector<bool> changes;
  redis_options options;
  options.url = server.url();
  options.on_state_change = [&](const redis_state_change& change) {
    std::lock_guard lock(mutex);
    changes.push_back(change.connected);
  };
  auto client = redis_client::create(std::move(options));
  ASSERT_TRUE(wait_connected(*client));
  ASSERT_TRUE(run(*client, {"SET", "k", "before"}));

  server.kill();
  // Commands fail fast while the server is away, and never hang.
  bool saw_unavailable = false;
  for (int i = 0; i < 10; ++i) {
    const auto start = clock_type::now();
    auto r = run(*client, {"PING"});
    EXPECT_LT(clock_type::now() - start, 1s);
    if (r.failed_with(redis_errc::unavailable)) saw_unavailable = true;
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(saw_unavailable);
  EXPECT_FALSE(client->connected());

  ASSERT_TRUE(server.start());  // the same port; an empty dataset (no persistence)
  const auto deadline = clock_type::now() + 8s;
  bool back = false;
  while (!back && clock_type::now() < deadline) {
    auto r = run(*client, {"SET", "k", "after"});
    back = r.has_value();
    if (!back) std::this_thread::sleep_for(50ms);
  }
  ASSERT_TRUE(back);
  auto get = run(*client, {"GET", "k"});
  ASSERT_TRUE(get);
  EXPECT_EQ(get->text, "after");
  EXPECT_TRUE(client->connected());
  EXPECT_GE(client->stats().reconnects, 1U);
  // The callback runs on the client's thread, just after the connection came up.
  for (int i = 0; i < 100; ++i) {
    {
      std::lock_guard lock(mutex);
      if (!changes.empty() && changes.back()) break;
    }
    std::this_thread::sleep_for(10ms);
  }
  std::lock_guard lock(mutex);
  ASSERT_GE(changes.size(), 3U);
  EXPECT_TRUE(changes[0]);
  EXPECT_FALSE(changes[1]);
  EXPECT_TRUE(changes.back());
}

TEST(RedisClientOutage, AFrozenServerMakesCommandsTimeOutAndIsReconnectedWhenItThaws) {
  if (!have_redis_server()) GTEST_SKIP() << "redis-server is not on the PATH";
  redis_process server;
  ASSERT_TRUE(server.start());
  redis_options options;
  options.url = server.url();
  options.command_timeout = 300ms;
  options.connect_timeout = 300ms;
  auto client = redis_client::create(std::move(options));
  ASSERT_TRUE(wait_connected(*client));

  server.pause();
  auto frozen = run(*client, {"PING"});
  EXPECT_TRUE(frozen.failed_with(redis_errc::timeout));
  // Reconnection attempts time out too (the kernel accepts, nobody answers PING).
  std::this_thread::sleep_for(700ms);
  const auto start = clock_type::now();
  auto meanwhile = run(*client, {"PING"});
  EXPECT_LT(clock_type::now() - start, 200ms);
  EXPECT_TRUE(meanwhile.failed_with(redis_errc::unavailable));

  server.resume();
  ASSERT_TRUE(wait_connected(*client, 8s));
  EXPECT_TRUE(run(*client, {"PING"}));
}

TEST(RedisClientAuth, APasswordAndADatabaseAreSentAfterConnecting) {
  if (!have_redis_server()) GTEST_SKIP() << "redis-server is not on the PATH";
  redis_process server({"--requirepass", "s3cret pass"});
  ASSERT_TRUE(server.start());

  redis_options db2;
  db2.url = server.url();
  db2.url.password = "s3cret pass";
  db2.url.db = 2;
  auto in_db2 = redis_client::create(db2);
  ASSERT_TRUE(wait_connected(*in_db2));
  ASSERT_TRUE(run(*in_db2, {"SET", "where", "db2"}));

  redis_options db0 = db2;
  db0.url.db = 0;
  auto in_db0 = redis_client::create(db0);
  ASSERT_TRUE(wait_connected(*in_db0));
  auto missing = run(*in_db0, {"GET", "where"});
  ASSERT_TRUE(missing);
  EXPECT_TRUE(missing->is_nil());
  auto there = run(*in_db2, {"GET", "where"});
  EXPECT_EQ(there->text, "db2");

  // A user of its own (Redis 6 ACLs): AUTH user password.
  ASSERT_TRUE(run(*in_db0, {"ACL", "SETUSER", "alice", "on", ">alice pw", "~*", "+@all"}));
  redis_options alice;
  alice.url = server.url();
  alice.url.username = "alice";
  alice.url.password = "alice pw";
  auto as_alice = redis_client::create(alice);
  ASSERT_TRUE(wait_connected(*as_alice));
  auto whoami = run(*as_alice, {"ACL", "WHOAMI"});
  ASSERT_TRUE(whoami);
  EXPECT_EQ(whoami->text, "alice");
}

TEST(RedisClientAuth, AWrongPasswordNeverConnectsAndCommandsFailFast) {
  if (!have_redis_server()) GTEST_SKIP() << "redis-server is not on the PATH";
  redis_process server({"--requirepass", "right"});
  ASSERT_TRUE(server.start());
  std::mutex mutex;
  int connected_events = 0;
  redis_options options;
  options.url = server.url();
  options.url.password = "wrong";
  options.on_state_change = [&](const redis_state_change& change) {
    std::lock_guard lock(mutex);
    if (change.connected) ++connected_events;
  };
  auto client = redis_client::create(std::move(options));
  EXPECT_FALSE(wait_connected(*client, 700ms));
  auto r = run(*client, {"PING"});
  EXPECT_TRUE(r.failed_with(redis_errc::unavailable));
  EXPECT_EQ(r.error().detail.find("wrong"), std::string::npos);

  redis_options none;
  none.url = server.url();  // no password at all: NOAUTH
  auto anonymous = redis_client::create(std::move(none));
  EXPECT_FALSE(wait_connected(*anonymous, 500ms));
  std::lock_guard lock(mutex);
  EXPECT_EQ(connected_events, 0);
}

TEST(RedisClientLogging, ConnectionEventsAreLoggedWithoutThePassword) {
  if (!have_redis_server()) GTEST_SKIP() << "redis-server is not on the PATH";
  redis_process server({"--requirepass", "hunter2-right"});
  ASSERT_TRUE(server.start());
  std::ostringstream lines;
  chat::obs::log_options log;
  log.stream = &lines;
  log.level = chat::obs::log_level::info;
  chat::obs::init_logging(log);
  {
    redis_options right;
    right.url = server.url();
    right.url.password = "hunter2-right";
    auto client = redis_client::create(std::move(right));
    ASSERT_TRUE(wait_connected(*client));
    redis_options wrong;
    wrong.url = server.url();
    wrong.url.username = "default";
    wrong.url.password = "hunter2-wrong";
    auto refused = redis_client::create(std::move(wrong));
    EXPECT_FALSE(wait_connected(*refused, 300ms));
    server.kill();
    for (int i = 0; i < 100 && client->connected(); ++i)
      std::this_thread::sleep_for(10ms);
    std::this_thread::sleep_for(100ms);  // the client logs on its own thread
  }
  chat::obs::shutdown_logging();
  const std::string text = lines.str();
  EXPECT_NE(text.find("\"connected\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"disconnected\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"connect failed\""), std::string::npos) << text;
  EXPECT_NE(text.find("WRONGPASS"), std::string::npos) << text;
  EXPECT_NE(text.find("\"context\":\"redis\""), std::string::npos) << text;
  EXPECT_EQ(text.find("hunter2"), std::string::npos) << text;
}

TEST(RedisClientOptions, AnEmptyHostIsAProgrammerError) {
  redis_options options;
  EXPECT_THROW(redis_client::create(options), std::invalid_argument);
}

}  // namespace
