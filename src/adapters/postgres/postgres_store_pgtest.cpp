// What is PostgreSQL-specific in postgres_store: pipelining across threads, reconnection,
// fail-fast outages, migrations under concurrency. The behaviour shared with SQLite is
// tests/contract's job; one smoke test here checks every statement at least parses.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "adapters/postgres/postgres_store.hpp"

namespace {

using chat::adapters::postgres_options;
using chat::adapters::postgres_store;
using chat::ports::store_errc;
using namespace std::chrono_literals;

/// Runs one awaitable to completion on a fresh io_context of this thread.
template <class T>
T await(boost::asio::awaitable<T> a) {
  boost::asio::io_context io;
  std::optional<T> out;
  boost::asio::co_spawn(
      io, [&]() -> boost::asio::awaitable<void> { out.emplace(co_await std::move(a)); },
      boost::asio::detached);
  io.run();
  return std::move(*out);
}

/// A plain blocking libpq connection for the test's own SQL.
class admin_connection {
 public:
  explicit admin_connection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {}
  ~admin_connection() { PQfinish(conn_); }
  admin_connection(const admin_connection&) = delete;
  admin_connection& operator=(const admin_connection&) = delete;
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  std::string exec(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    std::string out;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
    if (PQresultStatus(r) == PGRES_FATAL_ERROR)
      out = std::string("ERROR ") + PQresultErrorMessage(r);
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_;
};

class PostgresStore : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("TEST_DATABASE_URL");
    if (url == nullptr || *url == '\0') GTEST_SKIP() << "TEST_DATABASE_URL is not set";
    base_url_ = url;
    std::random_device rd;
    schema_ = "pgtest_" + std::to_string(::getpid()) + "_" + std::to_string(rd() % 1000000);
    app_name_ = "chatd_" + schema_;
    admin_ = std::make_unique<admin_connection>(base_url_);
    ASSERT_TRUE(admin_->ok());
  }
  void TearDown() override {
    stores_.clear();
    if (admin_) admin_->exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  postgres_options options() const {
    postgres_options o;
    o.url = base_url_ + (base_url_.find('?') == std::string::npos ? "?" : "&") +
            "application_name=" + app_name_;
    o.schema = schema_;
    o.connections = 2;
    return o;
  }
  postgres_store& make_store(postgres_options o) {
    auto created = postgres_store::create(std::move(o));
    EXPECT_TRUE(created.has_value());
    stores_.push_back(std::move(created.value()));
    return *stores_.back();
  }
  postgres_store& make_store() { return make_store(options()); }

  std::string base_url_;
  std::string schema_;
  std::string app_name_;
  std::unique_ptr<admin_connection> admin_;
  std::vector<std::unique_ptr<postgres_store>> stores_;
};

TEST_F(PostgresStore, MigratingTwiceIsIdempotent) {
  auto& store = make_store();
  EXPECT_EQ(await(store.schema_version()).value(), 0);
  EXPECT_EQ(await(store.migrate()).value(), 1);
  EXPECT_EQ(await(store.migrate()).value(), 1);
  EXPECT_EQ(await(store.schema_version()).value(), 1);
  EXPECT_EQ(admin_->exec("SELECT count(*) FROM " + schema_ + ".schema_migrations"), "1");
}

TEST_F(PostgresStore, ANewerSchemaIsRefusedAndLeftAlone) {
  auto& store = make_store();
  ASSERT_EQ(await(store.migrate()).value(), 1);
  admin_->exec("INSERT INTO " + schema_ + ".schema_migrations (version) VALUES (99)");
  auto again = await(store.migrate());
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, store_errc::schema_too_new);
  EXPECT_NE(again.error().detail.find("99"), std::string::npos) << again.error().detail;
  EXPECT_EQ(await(store.schema_version()).value(), 99);
}

TEST_F(PostgresStore, ConcurrentMigrationsApplyOnce) {
  auto& a = make_store();
  auto& b = make_store();
  boost::asio::io_context io;
  std::vector<int> versions;
  for (auto* s : {&a, &b, &a, &b}) {
    boost::asio::co_spawn(
        io,
        [&versions, s]() -> boost::asio::awaitable<void> {
          auto v = co_await s->migrate();
          versions.push_back(v.has_value() ? v.value() : -1);
        },
        boost::asio::detached);
  }
  io.run();
  EXPECT_EQ(versions, (std::vector<int>{1, 1, 1, 1}));
  EXPECT_EQ(admin_->exec("SELECT count(*) FROM " + schema_ + ".schema_migrations"), "1");
}

TEST_F(PostgresStore, AnInvalidUrlIsRefusedAtCreation) {
  postgres_options o;
  o.url = "this is not a url";
  auto created = postgres_store::create(o);
  ASSERT_FALSE(created.has_value());
  EXPECT_EQ(created.error().code, store_errc::unavailable);
}

TEST_F(PostgresStore, AnUnreachableDatabaseFailsFast) {
  // A loopback port nobody listens on.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  postgres_options o;
  o.url = "postgres://chat@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/chat";
  auto& store = make_store(o);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) {
    auto r = await(store.ping());
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, store_errc::unavailable);
    EXPECT_NE(r.error().detail.find("PostgreSQL"), std::string::npos) << r.error().detail;
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

TEST_F(PostgresStore, PipelinedInsertsFromTwoThreadsResumeOnTheirOwnExecutor) {
  auto& store = make_store();
  ASSERT_EQ(await(store.migrate()).value(), 1);
  auto user = await(store.create_user({"a@x.io", "A", "$2b$10$hash", std::nullopt})).value();
  auto room = await(store.create_room({"R", {}, user.id, {}, {}, {}}, {})).value();
  constexpr int k_per_thread = 300;
  std::atomic<int> wrong_thread{0};
  std::atomic<int> failed{0};
  std::mutex ids_mutex;
  std::set<std::int64_t> ids;
  auto work = [&](int t) {
    boost::asio::io_context io;
    for (int i = 0; i < k_per_thread; ++i) {
      boost::asio::co_spawn(
          io,
          [&, t, i]() -> boost::asio::awaitable<void> {
            chat::domain::new_message message;  // no braced temporaries in co_await (GCC 12)
            message.room = room.id;
            message.author = user.id;
            message.content = std::to_string(t) + ":" + std::to_string(i);
            auto m = co_await store.insert_message(std::move(message));
            auto executor = co_await boost::asio::this_coro::executor;
            if (!executor.target<boost::asio::io_context::executor_type>()
                     ->running_in_this_thread()) {
              ++wrong_thread;
            }
            if (!m.has_value()) {
              ++failed;
              co_return;
            }
            std::lock_guard lock(ids_mutex);
            ids.insert(m->id);
          },
          boost::asio::detached);
    }
    io.run();
  };
  std::thread a(work, 0);
  std::thread b(work, 1);
  a.join();
  b.join();
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(wrong_thread, 0);
  EXPECT_EQ(ids.size(), 2U * k_per_thread);
  EXPECT_EQ(await(store.message_count(room.id)).value(), 2 * k_per_thread);
}

TEST_F(PostgresStore, ReconnectsAfterTheServerKillsItsConnections) {
  auto& store = make_store();
  ASSERT_EQ(await(store.migrate()).value(), 1);
  ASSERT_TRUE(await(store.ping()).has_value());
  const std::string killed = admin_->exec(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '" +
      app_name_ + "'");
  EXPECT_EQ(killed, "2");
  const auto start = std::chrono::steady_clock::now();
  int consecutive_ok = 0;
  while (consecutive_ok < 5 && std::chrono::steady_clock::now() - start < 5s) {
    const auto before = std::chrono::steady_clock::now();
    auto r = await(store.schema_version());
    EXPECT_LT(std::chrono::steady_clock::now() - before, 1s) << "a query hung";
    if (r.has_value()) {
      ++consecutive_ok;
    } else {
      consecutive_ok = 0;
      EXPECT_EQ(r.error().code, store_errc::unavailable) << r.error().detail;
      std::this_thread::sleep_for(20ms);
    }
  }
  EXPECT_EQ(consecutive_ok, 5) << "not back within 5 s";
  // Prepared statements are prepared again on the new connections.
  auto user = await(store.create_user({"b@x.io", "B", "$2b$10$hash", std::nullopt}));
  ASSERT_TRUE(user.has_value()) << user.error().detail;
  EXPECT_TRUE(await(store.find_user(user->id)).value().has_value());
}

TEST_F(PostgresStore, ASlowQueryTimesOutAndTheStoreRecovers) {
  auto o = options();
  o.query_timeout = 300ms;
  o.connections = 1;
  auto& store = make_store(o);
  ASSERT_EQ(await(store.migrate()).value(), 1);
  admin_->exec("BEGIN");
  admin_->exec("LOCK TABLE " + schema_ + ".users IN ACCESS EXCLUSIVE MODE");
  const auto start = std::chrono::steady_clock::now();
  auto r = await(store.all_users());
  admin_->exec("ROLLBACK");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, store_errc::unavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  bool back = false;
  for (int i = 0; i < 100 && !back; ++i) {
    back = await(store.all_users()).has_value();
    if (!back) std::this_thread::sleep_for(50ms);
  }
  EXPECT_TRUE(back);
}

TEST_F(PostgresStore, EveryOperationRunsAndMapsConstraints) {
  auto& store = make_store();
  ASSERT_EQ(await(store.migrate()).value(), 1);
  auto a = await(store.create_user({"a@x.io", "Ann_100%", "h", std::nullopt})).value();
  auto b = await(store.create_user({"b@x.io", "Bob", "h", std::string("/b.png")})).value();
  EXPECT_EQ(await(store.create_user({"A@x.io", "Other", "h", {}})).error().code,
            store_errc::duplicate_email);
  EXPECT_EQ(await(store.create_user({"c@x.io", "Bob", "h", {}})).error().code,
            store_errc::duplicate_fullname);
  EXPECT_EQ(await(store.find_user_by_email("a@x.io")).value()->id, a.id);
  auto by_ids = await(store.users_by_ids({b.id, 999999, a.id, b.id})).value();
  ASSERT_EQ(by_ids.size(), 4U);
  EXPECT_EQ(by_ids[0]->id, b.id);
  EXPECT_FALSE(by_ids[1].has_value());
  EXPECT_EQ(by_ids[3]->avatar_url, "/b.png");
  EXPECT_EQ(await(store.search_users("0%", b.id, 50)).value().size(), 1U);
  EXPECT_EQ(await(store.search_users("A_n", b.id, 50)).value().size(), 0U);  // `_` literal
  EXPECT_EQ(await(store.search_users("n_1", b.id, 50)).value().size(), 1U);
  EXPECT_EQ(await(store.all_users()).value().size(), 2U);
  auto renamed = await(store.update_user_profile(b.id, "Bobby", std::nullopt)).value();
  EXPECT_EQ(renamed.avatar_url, "/b.png");
  EXPECT_EQ(await(store.update_user_profile(b.id, "Ann_100%", {})).error().code,
            store_errc::duplicate_fullname);

  auto expires = chat::domain::now() + std::chrono::hours(1);
  ASSERT_TRUE(await(store.create_refresh_family({"f1", a.id, "t1", false, {}, expires})));
  using chat::ports::rotation;
  EXPECT_EQ(await(store.rotate_refresh_token("f1", a.id, "t1", "t2", expires)).value(),
            rotation::rotated);
  EXPECT_EQ(await(store.rotate_refresh_token("f1", b.id, "t2", "t3", expires)).value(),
            rotation::invalid);
  EXPECT_EQ(await(store.rotate_refresh_token("f1", a.id, "t1", "t3", expires)).value(),
            rotation::reused);
  EXPECT_EQ(await(store.rotate_refresh_token("f1", a.id, "t2", "t3", expires)).value(),
            rotation::invalid);
  EXPECT_TRUE(await(store.revoke_refresh_family("f1")).has_value());

  chat::domain::new_room nr{"Room", chat::domain::room_access::public_room, a.id, "d", "#aabbcc",
                            {}};
  EXPECT_EQ(await(store.create_room(nr, {b.id, 424242})).error().code, store_errc::not_found);
  EXPECT_FALSE(await(store.find_room(1)).value().has_value());
  auto room = await(store.create_room(nr, {b.id, a.id, b.id})).value();
  EXPECT_EQ(room.admin_id, a.id);
  EXPECT_EQ(await(store.create_room(nr, {})).error().code, store_errc::duplicate_room_name);
  auto members = await(store.room_members(room.id)).value();
  ASSERT_EQ(members.size(), 2U);
  EXPECT_EQ(members[0].id, b.id);
  chat::domain::room_patch patch;
  patch.name = "Renamed";
  patch.clear_description = true;
  auto updated = await(store.update_room(room.id, patch)).value();
  EXPECT_EQ(updated.name, "Renamed");
  EXPECT_FALSE(updated.description.has_value());
  EXPECT_EQ(updated.color_hex, "#aabbcc");
  EXPECT_EQ(await(store.update_room(999999, patch)).error().code, store_errc::not_found);

  auto c = await(store.create_user({"c@x.io", "Cid", "h", {}})).value();
  EXPECT_EQ(await(store.add_members(room.id, {c.id, 777777})).error().code, store_errc::not_found);
  EXPECT_EQ(await(store.add_members(999999, {c.id})).error().code, store_errc::not_found);
  EXPECT_EQ(await(store.add_members(room.id, {c.id, a.id, c.id})).value(),
            (std::vector<std::int64_t>{c.id}));
  EXPECT_TRUE(await(store.is_member(room.id, c.id)).value());
  EXPECT_EQ(await(store.remove_members(room.id, {c.id, 5})).value(),
            (std::vector<std::int64_t>{c.id}));
  EXPECT_FALSE(await(store.is_member(room.id, c.id)).value());

  auto m1 = await(store.insert_message({room.id, a.id, "one", {}})).value();
  auto m2 = await(store.insert_message({room.id, b.id, "two", std::string("/i.png")})).value();
  EXPECT_EQ(await(store.insert_message({999999, a.id, "x", {}})).error().code,
            store_errc::not_found);
  auto page = await(store.messages_page(room.id, std::nullopt, 1)).value();
  ASSERT_EQ(page.messages.size(), 1U);
  EXPECT_EQ(page.messages[0].id, m2.id);
  EXPECT_TRUE(page.has_older);
  page = await(store.messages_page(room.id, m2.id, 5)).value();
  ASSERT_EQ(page.messages.size(), 1U);
  EXPECT_EQ(page.messages[0].id, m1.id);
  EXPECT_FALSE(page.has_older);
  EXPECT_EQ(await(store.message_count(room.id)).value(), 2);
  EXPECT_EQ(await(store.messages_after(room.id, m1.id, 10)).value().size(), 1U);
  auto latest = await(store.latest_messages({room.id, 999999})).value();
  ASSERT_EQ(latest.size(), 2U);
  EXPECT_EQ(latest[0]->image_url, "/i.png");
  EXPECT_FALSE(latest[1].has_value());
  EXPECT_EQ(await(store.member_counts({room.id, 999999, room.id})).value(),
            (std::vector<std::int64_t>{2, 0, 2}));
  EXPECT_EQ(await(store.rooms_of_user(b.id)).value().size(), 1U);
  auto found = await(store.search_rooms("NAME", c.id, 10)).value();
  EXPECT_EQ(found.total, 1);
  ASSERT_EQ(found.rooms.size(), 1U);
  found = await(store.search_rooms("name", c.id, 0)).value();
  EXPECT_EQ(found.total, 1);
  EXPECT_TRUE(found.rooms.empty());
  EXPECT_TRUE(await(store.delete_room(room.id)).has_value());
  EXPECT_EQ(await(store.delete_room(room.id)).error().code, store_errc::not_found);
  EXPECT_EQ(await(store.message_count(room.id)).value(), 0);
}

}  // namespace
