#include "adapters/sqlite/sqlite_queries.hpp"

#include <algorithm>
#include <utility>

#include "adapters/sqlite/sqlite_rows.hpp"

namespace chat::adapters {

using ports::store_errc;
using ports::store_error;

store_error not_found(std::string detail) {
  return {store_errc::not_found, std::move(detail)};
}

std::int64_t limit_of(int n) {
  return std::max(n, 0);
}

std::optional<domain::user> user_by_id(connection& db, domain::user_id id) {
  static const std::string sql =
      "SELECT " + std::string(k_user_columns) + " FROM users u WHERE u.id = ?1";
  auto stmt = db.prepare(sql);
  stmt.bind(1, id);
  if (!stmt.step()) return std::nullopt;
  return read_user(stmt);
}

std::optional<domain::room> room_by_id(connection& db, domain::room_id id) {
  static const std::string sql =
      "SELECT " + std::string(k_room_columns) + " FROM rooms r WHERE r.id = ?1";
  auto stmt = db.prepare(sql);
  stmt.bind(1, id);
  if (!stmt.step()) return std::nullopt;
  return read_room(stmt);
}

bool join(connection& db, domain::room_id room, domain::user_id user, std::int64_t at) {
  auto stmt = db.prepare(
      "INSERT INTO memberships (room_id, user_id, joined_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (room_id, user_id) DO NOTHING");
  stmt.bind(1, room).bind(2, user).bind(3, at).run();
  return db.changes() > 0;
}

std::vector<domain::user> user_rows(statement& stmt) {
  std::vector<domain::user> users;
  while (stmt.step())
    users.push_back(read_user(stmt));
  return users;
}

std::vector<domain::room> room_rows(statement& stmt) {
  std::vector<domain::room> rooms;
  while (stmt.step())
    rooms.push_back(read_room(stmt));
  return rooms;
}

std::vector<domain::message> message_rows(statement& stmt) {
  std::vector<domain::message> messages;
  while (stmt.step())
    messages.push_back(read_message(stmt));
  return messages;
}

}  // namespace chat::adapters
