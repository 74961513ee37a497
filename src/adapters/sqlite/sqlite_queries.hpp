#pragma once
/// Queries shared by the operations of `sqlite_store` (run on a store thread, on the
/// connection given). Failures throw `sqlite_failure`. Private to the adapter.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/sqlite/sqlite_connection.hpp"
#include "domain/message.hpp"
#include "domain/room.hpp"
#include "domain/user.hpp"
#include "ports/store.hpp"

namespace chat::adapters {

ports::store_error not_found(std::string detail);
/// LIMIT for a caller's count: negative is none.
std::int64_t limit_of(int n);

std::optional<domain::user> user_by_id(connection& db, domain::user_id id);
std::optional<domain::room> room_by_id(connection& db, domain::room_id id);
/// Inserts a membership unless present; answers whether it was added. An unknown user
/// or room throws `not_found` (foreign key).
bool join(connection& db, domain::room_id room, domain::user_id user, std::int64_t at);

/// Every row of `stmt`.
std::vector<domain::user> user_rows(statement& stmt);
std::vector<domain::room> room_rows(statement& stmt);
std::vector<domain::message> message_rows(statement& stmt);

}  // namespace chat::adapters
