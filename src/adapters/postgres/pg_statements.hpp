#pragma once
/// The SQL of every store operation, as prepared statements (one per operation; multi-row
/// writes are single statements with CTEs, so each is atomic). Result columns:
///   users    id, email, fullname, password_hash, avatar_url, created_ms, updated_ms
///   rooms    id, name, access, admin_id, description, color_hex, image, created_ms,
///            updated_ms
///   messages id, room_id, author_id, content, image_url, created_ms, updated_ms
/// Times travel as bigint milliseconds since the epoch.

#include "adapters/postgres/pg_connection.hpp"

namespace chat::adapters::pg::sql {

extern const statement ping;
extern const statement create_user;
extern const statement find_user;
extern const statement find_user_by_email;
extern const statement users_by_ids;
extern const statement all_users;
extern const statement search_users;
extern const statement update_user_profile;
extern const statement create_refresh_family;
extern const statement rotate_refresh_token;
extern const statement revoke_refresh_family;
extern const statement create_room;
extern const statement find_room;
extern const statement update_room;
extern const statement delete_room;
extern const statement delete_user;
extern const statement insert_messages;
extern const statement add_members;
extern const statement remove_members;
extern const statement is_member;
extern const statement room_members;
extern const statement members_of_rooms;
extern const statement rooms_of_user;
extern const statement search_rooms;
extern const statement member_counts;
extern const statement latest_messages;
extern const statement insert_message;
extern const statement messages_page;
extern const statement message_count;
extern const statement messages_after;

}  // namespace chat::adapters::pg::sql
