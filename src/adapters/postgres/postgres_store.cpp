#include "adapters/postgres/postgres_store.hpp"

#include <algorithm>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <charconv>
#include <utility>

#include "adapters/postgres/pg_insert_batcher.hpp"
#include "adapters/postgres/pg_migrations.hpp"
#include "adapters/postgres/pg_pool.hpp"
#include "adapters/postgres/pg_statements.hpp"

namespace chat::adapters {

namespace {

using ports::store_errc;
using ports::store_error;
using param = std::optional<std::string>;
using params = std::vector<param>;

param p(std::int64_t v) {
  return std::to_string(v);
}
param p(std::string v) {
  return v;
}
param p(std::optional<std::string> v) {
  return v;
}
param p(bool v) {
  return std::string(v ? "t" : "f");
}
param p(domain::timestamp t) {
  return std::to_string(t.time_since_epoch().count());
}

/// `{1,2,3}`: a bigint[] in text form.
param array(const std::vector<std::int64_t>& ids) {
  std::string text = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) text += ',';
    text += std::to_string(ids[i]);
  }
  text += '}';
  return text;
}

/// The LIKE wildcards and escape character of `term` taken literally.
std::string like_escaped(const std::string& term) {
  std::string out;
  out.reserve(term.size());
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

struct row {
  const PGresult* r;
  int i;
  bool null(int c) const { return PQgetisnull(r, i, c) == 1; }
  std::string text(int c) const { return {PQgetvalue(r, i, c), std::size_t(PQgetlength(r, i, c))}; }
  std::optional<std::string> opt_text(int c) const {
    if (null(c)) return std::nullopt;
    return text(c);
  }
  std::int64_t i64(int c) const {
    std::int64_t v = 0;
    const char* s = PQgetvalue(r, i, c);
    std::from_chars(s, s + PQgetlength(r, i, c), v);
    return v;
  }
  domain::timestamp time(int c) const {
    return domain::timestamp{std::chrono::milliseconds{i64(c)}};
  }
};

int rows_of(const pg::outcome& o) {
  return PQntuples(o.result.get());
}
row at(const pg::outcome& o, int i) {
  return {o.result.get(), i};
}

domain::user user_at(const row& r, int c = 0) {
  return {r.i64(c),          r.text(c + 1), r.text(c + 2), r.text(c + 3),
          r.opt_text(c + 4), r.time(c + 5), r.time(c + 6)};
}

domain::room room_at(const row& r, int c = 0) {
  domain::room room;
  room.id = r.i64(c);
  room.name = r.text(c + 1);
  room.access = r.text(c + 2) == "PUBLIC" ? domain::room_access::public_room
                                          : domain::room_access::private_room;
  if (!r.null(c + 3)) room.admin_id = r.i64(c + 3);
  room.description = r.opt_text(c + 4);
  room.color_hex = r.opt_text(c + 5);
  room.image = r.opt_text(c + 6);
  room.created_at = r.time(c + 7);
  room.updated_at = r.time(c + 8);
  return room;
}

domain::message message_at(const row& r, int c = 0) {
  return {r.i64(c),          r.i64(c + 1),  r.i64(c + 2), r.text(c + 3),
          r.opt_text(c + 4), r.time(c + 5), r.time(c + 6)};
}

std::vector<domain::user> users_of(const pg::outcome& o) {
  std::vector<domain::user> out;
  for (int i = 0; i < rows_of(o); ++i)
    out.push_back(user_at(at(o, i)));
  return out;
}

/// `{1,2}` → ids.
std::vector<std::int64_t> ids_of_array(const std::string& text) {
  std::vector<std::int64_t> out;
  const char* s = text.data();
  const char* end = s + text.size();
  while (s < end) {
    if (*s == '{' || *s == '}' || *s == ',') {
      ++s;
      continue;
    }
    std::int64_t v = 0;
    auto [next, ec] = std::from_chars(s, end, v);
    if (ec != std::errc{}) break;
    out.push_back(v);
    s = next;
  }
  return out;
}

/// SQLSTATEs to the port's vocabulary; the server's message stays in the detail.
store_error map_error(const pg::outcome& o) {
  store_error e = *o.error;
  e.detail = "postgres: " + e.detail;
  if (o.sqlstate == "23505") {
    if (o.constraint == "users_email_key") e.code = store_errc::duplicate_email;
    if (o.constraint == "users_fullname_key") e.code = store_errc::duplicate_fullname;
    if (o.constraint == "rooms_name_key") e.code = store_errc::duplicate_room_name;
  } else if (o.sqlstate == "23503") {
    e.code = store_errc::not_found;
  } else if (o.sqlstate == "CH001") {
    e.code = store_errc::schema_too_new;
  }
  return e;
}

store_error not_found(std::string what) {
  return {store_errc::not_found, std::move(what)};
}

bool valid_schema_name(const std::string& name) {
  if (name.empty() || name.size() > 63) return false;
  if (name.front() >= '0' && name.front() <= '9') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

/// One migration in one transaction, under a lock per schema so that instances starting
/// together apply it once; the version check makes it idempotent.
std::string migration_block(const pg::migration& m, int newest, const std::string& schema) {
  const std::string table = "\"" + schema + "\".schema_migrations";
  return "DO $chat_migrate$ DECLARE current_version integer; BEGIN "
         "PERFORM pg_advisory_xact_lock(hashtext('chatd migrate " +
         schema +
         "')); "
         "CREATE SCHEMA IF NOT EXISTS \"" +
         schema +
         "\"; "
         "PERFORM set_config('search_path', '\"" +
         schema +
         "\"', true); "
         "CREATE TABLE IF NOT EXISTS " +
         table +
         " (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now()); "
         "SELECT coalesce(max(version), 0) INTO current_version FROM " +
         table +
         "; "
         "IF current_version > " +
         std::to_string(newest) +
         " THEN "
         "RAISE EXCEPTION USING ERRCODE = 'CH001', MESSAGE = format("
         "'the database schema is at version %s, newer than this chatd knows (" +
         std::to_string(newest) +
         ")', current_version); END IF; "
         "IF current_version < " +
         std::to_string(m.version) + " THEN\n" + std::string(m.sql) + "\nINSERT INTO " + table +
         " (version) VALUES (" + std::to_string(m.version) + "); END IF; END $chat_migrate$";
}

}  // namespace

// ---- lifecycle ----

ports::store_result<std::unique_ptr<postgres_store>> postgres_store::create(
    postgres_options options) {
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(options.url.c_str(), &error);
  if (parsed == nullptr) {
    std::string reason = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    while (!reason.empty() && reason.back() == '\n')
      reason.pop_back();
    return store_error{store_errc::unavailable, "invalid PostgreSQL URL: " + reason};
  }
  PQconninfoFree(parsed);
  if (!valid_schema_name(options.schema)) {
    return store_error{store_errc::unavailable,
                       "invalid PostgreSQL schema name (want [a-z_][a-z0-9_]*): " + options.schema};
  }
  return std::unique_ptr<postgres_store>(new postgres_store(std::move(options)));
}

postgres_store::postgres_store(postgres_options options) : options_(std::move(options)) {
  pg::pool_options pool;
  // The URL comes after application_name so that its own parameters win.
  pool.keywords = {"application_name", "dbname", "options"};
  pool.values = {"chatd", options_.url, "-c search_path=" + options_.schema};
  pool.connections = options_.connections;
  pool.connect_timeout = options_.connect_timeout;
  pool.query_timeout = options_.query_timeout;
  const unsigned connections = pool.connections;
  pool_ = std::make_unique<pg::pg_pool>(io_, std::move(pool));
  // All connections but one may carry an insert batch (commits overlap on the server;
  // the batcher keeps each batch a full share of the load), so one is left for reads
  // when inserts pile up. Measured in bench/store_bench with 16 writers on 4
  // connections: 1, 2, 3 and 4 batches in flight made about 24 000, 27 500, 33 000 and
  // 29 500 inserts/s.
  inserts_ =
      std::make_unique<pg::insert_batcher>(io_, *pool_, connections > 1 ? connections - 1 : 1U);
  work_.emplace(io_.get_executor());
  boost::asio::post(io_, [this] { pool_->start(); });
  thread_ = std::thread([this] { io_.run(); });
}

postgres_store::~postgres_store() {
  boost::asio::post(io_, [this] { pool_->stop(); });
  work_.reset();
  thread_.join();
}

boost::asio::awaitable<pg::outcome> postgres_store::submit(pg::query q) {
  auto initiate = [this](auto handler, pg::query query) {
    auto executor = boost::asio::get_associated_executor(handler);
    pg::completion done([handler = std::move(handler), executor](pg::outcome o) mutable {
      boost::asio::post(executor, [handler = std::move(handler), o = std::move(o)]() mutable {
        std::move(handler)(std::move(o));
      });
    });
    boost::asio::post(io_, [this, query = std::move(query), done = std::move(done)]() mutable {
      pool_->submit(std::move(query), std::move(done));
    });
  };
  co_return co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&,
                                                 void(pg::outcome)>(
      std::move(initiate), boost::asio::use_awaitable, std::move(q));
}

boost::asio::awaitable<std::pair<pg::outcome, int>> postgres_store::submit_insert(
    domain::new_message m) {
  auto initiate = [this](auto handler, domain::new_message message) {
    auto executor = boost::asio::get_associated_executor(handler);
    // std::function needs a copyable callable: the move-only handler is shared.
    auto shared = std::make_shared<decltype(handler)>(std::move(handler));
    pg::insert_batcher::done_fn done = [shared, executor](pg::outcome o, int row) mutable {
      boost::asio::post(executor, [shared, o = std::move(o), row]() mutable {
        std::move (*shared)(std::make_pair(std::move(o), row));
      });
    };
    boost::asio::post(io_, [this, message = std::move(message), done = std::move(done)]() mutable {
      inserts_->submit(std::move(message), std::move(done));
    });
  };
  co_return co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&,
                                                 void(std::pair<pg::outcome, int>)>(
      std::move(initiate), boost::asio::use_awaitable, std::move(m));
}

// ---- operations: one statement each; decoding runs on the caller's executor ----

namespace {
// Queries are built outside the coroutines: GCC 12 mishandles braced initializer lists
// in coroutine bodies (it rejects some and frees the temporaries of others twice).
template <class... Args>
pg::query q(const pg::statement& s, Args&&... args) {
  pg::query out;
  out.prepared = &s;
  out.params.reserve(sizeof...(args));
  (out.params.push_back(p(std::forward<Args>(args))), ...);
  return out;
}

pg::query raw(std::string sql) {
  pg::query out;
  out.sql = std::move(sql);
  return out;
}
}  // namespace

postgres_store::task<int> postgres_store::migrate() {
  const auto all = pg::known_migrations();
  const int newest = all.empty() ? 0 : all.back().version;
  for (const auto& m : all) {
    auto query = raw(migration_block(m, newest, options_.schema));
    pg::outcome o = co_await submit(std::move(query));
    if (o.error) co_return map_error(o);
  }
  co_return co_await schema_version();
}

postgres_store::task<int> postgres_store::schema_version() {
  auto query = raw("SELECT coalesce(max(version), 0) FROM schema_migrations");
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) {
    if (o.sqlstate == "42P01") co_return 0;  // no schema_migrations table: empty database
    co_return map_error(o);
  }
  co_return static_cast<int>(at(o, 0).i64(0));
}

postgres_store::task<ports::done> postgres_store::ping() {
  auto query = q(pg::sql::ping);
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return ports::done{};
}

postgres_store::task<domain::user> postgres_store::create_user(domain::new_user u) {
  auto query = q(pg::sql::create_user, p(std::move(u.email)), p(std::move(u.fullname)),
                 p(std::move(u.password_hash)), p(std::move(u.avatar_url)));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return user_at(at(o, 0));
}

postgres_store::task<std::optional<domain::user>> postgres_store::find_user(domain::user_id id) {
  auto query = q(pg::sql::find_user, p(id));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  if (rows_of(o) == 0) co_return std::optional<domain::user>{};
  co_return std::optional<domain::user>{user_at(at(o, 0))};
}

postgres_store::task<std::optional<domain::user>> postgres_store::find_user_by_email(
    std::string email) {
  auto query = q(pg::sql::find_user_by_email, p(std::move(email)));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  if (rows_of(o) == 0) co_return std::optional<domain::user>{};
  co_return std::optional<domain::user>{user_at(at(o, 0))};
}

postgres_store::task<std::vector<std::optional<domain::user>>> postgres_store::users_by_ids(
    std::vector<domain::user_id> ids) {
  auto query = q(pg::sql::users_by_ids, array(ids));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  std::vector<std::optional<domain::user>> out;
  for (int i = 0; i < rows_of(o); ++i) {
    const row r = at(o, i);
    if (r.null(0)) {
      out.emplace_back();
    } else {
      out.emplace_back(user_at(r));
    }
  }
  co_return out;
}

postgres_store::task<std::vector<domain::user>> postgres_store::all_users() {
  auto query = q(pg::sql::all_users);
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return users_of(o);
}

postgres_store::task<std::vector<domain::user>> postgres_store::search_users(std::string term,
                                                                             domain::user_id except,
                                                                             int limit) {
  auto query = q(pg::sql::search_users, p(like_escaped(term)), p(except), p(std::int64_t{limit}));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return users_of(o);
}

postgres_store::task<domain::user> postgres_store::update_user_profile(
    domain::user_id id, std::string fullname, std::optional<std::string> avatar_url) {
  auto query =
      q(pg::sql::update_user_profile, p(id), p(std::move(fullname)), p(std::move(avatar_url)));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  if (rows_of(o) == 0) co_return not_found("no user " + std::to_string(id));
  co_return user_at(at(o, 0));
}

postgres_store::task<ports::done> postgres_store::create_refresh_family(
    domain::refresh_family family) {
  auto query = q(pg::sql::create_refresh_family, p(std::move(family.id)), p(family.user),
                 p(std::move(family.current_token)), p(family.revoked), p(family.created_at),
                 p(family.expires_at));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return ports::done{};
}

postgres_store::task<ports::rotation> postgres_store::rotate_refresh_token(
    std::string family_id, domain::user_id user, std::string token, std::string next_token,
    domain::timestamp expires_at) {
  auto query = q(pg::sql::rotate_refresh_token, p(std::move(family_id)), p(user),
                 p(std::move(token)), p(std::move(next_token)), p(expires_at));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  const std::string answer = at(o, 0).text(0);
  if (answer == "rotated") co_return ports::rotation::rotated;
  if (answer == "reused") co_return ports::rotation::reused;
  co_return ports::rotation::invalid;
}

postgres_store::task<ports::done> postgres_store::revoke_refresh_family(std::string family_id) {
  auto query = q(pg::sql::revoke_refresh_family, p(std::move(family_id)));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return ports::done{};
}

postgres_store::task<domain::room> postgres_store::create_room(
    domain::new_room r, std::vector<domain::user_id> members) {
  auto query =
      q(pg::sql::create_room, p(std::move(r.name)), p(std::string(domain::name_of(r.access))),
        p(r.admin_id), p(std::move(r.description)), p(std::move(r.color_hex)),
        p(std::move(r.image)), array(members));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return room_at(at(o, 0));
}

postgres_store::task<std::optional<domain::room>> postgres_store::find_room(domain::room_id id) {
  auto query = q(pg::sql::find_room, p(id));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  if (rows_of(o) == 0) co_return std::optional<domain::room>{};
  co_return std::optional<domain::room>{room_at(at(o, 0))};
}

postgres_store::task<domain::room> postgres_store::update_room(domain::room_id id,
                                                               domain::room_patch patch) {
  param access;
  if (patch.access) access = std::string(domain::name_of(*patch.access));
  auto query =
      q(pg::sql::update_room, p(id), p(std::move(patch.name)), std::move(access),
        p(std::move(patch.description)), p(std::move(patch.color_hex)), p(std::move(patch.image)),
        p(patch.clear_description), p(patch.clear_color_hex), p(patch.clear_image));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  if (rows_of(o) == 0) co_return not_found("no room " + std::to_string(id));
  co_return room_at(at(o, 0));
}

postgres_store::task<ports::done> postgres_store::delete_user(domain::user_id id) {
  auto query = q(pg::sql::delete_user, p(id));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  if (rows_of(o) == 0) co_return not_found("no user " + std::to_string(id));
  co_return ports::done{};
}

postgres_store::task<ports::done> postgres_store::delete_room(domain::room_id id) {
  auto query = q(pg::sql::delete_room, p(id));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  if (rows_of(o) == 0) co_return not_found("no room " + std::to_string(id));
  co_return ports::done{};
}

postgres_store::task<std::vector<domain::user_id>> postgres_store::add_members(
    domain::room_id room, std::vector<domain::user_id> users) {
  auto query = q(pg::sql::add_members, p(room), array(users));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  const row r = at(o, 0);
  if (r.text(0) != "t") co_return not_found("no room " + std::to_string(room));
  co_return ids_of_array(r.text(1));
}

postgres_store::task<std::vector<domain::user_id>> postgres_store::remove_members(
    domain::room_id room, std::vector<domain::user_id> users) {
  auto query = q(pg::sql::remove_members, p(room), array(users));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  std::vector<domain::user_id> out;
  for (int i = 0; i < rows_of(o); ++i)
    out.push_back(at(o, i).i64(0));
  co_return out;
}

postgres_store::task<bool> postgres_store::is_member(domain::room_id room, domain::user_id user) {
  auto query = q(pg::sql::is_member, p(room), p(user));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return at(o, 0).text(0) == "t";
}

postgres_store::task<std::vector<domain::user>> postgres_store::room_members(domain::room_id room) {
  auto query = q(pg::sql::room_members, p(room));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return users_of(o);
}

postgres_store::task<std::vector<std::vector<domain::user>>> postgres_store::members_of_rooms(
    std::vector<domain::room_id> rooms) {
  std::vector<std::vector<domain::user>> members(rooms.size());
  if (rooms.empty()) co_return members;
  auto query = q(pg::sql::members_of_rooms, array(rooms));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  for (int i = 0; i < rows_of(o); ++i) {
    const row r = at(o, i);
    const auto ordinal = static_cast<std::size_t>(std::stoll(std::string(r.text(0))));
    if (ordinal >= 1 && ordinal <= members.size()) members[ordinal - 1].push_back(user_at(r, 1));
  }
  co_return members;
}

postgres_store::task<std::vector<domain::room>> postgres_store::rooms_of_user(
    domain::user_id user) {
  auto query = q(pg::sql::rooms_of_user, p(user));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  std::vector<domain::room> out;
  for (int i = 0; i < rows_of(o); ++i)
    out.push_back(room_at(at(o, i)));
  co_return out;
}

postgres_store::task<ports::room_search> postgres_store::search_rooms(std::string term,
                                                                      domain::user_id viewer,
                                                                      int limit) {
  auto query = q(pg::sql::search_rooms, p(like_escaped(term)), p(viewer), p(std::int64_t{limit}));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  ports::room_search out;
  for (int i = 0; i < rows_of(o); ++i) {
    const row r = at(o, i);
    out.total = r.i64(0);
    if (!r.null(1)) out.rooms.push_back(room_at(r, 1));
  }
  co_return out;
}

postgres_store::task<std::vector<std::int64_t>> postgres_store::member_counts(
    std::vector<domain::room_id> rooms) {
  auto query = q(pg::sql::member_counts, array(rooms));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  std::vector<std::int64_t> out;
  for (int i = 0; i < rows_of(o); ++i)
    out.push_back(at(o, i).i64(0));
  co_return out;
}

postgres_store::task<std::vector<std::optional<domain::message>>> postgres_store::latest_messages(
    std::vector<domain::room_id> rooms) {
  auto query = q(pg::sql::latest_messages, array(rooms));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  std::vector<std::optional<domain::message>> out;
  for (int i = 0; i < rows_of(o); ++i) {
    const row r = at(o, i);
    if (r.null(0)) {
      out.emplace_back();
    } else {
      out.emplace_back(message_at(r));
    }
  }
  co_return out;
}

postgres_store::task<domain::message> postgres_store::insert_message(domain::new_message m) {
  auto [o, row] = co_await submit_insert(std::move(m));
  if (o.error) co_return map_error(o);
  co_return message_at(at(o, row));
}

postgres_store::task<domain::message_page> postgres_store::messages_page(
    domain::room_id room, std::optional<domain::message_id> before, int take) {
  param cursor;
  if (before) cursor = std::to_string(*before);
  auto query = q(pg::sql::messages_page, p(room), std::move(cursor), p(std::int64_t{take}));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  domain::message_page page;
  const int n = rows_of(o);
  for (int i = 0; i < n && i < take; ++i)
    page.messages.push_back(message_at(at(o, i)));
  page.has_older = n > std::max(take, 0);
  co_return page;
}

postgres_store::task<std::int64_t> postgres_store::message_count(domain::room_id room) {
  auto query = q(pg::sql::message_count, p(room));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  co_return at(o, 0).i64(0);
}

postgres_store::task<std::vector<domain::message>> postgres_store::messages_after(
    domain::room_id room, domain::message_id after, int limit) {
  auto query = q(pg::sql::messages_after, p(room), p(after), p(std::int64_t{limit}));
  pg::outcome o = co_await submit(std::move(query));
  if (o.error) co_return map_error(o);
  std::vector<domain::message> out;
  for (int i = 0; i < rows_of(o); ++i)
    out.push_back(message_at(at(o, i)));
  co_return out;
}

}  // namespace chat::adapters
