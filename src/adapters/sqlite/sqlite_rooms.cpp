// sqlite_store's room, membership and message operations (ROOM-1..5, MSG-1, MSG-2, RT-1).
#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "adapters/sqlite/sqlite_dispatch.hpp"
#include "adapters/sqlite/sqlite_queries.hpp"
#include "adapters/sqlite/sqlite_rows.hpp"
#include "adapters/sqlite/sqlite_store.hpp"

namespace chat::adapters {

using ports::done;
using ports::store_result;

// ---- rooms and memberships ----

ports::store::task<domain::room> sqlite_store::create_room(domain::new_room r,
                                                           std::vector<domain::user_id> members) {
  return write<domain::room>([r = std::move(r), members = std::move(members)](
                                 connection& db) -> store_result<domain::room> {
    auto now = to_millis(domain::now());
    db.prepare(
          "INSERT INTO rooms (name, access, admin_id, description, color_hex, image, "
          "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)")
        .bind(1, r.name)
        .bind(2, domain::name_of(r.access))
        .bind(3, r.admin_id)
        .bind(4, r.description)
        .bind(5, r.color_hex)
        .bind(6, r.image)
        .bind(7, now)
        .run();
    domain::room room{db.last_insert_rowid(), r.name,      r.access, r.admin_id,
                      r.description,          r.color_hex, r.image,  from_millis(now),
                      from_millis(now)};
    // An unknown admin or member fails the foreign key: not_found, and the savepoint
    // undoes the room.
    join(db, room.id, r.admin_id, now);
    for (auto member : members)
      join(db, room.id, member, now);
    return room;
  });
}

ports::store::task<std::optional<domain::room>> sqlite_store::find_room(domain::room_id id) {
  return read<std::optional<domain::room>>(
      [id](connection& db) -> store_result<std::optional<domain::room>> {
        return room_by_id(db, id);
      });
}

ports::store::task<domain::room> sqlite_store::update_room(domain::room_id id,
                                                           domain::room_patch patch) {
  return write<domain::room>(
      [id, p = std::move(patch)](connection& db) -> store_result<domain::room> {
        // SQLite 3.40 refuses table aliases in RETURNING: update, then read back in the
        // same transaction.
        auto stmt = db.prepare(
            "UPDATE rooms SET name = coalesce(?2, name), access = coalesce(?3, access), "
            "description = CASE WHEN ?4 THEN NULL ELSE coalesce(?5, description) END, "
            "color_hex = CASE WHEN ?6 THEN NULL ELSE coalesce(?7, color_hex) END, "
            "image = CASE WHEN ?8 THEN NULL ELSE coalesce(?9, image) END, "
            "updated_at = ?10 WHERE id = ?1");
        stmt.bind(1, id).bind(2, p.name);
        if (p.access) {
          stmt.bind(3, domain::name_of(*p.access));
        } else {
          stmt.bind_null(3);
        }
        stmt.bind(4, std::int64_t{p.clear_description ? 1 : 0})
            .bind(5, p.description)
            .bind(6, std::int64_t{p.clear_color_hex ? 1 : 0})
            .bind(7, p.color_hex)
            .bind(8, std::int64_t{p.clear_image ? 1 : 0})
            .bind(9, p.image)
            .bind(10, to_millis(domain::now()));
        stmt.run();
        if (db.changes() == 0) return not_found("sqlite: no room " + std::to_string(id));
        auto room = room_by_id(db, id);
        if (!room) return not_found("sqlite: no room " + std::to_string(id));
        return std::move(*room);
      });
}

ports::store::task<done> sqlite_store::delete_user(domain::user_id id) {
  return write<done>([id](connection& db) -> store_result<done> {
    db.prepare("DELETE FROM users WHERE id = ?1").bind(1, id).run();
    if (db.changes() == 0) return not_found("sqlite: no user " + std::to_string(id));
    return done{};
  });
}

ports::store::task<done> sqlite_store::delete_room(domain::room_id id) {
  return write<done>([id](connection& db) -> store_result<done> {
    db.prepare("DELETE FROM rooms WHERE id = ?1").bind(1, id).run();
    if (db.changes() == 0) return not_found("sqlite: no room " + std::to_string(id));
    return done{};
  });
}

ports::store::task<std::vector<domain::user_id>> sqlite_store::add_members(
    domain::room_id room, std::vector<domain::user_id> users) {
  using answer = std::vector<domain::user_id>;
  return write<answer>([room, users = std::move(users)](connection& db) -> store_result<answer> {
    if (!room_by_id(db, room)) return not_found("sqlite: no room " + std::to_string(room));
    auto now = to_millis(domain::now());
    answer added;
    for (auto user : users) {
      if (join(db, room, user, now)) added.push_back(user);
    }
    return added;
  });
}

ports::store::task<std::vector<domain::user_id>> sqlite_store::remove_members(
    domain::room_id room, std::vector<domain::user_id> users) {
  using answer = std::vector<domain::user_id>;
  return write<answer>([room, users = std::move(users)](connection& db) -> store_result<answer> {
    answer removed;
    for (auto user : users) {
      db.prepare("DELETE FROM memberships WHERE room_id = ?1 AND user_id = ?2")
          .bind(1, room)
          .bind(2, user)
          .run();
      if (db.changes() > 0) removed.push_back(user);
    }
    return removed;
  });
}

ports::store::task<bool> sqlite_store::is_member(domain::room_id room, domain::user_id user) {
  return read<bool>([room, user](connection& db) -> store_result<bool> {
    auto stmt = db.prepare("SELECT 1 FROM memberships WHERE room_id = ?1 AND user_id = ?2");
    stmt.bind(1, room).bind(2, user);
    return stmt.step();
  });
}

ports::store::task<std::vector<domain::user>> sqlite_store::room_members(domain::room_id room) {
  return read<std::vector<domain::user>>(
      [room](connection& db) -> store_result<std::vector<domain::user>> {
        static const std::string sql =
            "SELECT " + std::string(k_user_columns) +
            " FROM memberships ms JOIN users u ON u.id = ms.user_id WHERE ms.room_id = ?1"
            " ORDER BY ms.joined_at DESC, ms.rowid DESC";
        auto stmt = db.prepare(sql);
        stmt.bind(1, room);
        return user_rows(stmt);
      });
}

ports::store::task<std::vector<std::vector<domain::user>>> sqlite_store::members_of_rooms(
    std::vector<domain::room_id> rooms) {
  using answer = std::vector<std::vector<domain::user>>;
  return read<answer>([rooms = std::move(rooms)](connection& db) -> store_result<answer> {
    answer members(rooms.size());
    if (rooms.empty()) return members;
    static const std::string sql =
        "SELECT j.key, " + std::string(k_user_columns) +
        " FROM json_each(?1) j JOIN memberships ms ON ms.room_id = j.value"
        " JOIN users u ON u.id = ms.user_id ORDER BY j.key, ms.joined_at DESC, ms.rowid DESC";
    auto stmt = db.prepare(sql);
    stmt.bind(1, json_id_list(rooms));
    while (stmt.step()) {
      auto index = static_cast<std::size_t>(stmt.int64(0));
      if (index < members.size()) members[index].push_back(read_user(stmt, 1));
    }
    return members;
  });
}

ports::store::task<std::vector<domain::room>> sqlite_store::rooms_of_user(domain::user_id user) {
  return read<std::vector<domain::room>>(
      [user](connection& db) -> store_result<std::vector<domain::room>> {
        static const std::string sql =
            "SELECT " + std::string(k_room_columns) +
            " FROM memberships ms JOIN rooms r ON r.id = ms.room_id WHERE ms.user_id = ?1"
            " ORDER BY coalesce((SELECT m.created_at FROM messages m WHERE m.room_id = r.id"
            " ORDER BY m.id DESC LIMIT 1), r.created_at) DESC,"
            // Messages in the same millisecond: the later insert is the more recent.
            " coalesce((SELECT max(m.id) FROM messages m WHERE m.room_id = r.id), 0) DESC,"
            " r.id DESC";
        auto stmt = db.prepare(sql);
        stmt.bind(1, user);
        return room_rows(stmt);
      });
}

ports::store::task<ports::room_search> sqlite_store::search_rooms(std::string term,
                                                                  domain::user_id viewer,
                                                                  int limit) {
  return read<ports::room_search>(
      [term = std::move(term), viewer, limit](connection& db) -> store_result<ports::room_search> {
        static const std::string where =
            " FROM rooms r WHERE lower(r.name) LIKE ?1 ESCAPE '\\' AND (r.access = 'PUBLIC' OR "
            "EXISTS (SELECT 1 FROM memberships v WHERE v.room_id = r.id AND v.user_id = ?2))";
        static const std::string page_sql =
            "SELECT " + std::string(k_room_columns) + where +
            " ORDER BY (SELECT count(*) FROM memberships c WHERE c.room_id = r.id) DESC,"
            " r.created_at DESC, r.id DESC LIMIT ?3";
        static const std::string count_sql = "SELECT count(*)" + where;
        auto pattern = contains_pattern(term);
        // One read transaction: the page and the total see the same snapshot.
        db.exec("BEGIN");
        ports::room_search found;
        try {
          {
            auto stmt = db.prepare(page_sql);
            stmt.bind(1, pattern).bind(2, viewer).bind(3, limit_of(limit));
            found.rooms = room_rows(stmt);
          }
          {
            auto stmt = db.prepare(count_sql);
            stmt.bind(1, pattern).bind(2, viewer);
            if (stmt.step()) found.total = stmt.int64(0);
          }
        } catch (const sqlite_failure&) {
          db.exec("ROLLBACK");
          throw;
        }
        db.exec("COMMIT");
        return found;
      });
}

ports::store::task<std::vector<std::int64_t>> sqlite_store::member_counts(
    std::vector<domain::room_id> rooms) {
  using answer = std::vector<std::int64_t>;
  return read<answer>([rooms = std::move(rooms)](connection& db) -> store_result<answer> {
    answer counts(rooms.size(), 0);
    if (rooms.empty()) return counts;
    auto stmt = db.prepare(
        "SELECT j.key, (SELECT count(*) FROM memberships ms WHERE ms.room_id = j.value)"
        " FROM json_each(?1) j");
    stmt.bind(1, json_id_list(rooms));
    while (stmt.step()) {
      auto index = static_cast<std::size_t>(stmt.int64(0));
      if (index < counts.size()) counts[index] = stmt.int64(1);
    }
    return counts;
  });
}

ports::store::task<std::vector<std::optional<domain::message>>> sqlite_store::latest_messages(
    std::vector<domain::room_id> rooms) {
  using answer = std::vector<std::optional<domain::message>>;
  return read<answer>([rooms = std::move(rooms)](connection& db) -> store_result<answer> {
    answer latest(rooms.size());
    if (rooms.empty()) return latest;
    static const std::string sql = "SELECT j.key, " + std::string(k_message_columns) +
                                   " FROM json_each(?1) j JOIN messages m ON m.id ="
                                   " (SELECT max(x.id) FROM messages x WHERE x.room_id = j.value)";
    auto stmt = db.prepare(sql);
    stmt.bind(1, json_id_list(rooms));
    while (stmt.step()) {
      auto index = static_cast<std::size_t>(stmt.int64(0));
      if (index < latest.size()) latest[index] = read_message(stmt, 1);
    }
    return latest;
  });
}

// ---- messages ----

ports::store::task<domain::message> sqlite_store::insert_message(domain::new_message m) {
  return write<domain::message>(
      [m = std::move(m)](connection& db) -> store_result<domain::message> {
        auto now = to_millis(domain::now());
        db.prepare(
              "INSERT INTO messages (room_id, author_id, content, image_url, created_at, "
              "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
            .bind(1, m.room)
            .bind(2, m.author)
            .bind(3, m.content)
            .bind(4, m.image_url)
            .bind(5, now)
            .run();
        return domain::message{
            db.last_insert_rowid(), m.room,          m.author, m.content, m.image_url,
            from_millis(now),       from_millis(now)};
      });
}

ports::store::task<domain::message_page> sqlite_store::messages_page(
    domain::room_id room, std::optional<domain::message_id> before, int take) {
  return read<domain::message_page>(
      [room, before, take](connection& db) -> store_result<domain::message_page> {
        static const std::string sql = "SELECT " + std::string(k_message_columns) +
                                       " FROM messages m WHERE m.room_id = ?1 AND m.id < ?2"
                                       " ORDER BY m.id DESC LIMIT ?3";
        auto stmt = db.prepare(sql);
        // One extra row says whether older messages exist beyond the page.
        auto wanted = limit_of(take);
        stmt.bind(1, room)
            .bind(2, before.value_or(std::numeric_limits<domain::message_id>::max()))
            .bind(3, wanted + 1);
        domain::message_page page;
        page.messages = message_rows(stmt);
        if (static_cast<std::int64_t>(page.messages.size()) > wanted) {
          page.has_older = true;
          page.messages.pop_back();
        }
        return page;
      });
}

ports::store::task<std::int64_t> sqlite_store::message_count(domain::room_id room) {
  return read<std::int64_t>([room](connection& db) -> store_result<std::int64_t> {
    auto stmt = db.prepare("SELECT count(*) FROM messages WHERE room_id = ?1");
    stmt.bind(1, room);
    stmt.step();
    return stmt.int64(0);
  });
}

ports::store::task<std::vector<domain::message>> sqlite_store::messages_after(
    domain::room_id room, domain::message_id after, int limit) {
  return read<std::vector<domain::message>>(
      [room, after, limit](connection& db) -> store_result<std::vector<domain::message>> {
        static const std::string sql = "SELECT " + std::string(k_message_columns) +
                                       " FROM messages m WHERE m.room_id = ?1 AND m.id > ?2"
                                       " ORDER BY m.id LIMIT ?3";
        auto stmt = db.prepare(sql);
        stmt.bind(1, room).bind(2, after).bind(3, limit_of(limit));
        return message_rows(stmt);
      });
}

}  // namespace chat::adapters
