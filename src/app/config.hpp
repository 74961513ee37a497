#pragma once
/// The server's configuration (SPEC CONF-1..4): environment variables, each with a
/// matching command-line flag (flags win), the old backend's variable names as aliases,
/// validated all at once before anything starts.
///
/// Thread-safety: a `config` is built once at start-up and read-only afterwards.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "app/config_parsers.hpp"
#include "observability/logger.hpp"

namespace chat::app {

enum class app_env : std::uint8_t { development, production, test };

struct config {
  std::uint16_t port = 3000;
  std::string host = "0.0.0.0";
  std::string data_dir = "./data";
  database_target database;       // SQLite under data_dir unless DATABASE_URL says otherwise
  std::string redis_url;          // empty: in-process cache, pub/sub, limits, presence
  std::string jwt_access_secret;  // CONF-3: generated per start in development when unset
  std::string jwt_refresh_secret;
  bool jwt_secrets_generated = false;
  std::chrono::milliseconds access_token_ttl = std::chrono::minutes(15);
  std::chrono::milliseconds refresh_token_ttl = std::chrono::hours(24 * 7);
  std::vector<std::string> cors_origins{"http://localhost:5173"};
  std::string public_url;  // empty: derived from each request's Host
  app_env env = app_env::development;
  obs::log_level log_level = obs::log_level::info;
  obs::log_format log_format = obs::log_format::json;
  std::string rate_limits;                   // empty: built-in defaults; "off"; or a file path
  bool cache = true;                         // CACHE-1 cache-aside (CACHE=off for benchmarks)
  std::vector<std::string> trusted_proxies;  // empty: X-Forwarded-For is ignored
  std::uint64_t upload_max_bytes = 10ULL * 1024 * 1024;
  unsigned threads = 1;
  std::chrono::milliseconds http_header_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds http_idle_timeout = std::chrono::seconds(60);
  std::chrono::milliseconds shutdown_timeout = std::chrono::seconds(10);
  std::uint64_t max_connections = 50'000;

  /// Start-up warnings to log once logging is up (e.g. generated secrets).
  std::vector<std::string> warnings;

  bool production() const noexcept { return env == app_env::production; }
};

/// Thrown for a refused configuration; `what()` is one line naming the variable.
class config_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What the command line asks for.
/// `chatd [serve]` runs the server; `chatd migrate` applies the database migrations and
/// exits (OPS-2).
enum class command : std::uint8_t { serve, migrate, help, version };

struct invocation {
  command what = command::serve;
  config settings;
};

/// Reads an environment variable; returns nullopt when unset.
using env_lookup = std::function<std::optional<std::string>(std::string_view name)>;

/// The process environment.
env_lookup process_env();

/// Parses `argv` and the environment. Throws `config_error` on the first invalid value.
invocation load_config(int argc, const char* const* argv, const env_lookup& env);

/// `--help` text: every option with its variable, flag, aliases and default.
std::string help_text();

std::string_view version();

}  // namespace chat::app
