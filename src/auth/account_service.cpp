#include "auth/account_service.hpp"

#include "auth/jwt.hpp"

namespace chat::auth {

namespace {

std::int64_t seconds_of(domain::timestamp t) noexcept {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

account_error error_of(account_errc code, std::string detail = {}) {
  account_error e;
  e.code = code;
  e.detail = std::move(detail);
  return e;
}

account_error store_failure(ports::store_error error) {
  account_error e;
  e.code = account_errc::store;
  e.detail = error.detail;
  e.store = std::move(error);
  return e;
}

/// The hasher's failures as account errors: a full queue is `busy` (retry later); any
/// other failure is an outage of the service.
account_error hasher_failure(hash_status code) {
  if (code == hash_status::busy) return error_of(account_errc::busy, "the hasher queue is full");
  ports::store_error unavailable{
      ports::store_errc::unavailable,
      std::string("password hashing failed: ") + std::string(name_of(code))};
  return store_failure(std::move(unavailable));
}

}  // namespace

account_service::account_service(ports::store& store, password_hasher& hasher,
                                 token_settings settings)
    : store_(store), hasher_(hasher), settings_(std::move(settings)) {}

boost::asio::awaitable<account_result<signed_in>> account_service::register_user(
    registration input) {
  input.fullname = trim(input.fullname);
  input.email = normalize_email(input.email);
  if (auto problems = check_registration(input); !problems.empty()) {
    account_error e = error_of(account_errc::invalid_input);
    e.fields = std::move(problems);
    co_return e;
  }
  // Cheap uniqueness checks first, so a taken email costs no bcrypt work; the store's
  // constraints still decide when two registrations race.
  auto existing = co_await store_.find_user_by_email(input.email);
  if (!existing) co_return store_failure(existing.error());
  if (*existing) {
    ports::store_error taken{ports::store_errc::duplicate_email, {}};
    co_return store_failure(std::move(taken));
  }

  auto hashed = co_await hasher_.hash(std::move(input.password));
  if (!hashed.ok()) co_return hasher_failure(hashed.status);

  domain::new_user user;
  user.email = std::move(input.email);
  user.fullname = std::move(input.fullname);
  user.password_hash = std::move(hashed.hash);
  auto created = co_await store_.create_user(std::move(user));
  if (!created) co_return store_failure(created.error());

  auto tokens = co_await start_session(created->id);
  if (auto* error = std::get_if<account_error>(&tokens)) co_return std::move(*error);
  co_return signed_in{std::move(*created), std::get<session_tokens>(std::move(tokens))};
}

boost::asio::awaitable<account_result<signed_in>> account_service::log_in(std::string email,
                                                                          std::string password) {
  email = normalize_email(email);
  auto found = co_await store_.find_user_by_email(std::move(email));
  if (!found) co_return store_failure(found.error());

  // AUTH-2: an unknown email spends the same bcrypt work as a wrong password, and both
  // answer the same.
  bool matches = false;
  if (*found) {
    std::string stored = (*found)->password_hash;
    auto checked = co_await hasher_.verify(std::move(password), std::move(stored));
    if (!checked.ok()) co_return hasher_failure(checked.status);
    matches = checked.matches;
  } else {
    auto checked = co_await hasher_.verify_unknown_user(std::move(password));
    if (!checked.ok()) co_return hasher_failure(checked.status);
  }
  if (!matches) co_return error_of(account_errc::invalid_credentials);

  domain::user user = std::move(**found);
  auto tokens = co_await start_session(user.id);
  if (auto* error = std::get_if<account_error>(&tokens)) co_return std::move(*error);
  co_return signed_in{std::move(user), std::get<session_tokens>(std::move(tokens))};
}

boost::asio::awaitable<account_result<session_tokens>> account_service::refresh(
    std::string refresh_token) {
  const domain::timestamp now = settings_.clock();
  auto claims = verify_hs256(refresh_token, settings_.refresh_secret, seconds_of(now));
  if (!claims) {
    co_return error_of(account_errc::unauthenticated, std::string("refresh token refused: ") +
                                                          std::string(name_of(claims.error())));
  }
  if (claims->fam.empty() || claims->jti.empty()) {
    co_return error_of(account_errc::unauthenticated, "refresh token without family");
  }
  std::string next_id = random_token_id();
  const domain::timestamp expires = now + settings_.refresh_ttl;
  std::string family = claims->fam;
  std::string presented = claims->jti;
  std::string next = next_id;
  auto outcome = co_await store_.rotate_refresh_token(
      std::move(family), claims->sub, std::move(presented), std::move(next), expires);
  if (!outcome) co_return store_failure(outcome.error());
  switch (*outcome) {
    case ports::rotation::rotated:
      co_return sign(claims->sub, claims->fam, next_id, now);
    case ports::rotation::reused:
      co_return error_of(account_errc::unauthenticated,
                         "refresh token reused: the family is revoked");
    case ports::rotation::invalid:
      break;
  }
  co_return error_of(account_errc::unauthenticated, "refresh family unknown, revoked or expired");
}

boost::asio::awaitable<account_result<ports::done>> account_service::log_out(
    std::string refresh_token) {
  if (refresh_token.empty()) co_return ports::done{};
  // A verified signature proves the server issued the family id; expiry does not matter
  // to revoking it (checked at the epoch, an issued token has not expired).
  auto claims = verify_hs256(refresh_token, settings_.refresh_secret, 0);
  if (!claims || claims->fam.empty()) co_return ports::done{};
  std::string family = claims->fam;
  auto revoked = co_await store_.revoke_refresh_family(std::move(family));
  if (!revoked) co_return store_failure(revoked.error());
  co_return ports::done{};
}

std::optional<domain::user_id> account_service::authenticate(std::string_view access_token) const {
  if (access_token.empty()) return std::nullopt;
  auto claims = verify_hs256(access_token, settings_.access_secret, seconds_of(settings_.clock()));
  if (!claims) return std::nullopt;
  return claims->sub;
}

boost::asio::awaitable<account_result<session_tokens>> account_service::start_session(
    domain::user_id user) {
  const domain::timestamp now = settings_.clock();
  domain::refresh_family family;
  family.id = random_token_id();
  family.user = user;
  family.current_token = random_token_id();
  family.created_at = now;
  family.expires_at = now + settings_.refresh_ttl;
  session_tokens tokens = sign(user, family.id, family.current_token, now);
  auto created = co_await store_.create_refresh_family(std::move(family));
  if (!created) co_return store_failure(created.error());
  co_return tokens;
}

session_tokens account_service::sign(domain::user_id user, const std::string& family,
                                     const std::string& token_id, domain::timestamp now) const {
  const std::int64_t issued = seconds_of(now);
  jwt_claims access;
  access.sub = user;
  access.iat = issued;
  access.exp = issued + settings_.access_ttl.count();
  jwt_claims refresh;
  refresh.sub = user;
  refresh.iat = issued;
  refresh.exp = issued + settings_.refresh_ttl.count();
  refresh.fam = family;
  refresh.jti = token_id;
  session_tokens tokens;
  tokens.access_token = sign_hs256(access, settings_.access_secret);
  tokens.refresh_token = sign_hs256(refresh, settings_.refresh_secret);
  tokens.access_ttl = settings_.access_ttl;
  tokens.refresh_ttl = settings_.refresh_ttl;
  return tokens;
}

}  // namespace chat::auth
