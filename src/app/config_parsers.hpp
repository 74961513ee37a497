#pragma once
/// Parsers for configuration values (SPEC CONF-1, CONF-2, CONF-4). Each returns the
/// parsed value, or an error sentence saying what was expected (never echoing secrets).
///
/// Thread-safety: pure functions.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace chat::app {

/// A parse result: the value, or the reason it was refused.
template <typename T>
struct parsed {
  std::optional<T> value;
  std::string error;  // set when !value

  static parsed ok(T v) { return {std::move(v), {}}; }
  static parsed fail(std::string why) { return {std::nullopt, std::move(why)}; }
  explicit operator bool() const noexcept { return value.has_value(); }
};

/// An integer in [min, max], decimal digits only.
parsed<std::int64_t> parse_integer(std::string_view text, std::int64_t min, std::int64_t max);

/// `900`, `900s`, `15m`, `3h`, `7d`, `250ms` (a bare number is seconds). Must be > 0.
parsed<std::chrono::milliseconds> parse_duration(std::string_view text);

/// `1048576`, `512KB`, `10MB`, `1GB` (binary multiples, case-insensitive, `B` optional
/// after K/M/G, `KiB` style accepted). Must be > 0.
parsed<std::uint64_t> parse_size(std::string_view text);

/// One of `choices`, case-insensitively; returns the matching choice.
parsed<std::string> parse_choice(std::string_view text, const std::vector<std::string>& choices);

/// Where messages are stored: SQLite (a file path) or PostgreSQL (a connection URL).
struct database_target {
  enum class kind : std::uint8_t { sqlite, postgres } type = kind::sqlite;
  /// SQLite: the file path (empty = `DATA_DIR/chat.db`). PostgreSQL: the URL as libpq
  /// accepts it, Prisma's `schema` query parameter removed.
  std::string location;
  /// PostgreSQL schema from Prisma's `?schema=` (default `public`).
  std::string schema = "public";
};

/// `postgres://` / `postgresql://` URLs (Prisma's `?schema=public` accepted), or
/// `sqlite:<path>` / `file:<path>` for an explicit SQLite file.
parsed<database_target> parse_database_url(std::string_view text);

/// `redis://[user:password@]host[:port][/db]`.
parsed<std::string> parse_redis_url(std::string_view text);

/// Builds a Redis URL from the old backend's REDIS_HOST / REDIS_PORT / REDIS_PASSWORD.
parsed<std::string> redis_url_from_parts(std::string_view host, std::string_view port,
                                         std::string_view password);

/// An absolute `http(s)://host[:port][/path]` URL; the trailing slash is removed.
parsed<std::string> parse_public_url(std::string_view text);

/// Comma-separated origins, each `http(s)://host[:port]` (no path) or `*`.
parsed<std::vector<std::string>> parse_origins(std::string_view text);

/// `off`, or a comma-separated list of `loopback`, IP addresses and CIDR networks.
parsed<std::vector<std::string>> parse_trusted_proxies(std::string_view text);

/// An IP address to listen on (`localhost` means 127.0.0.1).
parsed<std::string> parse_listen_host(std::string_view text);

/// A value made safe to print in one line of an error message: control characters
/// escaped, cut to `max_bytes`.
std::string printable(std::string_view value, std::size_t max_bytes = 80);

}  // namespace chat::app
