#pragma once
/// A user account (SPEC AUTH-1, AUTH-7, AUTH-8): values only, no I/O.

#include <optional>
#include <string>

#include "domain/ids.hpp"

namespace chat::domain {

struct user {
  user_id id = 0;
  std::string email;          // lower-cased, unique
  std::string fullname;       // trimmed, 1–50 characters, unique
  std::string password_hash;  // bcrypt `$2b$10$…`; never leaves the server (AUTH-7)
  std::optional<std::string> avatar_url;
  timestamp created_at{};
  timestamp updated_at{};
};

/// What registration stores; the store assigns the id and the times.
struct new_user {
  std::string email;
  std::string fullname;
  std::string password_hash;
  std::optional<std::string> avatar_url;
};

/// A refresh-token family (AUTH-4, AUTH-5): one sign-in's chain of refresh tokens.
/// Only the newest token (`current_token`) may be used; presenting an older one revokes
/// the family (reuse detection).
struct refresh_family {
  std::string id;  // random, unguessable (the JWT's family claim)
  user_id user = 0;
  std::string current_token;  // the id (jti) of the only refresh token still valid
  bool revoked = false;
  timestamp created_at{};
  timestamp expires_at{};
};

}  // namespace chat::domain
