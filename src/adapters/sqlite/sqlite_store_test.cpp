// What is SQLite-specific in the store adapter; the behaviour every store shares is in
// tests/contract.
#include "adapters/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace asio = boost::asio;
using chat::adapters::sqlite_options;
using chat::adapters::sqlite_store;
using chat::ports::store_errc;

class SqliteStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("chat_sqlite_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string db_path() const { return (dir_ / "nested" / "chat.db").string(); }

  std::unique_ptr<sqlite_store> open_store(unsigned readers = 2) {
    auto opened = sqlite_store::open({db_path(), readers});
    EXPECT_TRUE(opened) << (opened ? "" : opened.error().detail);
    return std::move(opened).value();
  }

  /// Runs `fn` (a coroutine) to completion on a fresh io_context.
  /// (store_result has no default constructor, which co_spawn's use_future needs.)
  template <class Fn>
  auto run(Fn fn) {
    asio::io_context io;
    std::optional<typename decltype(fn())::value_type> result;
    asio::co_spawn(
        io, [&]() -> asio::awaitable<void> { result.emplace(co_await fn()); }, asio::detached);
    io.run();
    return std::move(*result);
  }

  std::filesystem::path dir_;
};

std::int64_t pragma_int(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  std::int64_t value = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

std::string pragma_text(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  std::string value;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

void set_user_version(const std::string& path, int version) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_exec(db, ("PRAGMA user_version = " + std::to_string(version)).c_str(), nullptr, nullptr,
               nullptr);
  sqlite3_close(db);
}

chat::domain::new_user user_named(const std::string& name) {
  return {name + "@example.com", name, "$2b$10$hash", std::nullopt};
}

TEST_F(SqliteStore, OpeningCreatesTheMissingDirectoryInWalMode) {
  auto store = open_store();
  EXPECT_TRUE(std::filesystem::exists(db_path()));
  EXPECT_EQ(pragma_text(db_path(), "PRAGMA journal_mode"), "wal");
  auto version = run([&]() { return store->schema_version(); });
  ASSERT_TRUE(version);
  EXPECT_EQ(*version, 0);
}

TEST_F(SqliteStore, OpeningAnUnwritablePathIsUnavailable) {
  std::filesystem::create_directories(dir_);
  std::filesystem::create_directories(dir_ / "a-directory.db");
  auto opened = sqlite_store::open({(dir_ / "a-directory.db").string(), 1});
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, store_errc::unavailable);
  EXPECT_FALSE(opened.error().detail.empty());
}

TEST_F(SqliteStore, MigrateIsIdempotent) {
  auto store = open_store();
  auto first = run([&]() { return store->migrate(); });
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(*first, 1);
  auto second = run([&]() { return store->migrate(); });
  ASSERT_TRUE(second) << second.error().detail;
  EXPECT_EQ(*second, 1);
  auto version = run([&]() { return store->schema_version(); });
  EXPECT_EQ(*version, 1);
  EXPECT_EQ(pragma_int(db_path(), "PRAGMA user_version"), 1);
  EXPECT_TRUE(run([&]() { return store->ping(); }));
}

TEST_F(SqliteStore, ForeignKeysAreEnforced) {
  auto store = open_store();
  ASSERT_TRUE(run([&]() { return store->migrate(); }));
  // A message in a room that does not exist fails the foreign key: not_found.
  auto sent = run([&]() { return store->insert_message({42, 7, "hi", std::nullopt}); });
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, store_errc::not_found);
}

TEST_F(SqliteStore, ANewerSchemaIsSchemaTooNewAndChangesNothing) {
  { auto store = open_store(); }
  set_user_version(db_path(), 99);
  auto store = open_store();
  auto migrated = run([&]() { return store->migrate(); });
  ASSERT_FALSE(migrated);
  EXPECT_EQ(migrated.error().code, store_errc::schema_too_new);
  store.reset();
  EXPECT_EQ(pragma_int(db_path(), "PRAGMA user_version"), 99);
  EXPECT_EQ(pragma_int(db_path(), "SELECT count(*) FROM sqlite_master WHERE name = 'users'"), 0);
}

TEST_F(SqliteStore, ConcurrentWritersAllCompleteOnTheirOwnExecutors) {
  auto store = open_store();
  ASSERT_TRUE(run([&]() { return store->migrate(); }));
  auto author = run([&]() { return store->create_user(user_named("author")); });
  ASSERT_TRUE(author);
  auto room = run([&]() { return store->create_room({"room", {}, author->id, {}, {}, {}}, {}); });
  ASSERT_TRUE(room) << room.error().detail;

  constexpr int k_writers = 16;
  constexpr int k_each = 50;
  asio::io_context io_a;
  asio::io_context io_b;
  std::atomic<int> stored{0};
  std::atomic<int> wrong_thread{0};
  for (int w = 0; w < k_writers; ++w) {
    auto& io = w % 2 == 0 ? io_a : io_b;
    asio::co_spawn(
        io,
        [&, w, &io = io]() -> asio::awaitable<void> {
          for (int i = 0; i < k_each; ++i) {
            // A named argument: GCC 12 mis-copies a braced temporary inside co_await.
            chat::domain::new_message sent{
                room->id, author->id, std::to_string(w) + ":" + std::to_string(i), {}};
            auto m = co_await store->insert_message(std::move(sent));
            if (!io.get_executor().running_in_this_thread()) ++wrong_thread;
            if (m && m->id > 0) ++stored;
          }
        },
        asio::detached);
  }
  std::thread b([&] { io_b.run(); });
  io_a.run();
  b.join();
  EXPECT_EQ(stored.load(), k_writers * k_each);
  EXPECT_EQ(wrong_thread.load(), 0);
  auto count = run([&]() { return store->message_count(room->id); });
  EXPECT_EQ(*count, k_writers * k_each);
}

TEST_F(SqliteStore, AFailingWriteInAGroupDoesNotFailTheOthers) {
  auto store = open_store();
  ASSERT_TRUE(run([&]() { return store->migrate(); }));
  ASSERT_TRUE(run([&]() { return store->create_user(user_named("taken")); }));
  // Queued together, the writer takes them as one group.
  asio::io_context io;
  std::vector<std::string> names = {"a", "taken", "b", "c", "taken", "d"};
  std::vector<std::optional<chat::ports::store_result<chat::domain::user>>> outcomes(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    asio::co_spawn(
        io,
        [&, i]() -> asio::awaitable<void> {
          auto u = user_named(names[i]);
          if (names[i] == "taken") u.email = "other" + std::to_string(i) + "@example.com";
          outcomes[i] = co_await store->create_user(u);
        },
        asio::detached);
  }
  io.run();
  for (std::size_t i = 0; i < names.size(); ++i) {
    ASSERT_TRUE(outcomes[i].has_value());
    if (names[i] == "taken") {
      ASSERT_FALSE(*outcomes[i]);
      EXPECT_EQ(outcomes[i]->error().code, store_errc::duplicate_fullname);
      EXPECT_NE(outcomes[i]->error().detail.find("UNIQUE"), std::string::npos);
    } else {
      EXPECT_TRUE(*outcomes[i]) << names[i];
    }
  }
  auto all = run([&]() { return store->all_users(); });
  EXPECT_EQ(all->size(), 5U);
}

TEST_F(SqliteStore, DestroyingTheStoreCompletesWritesInFlight) {
  constexpr int k_writes = 200;
  asio::io_context io;
  std::atomic<int> completed{0};
  chat::domain::user_id author = 0;
  chat::domain::room_id room = 0;
  {
    auto store = open_store();
    ASSERT_TRUE(run([&]() { return store->migrate(); }));
    author = run([&]() { return store->create_user(user_named("author")); })->id;
    room = run([&]() { return store->create_room({"room", {}, author, {}, {}, {}}, {}); })->id;
    for (int i = 0; i < k_writes; ++i) {
      asio::co_spawn(
          io,
          [&, s = store.get()]() -> asio::awaitable<void> {
            chat::domain::new_message sent{room, author, "m", {}};
            auto m = co_await s->insert_message(std::move(sent));
            if (m) ++completed;
          },
          asio::detached);
    }
    // Start every coroutine (each queues its write), then destroy the store at once.
    io.poll();
  }
  io.run();
  EXPECT_EQ(completed.load(), k_writes);
  EXPECT_EQ(pragma_int(db_path(), "SELECT count(*) FROM messages"), k_writes);
}

TEST_F(SqliteStore, SearchEscapesLikeWildcards) {
  auto store = open_store();
  ASSERT_TRUE(run([&]() { return store->migrate(); }));
  auto me = run([&]() { return store->create_user(user_named("me")); });
  ASSERT_TRUE(run([&]() { return store->create_user(user_named("100% Fan")); }));
  ASSERT_TRUE(run([&]() { return store->create_user(user_named("1000 Fans")); }));
  auto found = run([&]() { return store->search_users("0%", me->id, 10); });
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ(found->front().fullname, "100% Fan");
  auto none = run([&]() { return store->search_users("fan", me->id, -1); });
  EXPECT_TRUE(none->empty());
}

}  // namespace
