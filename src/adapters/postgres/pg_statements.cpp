#include "adapters/postgres/pg_statements.hpp"

// Column lists shared by the statements (see the header for their order).
#define CHAT_MS(x) "(extract(epoch from " x ") * 1000)::bigint"
#define CHAT_USER_COLS(a)                                       \
  a ".id, " a ".email, " a ".fullname, " a ".password_hash, " a \
    ".avatar_url, " CHAT_MS(a ".created_at") ", " CHAT_MS(a ".updated_at")
#define CHAT_ROOM_COLS(a)                                                                   \
  a ".id, " a ".name, " a ".access, " a ".admin_id, " a ".description, " a ".color_hex, " a \
    ".image, " CHAT_MS(a ".created_at") ", " CHAT_MS(a ".updated_at")
#define CHAT_MSG_COLS(a)                                     \
  a ".id, " a ".room_id, " a ".author_id, " a ".content, " a \
    ".image_url, " CHAT_MS(a ".created_at") ", " CHAT_MS(a ".updated_at")
#define CHAT_FROM_MS(p) "('epoch'::timestamptz + " p "::bigint * interval '1 millisecond')"

namespace chat::adapters::pg::sql {

const statement ping{"chat_ping", "SELECT 1"};

const statement create_user{
    "chat_create_user",
    "INSERT INTO users AS u (email, fullname, password_hash, avatar_url) "
    "VALUES ($1::text, $2::text, $3::text, $4::text) RETURNING " CHAT_USER_COLS("u")};

const statement find_user{"chat_find_user",
                          "SELECT " CHAT_USER_COLS("u") " FROM users u WHERE u.id = $1::bigint"};

const statement find_user_by_email{
    "chat_find_user_by_email",
    "SELECT " CHAT_USER_COLS("u") " FROM users u WHERE lower(u.email) = lower($1::text)"};

const statement users_by_ids{
    "chat_users_by_ids",
    "SELECT " CHAT_USER_COLS("u") " FROM unnest($1::bigint[]) WITH ORDINALITY AS q(id, ord) "
    "LEFT JOIN users u ON u.id = q.id ORDER BY q.ord"};

const statement all_users{
    "chat_all_users", "SELECT " CHAT_USER_COLS("u") " FROM users u ORDER BY u.created_at, u.id"};

const statement search_users{
    "chat_search_users",
    "SELECT " CHAT_USER_COLS("u") " FROM users u "
    "WHERE u.fullname ILIKE '%' || $1::text || '%' AND u.id <> $2::bigint "
    "ORDER BY u.fullname COLLATE \"C\", u.id LIMIT greatest($3::int, 0)"};

const statement update_user_profile{
    "chat_update_user_profile",
    "UPDATE users AS u SET fullname = $2::text, avatar_url = coalesce($3::text, u.avatar_url), "
    "updated_at = now() WHERE u.id = $1::bigint RETURNING " CHAT_USER_COLS("u")};

const statement create_refresh_family{
    "chat_create_refresh_family",
    "INSERT INTO refresh_families (id, user_id, current_token, revoked, created_at, expires_at) "
    "VALUES ($1::text, $2::bigint, $3::text, $4::boolean, "
    "CASE WHEN $5::bigint = 0 THEN now() ELSE " CHAT_FROM_MS("$5") " END, " CHAT_FROM_MS("$6") ")"};

// One statement: the row lock makes concurrent presentations of one token serialize, the
// second seeing the first's rotation (so it is reuse, as it should be).
const statement rotate_refresh_token{
    "chat_rotate_refresh_token",
    "WITH f AS (SELECT id, current_token FROM refresh_families "
    "  WHERE id = $1::text AND user_id = $2::bigint AND NOT revoked AND expires_at > now() "
    "  FOR UPDATE), "
    "rot AS (UPDATE refresh_families r SET current_token = $4::text, "
    "  expires_at = " CHAT_FROM_MS("$5") " "
    "  FROM f WHERE r.id = f.id AND f.current_token = $3::text RETURNING 1), "
    "rev AS (UPDATE refresh_families r SET revoked = true FROM f "
    "  WHERE r.id = f.id AND f.current_token <> $3::text RETURNING 1) "
    "SELECT CASE WHEN EXISTS (SELECT 1 FROM rot) THEN 'rotated' "
    "  WHEN EXISTS (SELECT 1 FROM rev) THEN 'reused' ELSE 'invalid' END"};

const statement revoke_refresh_family{
    "chat_revoke_refresh_family", "UPDATE refresh_families SET revoked = true WHERE id = $1::text"};

// The admin first, then the members in request order (duplicates and the admin skipped);
// an unknown user fails the whole statement (foreign key), so nothing is created.
const statement create_room{
    "chat_create_room",
    "WITH r AS (INSERT INTO rooms AS r (name, access, admin_id, description, color_hex, image) "
    "  VALUES ($1::text, $2::text, $3::bigint, $4::text, $5::text, $6::text) "
    "  RETURNING " CHAT_ROOM_COLS("r") "), "
    "m AS (INSERT INTO memberships (room_id, user_id) "
    "  SELECT r.id, x.u FROM r, (SELECT t.u, min(t.ord) AS o "
    "    FROM unnest(array_prepend($3::bigint, $7::bigint[])) WITH ORDINALITY AS t(u, ord) "
    "    GROUP BY t.u) x ORDER BY x.o) "
    "SELECT * FROM r"};

const statement find_room{"chat_find_room",
                          "SELECT " CHAT_ROOM_COLS("r") " FROM rooms r WHERE r.id = $1::bigint"};

const statement update_room{
    "chat_update_room",
    "UPDATE rooms AS r SET name = coalesce($2::text, r.name), "
    "access = coalesce($3::text, r.access), "
    "description = CASE WHEN $7::boolean THEN NULL ELSE coalesce($4::text, r.description) END, "
    "color_hex = CASE WHEN $8::boolean THEN NULL ELSE coalesce($5::text, r.color_hex) END, "
    "image = CASE WHEN $9::boolean THEN NULL ELSE coalesce($6::text, r.image) END, "
    "updated_at = now() WHERE r.id = $1::bigint RETURNING " CHAT_ROOM_COLS("r")};

const statement delete_room{"chat_delete_room",
                            "DELETE FROM rooms WHERE id = $1::bigint RETURNING id"};

const statement delete_user{"chat_delete_user",
                            "DELETE FROM users WHERE id = $1::bigint RETURNING id"};

const statement add_members{
    "chat_add_members",
    "WITH r AS (SELECT id FROM rooms WHERE id = $1::bigint FOR KEY SHARE), "
    "x AS (SELECT t.u, min(t.ord) AS o FROM unnest($2::bigint[]) WITH ORDINALITY AS t(u, ord) "
    "  GROUP BY t.u), "
    "ins AS (INSERT INTO memberships (room_id, user_id) SELECT r.id, x.u FROM r, x ORDER BY x.o "
    "  ON CONFLICT DO NOTHING RETURNING user_id) "
    "SELECT EXISTS (SELECT 1 FROM r), "
    "  coalesce((SELECT array_agg(ins.user_id ORDER BY x.o) FROM ins JOIN x ON x.u = ins.user_id), "
    "  '{}')"};

const statement remove_members{
    "chat_remove_members",
    "WITH d AS (DELETE FROM memberships WHERE room_id = $1::bigint "
    "  AND user_id = ANY ($2::bigint[]) RETURNING user_id) "
    "SELECT d.user_id FROM d ORDER BY array_position($2::bigint[], d.user_id)"};

const statement is_member{"chat_is_member",
                          "SELECT EXISTS (SELECT 1 FROM memberships "
                          "WHERE room_id = $1::bigint AND user_id = $2::bigint)"};

const statement room_members{
    "chat_room_members",
    "SELECT " CHAT_USER_COLS("u") " FROM memberships m JOIN users u ON u.id = m.user_id "
    "WHERE m.room_id = $1::bigint ORDER BY m.joined_at DESC, m.seq DESC"};

// GQL-6: the members of many rooms, tagged with their room's position in the request.
const statement members_of_rooms{
    "chat_members_of_rooms",
    "SELECT q.ord, " CHAT_USER_COLS("u") " FROM unnest($1::bigint[]) WITH ORDINALITY AS q(id, ord) "
    "JOIN memberships m ON m.room_id = q.id JOIN users u ON u.id = m.user_id "
    "ORDER BY q.ord, m.joined_at DESC, m.seq DESC"};

const statement rooms_of_user{
    "chat_rooms_of_user",
    "SELECT " CHAT_ROOM_COLS("r") " FROM memberships mm JOIN rooms r ON r.id = mm.room_id "
    "WHERE mm.user_id = $1::bigint "
    "ORDER BY coalesce((SELECT x.created_at FROM messages x WHERE x.room_id = r.id "
    "  ORDER BY x.id DESC LIMIT 1), r.created_at) DESC, "
    // Messages in the same millisecond: the later insert is the more recent.
    "coalesce((SELECT max(x.id) FROM messages x WHERE x.room_id = r.id), 0) DESC, r.id DESC"};

// At least one row (the total), with the page's rooms when there are any.
const statement search_rooms{
    "chat_search_rooms",
    "WITH matches AS (SELECT r.*, "
    "  (SELECT count(*) FROM memberships c WHERE c.room_id = r.id) AS members "
    "  FROM rooms r WHERE r.name ILIKE '%' || $1::text || '%' "
    "  AND (r.access = 'PUBLIC' OR EXISTS (SELECT 1 FROM memberships v "
    "    WHERE v.room_id = r.id AND v.user_id = $2::bigint))) "
    "SELECT t.total, " CHAT_ROOM_COLS("p") " FROM (SELECT count(*) AS total FROM matches) t "
    "LEFT JOIN LATERAL (SELECT * FROM matches "
    "  ORDER BY members DESC, created_at DESC, id DESC LIMIT greatest($3::int, 0)) p ON true "
    "ORDER BY p.members DESC, p.created_at DESC, p.id DESC"};

const statement member_counts{
    "chat_member_counts",
    "SELECT (SELECT count(*) FROM memberships m WHERE m.room_id = q.id) "
    "FROM unnest($1::bigint[]) WITH ORDINALITY AS q(id, ord) ORDER BY q.ord"};

const statement latest_messages{
    "chat_latest_messages",
    "SELECT " CHAT_MSG_COLS("m") " FROM unnest($1::bigint[]) WITH ORDINALITY AS q(id, ord) "
    "LEFT JOIN LATERAL (SELECT * FROM messages x WHERE x.room_id = q.id "
    "  ORDER BY x.id DESC LIMIT 1) m ON true ORDER BY q.ord"};

const statement insert_message{
    "chat_insert_message",
    "INSERT INTO messages AS m (room_id, author_id, content, image_url) "
    "VALUES ($1::bigint, $2::bigint, $3::text, $4::text) RETURNING " CHAT_MSG_COLS("m")};

// Group commit (pg_insert_batcher): many messages in one statement, inserted in the
// arrays' order so ids follow it.
const statement insert_messages{
    "chat_insert_messages",
    "INSERT INTO messages AS m (room_id, author_id, content, image_url) "
    "SELECT t.r, t.a, t.c, t.i FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) "
    "WITH ORDINALITY AS t(r, a, c, i, o) ORDER BY t.o RETURNING " CHAT_MSG_COLS("m")};

const statement messages_page{
    "chat_messages_page",
    "SELECT " CHAT_MSG_COLS("m") " FROM messages m WHERE m.room_id = $1::bigint "
    "AND m.id < coalesce($2::bigint, 9223372036854775807) "
    "ORDER BY m.id DESC LIMIT greatest($3::int, 0) + 1"};

const statement message_count{"chat_message_count",
                              "SELECT count(*) FROM messages WHERE room_id = $1::bigint"};

const statement messages_after{
    "chat_messages_after",
    "SELECT " CHAT_MSG_COLS("m") " FROM messages m WHERE m.room_id = $1::bigint "
    "AND m.id > $2::bigint ORDER BY m.id LIMIT greatest($3::int, 0)"};

}  // namespace chat::adapters::pg::sql
