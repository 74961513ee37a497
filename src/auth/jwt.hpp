#pragma once
/// HS256 JSON Web Tokens (SPEC AUTH-3, RFC 7519 / RFC 7515): the access and refresh
/// tokens carried by the `access_token` and `refresh_token` cookies.
///
/// The verifier is strict: only `"alg":"HS256"` is accepted (never `none`, HS384/512,
/// RS*/ES*, nor a header with `crit`), the signature is compared in constant time
/// before the payload is read, `exp` and `sub` are required and `exp` is checked.
/// Every failure is a `jwt_error` value; no exception escapes verification.
///
/// Thread-safety: every function is safe to call concurrently from any thread.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace chat::auth {

/// Longest token accepted; anything longer is `malformed` without being decoded.
inline constexpr std::size_t k_max_token_length = 4096;

/// The claims chatd signs and reads. Times are seconds since the Unix epoch.
struct jwt_claims {
  std::int64_t sub = 0;  // the user id (AUTH-3)
  std::int64_t iat = 0;  // issued at (0 on verify when the token has none)
  std::int64_t exp = 0;  // expires at: the token is refused from this second on
  std::string fam;       // refresh tokens: the family id (empty: absent)
  std::string jti;       // refresh tokens: the token id (empty: absent)

  friend bool operator==(const jwt_claims&, const jwt_claims&) = default;
};

enum class jwt_error : std::uint8_t {
  malformed,              // too long, not three base64url parts, not JSON objects, bad types
  unsupported_algorithm,  // `alg` missing or not "HS256", or a `crit` header
  bad_signature,          // the HMAC does not match (wrong secret or tampered token)
  expired,                // now >= exp
  missing_claims,         // no `exp` or no `sub`
};

/// A short name for logs and metrics (`"bad_signature"`).
std::string_view name_of(jwt_error error) noexcept;

/// The claims of a valid token or why it was refused (std::expected is C++23).
class jwt_result {
 public:
  jwt_result(jwt_claims claims) : data_(std::in_place_index<0>, std::move(claims)) {}  // NOLINT
  jwt_result(jwt_error error) : data_(std::in_place_index<1>, error) {}                // NOLINT

  bool has_value() const noexcept { return data_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  const jwt_claims& value() const& { return std::get<0>(data_); }
  jwt_claims&& value() && { return std::get<0>(std::move(data_)); }
  const jwt_claims& operator*() const& { return value(); }
  const jwt_claims* operator->() const { return &value(); }
  /// Only when `!has_value()`.
  jwt_error error() const { return std::get<1>(data_); }

 private:
  std::variant<jwt_claims, jwt_error> data_;
};

/// A compact JWS: header exactly `{"alg":"HS256","typ":"JWT"}`, payload
/// `{"sub":…,"iat":…,"exp":…}` plus `fam` and `jti` when not empty (`sub` a JSON number).
std::string sign_hs256(const jwt_claims& claims, std::string_view secret);

/// Checks `token` against `secret` at `now_seconds` (AUTH-3). `sub` may be a JSON
/// integer or a decimal string (as NestJS backends write it); `iat` is optional;
/// `fam` and `jti`, when present, must be strings.
jwt_result verify_hs256(std::string_view token, std::string_view secret,
                        std::int64_t now_seconds) noexcept;

/// The lower-level check behind `verify_hs256`: true when `token` has three parts and
/// its third part is the base64url HMAC-SHA256, under `secret`, of the first two. Says
/// nothing about the header's algorithm or the claims.
bool signature_valid(std::string_view token, std::string_view secret) noexcept;

/// 128 random bits (OpenSSL's RAND_bytes) as 32 lower-case hex characters: refresh
/// family ids and token ids. Throws std::runtime_error if the generator fails.
std::string random_token_id();

/// Base64url without padding (RFC 4648 §5, as JWS uses it).
std::string base64url_encode(std::string_view bytes);

/// The bytes of an unpadded base64url text; nullopt for any other character (`=`, `+`,
/// `/`, whitespace), an impossible length, or non-zero unused trailing bits (so every
/// byte string has exactly one accepted encoding).
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace chat::auth
