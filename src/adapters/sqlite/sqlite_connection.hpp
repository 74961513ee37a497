#pragma once
/// One SQLite connection with its cache of prepared statements, used by exactly one
/// thread of `sqlite_store` (the writer or one reader). Failures throw `sqlite_failure`,
/// which never leaves the adapter: `sqlite_store` turns it into a `ports::store_error`
/// at the boundary of each operation (it keeps the statement code linear).
///
/// Thread-safety: none; one thread at a time (connections are opened NOMUTEX).

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ports/store.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace chat::adapters {

/// A failed SQLite call, already mapped to a store error (the SQL text in `detail`).
class sqlite_failure : public std::runtime_error {
 public:
  explicit sqlite_failure(ports::store_error error);
  const ports::store_error& error() const noexcept { return error_; }

 private:
  ports::store_error error_;
};

/// Maps a failed call's extended result code and message to a store error:
/// unique violations of users.email / users.fullname / rooms.name to their `duplicate_*`,
/// foreign-key violations to `not_found`, anything else to `unavailable`.
ports::store_error map_sqlite_error(int extended_code, std::string_view message,
                                    std::string_view context);

/// A cached prepared statement in use: reset and unbound when it goes out of scope.
class statement {
 public:
  statement(sqlite3* db, sqlite3_stmt* stmt) noexcept : db_(db), stmt_(stmt) {}
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  ~statement();

  /// Parameters are 1-based, as in SQL (`?1`).
  statement& bind(int index, std::int64_t value);
  statement& bind(int index, std::string_view text);
  statement& bind(int index, const std::string& text) {
    return bind(index, std::string_view(text));
  }
  statement& bind(int index, const std::optional<std::string>& text);
  statement& bind_null(int index);

  /// Advances: true when a row is available, false when done.
  bool step();
  /// Runs to completion (for statements without rows).
  void run();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;

 private:
  [[noreturn]] void fail(int code) const;

  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class connection {
 public:
  /// Opens (creating the file when `create`) and applies the pragmas every connection
  /// needs (`foreign_keys`, `busy_timeout`); throws `sqlite_failure`.
  connection(const std::string& path, bool create);
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;
  ~connection();

  /// The statement for `sql`, prepared once per connection and cached (keyed by text).
  statement prepare(std::string_view sql);
  /// Runs one or more statements without parameters (pragmas, migrations, BEGIN...).
  void exec(std::string_view sql);
  /// Runs `sql` and answers the first column of its first row (pragmas).
  std::int64_t query_int(std::string_view sql);
  /// The rows changed by the last INSERT/UPDATE/DELETE.
  std::int64_t changes() const;
  std::int64_t last_insert_rowid() const;

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace chat::adapters
