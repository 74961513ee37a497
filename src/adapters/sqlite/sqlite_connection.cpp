#include "adapters/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <utility>

namespace chat::adapters {

namespace {

constexpr int k_busy_timeout_ms = 5000;

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

}  // namespace

sqlite_failure::sqlite_failure(ports::store_error error)
    : std::runtime_error(error.detail), error_(std::move(error)) {}

ports::store_error map_sqlite_error(int extended_code, std::string_view message,
                                    std::string_view context) {
  std::string detail = "sqlite: ";
  detail += context;
  detail += ": ";
  detail += message;
  using ports::store_errc;
  if (extended_code == SQLITE_CONSTRAINT_UNIQUE || extended_code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    // SQLite names the column: "UNIQUE constraint failed: users.email".
    if (contains(message, "users.email")) return {store_errc::duplicate_email, std::move(detail)};
    if (contains(message, "users.fullname")) {
      return {store_errc::duplicate_fullname, std::move(detail)};
    }
    if (contains(message, "rooms.name")) {
      return {store_errc::duplicate_room_name, std::move(detail)};
    }
  }
  if (extended_code == SQLITE_CONSTRAINT_FOREIGNKEY) {
    return {store_errc::not_found, std::move(detail)};
  }
  return {store_errc::unavailable, std::move(detail)};
}

statement::~statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void statement::fail(int code) const {
  (void)code;
  throw sqlite_failure(
      map_sqlite_error(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_), sqlite3_sql(stmt_)));
}

statement& statement::bind(int index, std::int64_t value) {
  if (int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc);
  return *this;
}

statement& statement::bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies, so callers may pass temporaries.
  if (int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
      rc != SQLITE_OK) {
    fail(rc);
  }
  return *this;
}

statement& statement::bind(int index, const std::optional<std::string>& text) {
  if (text) return bind(index, std::string_view(*text));
  return bind_null(index);
}

statement& statement::bind_null(int index) {
  if (int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(rc);
  return *this;
}

bool statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(rc);
}

void statement::run() {
  while (step()) {
  }
}

bool statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t statement::int64(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

connection::connection(const std::string& path, bool create) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  if (create) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw sqlite_failure(
        {ports::store_errc::unavailable, "sqlite: cannot open " + path + ": " + message});
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, k_busy_timeout_ms);
  exec("PRAGMA foreign_keys = ON");
}

connection::~connection() {
  for (auto& [sql, stmt] : cache_)
    sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

statement connection::prepare(std::string_view sql) {
  auto found = cache_.find(std::string(sql));
  if (found == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
      throw sqlite_failure(
          map_sqlite_error(sqlite3_extended_errcode(db_), sqlite3_errmsg(db_), sql));
    }
    found = cache_.emplace(std::string(sql), stmt).first;
  }
  return statement(db_, found->second);
}

void connection::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string why = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw sqlite_failure(map_sqlite_error(sqlite3_extended_errcode(db_), why,
                                          text.size() > 80 ? text.substr(0, 80) : text));
  }
}

std::int64_t connection::query_int(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt.step()) return 0;
  return stmt.int64(0);
}

std::int64_t connection::changes() const {
  return sqlite3_changes64(db_);
}

std::int64_t connection::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

}  // namespace chat::adapters
