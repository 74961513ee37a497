-- Futbol Chat, SQLite schema version 1 (OPS-2). Times are integer UTC milliseconds.
-- AUTOINCREMENT: ids are never reused, so message ids only grow (MSG-2 cursors, RT-1).

CREATE TABLE users (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  email         TEXT    NOT NULL COLLATE NOCASE,  -- lower-cased by the caller
  fullname      TEXT    NOT NULL,
  password_hash TEXT    NOT NULL,
  avatar_url    TEXT,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE UNIQUE INDEX users_fullname_key ON users (fullname);

CREATE TABLE refresh_families (
  id            TEXT    PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  current_token TEXT    NOT NULL,
  revoked       INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL
);
CREATE INDEX refresh_families_user_idx ON refresh_families (user_id);

CREATE TABLE rooms (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT    NOT NULL,
  access      TEXT    NOT NULL DEFAULT 'PRIVATE' CHECK (access IN ('PUBLIC', 'PRIVATE')),
  admin_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  description TEXT,
  color_hex   TEXT,
  image       TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX rooms_name_key ON rooms (name);
CREATE INDEX rooms_admin_idx ON rooms (admin_id);

-- A rowid table: ties of joined_at are broken by insertion order (ROOM-4).
CREATE TABLE memberships (
  room_id   INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE messages (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  room_id    INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  author_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  content    TEXT    NOT NULL,
  image_url  TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- Newest-first cursor pagination and "latest message of a room".
CREATE INDEX messages_room_id_idx ON messages (room_id, id DESC);
CREATE INDEX messages_author_idx ON messages (author_id);
