// chatd: the composition root (DESIGN.md principle 11). Reads the configuration,
// starts logging, metrics and the HTTP server, and drains them on SIGTERM/SIGINT.

#include <fmt/format.h>
#include <sys/resource.h>

#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "adapters/cached/cached_store.hpp"
#include "adapters/files/file_upload_store.hpp"
#include "adapters/memory/memory_cache.hpp"
#include "adapters/memory/memory_rate_limiter.hpp"
#include "adapters/redis/redis_cache.hpp"
#include "adapters/redis/redis_client.hpp"
#include "adapters/redis/redis_rate_limiter.hpp"
#include "app/config.hpp"
#include "app/http_app.hpp"
#include "app/store_factory.hpp"
#include "app/store_health.hpp"
#include "auth/account_service.hpp"
#include "auth/password_hasher.hpp"
#include "net/http_server.hpp"
#include "net/io_pool.hpp"
#include "observability/logger.hpp"
#include "observability/metrics.hpp"

namespace {

using chat::obs::log_level;

/// Raises the soft open-files limit to the hard one: every connection is a descriptor.
std::uint64_t raise_fd_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  return limit.rlim_cur;
}

std::string_view mode_name(const chat::app::config& cfg) {
  const bool postgres = cfg.database.type == chat::app::database_target::kind::postgres;
  if (postgres && !cfg.redis_url.empty()) return "cluster";
  if (postgres) return "postgres";
  if (!cfg.redis_url.empty()) return "sqlite+redis";
  return "embedded";
}

/// Logs `line` and writes it to stderr: start-up failures are for the operator.
int fail(std::string_view context, const std::string& line) {
  chat::obs::log(log_level::error, context, line);
  std::fprintf(stderr, "%s\n", line.c_str());
  return 1;
}

/// How long start-up waits for an unreachable database (a PostgreSQL still starting).
constexpr std::chrono::seconds k_database_patience{30};

/// Opens the store and applies its migrations (OPS-2); null after reporting why not.
std::unique_ptr<chat::ports::store> open_migrated_store(const chat::app::config& cfg) {
  auto opened = chat::app::open_store(cfg);
  if (!opened) {
    fail("store", fmt::format("chatd: cannot open the database: {}", opened.error().detail));
    return nullptr;
  }
  auto store = std::move(*opened);
  const auto migrated = chat::app::migrate_at_startup(*store, k_database_patience);
  if (!migrated) {
    fail("store",
         fmt::format("chatd: cannot migrate the database ({}): {}",
                     chat::ports::name_of(migrated.error().code), migrated.error().detail));
    return nullptr;
  }
  chat::obs::log(log_level::info, "store", "database ready", {}, {{"schemaVersion", *migrated}});
  return store;
}

/// RL-1: the built-in limits, the file RATE_LIMITS names, or none for `off`; null
/// after reporting why a file was refused (CONF-4: nothing half-starts).
std::optional<chat::ports::limits_table> load_rate_limits(const chat::app::config& cfg) {
  if (cfg.rate_limits.empty()) return chat::ports::limits_table::defaults();
  if (cfg.rate_limits == "off") return chat::ports::limits_table::none();
  std::ifstream file(cfg.rate_limits);
  if (!file) {
    fail("config", fmt::format("chatd: RATE_LIMITS: cannot read \"{}\"",
                               chat::app::printable(cfg.rate_limits)));
    return std::nullopt;
  }
  std::stringstream text;
  text << file.rdbuf();
  auto parsed = chat::ports::parse_limits(text.str());
  if (auto* error = std::get_if<std::string>(&parsed)) {
    fail("config",
         fmt::format("chatd: RATE_LIMITS: {}: {}", chat::app::printable(cfg.rate_limits), *error));
    return std::nullopt;
  }
  return std::get<chat::ports::limits_table>(std::move(parsed));
}

bool make_data_dir(const chat::app::config& cfg) {
  std::error_code fs_error;
  std::filesystem::create_directories(cfg.data_dir, fs_error);
  if (fs_error) {
    fail("app", fmt::format("chatd: cannot create DATA_DIR \"{}\": {}",
                            chat::app::printable(cfg.data_dir), fs_error.message()));
    return false;
  }
  return true;
}

/// `chatd migrate`.
int migrate(const chat::app::config& cfg) {
  if (!make_data_dir(cfg)) return 1;
  const auto store = open_migrated_store(cfg);
  if (store == nullptr) return 1;
  std::printf("chatd: the database is migrated\n");
  return 0;
}

int serve(const chat::app::config& cfg) {
  namespace obs = chat::obs;
  for (const auto& warning : cfg.warnings)
    obs::log(log_level::warn, "config", warning);

  if (!make_data_dir(cfg)) return 1;
  auto store = open_migrated_store(cfg);
  if (store == nullptr) return 1;

  // MSG-3: uploaded images under DATA_DIR/uploads.
  chat::adapters::file_upload_options upload_options;
  upload_options.directory = std::filesystem::path(cfg.data_dir) / "uploads";
  auto opened_uploads = chat::adapters::file_upload_store::open(upload_options);
  if (!opened_uploads) {
    return fail("uploads", fmt::format("chatd: cannot open the uploads directory: {}",
                                       opened_uploads.error().detail));
  }
  auto uploads = std::move(*opened_uploads);

  // MODE-2: REDIS_URL selects Redis (it need not be up yet: the client reconnects by
  // itself, and until then every Redis use falls back as CACHE-2 and RL-2 say).
  std::unique_ptr<chat::adapters::redis::redis_client> redis;
  if (!cfg.redis_url.empty()) {
    auto url = chat::adapters::redis::parse_redis_url(cfg.redis_url);
    if (!url) return fail("redis", "chatd: REDIS_URL: " + url.error);
    chat::adapters::redis::redis_options redis_options;
    redis_options.url = *url.url;
    redis = chat::adapters::redis::redis_client::create(std::move(redis_options));
  }

  const std::uint64_t fd_limit = raise_fd_limit();

  // AUTH-2: bcrypt on its own low-priority threads, never on the network threads.
  auto hasher = std::make_unique<chat::auth::password_hasher>();
  chat::auth::token_settings tokens;
  tokens.access_secret = cfg.jwt_access_secret;
  tokens.refresh_secret = cfg.jwt_refresh_secret;
  tokens.access_ttl = std::chrono::duration_cast<std::chrono::seconds>(cfg.access_token_ttl);
  tokens.refresh_ttl = std::chrono::duration_cast<std::chrono::seconds>(cfg.refresh_token_ttl);
  // CACHE-1, RL-2: with Redis, the cache and the limits are shared by every instance
  // (invalidations and counts seen by all at once); without it, in process.
  std::unique_ptr<chat::ports::cache> cache;
  std::unique_ptr<chat::ports::rate_limiter> limiter;
  if (redis) {
    cache = std::make_unique<chat::adapters::redis::redis_cache>(*redis);
    limiter = std::make_unique<chat::adapters::redis::redis_rate_limiter>(*redis);
  } else {
    cache = std::make_unique<chat::adapters::memory_cache>();
    limiter = std::make_unique<chat::adapters::memory_rate_limiter>();
  }
  chat::adapters::cached_store cached(*store, *cache);
  chat::ports::store& reads = cfg.cache ? static_cast<chat::ports::store&>(cached) : *store;
  chat::auth::account_service accounts(reads, *hasher, std::move(tokens));

  // RL-1: the limits (RATE_LIMITS: built-in defaults, a file, or off).
  auto limits = load_rate_limits(cfg);
  if (!limits) return 1;
  const chat::api::rate_limit_guard guard(cfg.rate_limits == "off" ? nullptr : limiter.get(),
                                          std::move(*limits));

  obs::metrics_registry metrics;
  obs::register_process_metrics(metrics);
  // GQL-2: the served schema is built (and checked) before anything listens.
  std::vector<std::string> schema_errors;
  chat::api::endpoint_services services;
  services.store = &reads;
  services.accounts = &accounts;
  services.uploads = uploads.get();
  services.cookies.secure = cfg.production();  // AUTH-3
  services.limits = &guard;
  const auto graphql = chat::api::graphql_endpoint::create(chat::api::served_schema_sdl(), {},
                                                           schema_errors, services);
  if (graphql == nullptr) {
    for (const auto& error : schema_errors)
      obs::log(log_level::error, "graphql", error);
    std::fprintf(stderr, "chatd: the GraphQL schema is invalid: %s\n",
                 schema_errors.empty() ? "unknown error" : schema_errors.front().c_str());
    return 1;
  }
  metrics.callback_counter("chat_graphql_document_cache_hits_total",
                           "Operations whose parsed and validated document came from the cache.",
                           [&graphql] { return static_cast<double>(graphql->cache().hits()); });
  metrics.callback_counter("chat_graphql_document_cache_misses_total",
                           "Operations whose document had to be parsed and validated.",
                           [&graphql] { return static_cast<double>(graphql->cache().misses()); });
  chat::net::io_pool pool(cfg.threads);
  chat::app::store_health database_health(*store, pool.at(0).get_executor());
  std::vector<chat::app::readiness_check> checks;
  checks.push_back({"database", [&database_health] { return database_health.problem(); }});
  if (redis) {
    checks.push_back({"redis", [&redis]() -> std::string {
                        return redis->connected() ? std::string() : "Redis is not connected";
                      }});
    metrics.callback_gauge("chat_redis_connected", "1 while the Redis connection is up.",
                           [&redis] { return redis->connected() ? 1.0 : 0.0; });
    metrics.callback_counter("chat_redis_commands_total", "Redis commands sent.",
                             [&redis] { return static_cast<double>(redis->stats().commands); });
    metrics.callback_counter("chat_redis_failures_total",
                             "Redis commands answered unavailable or timed out.",
                             [&redis] { return static_cast<double>(redis->stats().failures); });
    metrics.callback_counter("chat_redis_reconnects_total",
                             "Redis connections made after the first.",
                             [&redis] { return static_cast<double>(redis->stats().reconnects); });
  }
  chat::app::http_app_services front;
  front.accounts = &accounts;
  front.uploads = uploads.get();
  front.public_url = cfg.public_url;
  front.upload_max_bytes = cfg.upload_max_bytes;
  front.trusted_proxies = cfg.trusted_proxies;
  chat::app::http_app app(metrics, std::move(checks), chat::net::cors_policy(cfg.cors_origins),
                          *graphql, std::move(front));

  chat::net::server_options options;
  options.header_timeout = cfg.http_header_timeout;
  options.idle_timeout = cfg.http_idle_timeout;
  options.max_multipart_body_bytes = cfg.upload_max_bytes + chat::app::k_multipart_overhead_bytes;
  options.max_connections = cfg.max_connections;
  chat::net::http_server server(pool, options, app);

  metrics.callback_gauge("chat_http_open_connections", "Open HTTP connections.",
                         [&server] { return static_cast<double>(server.open_connections()); });
  metrics.callback_counter(
      "chat_http_connections_accepted_total", "TCP connections accepted.",
      [&server] { return static_cast<double>(server.accepted_connections()); });
  metrics.callback_counter(
      "chat_http_connections_rejected_total",
      "Connections closed on accept because MAX_CONNECTIONS was reached.",
      [&server] { return static_cast<double>(server.rejected_connections()); });
  // OBS-4: cache lookups by kind of value and result (CACHE-1).
  metrics.callback_counter_family(
      "chat_cache_requests_total", "Cache lookups by kind of value and result.", {"kind", "result"},
      [&cache] {
        chat::obs::metrics_registry::labelled_samples samples;
        for (const auto& [kind, counts] : cache->stats()) {
          samples.push_back({{kind, "hit"}, static_cast<double>(counts.hits)});
          samples.push_back({{kind, "miss"}, static_cast<double>(counts.misses)});
          samples.push_back({{kind, "unavailable"}, static_cast<double>(counts.unavailable)});
        }
        return samples;
      });
  metrics.callback_counter("chat_rate_limit_rejections_total",
                           "GraphQL operations refused by a rate limit (RL-1).",
                           [&guard] { return static_cast<double>(guard.rejections()); });
  metrics.callback_counter("chat_log_lines_dropped_total",
                           "Log lines dropped because the log writer fell behind.",
                           [] { return static_cast<double>(obs::dropped_log_lines()); });

  // OPS-3: the first signal drains; a second one stops at once. Installed before the
  // server listens, so a signal sent as soon as it reports ready is a drain, not a kill.
  boost::asio::signal_set signals(pool.at(0), SIGINT, SIGTERM);
  const auto drain_budget = std::max(std::chrono::milliseconds(500),
                                     cfg.shutdown_timeout - std::chrono::milliseconds(1500));
  std::function<void(const boost::system::error_code&, int)> on_signal =
      [&](const boost::system::error_code& ec, int signal_number) {
        if (ec) return;
        static bool draining = false;
        if (draining) {
          obs::log(log_level::warn, "app", "second signal: stopping now");
          pool.stop();
          return;
        }
        draining = true;
        obs::log(log_level::info, "app", "draining", {},
                 {{"signal", signal_number == SIGTERM ? "SIGTERM" : "SIGINT"},
                  {"openConnections", server.open_connections()}});
        database_health.stop();
        server.drain(drain_budget, [&pool] { pool.stop(); });
        signals.async_wait(on_signal);
      };
  signals.async_wait(on_signal);

  boost::asio::ip::tcp::endpoint endpoint;
  try {
    endpoint = server.listen(cfg.host, cfg.port);
  } catch (const boost::system::system_error& e) {
    const std::string line =
        fmt::format("chatd: cannot listen on {}:{}: {}", cfg.host, cfg.port, e.code().message());
    obs::log(log_level::error, "http", line);
    std::fprintf(stderr, "%s\n", line.c_str());
    return 1;
  }
  obs::log(log_level::info, "http", "listening", {},
           {{"host", endpoint.address().to_string()},
            {"port", endpoint.port()},
            {"threads", cfg.threads},
            {"mode", mode_name(cfg)},
            {"fdLimit", fd_limit},
            {"version", chat::app::version()}});
  obs::flush_logs();  // whoever waits for this line should not wait for the next tick
  boost::asio::post(pool.at(0), [&database_health] { database_health.start(); });

  pool.run();
  // The hasher's, uploads' and store's threads may still complete a call (a health ping, a
  // request's query) by posting to an executor of `pool`: join them while the io_contexts still
  // exist.
  hasher.reset();
  uploads.reset();
  store.reset();
  redis.reset();
  obs::log(log_level::info, "app", "stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout must not kill the server

  chat::app::invocation invocation;
  try {
    invocation = chat::app::load_config(argc, argv, chat::app::process_env());
  } catch (const chat::app::config_error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  if (invocation.what == chat::app::command::help) {
    std::fputs(chat::app::help_text().c_str(), stdout);
    return 0;
  }
  if (invocation.what == chat::app::command::version) {
    std::printf("chatd %s\n", std::string(chat::app::version()).c_str());
    return 0;
  }

  const auto& cfg = invocation.settings;
  chat::obs::log_options log_options;
  log_options.level = cfg.log_level;
  log_options.format = cfg.log_format;
  chat::obs::init_logging(log_options);
  const int code = invocation.what == chat::app::command::migrate ? migrate(cfg) : serve(cfg);
  chat::obs::shutdown_logging();
  return code;
}
