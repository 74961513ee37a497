-- chatd schema, version 1 (OPS-2). Applied by postgres_store::migrate() inside a
-- PL/pgSQL block that holds the migration lock; names are resolved through the
-- connection's search_path (the configured schema). Constraint names are part of the
-- adapter's contract: it maps unique violations to store errors by them.

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  fullname text NOT NULL,
  password_hash text NOT NULL,
  avatar_url text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT users_fullname_key UNIQUE (fullname)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE refresh_families (
  id text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  current_token text NOT NULL,
  revoked boolean NOT NULL DEFAULT false,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX refresh_families_user_idx ON refresh_families (user_id);

CREATE TABLE rooms (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  access text NOT NULL DEFAULT 'PRIVATE' CHECK (access IN ('PUBLIC', 'PRIVATE')),
  admin_id bigint REFERENCES users (id) ON DELETE SET NULL,
  description text,
  color_hex text,
  image text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT rooms_name_key UNIQUE (name)
);

CREATE TABLE memberships (
  room_id bigint NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  joined_at timestamptz(3) NOT NULL DEFAULT now(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (room_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE messages (
  id bigserial PRIMARY KEY,
  room_id bigint NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  content text NOT NULL,
  image_url text,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  updated_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX messages_room_id_idx ON messages (room_id, id DESC);
CREATE INDEX messages_author_idx ON messages (author_id);
