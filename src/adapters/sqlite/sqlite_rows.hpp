#pragma once
/// Row mapping between SQLite and the domain values, and the small encodings the
/// queries share (times, LIKE patterns, id lists for `json_each`).
///
/// Thread-safety: pure functions.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/sqlite/sqlite_connection.hpp"
#include "domain/message.hpp"
#include "domain/room.hpp"
#include "domain/user.hpp"

namespace chat::adapters {

/// The columns `read_user` expects, in order, for a table aliased `u`.
inline constexpr std::string_view k_user_columns =
    "u.id, u.email, u.fullname, u.password_hash, u.avatar_url, u.created_at, u.updated_at";
/// The columns `read_room` expects, for a table aliased `r`.
inline constexpr std::string_view k_room_columns =
    "r.id, r.name, r.access, r.admin_id, r.description, r.color_hex, r.image, r.created_at, "
    "r.updated_at";
/// The columns `read_message` expects, for a table aliased `m`.
inline constexpr std::string_view k_message_columns =
    "m.id, m.room_id, m.author_id, m.content, m.image_url, m.created_at, m.updated_at";

/// Reads the row's columns from `first` on.
domain::user read_user(const statement& row, int first = 0);
domain::room read_room(const statement& row, int first = 0);
domain::message read_message(const statement& row, int first = 0);

std::int64_t to_millis(domain::timestamp t) noexcept;
domain::timestamp from_millis(std::int64_t ms) noexcept;

/// `%term%` lower-cased (ASCII only, like SQLite's lower()), with `\`, `%` and `_`
/// escaped for `LIKE ? ESCAPE '\'`.
std::string contains_pattern(std::string_view term);

/// `[1,2,3]`: one bound parameter for `json_each(?)`, whatever the list's length.
std::string json_id_list(const std::vector<std::int64_t>& ids);

}  // namespace chat::adapters
