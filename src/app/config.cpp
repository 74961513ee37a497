#include "app/config.hpp"

#include <fmt/format.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <thread>

namespace chat::app {
namespace {

/// One configuration option: its variable, flag, old-backend aliases, and how to apply
/// a value. The table below is the one place options are defined; `--help` is made
/// from it.
struct option {
  std::string_view env;
  std::string_view flag;
  std::vector<std::string_view> aliases;
  std::string_view default_text;
  std::string_view help;
  /// Applies a value; returns an error sentence or an empty string.
  std::function<std::string(config&, std::string_view)> apply;
  bool secret = false;  // never echoed in errors
};

template <typename T, typename Set>
std::string apply_parsed(const parsed<T>& result, Set&& set) {
  if (!result) return result.error;
  set(*result.value);
  return {};
}

const std::vector<option>& options() {
  static const std::vector<option> table = {
      {"PORT",
       "--port",
       {},
       "3000",
       "TCP port to listen on (0 picks a free port)",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_integer(v, 0, 65535),
                             [&](std::int64_t p) { c.port = static_cast<std::uint16_t>(p); });
       }},
      {"HOST",
       "--host",
       {},
       "0.0.0.0",
       "IP address to listen on",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_listen_host(v), [&](std::string h) { c.host = std::move(h); });
       }},
      {"DATA_DIR",
       "--data-dir",
       {},
       "./data",
       "Directory for the SQLite database and uploads",
       [](config& c, std::string_view v) -> std::string {
         if (v.empty()) return "expected a directory path";
         c.data_dir = std::string(v);
         return {};
       }},
      {"DATABASE_URL",
       "--database-url",
       {},
       "(SQLite under DATA_DIR)",
       "postgres://user:password@host:port/db selects PostgreSQL (Prisma's ?schema= accepted)",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_database_url(v),
                             [&](database_target t) { c.database = std::move(t); });
       },
       true},
      {"REDIS_URL",
       "--redis-url",
       {},
       "(in-process)",
       "redis://[:password@]host[:port][/db] selects Redis for cache, pub/sub, limits, presence",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_redis_url(v),
                             [&](std::string u) { c.redis_url = std::move(u); });
       },
       true},
      {"JWT_ACCESS_SECRET",
       "--jwt-access-secret",
       {},
       "(generated in development)",
       "HS256 secret for access tokens (at least 32 bytes in production)",
       [](config& c, std::string_view v) {
         c.jwt_access_secret = std::string(v);
         return std::string();
       },
       true},
      {"JWT_REFRESH_SECRET",
       "--jwt-refresh-secret",
       {},
       "(generated in development)",
       "HS256 secret for refresh tokens (different from the access secret)",
       [](config& c, std::string_view v) {
         c.jwt_refresh_secret = std::string(v);
         return std::string();
       },
       true},
      {"ACCESS_TOKEN_TTL",
       "--access-token-ttl",
       {},
       "15m",
       "Access token lifetime (3h keeps the old web client signed in)",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_duration(v), [&](auto d) { c.access_token_ttl = d; });
       }},
      {"REFRESH_TOKEN_TTL",
       "--refresh-token-ttl",
       {},
       "7d",
       "Refresh token lifetime",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_duration(v), [&](auto d) { c.refresh_token_ttl = d; });
       }},
      {"CORS_ORIGINS",
       "--cors-origins",
       {"CORS_ORIGIN"},
       "http://localhost:5173",
       "Comma-separated origins allowed by CORS and for WebSocket upgrades",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_origins(v), [&](auto o) { c.cors_origins = std::move(o); });
       }},
      {"PUBLIC_URL",
       "--public-url",
       {"APP_URL"},
       "(from each request)",
       "Absolute base URL used in links to uploaded images",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_public_url(v), [&](auto u) { c.public_url = std::move(u); });
       }},
      {"APP_ENV",
       "--app-env",
       {"NODE_ENV"},
       "development",
       "development, production or test",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_choice(v, {"development", "production", "test"}),
                             [&](const std::string& e) {
                               c.env = e == "production" ? app_env::production
                                       : e == "test"     ? app_env::test
                                                         : app_env::development;
                             });
       }},
      {"LOG_LEVEL",
       "--log-level",
       {},
       "info",
       "trace, debug, info, warn, error or off",
       [](config& c, std::string_view v) -> std::string {
         std::string lowered(v);
         for (char& ch : lowered)
           ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
         if (!obs::parse_log_level(lowered, c.log_level)) {
           return "expected one of trace, debug, info, warn, error, off";
         }
         return {};
       }},
      {"LOG_FORMAT",
       "--log-format",
       {},
       "json",
       "json (one object per line) or pretty",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_choice(v, {"json", "pretty"}), [&](const std::string& f) {
           c.log_format = f == "pretty" ? obs::log_format::pretty : obs::log_format::json;
         });
       }},
      {"RATE_LIMITS",
       "--rate-limits",
       {},
       "(built-in limits)",
       "Path to a rate-limits file, or off",
       [](config& c, std::string_view v) -> std::string {
         if (v == "off" || v == "OFF") {
           c.rate_limits = "off";
           return {};
         }
         if (::access(std::string(v).c_str(), R_OK) != 0) {
           return "expected off or a readable file; \"" + printable(v) + "\" cannot be read";
         }
         c.rate_limits = std::string(v);
         return {};
       }},
      {"CACHE",
       "--cache",
       {},
       "on",
       "Cache-aside for reads (CACHE-1): on, or off (every read goes to the database)",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_choice(v, {"on", "off"}),
                             [&](const std::string& choice) { c.cache = choice == "on"; });
       }},
      {"TRUST_PROXY",
       "--trust-proxy",
       {},
       "off",
       "Proxies whose X-Forwarded-For is believed: off, loopback, IPs or CIDR networks",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_trusted_proxies(v),
                             [&](auto p) { c.trusted_proxies = std::move(p); });
       }},
      {"UPLOAD_MAX_BYTES",
       "--upload-max-bytes",
       {},
       "10MB",
       "Largest accepted upload",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_size(v), [&](std::uint64_t s) { c.upload_max_bytes = s; });
       }},
      {"THREADS",
       "--threads",
       {},
       "(number of cores)",
       "I/O threads",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_integer(v, 1, 256),
                             [&](std::int64_t t) { c.threads = static_cast<unsigned>(t); });
       }},
      {"HTTP_HEADER_TIMEOUT",
       "--http-header-timeout",
       {},
       "10s",
       "Time allowed for a request's headers after its first byte",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_duration(v), [&](auto d) { c.http_header_timeout = d; });
       }},
      {"HTTP_IDLE_TIMEOUT",
       "--http-idle-timeout",
       {},
       "60s",
       "How long an idle keep-alive connection is kept",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_duration(v), [&](auto d) { c.http_idle_timeout = d; });
       }},
      {"SHUTDOWN_TIMEOUT",
       "--shutdown-timeout",
       {},
       "10s",
       "Longest drain on SIGTERM before connections are closed",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_duration(v), [&](auto d) { c.shutdown_timeout = d; });
       }},
      {"MAX_CONNECTIONS",
       "--max-connections",
       {},
       "50000",
       "Open connections above this are closed on accept",
       [](config& c, std::string_view v) {
         return apply_parsed(parse_integer(v, 1, 10'000'000), [&](std::int64_t n) {
           c.max_connections = static_cast<std::uint64_t>(n);
         });
       }},
  };
  return table;
}

std::string random_secret() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw config_error("chatd: cannot generate a JWT secret: no random source");
  }
  std::string out;
  for (const unsigned char b : bytes)
    out += fmt::format("{:02x}", b);
  return out;
}

// CONF-3: production refuses weak or missing secrets; development generates them.
void check_secrets(config& c) {
  if (c.production()) {
    for (const auto& [name, value] : {std::pair{"JWT_ACCESS_SECRET", &c.jwt_access_secret},
                                      std::pair{"JWT_REFRESH_SECRET", &c.jwt_refresh_secret}}) {
      if (value->empty()) {
        throw config_error(fmt::format("chatd: {} is required in production", name));
      }
      if (value->size() < 32) {
        throw config_error(
            fmt::format("chatd: {} must be at least 32 bytes long in production", name));
      }
    }
    if (c.jwt_access_secret == c.jwt_refresh_secret) {
      throw config_error(
          "chatd: JWT_ACCESS_SECRET and JWT_REFRESH_SECRET must be different in production");
    }
    return;
  }
  if (c.jwt_access_secret.empty() || c.jwt_refresh_secret.empty()) {
    if (c.jwt_access_secret.empty()) c.jwt_access_secret = random_secret();
    if (c.jwt_refresh_secret.empty()) c.jwt_refresh_secret = random_secret();
    c.jwt_secrets_generated = true;
    c.warnings.emplace_back(
        "JWT secrets were generated for this start: sessions end when the server restarts; "
        "set JWT_ACCESS_SECRET and JWT_REFRESH_SECRET to keep them");
  }
}

[[noreturn]] void refuse(std::string_view name, std::string_view value, bool secret,
                         std::string_view why) {
  if (secret) throw config_error(fmt::format("chatd: invalid {}: {}", name, why));
  throw config_error(fmt::format("chatd: invalid {} \"{}\": {}", name, printable(value), why));
}

}  // namespace

env_lookup process_env() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

invocation load_config(int argc, const char* const* argv, const env_lookup& env) {
  invocation result;
  config& c = result.settings;
  const unsigned cores = std::thread::hardware_concurrency();
  c.threads = cores == 0 ? 1 : cores;

  // Flags first, so they can win over the environment.
  std::vector<std::optional<std::string>> flag_values(options().size());
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      result.what = command::help;
      return result;
    }
    if (arg == "--version" || arg == "-V") {
      result.what = command::version;
      return result;
    }
    if (arg == "serve" && i == 1) continue;
    if (arg == "migrate" && i == 1) {
      result.what = command::migrate;
      continue;
    }
    const auto eq = arg.find('=');
    const std::string_view name = arg.substr(0, eq);
    std::size_t index = 0;
    while (index < options().size() && options()[index].flag != name)
      ++index;
    if (index == options().size()) {
      // Only a flag's name is echoed: a stray value may be a URL with a password in it.
      if (!name.starts_with("--")) {
        throw config_error("chatd: unexpected argument (see chatd --help)");
      }
      throw config_error(
          fmt::format("chatd: unknown flag \"{}\" (see chatd --help)", printable(name)));
    }
    if (eq != std::string_view::npos) {
      flag_values[index] = std::string(arg.substr(eq + 1));
    } else if (i + 1 < argc) {
      flag_values[index] = std::string(argv[++i]);
    } else {
      throw config_error(fmt::format("chatd: {} needs a value", name));
    }
  }

  std::optional<std::string> redis_host;
  std::optional<std::string> redis_port;
  std::optional<std::string> redis_password;
  const auto non_empty = [&](std::string_view name) -> std::optional<std::string> {
    auto value = env(name);
    if (value && value->empty()) return std::nullopt;  // `VAR=` in a .env means unset
    return value;
  };

  for (std::size_t i = 0; i < options().size(); ++i) {
    const option& opt = options()[i];
    std::string_view source = opt.flag;
    std::optional<std::string> value = flag_values[i];
    if (!value) {
      source = opt.env;
      value = non_empty(opt.env);
    }
    for (const auto alias : opt.aliases) {
      if (value) break;
      source = alias;
      value = non_empty(alias);
    }
    if (!value) continue;
    if (const std::string error = opt.apply(c, *value); !error.empty()) {
      refuse(source, *value, opt.secret, error);
    }
  }

  // CONF-2: REDIS_HOST / REDIS_PORT / REDIS_PASSWORD when REDIS_URL is not given.
  redis_host = non_empty("REDIS_HOST");
  redis_port = non_empty("REDIS_PORT");
  redis_password = non_empty("REDIS_PASSWORD");
  if (c.redis_url.empty() && (redis_host || redis_port)) {
    auto url = redis_url_from_parts(redis_host.value_or(""), redis_port.value_or(""),
                                    redis_password.value_or(""));
    if (!url) refuse("REDIS_PORT", redis_port.value_or(""), false, url.error);
    c.redis_url = *url.value;
  }

  check_secrets(c);
  return result;
}

std::string help_text() {
  std::string out = fmt::format(
      "chatd {} - Futbol Chat server\n\n"
      "Usage: chatd [serve] [--flag value | --flag=value]...\n"
      "       chatd migrate [--flag value]...   apply the database migrations and exit\n"
      "       chatd --help | --version\n\n"
      "Every option is an environment variable with a matching flag; flags win.\n\n",
      version());
  for (const auto& opt : options()) {
    out += fmt::format("  {:<24} {:<22} {}\n", opt.flag, opt.env, opt.help);
    std::string details = fmt::format("default: {}", opt.default_text);
    if (!opt.aliases.empty()) {
      details += "; also read from";
      for (const auto alias : opt.aliases)
        details += fmt::format(" {}", alias);
    }
    out += fmt::format("  {:<24} {:<22} ({})\n", "", "", details);
  }
  out +=
      "\nThe old backend's REDIS_HOST, REDIS_PORT and REDIS_PASSWORD are used when REDIS_URL "
      "is unset.\nDurations: 250ms, 30s, 15m, 3h, 7d. Sizes: 1048576, 512KB, 10MB.\n";
  return out;
}

std::string_view version() {
  return CHAT_VERSION;
}

}  // namespace chat::app
