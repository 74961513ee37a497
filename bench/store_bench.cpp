// Storage benchmarks (docs/benchmarks.md, issue 4): message inserts and newest-page reads
// through the store port on both adapters, each next to a raw baseline on the same
// database in the same run.
//
//   - adapter writes: 16 writer coroutines on 2 io_context threads (one io_context per
//     thread, as chatd's network threads) calling `insert_message` in a loop for
//     --duration seconds → acknowledged (durable) inserts/s, p50/p99 latency.
//   - adapter reads: 16 reader coroutines calling `messages_page(room, nullopt, 20)`,
//     then `messages_page(room, cursor, 20)` → reads/s.
//   - raw SQLite: the sqlite3 C API on the adapter's file (WAL, synchronous=FULL), one
//     INSERT per transaction per message, from one thread and from 16 threads with a
//     connection each (the better one is the baseline); reads on as many threads as the
//     adapter has reader connections.
//   - raw PostgreSQL: one libpq connection in pipeline mode, INSERTs pipelined as many
//     at a time as the adapter has writers, with one sync per group (one commit per
//     group: the most a raw client can do with that many messages in flight); the
//     adapter again with --batch writers against --batch INSERTs per sync; and, for
//     reference, one sync (one commit) per INSERT; newest-page SELECTs pipelined.
//
// PostgreSQL runs when BENCH_DATABASE_URL is set (a fresh schema, dropped at the end).
// The markdown table goes to stdout, progress to stderr. A standalone program rather
// than Google Benchmark: each measure is a fixed-duration run of many concurrent clients.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "adapters/postgres/postgres_store.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "ports/store.hpp"

namespace {

namespace asio = boost::asio;
using chat::ports::store;
using clock_type = std::chrono::steady_clock;
namespace domain = chat::domain;

constexpr int k_page = 20;
constexpr std::string_view k_content =
    "Goal! What a strike from outside the box, top corner, the keeper had no chance.";

// ---- options ----

struct options {
  double duration_s = 5;
  int writers = 16;
  int readers = 16;
  int batch = 64;               // raw PostgreSQL: INSERTs per sync
  unsigned sqlite_readers = 2;  // sqlite_options::readers (chatd's default)
  unsigned pg_connections = 4;  // postgres_options::connections (chatd's default)
  std::string dir;              // SQLite's temp dir is created under it
  std::string backend = "all";  // all | sqlite | postgres
  std::string pg_url;           // BENCH_DATABASE_URL
  bool writes_only = false;     // adapter inserts only (for profiling)
};

[[noreturn]] void usage() {
  std::cerr << "usage: store_bench [--duration S] [--writers N] [--readers N] [--batch N]\n"
               "                   [--sqlite-readers N] [--pg-connections N] [--dir DIR]\n"
               "                   [--backend all|sqlite|postgres] [--writes-only]\n"
               "PostgreSQL runs when BENCH_DATABASE_URL is set.\n";
  std::exit(2);
}

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    if (arg == "--duration") {
      o.duration_s = std::stod(value());
    } else if (arg == "--writers") {
      o.writers = std::stoi(value());
    } else if (arg == "--readers") {
      o.readers = std::stoi(value());
    } else if (arg == "--batch") {
      o.batch = std::stoi(value());
    } else if (arg == "--sqlite-readers") {
      o.sqlite_readers = static_cast<unsigned>(std::stoul(value()));
    } else if (arg == "--pg-connections") {
      o.pg_connections = static_cast<unsigned>(std::stoul(value()));
    } else if (arg == "--dir") {
      o.dir = value();
    } else if (arg == "--writes-only") {
      o.writes_only = true;
    } else if (arg == "--backend") {
      o.backend = value();
    } else {
      usage();
    }
  }
  if (o.duration_s <= 0 || o.writers < 1 || o.readers < 1 || o.batch < 1) usage();
  if (const char* url = std::getenv("BENCH_DATABASE_URL"); url != nullptr) o.pg_url = url;
  if (o.dir.empty()) o.dir = std::filesystem::temp_directory_path().string();
  return o;
}

clock_type::duration seconds(double s) {
  return std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(s));
}

// ---- one measure ----

struct measure {
  std::int64_t ops = 0;
  double elapsed_s = 0;
  std::vector<double> latencies_us;  // per operation, when meaningful
  std::string error;

  double rate() const { return elapsed_s > 0 ? static_cast<double>(ops) / elapsed_s : 0; }
  double percentile_ms(double p) {
    if (latencies_us.empty()) return 0;
    std::sort(latencies_us.begin(), latencies_us.end());
    auto index = static_cast<std::size_t>(p * static_cast<double>(latencies_us.size() - 1));
    return latencies_us[index] / 1000.0;
  }
};

double micros_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::micro>(clock_type::now() - start).count();
}

// ---- concurrent coroutines on 2 io_context threads ----

/// One operation of a worker: answers an error detail, empty on success.
using op_fn = std::function<asio::awaitable<std::string>(int worker)>;

struct lane {
  asio::io_context io{1};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
  int remaining = 0;  // workers still running; touched on this lane's thread only
};

asio::awaitable<void> worker_loop(const op_fn& op, int worker, clock_type::time_point deadline,
                                  std::vector<double>& latencies_us, std::string& error) {
  while (clock_type::now() < deadline) {
    const auto start = clock_type::now();
    std::string failure = co_await op(worker);
    if (!failure.empty()) {
      error = std::move(failure);
      co_return;
    }
    latencies_us.push_back(micros_since(start));
  }
}

/// Runs `workers` coroutines spread over two single-threaded io_contexts until
/// `duration` has passed (operations already started are finished and counted).
measure run_coroutines(int workers, double duration_s, const op_fn& op) {
  constexpr int k_threads = 2;
  std::vector<std::unique_ptr<lane>> lanes;
  for (int i = 0; i < k_threads; ++i) {
    lanes.push_back(std::make_unique<lane>());
    lanes.back()->guard.emplace(lanes.back()->io.get_executor());
  }
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(workers));
  std::vector<std::string> errors(static_cast<std::size_t>(workers));
  const auto start = clock_type::now();
  const auto deadline = start + seconds(duration_s);
  for (int w = 0; w < workers; ++w) {
    lane& l = *lanes[static_cast<std::size_t>(w % k_threads)];
    ++l.remaining;
    auto& lat = latencies[static_cast<std::size_t>(w)];
    lat.reserve(1 << 16);
    auto& err = errors[static_cast<std::size_t>(w)];
    asio::co_spawn(l.io, worker_loop(op, w, deadline, lat, err),
                   [&l, &err](const std::exception_ptr& e) {
                     if (e) {
                       try {
                         std::rethrow_exception(e);
                       } catch (const std::exception& x) {
                         err = x.what();
                       }
                     }
                     if (--l.remaining == 0) l.guard.reset();
                   });
  }
  for (auto& l : lanes) {
    if (l->remaining == 0) l->guard.reset();  // fewer workers than threads
  }
  std::vector<std::thread> threads;
  for (auto& l : lanes)
    threads.emplace_back([&io = l->io] { io.run(); });
  for (auto& t : threads)
    t.join();
  measure m;
  m.elapsed_s = std::chrono::duration<double>(clock_type::now() - start).count();
  for (std::size_t w = 0; w < latencies.size(); ++w) {
    m.latencies_us.insert(m.latencies_us.end(), latencies[w].begin(), latencies[w].end());
    if (m.error.empty() && !errors[w].empty()) m.error = errors[w];
  }
  m.ops = static_cast<std::int64_t>(m.latencies_us.size());
  return m;
}

// ---- plain threads (raw baselines) ----

/// A thread body: loops until `deadline`, adds operations to `ops` and per-operation
/// latencies to `latencies_us` (when meaningful); throws on failure.
using thread_fn = std::function<void(int thread, clock_type::time_point deadline, std::int64_t& ops,
                                     std::vector<double>& latencies_us)>;

measure run_threads(int count, double duration_s, const thread_fn& body) {
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(count));
  std::vector<std::int64_t> ops(static_cast<std::size_t>(count), 0);
  std::vector<std::string> errors(static_cast<std::size_t>(count));
  const auto start = clock_type::now();
  const auto deadline = start + seconds(duration_s);
  std::vector<std::thread> threads;
  for (int t = 0; t < count; ++t) {
    threads.emplace_back([&, t] {
      auto i = static_cast<std::size_t>(t);
      try {
        body(t, deadline, ops[i], latencies[i]);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& t : threads)
    t.join();
  measure m;
  m.elapsed_s = std::chrono::duration<double>(clock_type::now() - start).count();
  for (std::size_t i = 0; i < ops.size(); ++i) {
    m.ops += ops[i];
    m.latencies_us.insert(m.latencies_us.end(), latencies[i].begin(), latencies[i].end());
    if (m.error.empty() && !errors[i].empty()) m.error = errors[i];
  }
  return m;
}

// ---- synchronous helpers ----

/// Runs one awaitable to completion on a fresh io_context of this thread.
template <class T>
T run_sync(asio::awaitable<T> a) {
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  std::optional<T> out;
  std::exception_ptr error;
  asio::co_spawn(io, std::move(a), [&](std::exception_ptr e, T value) {
    error = e;
    if (!e) out.emplace(std::move(value));
    guard.reset();
  });
  io.run();
  if (error) std::rethrow_exception(error);
  return std::move(*out);
}

template <class T>
T must(chat::ports::store_result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().detail);
  return std::move(r).value();
}

struct fixture {
  domain::user_id author = 0;
  domain::room_id room = 0;
};

fixture prepare(store& s) {
  must(run_sync(s.migrate()), "migrate");
  domain::new_user u;
  u.email = "bench@example.com";
  u.fullname = "Store Bench";
  u.password_hash = "$2b$10$bench";
  auto user = must(run_sync(s.create_user(std::move(u))), "create_user");
  domain::new_room r;
  r.name = "store bench";
  r.access = domain::room_access::public_room;
  r.admin_id = user.id;
  std::vector<domain::user_id> members;
  auto room = must(run_sync(s.create_room(std::move(r), std::move(members))), "create_room");
  return {user.id, room.id};
}

// ---- adapter operations ----

asio::awaitable<std::string> insert_one(store& s, fixture f) {
  domain::new_message m;
  m.room = f.room;
  m.author = f.author;
  m.content = std::string(k_content);
  auto r = co_await s.insert_message(std::move(m));
  if (!r) co_return "insert_message: " + r.error().detail;
  co_return std::string();
}

asio::awaitable<std::string> page_one(store& s, fixture f,
                                      std::optional<domain::message_id> before) {
  auto r = co_await s.messages_page(f.room, before, k_page);
  if (!r) co_return "messages_page: " + r.error().detail;
  if (r->messages.size() != static_cast<std::size_t>(k_page)) co_return "messages_page: short page";
  co_return std::string();
}

domain::message_id newest_id(store& s, const fixture& f) {
  auto page = must(run_sync(s.messages_page(f.room, std::nullopt, 1)), "messages_page");
  if (page.messages.empty()) throw std::runtime_error("no messages");
  return page.messages.front().id;
}

// ---- raw SQLite ----

class raw_sqlite {
 public:
  raw_sqlite(const std::string& path, bool writer) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
      throw std::runtime_error("sqlite3_open_v2: " + std::string(sqlite3_errmsg(db_)));
    }
    sqlite3_busy_timeout(db_, 5000);
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    exec("PRAGMA foreign_keys = ON");
    if (!writer) exec("PRAGMA query_only = ON");
  }
  ~raw_sqlite() {
    for (auto* s : statements_)
      sqlite3_finalize(s);
    sqlite3_close_v2(db_);
  }
  raw_sqlite(const raw_sqlite&) = delete;
  raw_sqlite& operator=(const raw_sqlite&) = delete;

  void exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
      fail(sql);
    }
    statements_.push_back(s);
    return s;
  }
  /// Steps `s` to completion (rows are read by `row`), then resets it.
  template <class Row>
  void run(sqlite3_stmt* s, Row row) {
    int rc = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
      row(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) fail(sqlite3_sql(s));
  }
  void run(sqlite3_stmt* s) {
    run(s, [](sqlite3_stmt*) {});
  }

 private:
  [[noreturn]] void fail(const char* sql) {
    throw std::runtime_error(std::string("sqlite: ") + sql + ": " + sqlite3_errmsg(db_));
  }
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
};

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void raw_sqlite_writer(const std::string& path, const fixture& f, clock_type::time_point deadline,
                       std::int64_t& ops, std::vector<double>& latencies_us) {
  raw_sqlite db(path, true);
  auto* begin = db.prepare("BEGIN IMMEDIATE");
  auto* insert = db.prepare(
      "INSERT INTO messages (room_id, author_id, content, image_url, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, NULL, ?4, ?4)");
  auto* commit = db.prepare("COMMIT");
  latencies_us.reserve(1 << 16);
  while (clock_type::now() < deadline) {
    const auto start = clock_type::now();
    // Concurrent connections wait in SQLite's busy handler (sleeps of 1–100 ms); one
    // starved past the busy timeout tries again.
    const int rc = sqlite3_step(begin);
    sqlite3_reset(begin);
    if (rc == SQLITE_BUSY) continue;
    if (rc != SQLITE_DONE) throw std::runtime_error("sqlite: BEGIN IMMEDIATE failed");
    sqlite3_bind_int64(insert, 1, f.room);
    sqlite3_bind_int64(insert, 2, f.author);
    sqlite3_bind_text(insert, 3, k_content.data(), static_cast<int>(k_content.size()),
                      SQLITE_STATIC);
    sqlite3_bind_int64(insert, 4, now_ms());
    db.run(insert);
    db.run(commit);
    latencies_us.push_back(micros_since(start));
    ++ops;
  }
}

/// Reads pages like the adapter does (take + 1 rows), copying every column.
void raw_sqlite_reader(const std::string& path, const fixture& f,
                       std::optional<domain::message_id> before, clock_type::time_point deadline,
                       std::int64_t& ops) {
  raw_sqlite db(path, false);
  auto* page = db.prepare(
      "SELECT m.id, m.room_id, m.author_id, m.content, m.image_url, m.created_at, m.updated_at "
      "FROM messages m WHERE m.room_id = ?1 AND m.id < ?2 ORDER BY m.id DESC LIMIT ?3");
  std::vector<domain::message> rows;
  while (clock_type::now() < deadline) {
    rows.clear();
    sqlite3_bind_int64(page, 1, f.room);
    sqlite3_bind_int64(page, 2, before.value_or(std::numeric_limits<std::int64_t>::max()));
    sqlite3_bind_int64(page, 3, k_page + 1);
    db.run(page, [&rows](sqlite3_stmt* s) {
      domain::message m;
      m.id = sqlite3_column_int64(s, 0);
      m.room = sqlite3_column_int64(s, 1);
      m.author = sqlite3_column_int64(s, 2);
      m.content.assign(reinterpret_cast<const char*>(sqlite3_column_text(s, 3)),
                       static_cast<std::size_t>(sqlite3_column_bytes(s, 3)));
      if (sqlite3_column_type(s, 4) != SQLITE_NULL) {
        m.image_url.emplace(reinterpret_cast<const char*>(sqlite3_column_text(s, 4)));
      }
      m.created_at = domain::timestamp(std::chrono::milliseconds(sqlite3_column_int64(s, 5)));
      m.updated_at = domain::timestamp(std::chrono::milliseconds(sqlite3_column_int64(s, 6)));
      rows.push_back(std::move(m));
    });
    if (rows.size() != static_cast<std::size_t>(k_page + 1)) {
      throw std::runtime_error("raw sqlite: short page");
    }
    ++ops;
  }
}

// ---- raw PostgreSQL ----

class raw_pg {
 public:
  raw_pg(const std::string& url, const std::string& schema) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) fail("connect");
    if (!schema.empty()) command("SET search_path TO " + schema);
  }
  ~raw_pg() { PQfinish(conn_); }
  raw_pg(const raw_pg&) = delete;
  raw_pg& operator=(const raw_pg&) = delete;

  void command(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    const auto status = PQresultStatus(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(sql);
  }
  std::string value(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) < 1) {
      PQclear(r);
      fail(sql);
    }
    std::string out = PQgetvalue(r, 0, 0);
    PQclear(r);
    return out;
  }
  void prepare(const char* name, const char* sql) {
    PGresult* r = PQprepare(conn_, name, sql, 0, nullptr);
    const auto status = PQresultStatus(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK) fail(sql);
  }
  void enter_pipeline() {
    if (PQenterPipelineMode(conn_) != 1) fail("enter pipeline mode");
  }

  /// Pipelines `count` executions of `name`, with a sync after every `sync_every`, then
  /// waits for every result; answers the rows received.
  std::int64_t pipeline(const char* name, const std::vector<const char*>& params, int count,
                        int sync_every, int expected_rows) {
    int syncs = 0;
    for (int i = 0; i < count; ++i) {
      if (PQsendQueryPrepared(conn_, name, static_cast<int>(params.size()), params.data(), nullptr,
                              nullptr, 0) != 1) {
        fail("send");
      }
      if ((i + 1) % sync_every == 0 || i + 1 == count) {
        if (PQpipelineSync(conn_) != 1) fail("sync");
        ++syncs;
      }
    }
    std::int64_t rows = 0;
    while (syncs > 0) {
      PGresult* r = PQgetResult(conn_);
      if (r == nullptr) continue;  // the end of one statement's results
      const auto status = PQresultStatus(r);
      if (status == PGRES_PIPELINE_SYNC) {
        --syncs;
      } else if (status == PGRES_TUPLES_OK) {
        rows += PQntuples(r);
        if (expected_rows >= 0 && PQntuples(r) != expected_rows) {
          PQclear(r);
          throw std::runtime_error("raw pg: unexpected row count");
        }
      } else if (status != PGRES_COMMAND_OK) {
        std::string why = PQresultErrorMessage(r);
        PQclear(r);
        throw std::runtime_error("raw pg: " + why);
      }
      PQclear(r);
    }
    return rows;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("raw pg: " + what + ": " + PQerrorMessage(conn_));
  }
  PGconn* conn_;
};

constexpr const char* k_pg_insert =
    "INSERT INTO messages (room_id, author_id, content, image_url) "
    "VALUES ($1::bigint, $2::bigint, $3::text, $4::text) RETURNING id";
constexpr const char* k_pg_page =
    "SELECT m.id, m.room_id, m.author_id, m.content, m.image_url, "
    "(extract(epoch from m.created_at) * 1000)::bigint, "
    "(extract(epoch from m.updated_at) * 1000)::bigint FROM messages m "
    "WHERE m.room_id = $1::bigint AND m.id < coalesce($2::bigint, 9223372036854775807) "
    "ORDER BY m.id DESC LIMIT $3::int + 1";

/// One connection, INSERTs pipelined `count` at a time (the next batch is sent once the
/// previous one is answered) with a sync (a commit) every `sync_every`.
measure raw_pg_inserts(const options& o, const std::string& schema, const fixture& f, int count,
                       int sync_every) {
  raw_pg db(o.pg_url, schema);
  db.prepare("ins", k_pg_insert);
  db.enter_pipeline();
  const std::string room = std::to_string(f.room);
  const std::string author = std::to_string(f.author);
  const std::string content(k_content);
  std::vector<const char*> params{room.c_str(), author.c_str(), content.c_str(), nullptr};
  db.pipeline("ins", params, count, sync_every, 1);  // warm-up
  measure m;
  const auto start = clock_type::now();
  const auto deadline = start + seconds(o.duration_s);
  while (clock_type::now() < deadline) {
    const auto batch_start = clock_type::now();
    m.ops += db.pipeline("ins", params, count, sync_every, 1);
    m.latencies_us.push_back(micros_since(batch_start));  // per batch
  }
  m.elapsed_s = std::chrono::duration<double>(clock_type::now() - start).count();
  return m;
}

measure raw_pg_pages(const options& o, const std::string& schema, const fixture& f,
                     std::optional<domain::message_id> before) {
  raw_pg db(o.pg_url, schema);
  db.prepare("page", k_pg_page);
  db.enter_pipeline();
  const std::string room = std::to_string(f.room);
  const std::string cursor = before ? std::to_string(*before) : std::string();
  const std::string take = std::to_string(k_page);
  std::vector<const char*> params{room.c_str(), before ? cursor.c_str() : nullptr, take.c_str()};
  db.pipeline("page", params, o.batch, o.batch, k_page + 1);  // warm-up
  measure m;
  const auto start = clock_type::now();
  const auto deadline = start + seconds(o.duration_s);
  while (clock_type::now() < deadline) {
    db.pipeline("page", params, o.batch, o.batch, k_page + 1);
    m.ops += o.batch;
  }
  m.elapsed_s = std::chrono::duration<double>(clock_type::now() - start).count();
  return m;
}

// ---- the report ----

struct row {
  std::string backend, what, adapter, baseline, ratio, target;
};

std::string fmt(double v, int decimals = 0) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(decimals);
  s << v;
  std::string text = s.str();
  // Thin grouping of thousands, as elsewhere in docs/benchmarks.md.
  auto dot = text.find('.');
  auto end = dot == std::string::npos ? text.size() : dot;
  for (auto i = static_cast<std::ptrdiff_t>(end) - 3; i > 0; i -= 3)
    text.insert(static_cast<std::size_t>(i), " ");
  return text;
}

std::string ratio(double a, double b) {
  if (b <= 0) return "";
  return fmt(a / b, 2) + "×";
}

std::string latency(measure& m) {
  return fmt(m.percentile_ms(0.5), 2) + " / " + fmt(m.percentile_ms(0.99), 2) + " ms";
}

void check(const measure& m, const char* what) {
  if (!m.error.empty()) throw std::runtime_error(std::string(what) + ": " + m.error);
  if (m.ops == 0) throw std::runtime_error(std::string(what) + ": no operation completed");
}

void bench_sqlite(const options& o, std::vector<row>& rows, std::vector<std::string>& notes) {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::path(o.dir) / "store_bench.XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp under " + o.dir);
  const fs::path dir = tmpl;
  const std::string path = (dir / "chat.db").string();
  struct cleanup {
    fs::path dir;
    ~cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } remove_dir{dir};
  std::cerr << "SQLite: " << path << "\n";

  chat::adapters::sqlite_options so;
  so.path = path;
  so.readers = o.sqlite_readers;
  auto s = must(chat::adapters::sqlite_store::open(std::move(so)), "sqlite_store::open");
  const fixture f = prepare(*s);

  // Writes: the adapter, then the raw baselines on the same file.
  for (int i = 0; i < 50; ++i)
    must(run_sync(s->insert_message(domain::new_message{f.room, f.author, "warm-up", {}})),
         "warm-up insert");
  std::cerr << "  adapter: " << o.writers << " writers...\n";
  op_fn insert = [&s, f](int) { return insert_one(*s, f); };
  measure writes = run_coroutines(o.writers, o.duration_s, insert);
  check(writes, "sqlite adapter inserts");
  if (o.writes_only) {
    std::cerr << "  " << writes.ops << " inserts, " << fmt(writes.rate()) << "/s, p50/p99 "
              << latency(writes) << "\n";
    return;
  }

  std::cerr << "  raw: 1 thread, a transaction per INSERT...\n";
  thread_fn raw_writer = [&path, &f](int, clock_type::time_point deadline, std::int64_t& ops,
                                     std::vector<double>& lat) {
    raw_sqlite_writer(path, f, deadline, ops, lat);
  };
  measure raw1 = run_threads(1, o.duration_s, raw_writer);
  check(raw1, "raw sqlite inserts, 1 thread");
  std::cerr << "  raw: " << o.writers << " threads, a connection each...\n";
  measure raw16 = run_threads(o.writers, o.duration_s, raw_writer);
  check(raw16, "raw sqlite inserts, concurrent");

  // Reads, on a room holding every message written above.
  const domain::message_id cursor = newest_id(*s, f) / 2;
  std::cerr << "  adapter: " << o.readers << " readers, newest page...\n";
  op_fn newest = [&s, f](int) { return page_one(*s, f, std::nullopt); };
  measure reads = run_coroutines(o.readers, o.duration_s, newest);
  check(reads, "sqlite adapter newest page");
  std::cerr << "  adapter: " << o.readers << " readers, page before a cursor...\n";
  op_fn before = [&s, f, cursor](int) { return page_one(*s, f, cursor); };
  measure reads_cursor = run_coroutines(o.readers, o.duration_s, before);
  check(reads_cursor, "sqlite adapter cursor page");

  const int raw_readers = static_cast<int>(std::max(o.sqlite_readers, 1U));
  std::cerr << "  raw: " << raw_readers << " reader threads...\n";
  thread_fn raw_newest = [&path, &f](int, clock_type::time_point deadline, std::int64_t& ops,
                                     std::vector<double>&) {
    raw_sqlite_reader(path, f, std::nullopt, deadline, ops);
  };
  measure raw_reads = run_threads(raw_readers, o.duration_s, raw_newest);
  check(raw_reads, "raw sqlite newest page");
  thread_fn raw_before = [&path, &f, cursor](int, clock_type::time_point deadline,
                                             std::int64_t& ops, std::vector<double>&) {
    raw_sqlite_reader(path, f, cursor, deadline, ops);
  };
  measure raw_reads_cursor = run_threads(raw_readers, o.duration_s, raw_before);
  check(raw_reads_cursor, "raw sqlite cursor page");

  const bool concurrent_better = raw16.rate() > raw1.rate();
  measure& best = concurrent_better ? raw16 : raw1;
  const std::string best_name =
      concurrent_better ? std::to_string(o.writers) + " connections" : std::string("1 thread");
  const std::string nwriters = std::to_string(o.writers);
  rows.push_back({"SQLite", "durable inserts/s, " + nwriters + " writers", fmt(writes.rate()),
                  fmt(best.rate()) + " (" + best_name + ")", ratio(writes.rate(), best.rate()),
                  std::string("≥ 10 000/s ") + (writes.rate() >= 10000 ? "✔" : "✘")});
  rows.push_back({"SQLite", "acknowledged insert p50 / p99", latency(writes),
                  latency(best) + " (per transaction)", "", ""});
  rows.push_back({"SQLite", "newest page (20) reads/s, " + std::to_string(o.readers) + " readers",
                  fmt(reads.rate()),
                  fmt(raw_reads.rate()) + " (" + std::to_string(raw_readers) + " threads)",
                  ratio(reads.rate(), raw_reads.rate()), ""});
  rows.push_back({"SQLite", "page (20) before a cursor reads/s", fmt(reads_cursor.rate()),
                  fmt(raw_reads_cursor.rate()), ratio(reads_cursor.rate(), raw_reads_cursor.rate()),
                  ""});
  notes.push_back("SQLite raw INSERT, a transaction each: 1 thread " + fmt(raw1.rate()) +
                  "/s (p50/p99 " + latency(raw1) + "), " + nwriters +
                  " threads with a connection each " + fmt(raw16.rate()) + "/s (p50/p99 " +
                  latency(raw16) + ").");
  notes.push_back("SQLite adapter: " + std::to_string(writes.ops) + " inserts in " +
                  fmt(writes.elapsed_s, 2) +
                  " s; reader connections: " + std::to_string(o.sqlite_readers) + ".");
}

void bench_postgres(const options& o, std::vector<row>& rows, std::vector<std::string>& notes) {
  const std::string schema = "store_bench_" + std::to_string(::getpid());
  std::cerr << "PostgreSQL: schema " << schema << "\n";
  raw_pg admin(o.pg_url, "");
  struct drop {
    raw_pg& admin;
    std::string schema;
    ~drop() {
      try {
        admin.command("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (const std::exception& e) {
        std::cerr << "cannot drop " << schema << ": " << e.what() << "\n";
      }
    }
  } dropper{admin, schema};
  notes.push_back("PostgreSQL " + admin.value("SHOW server_version") +
                  ", fsync=" + admin.value("SHOW fsync") +
                  ", synchronous_commit=" + admin.value("SHOW synchronous_commit") +
                  ", commit_delay=" + admin.value("SHOW commit_delay") + ".");

  chat::adapters::postgres_options po;
  po.url = o.pg_url;
  po.schema = schema;
  po.connections = o.pg_connections;
  auto s = must(chat::adapters::postgres_store::create(std::move(po)), "postgres_store::create");
  const fixture f = prepare(*s);

  for (int i = 0; i < 50; ++i)
    must(run_sync(s->insert_message(domain::new_message{f.room, f.author, "warm-up", {}})),
         "warm-up insert");
  std::cerr << "  adapter: " << o.writers << " writers...\n";
  op_fn insert = [&s, f](int) { return insert_one(*s, f); };
  measure writes = run_coroutines(o.writers, o.duration_s, insert);
  check(writes, "postgres adapter inserts");
  if (o.writes_only) {
    std::cerr << "  " << writes.ops << " inserts, " << fmt(writes.rate()) << "/s, p50/p99 "
              << latency(writes) << "\n";
    return;
  }

  // The raw baseline of the same concurrency: `o.writers` INSERTs pipelined, one sync
  // (one commit), the next group once it is answered: the most a raw client can do with
  // as many messages in flight as the adapter's writers, each acknowledged when durable.
  std::cerr << "  raw: pipelined INSERTs, " << o.writers << " at a time, one sync...\n";
  measure raw_grouped = raw_pg_inserts(o, schema, f, o.writers, o.writers);
  check(raw_grouped, "raw pg inserts, grouped by writers");
  // The same comparison with --batch writers and a sync per --batch.
  std::cerr << "  adapter: " << o.batch << " writers...\n";
  measure wide = run_coroutines(o.batch, o.duration_s, insert);
  check(wide, "postgres adapter inserts, wide");
  std::cerr << "  raw: pipelined INSERTs, a sync per " << o.batch << "...\n";
  measure raw_batched = raw_pg_inserts(o, schema, f, o.batch, o.batch);
  check(raw_batched, "raw pg inserts");
  std::cerr << "  raw: pipelined INSERTs, a sync per INSERT...\n";
  measure raw_each = raw_pg_inserts(o, schema, f, o.batch, 1);
  check(raw_each, "raw pg inserts, sync each");

  const domain::message_id cursor = newest_id(*s, f) / 2;
  std::cerr << "  adapter: " << o.readers << " readers, newest page...\n";
  op_fn newest = [&s, f](int) { return page_one(*s, f, std::nullopt); };
  measure reads = run_coroutines(o.readers, o.duration_s, newest);
  check(reads, "postgres adapter newest page");
  std::cerr << "  adapter: " << o.readers << " readers, page before a cursor...\n";
  op_fn before = [&s, f, cursor](int) { return page_one(*s, f, cursor); };
  measure reads_cursor = run_coroutines(o.readers, o.duration_s, before);
  check(reads_cursor, "postgres adapter cursor page");

  std::cerr << "  raw: pipelined SELECTs...\n";
  measure raw_reads = raw_pg_pages(o, schema, f, std::nullopt);
  check(raw_reads, "raw pg newest page");
  measure raw_reads_cursor = raw_pg_pages(o, schema, f, cursor);
  check(raw_reads_cursor, "raw pg cursor page");

  const std::string batch = std::to_string(o.batch);
  const std::string nwriters = std::to_string(o.writers);
  const auto target = [](const measure& adapter, const measure& raw) {
    return std::string("≥ 0.70× ") + (adapter.rate() >= 0.7 * raw.rate() ? "✔" : "✘");
  };
  rows.push_back({"PostgreSQL", "inserts/s, " + nwriters + " writers", fmt(writes.rate()),
                  fmt(raw_grouped.rate()) + " (1 connection, " + nwriters +
                      " pipelined INSERTs, one sync: one commit per " + nwriters + ")",
                  ratio(writes.rate(), raw_grouped.rate()), target(writes, raw_grouped)});
  rows.push_back({"PostgreSQL", "inserts/s, " + batch + " writers", fmt(wide.rate()),
                  fmt(raw_batched.rate()) + " (1 connection, " + batch +
                      " pipelined INSERTs, one sync: one commit per " + batch + ")",
                  ratio(wide.rate(), raw_batched.rate()), target(wide, raw_batched)});
  rows.push_back({"PostgreSQL", nwriters + " writers against a commit per INSERT",
                  fmt(writes.rate()),
                  fmt(raw_each.rate()) + " (1 connection, " + batch + " pipelined, a sync each)",
                  ratio(writes.rate(), raw_each.rate()), ""});
  rows.push_back({"PostgreSQL", "acknowledged insert p50 / p99, " + nwriters + " writers",
                  latency(writes), "", "", ""});
  rows.push_back({"PostgreSQL", "acknowledged insert p50 / p99, " + batch + " writers",
                  latency(wide), "", "", ""});
  rows.push_back({"PostgreSQL",
                  "newest page (20) reads/s, " + std::to_string(o.readers) + " readers",
                  fmt(reads.rate()), fmt(raw_reads.rate()) + " (1 connection, pipelined)",
                  ratio(reads.rate(), raw_reads.rate()), ""});
  rows.push_back({"PostgreSQL", "page (20) before a cursor reads/s", fmt(reads_cursor.rate()),
                  fmt(raw_reads_cursor.rate()), ratio(reads_cursor.rate(), raw_reads_cursor.rate()),
                  ""});
  notes.push_back("PostgreSQL adapter: " + std::to_string(o.pg_connections) +
                  " connections; raw batch round trip p50/p99 " + latency(raw_batched) +
                  " (a sync per " + batch + "), " + latency(raw_each) + " (a sync each, " + batch +
                  " in flight).");
}

}  // namespace

int main(int argc, char** argv) {
  const options o = parse(argc, argv);
  std::vector<row> rows;
  std::vector<std::string> notes;
  int status = 0;
  try {
    if (o.backend == "all" || o.backend == "sqlite") bench_sqlite(o, rows, notes);
  } catch (const std::exception& e) {
    std::cerr << "store_bench: SQLite: " << e.what() << "\n";
    status = 1;
  }
  if (o.backend == "all" || o.backend == "postgres") {
    if (o.pg_url.empty()) {
      notes.push_back("PostgreSQL skipped: BENCH_DATABASE_URL is not set.");
      std::cerr << "store_bench: PostgreSQL skipped: BENCH_DATABASE_URL is not set\n";
    } else {
      try {
        bench_postgres(o, rows, notes);
      } catch (const std::exception& e) {
        std::cerr << "store_bench: PostgreSQL: " << e.what() << "\n";
        status = 1;
      }
    }
  }
  std::cout << "| backend | measure | adapter | raw baseline (same run, same database) | "
               "adapter/raw | target |\n"
               "|---|---|---|---|---|---|\n";
  for (const auto& r : rows) {
    std::cout << "| " << r.backend << " | " << r.what << " | " << r.adapter << " | " << r.baseline
              << " | " << r.ratio << " | " << r.target << " |\n";
  }
  std::cout << "\n";
  for (const auto& n : notes)
    std::cout << "- " << n << "\n";
  return status;
}
