#include "adapters/sqlite/sqlite_rows.hpp"

#include <chrono>

namespace chat::adapters {

std::int64_t to_millis(domain::timestamp t) noexcept {
  return t.time_since_epoch().count();
}

domain::timestamp from_millis(std::int64_t ms) noexcept {
  return domain::timestamp{std::chrono::milliseconds{ms}};
}

domain::user read_user(const statement& row, int first) {
  domain::user u;
  u.id = row.int64(first);
  u.email = row.text(first + 1);
  u.fullname = row.text(first + 2);
  u.password_hash = row.text(first + 3);
  u.avatar_url = row.optional_text(first + 4);
  u.created_at = from_millis(row.int64(first + 5));
  u.updated_at = from_millis(row.int64(first + 6));
  return u;
}

domain::room read_room(const statement& row, int first) {
  domain::room r;
  r.id = row.int64(first);
  r.name = row.text(first + 1);
  r.access = row.text(first + 2) == "PUBLIC" ? domain::room_access::public_room
                                             : domain::room_access::private_room;
  if (!row.is_null(first + 3)) r.admin_id = row.int64(first + 3);
  r.description = row.optional_text(first + 4);
  r.color_hex = row.optional_text(first + 5);
  r.image = row.optional_text(first + 6);
  r.created_at = from_millis(row.int64(first + 7));
  r.updated_at = from_millis(row.int64(first + 8));
  return r;
}

domain::message read_message(const statement& row, int first) {
  domain::message m;
  m.id = row.int64(first);
  m.room = row.int64(first + 1);
  m.author = row.int64(first + 2);
  m.content = row.text(first + 3);
  m.image_url = row.optional_text(first + 4);
  m.created_at = from_millis(row.int64(first + 5));
  m.updated_at = from_millis(row.int64(first + 6));
  return m;
}

std::string contains_pattern(std::string_view term) {
  std::string pattern = "%";
  pattern.reserve(term.size() + 2);
  for (char c : term) {
    if (c == '\\' || c == '%' || c == '_') pattern += '\\';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

std::string json_id_list(const std::vector<std::int64_t>& ids) {
  std::string list = "[";
  list.reserve(ids.size() * 8 + 2);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i != 0) list += ',';
    list += std::to_string(ids[i]);
  }
  list += ']';
  return list;
}

}  // namespace chat::adapters
