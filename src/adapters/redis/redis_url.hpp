#pragma once
/// The parts of a Redis URL (MODE-2, CONF-1/2): `redis://[[user]:password@]host[:port][/db]`.
///
/// Accepts what `app::parse_redis_url` accepts (config validates REDIS_URL at start-up,
/// CONF-4) and splits it for the client: leading and trailing blanks are ignored, the
/// scheme is case-insensitive, `rediss://` (TLS) is refused, the port is 1–65535 (6379
/// when absent), the database a number (0 when absent), an IPv6 host is written in
/// brackets (`redis://[::1]:6380`). User and password are percent-decoded. As with
/// `redis-cli -u`, a user part without a colon is the password (`redis://s3cret@cache`).
///
/// Thread-safety: pure functions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chat::adapters::redis {

struct redis_url {
  std::string host;  // a name or an IP address (IPv6 without brackets)
  std::uint16_t port = 6379;
  std::string username;  // empty: Redis's default user
  std::string password;  // empty: no AUTH
  int db = 0;            // SELECTed after connecting when not 0
};

/// A parsed URL, or why the text is not one. The message never contains the password.
struct redis_url_parse {
  std::optional<redis_url> url;
  std::string error;
  explicit operator bool() const noexcept { return url.has_value(); }
};

redis_url_parse parse_redis_url(std::string_view text);

/// `host:port/db` for logs: no user, no password.
std::string describe(const redis_url& url);

}  // namespace chat::adapters::redis
