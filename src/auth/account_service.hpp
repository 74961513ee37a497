#pragma once
/// Accounts (SPEC AUTH-1..6): registration, sign-in, refresh-token rotation with reuse
/// detection, sign-out, and the check of an access token. Tokens are HS256 JWTs with
/// separate secrets for access and refresh tokens (AUTH-3); a refresh token names its
/// family (`fam`) and its own id (`jti`), and the family's current `jti` lives in the
/// store, so rotation holds across instances and restarts (AUTH-4).
///
/// Passwords are hashed and checked on the hasher's own threads (AUTH-2: never on a
/// network thread); an unknown email costs the same bcrypt work as a wrong password and
/// gives the same answer.
///
/// Thread-safety: every member may be called concurrently from any thread; coroutines
/// resume on their caller's executor.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "auth/account_rules.hpp"
#include "auth/password_hasher.hpp"
#include "domain/user.hpp"
#include "ports/store.hpp"

namespace chat::auth {

struct token_settings {
  std::string access_secret;
  std::string refresh_secret;
  std::chrono::seconds access_ttl{15 * 60};
  std::chrono::seconds refresh_ttl{7 * 24 * 3600};
  /// The time tokens are issued and checked at (tests move it).
  std::function<domain::timestamp()> clock = [] { return domain::now(); };
};

/// A signed-in session's two tokens, and how long each cookie keeps them.
struct session_tokens {
  std::string access_token;
  std::string refresh_token;
  std::chrono::seconds access_ttl{};
  std::chrono::seconds refresh_ttl{};
};

struct signed_in {
  domain::user user;
  session_tokens tokens;
};

enum class account_errc : std::uint8_t {
  invalid_input,        // `fields` says which rule each field broke (BAD_REQUEST)
  invalid_credentials,  // AUTH-2 "Invalid credentials" (BAD_REQUEST)
  unauthenticated,      // a missing, expired, revoked or replayed token (ERR-2)
  busy,                 // the hasher's queue is full: retry later
  store,                // `store` says what (duplicates, not_found, unavailable)
};

struct account_error {
  account_errc code = account_errc::unauthenticated;
  field_errors fields;
  ports::store_error store;
  std::string detail;  // for the log only
};

template <class T>
using account_result = std::variant<T, account_error>;

class account_service {
 public:
  account_service(ports::store& store, password_hasher& hasher, token_settings settings);

  /// AUTH-1: validates, hashes, stores (email lower-cased, full name trimmed) and signs
  /// the new user in.
  boost::asio::awaitable<account_result<signed_in>> register_user(registration input);

  /// AUTH-2: the same `invalid_credentials` for an unknown email and a wrong password.
  boost::asio::awaitable<account_result<signed_in>> log_in(std::string email, std::string password);

  /// AUTH-4: rotates the refresh token: a new pair in the same family. An older token
  /// of the family revokes it (`unauthenticated`), as does any token that does not
  /// verify.
  boost::asio::awaitable<account_result<session_tokens>> refresh(std::string refresh_token);

  /// AUTH-5: revokes the family of `refresh_token` when it verifies (an expired or
  /// foreign token revokes nothing). Fails only when the store cannot be reached.
  boost::asio::awaitable<account_result<ports::done>> log_out(std::string refresh_token);

  /// AUTH-3, AUTH-6: the user an access token names, when it verifies (HS256 with the
  /// access secret, not expired).
  std::optional<domain::user_id> authenticate(std::string_view access_token) const;

  const token_settings& settings() const noexcept { return settings_; }

 private:
  boost::asio::awaitable<account_result<session_tokens>> start_session(domain::user_id user);
  session_tokens sign(domain::user_id user, const std::string& family, const std::string& token_id,
                      domain::timestamp now) const;

  ports::store& store_;
  password_hasher& hasher_;
  token_settings settings_;
};

}  // namespace chat::auth
