#include "adapters/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <limits>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "adapters/sqlite/sqlite_connection.hpp"
#include "adapters/sqlite/sqlite_dispatch.hpp"
#include "adapters/sqlite/sqlite_migrations.hpp"
#include "adapters/sqlite/sqlite_queries.hpp"
#include "adapters/sqlite/sqlite_rows.hpp"
#include "adapters/sqlite/sqlite_workers.hpp"

namespace chat::adapters {

using ports::done;
using ports::store_errc;
using ports::store_error;
using ports::store_result;

namespace {

int apply_migrations(connection& db) {
  auto migrations = sqlite_migrations();
  auto known = static_cast<std::int64_t>(migrations.size());
  std::int64_t version = db.query_int("PRAGMA user_version");
  if (version > known) {
    throw sqlite_failure({store_errc::schema_too_new,
                          "sqlite: the database is at schema version " + std::to_string(version) +
                              ", this chatd knows up to " + std::to_string(known)});
  }
  for (; version < known; ++version) {
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(migrations[static_cast<std::size_t>(version)]);
      db.exec("PRAGMA user_version = " + std::to_string(version + 1));
      db.exec("COMMIT");
    } catch (const sqlite_failure&) {
      db.exec("ROLLBACK");
      throw;
    }
  }
  return static_cast<int>(version);
}

}  // namespace

// ---- lifecycle ----

store_result<std::unique_ptr<sqlite_store>> sqlite_store::open(sqlite_options options) {
  try {
    std::filesystem::path path(options.path);
    if (path.has_parent_path()) {
      std::error_code ec;
      std::filesystem::create_directories(path.parent_path(), ec);
      if (ec) {
        return store_error{
            store_errc::unavailable,
            "sqlite: cannot create " + path.parent_path().string() + ": " + ec.message()};
      }
    }
    auto writer = std::make_unique<connection>(options.path, true);
    {
      auto mode = writer->prepare("PRAGMA journal_mode = WAL");
      if (!mode.step() || mode.text(0) != "wal") {
        return store_error{store_errc::unavailable,
                           "sqlite: WAL mode unavailable for " + options.path};
      }
    }
    writer->exec("PRAGMA synchronous = FULL");
    std::vector<std::unique_ptr<connection>> readers;
    for (unsigned i = 0; i < std::max(options.readers, 1U); ++i) {
      auto reader = std::make_unique<connection>(options.path, false);
      reader->exec("PRAGMA query_only = ON");
      readers.push_back(std::move(reader));
    }
    return std::unique_ptr<sqlite_store>(
        new sqlite_store(std::make_unique<sqlite_writer>(std::move(writer)),
                         std::make_unique<sqlite_readers>(std::move(readers))));
  } catch (const sqlite_failure& e) {
    return e.error();
  } catch (const std::exception& e) {
    return store_error{store_errc::unavailable, std::string("sqlite: ") + e.what()};
  }
}

sqlite_store::sqlite_store(std::unique_ptr<sqlite_writer> writer,
                           std::unique_ptr<sqlite_readers> readers)
    : writer_(std::move(writer)), readers_(std::move(readers)) {}

sqlite_store::~sqlite_store() = default;

ports::store::task<int> sqlite_store::migrate() {
  return write<int>([](connection& db) -> store_result<int> { return apply_migrations(db); },
                    false);
}

ports::store::task<int> sqlite_store::schema_version() {
  return read<int>([](connection& db) -> store_result<int> {
    return static_cast<int>(db.query_int("PRAGMA user_version"));
  });
}

ports::store::task<done> sqlite_store::ping() {
  return read<done>([](connection& db) -> store_result<done> {
    db.query_int("SELECT 1");
    return done{};
  });
}

// ---- users ----

ports::store::task<domain::user> sqlite_store::create_user(domain::new_user u) {
  return write<domain::user>([u = std::move(u)](connection& db) -> store_result<domain::user> {
    auto now = to_millis(domain::now());
    db.prepare(
          "INSERT INTO users (email, fullname, password_hash, avatar_url, created_at, "
          "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
        .bind(1, u.email)
        .bind(2, u.fullname)
        .bind(3, u.password_hash)
        .bind(4, u.avatar_url)
        .bind(5, now)
        .run();
    return domain::user{db.last_insert_rowid(), u.email,          u.fullname,      u.password_hash,
                        u.avatar_url,           from_millis(now), from_millis(now)};
  });
}

ports::store::task<std::optional<domain::user>> sqlite_store::find_user(domain::user_id id) {
  return read<std::optional<domain::user>>(
      [id](connection& db) -> store_result<std::optional<domain::user>> {
        return user_by_id(db, id);
      });
}

ports::store::task<std::optional<domain::user>> sqlite_store::find_user_by_email(
    std::string email) {
  return read<std::optional<domain::user>>(
      [email = std::move(email)](connection& db) -> store_result<std::optional<domain::user>> {
        static const std::string sql =
            "SELECT " + std::string(k_user_columns) + " FROM users u WHERE u.email = ?1";
        auto stmt = db.prepare(sql);
        stmt.bind(1, email);
        if (!stmt.step()) return std::optional<domain::user>();
        return std::optional<domain::user>(read_user(stmt));
      });
}

ports::store::task<std::vector<std::optional<domain::user>>> sqlite_store::users_by_ids(
    std::vector<domain::user_id> ids) {
  using answer = std::vector<std::optional<domain::user>>;
  return read<answer>([ids = std::move(ids)](connection& db) -> store_result<answer> {
    answer users(ids.size());
    if (ids.empty()) return users;
    static const std::string sql = "SELECT " + std::string(k_user_columns) +
                                   " FROM users u WHERE u.id IN (SELECT value FROM json_each(?1))";
    auto stmt = db.prepare(sql);
    stmt.bind(1, json_id_list(ids));
    std::unordered_map<domain::user_id, domain::user> found;
    while (stmt.step()) {
      auto u = read_user(stmt);
      found.emplace(u.id, std::move(u));
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (auto it = found.find(ids[i]); it != found.end()) users[i] = it->second;
    }
    return users;
  });
}

ports::store::task<std::vector<domain::user>> sqlite_store::all_users() {
  return read<std::vector<domain::user>>(
      [](connection& db) -> store_result<std::vector<domain::user>> {
        static const std::string sql =
            "SELECT " + std::string(k_user_columns) + " FROM users u ORDER BY u.id";
        auto stmt = db.prepare(sql);
        return user_rows(stmt);
      });
}

ports::store::task<std::vector<domain::user>> sqlite_store::search_users(std::string term,
                                                                         domain::user_id except,
                                                                         int limit) {
  return read<std::vector<domain::user>>(
      [term = std::move(term), except,
       limit](connection& db) -> store_result<std::vector<domain::user>> {
        static const std::string sql =
            "SELECT " + std::string(k_user_columns) +
            " FROM users u WHERE lower(u.fullname) LIKE ?1 ESCAPE '\\' AND u.id <> ?2"
            " ORDER BY u.fullname, u.id LIMIT ?3";
        auto stmt = db.prepare(sql);
        stmt.bind(1, contains_pattern(term)).bind(2, except).bind(3, limit_of(limit));
        return user_rows(stmt);
      });
}

ports::store::task<domain::user> sqlite_store::update_user_profile(
    domain::user_id id, std::string fullname, std::optional<std::string> avatar_url) {
  return write<domain::user>(
      [id, fullname = std::move(fullname),
       avatar_url = std::move(avatar_url)](connection& db) -> store_result<domain::user> {
        // SQLite 3.40 refuses table aliases in RETURNING: update, then read back in the
        // same transaction.
        auto stmt = db.prepare(
            "UPDATE users SET fullname = ?2, avatar_url = coalesce(?3, avatar_url), "
            "updated_at = ?4 WHERE id = ?1");
        stmt.bind(1, id).bind(2, fullname).bind(3, avatar_url).bind(4, to_millis(domain::now()));
        stmt.run();
        if (db.changes() == 0) return not_found("sqlite: no user " + std::to_string(id));
        auto u = user_by_id(db, id);
        if (!u) return not_found("sqlite: no user " + std::to_string(id));
        return std::move(*u);
      });
}

// ---- refresh-token families ----

ports::store::task<done> sqlite_store::create_refresh_family(domain::refresh_family family) {
  return write<done>([f = std::move(family)](connection& db) -> store_result<done> {
    db.prepare(
          "INSERT INTO refresh_families (id, user_id, current_token, revoked, created_at, "
          "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, f.id)
        .bind(2, f.user)
        .bind(3, f.current_token)
        .bind(4, std::int64_t{f.revoked ? 1 : 0})
        .bind(5, to_millis(f.created_at))
        .bind(6, to_millis(f.expires_at))
        .run();
    return done{};
  });
}

ports::store::task<ports::rotation> sqlite_store::rotate_refresh_token(
    std::string family_id, domain::user_id user, std::string token, std::string next_token,
    domain::timestamp expires_at) {
  return write<ports::rotation>([family_id = std::move(family_id), user, token = std::move(token),
                                 next_token = std::move(next_token),
                                 expires_at](connection& db) -> store_result<ports::rotation> {
    std::string current;
    {
      auto stmt = db.prepare(
          "SELECT current_token FROM refresh_families WHERE id = ?1 AND user_id = ?2 "
          "AND revoked = 0 AND expires_at > ?3");
      stmt.bind(1, family_id).bind(2, user).bind(3, to_millis(domain::now()));
      if (!stmt.step()) return ports::rotation::invalid;
      current = stmt.text(0);
    }
    if (current != token) {
      // Only tokens of this family carry its id (signed JWTs): not the current one
      // means an older one was replayed (AUTH-5 reuse detection).
      db.prepare("UPDATE refresh_families SET revoked = 1 WHERE id = ?1").bind(1, family_id).run();
      return ports::rotation::reused;
    }
    db.prepare("UPDATE refresh_families SET current_token = ?2, expires_at = ?3 WHERE id = ?1")
        .bind(1, family_id)
        .bind(2, next_token)
        .bind(3, to_millis(expires_at))
        .run();
    return ports::rotation::rotated;
  });
}

ports::store::task<done> sqlite_store::revoke_refresh_family(std::string family_id) {
  return write<done>([family_id = std::move(family_id)](connection& db) -> store_result<done> {
    db.prepare("UPDATE refresh_families SET revoked = 1 WHERE id = ?1").bind(1, family_id).run();
    return done{};
  });
}

}  // namespace chat::adapters
