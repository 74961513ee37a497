// Tests for configuration loading and value parsers (SPEC CONF-1..4).

#include "app/config.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/config_parsers.hpp"

namespace {

using namespace std::chrono_literals;
using chat::app::app_env;
using chat::app::command;
using chat::app::config;
using chat::app::config_error;
using chat::app::database_target;
using chat::app::invocation;
using env_map = std::map<std::string, std::string, std::less<>>;

const std::string k_access_secret(40, 'a');  // 40 bytes: long enough for production
const std::string k_refresh_secret(40, 'r');

/// An environment lookup reading from `vars` instead of the process.
chat::app::env_lookup fake_env(env_map vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    if (const auto it = vars.find(name); it != vars.end()) return it->second;
    return std::nullopt;
  };
}

invocation load(const std::vector<std::string>& args, const env_map& vars = {}) {
  std::vector<const char*> argv{"chatd"};
  for (const auto& arg : args)
    argv.push_back(arg.c_str());
  return chat::app::load_config(static_cast<int>(argv.size()), argv.data(), fake_env(vars));
}

config settings(const env_map& vars) {
  return load({}, vars).settings;
}

/// The message of the config_error thrown by loading `args` and `vars` ("" if none).
std::string error_of(const std::vector<std::string>& args, const env_map& vars = {}) {
  try {
    load(args, vars);
  } catch (const config_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no config_error thrown";
  return {};
}

std::string env_error(const env_map& vars) {
  return error_of({}, vars);
}

/// CONF-3/4: a refusal is one line starting with `prefix`.
void expect_one_line_starting_with(const std::string& message, std::string_view prefix) {
  EXPECT_TRUE(message.starts_with(prefix)) << "message: " << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << "message: " << message;
  EXPECT_EQ(message.find('\r'), std::string::npos) << "message: " << message;
}

env_map production_env() {
  return {{"APP_ENV", "production"},
          {"JWT_ACCESS_SECRET", k_access_secret},
          {"JWT_REFRESH_SECRET", k_refresh_secret}};
}

bool is_lower_hex(std::string_view text) {
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

// ---- CONF-1 defaults ----

TEST(Config, Conf1DefaultsNeedNoConfiguration) {
  const invocation result = load({});
  EXPECT_EQ(result.what, command::serve);
  const config& c = result.settings;
  EXPECT_EQ(c.port, 3000);
  EXPECT_EQ(c.host, "0.0.0.0");
  EXPECT_EQ(c.data_dir, "./data");
  EXPECT_EQ(c.database.type, database_target::kind::sqlite);
  EXPECT_EQ(c.database.location, "");
  EXPECT_EQ(c.redis_url, "");
  EXPECT_EQ(c.access_token_ttl, 15min);
  EXPECT_EQ(c.refresh_token_ttl, std::chrono::hours(24 * 7));
  EXPECT_EQ(c.cors_origins, std::vector<std::string>{"http://localhost:5173"});
  EXPECT_EQ(c.public_url, "");
  EXPECT_EQ(c.env, app_env::development);
  EXPECT_FALSE(c.production());
  EXPECT_EQ(c.log_level, chat::obs::log_level::info);
  EXPECT_EQ(c.log_format, chat::obs::log_format::json);
  EXPECT_EQ(c.rate_limits, "");
  EXPECT_TRUE(c.trusted_proxies.empty());
  EXPECT_EQ(c.upload_max_bytes, 10U * 1024 * 1024);
}

TEST(Config, Conf1ThreadsDefaultToTheNumberOfCores) {
  const unsigned cores = std::thread::hardware_concurrency();
  EXPECT_EQ(settings({}).threads, cores == 0 ? 1U : cores);
}

TEST(Config, Conf1ReadsEachVariableFromTheEnvironment) {
  const std::string limits = ::testing::TempDir() + "config_test_limits.json";
  std::ofstream(limits) << "{}";
  const config c = settings({{"PORT", "4000"},
                             {"HOST", "127.0.0.1"},
                             {"DATA_DIR", "/var/lib/chat"},
                             {"DATABASE_URL", "postgres://chat:pw@db:5432/chat"},
                             {"REDIS_URL", "redis://cache:6379/2"},
                             {"JWT_ACCESS_SECRET", k_access_secret},
                             {"JWT_REFRESH_SECRET", k_refresh_secret},
                             {"ACCESS_TOKEN_TTL", "3h"},
                             {"REFRESH_TOKEN_TTL", "30d"},
                             {"CORS_ORIGINS", "https://chat.example.com"},
                             {"PUBLIC_URL", "https://chat.example.com/"},
                             {"APP_ENV", "test"},
                             {"LOG_LEVEL", "debug"},
                             {"LOG_FORMAT", "pretty"},
                             {"RATE_LIMITS", limits},
                             {"TRUST_PROXY", "loopback"},
                             {"UPLOAD_MAX_BYTES", "5MB"},
                             {"THREADS", "3"}});
  std::remove(limits.c_str());
  EXPECT_EQ(c.port, 4000);
  EXPECT_EQ(c.host, "127.0.0.1");
  EXPECT_EQ(c.data_dir, "/var/lib/chat");
  EXPECT_EQ(c.database.type, database_target::kind::postgres);
  EXPECT_EQ(c.database.location, "postgres://chat:pw@db:5432/chat");
  EXPECT_EQ(c.redis_url, "redis://cache:6379/2");
  EXPECT_EQ(c.jwt_access_secret, k_access_secret);
  EXPECT_EQ(c.jwt_refresh_secret, k_refresh_secret);
  EXPECT_FALSE(c.jwt_secrets_generated);
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_EQ(c.access_token_ttl, 3h);
  EXPECT_EQ(c.refresh_token_ttl, std::chrono::hours(24 * 30));
  EXPECT_EQ(c.cors_origins, std::vector<std::string>{"https://chat.example.com"});
  EXPECT_EQ(c.public_url, "https://chat.example.com");
  EXPECT_EQ(c.env, app_env::test);
  EXPECT_EQ(c.log_level, chat::obs::log_level::debug);
  EXPECT_EQ(c.log_format, chat::obs::log_format::pretty);
  EXPECT_EQ(c.rate_limits, limits);
  EXPECT_EQ(c.trusted_proxies, std::vector<std::string>{"loopback"});
  EXPECT_EQ(c.upload_max_bytes, 5U * 1024 * 1024);
  EXPECT_EQ(c.threads, 3U);
}

TEST(Config, Conf1EveryOptionHasAMatchingFlag) {
  const invocation result = load({"--port",
                                  "4001",
                                  "--host",
                                  "localhost",
                                  "--data-dir",
                                  "/srv/chat",
                                  "--database-url",
                                  "sqlite:/tmp/x.db",
                                  "--redis-url",
                                  "redis://r:6379",
                                  "--jwt-access-secret",
                                  k_access_secret,
                                  "--jwt-refresh-secret",
                                  k_refresh_secret,
                                  "--access-token-ttl",
                                  "1h",
                                  "--refresh-token-ttl",
                                  "2d",
                                  "--cors-origins",
                                  "http://a.test",
                                  "--public-url",
                                  "http://a.test",
                                  "--app-env",
                                  "production",
                                  "--log-level",
                                  "warn",
                                  "--log-format",
                                  "pretty",
                                  "--rate-limits",
                                  "off",
                                  "--trust-proxy",
                                  "10.0.0.0/8",
                                  "--upload-max-bytes",
                                  "1MB",
                                  "--threads",
                                  "2",
                                  "--http-header-timeout",
                                  "5s",
                                  "--http-idle-timeout",
                                  "2m",
                                  "--shutdown-timeout",
                                  "30s",
                                  "--max-connections",
                                  "1000"});
  const config& c = result.settings;
  EXPECT_EQ(c.port, 4001);
  EXPECT_EQ(c.host, "127.0.0.1");
  EXPECT_EQ(c.data_dir, "/srv/chat");
  EXPECT_EQ(c.database.type, database_target::kind::sqlite);
  EXPECT_EQ(c.database.location, "/tmp/x.db");
  EXPECT_EQ(c.redis_url, "redis://r:6379");
  EXPECT_EQ(c.jwt_access_secret, k_access_secret);
  EXPECT_EQ(c.jwt_refresh_secret, k_refresh_secret);
  EXPECT_EQ(c.access_token_ttl, 1h);
  EXPECT_EQ(c.refresh_token_ttl, 48h);
  EXPECT_EQ(c.cors_origins, std::vector<std::string>{"http://a.test"});
  EXPECT_EQ(c.public_url, "http://a.test");
  EXPECT_TRUE(c.production());
  EXPECT_EQ(c.log_level, chat::obs::log_level::warn);
  EXPECT_EQ(c.log_format, chat::obs::log_format::pretty);
  EXPECT_EQ(c.rate_limits, "off");
  EXPECT_EQ(c.trusted_proxies, std::vector<std::string>{"10.0.0.0/8"});
  EXPECT_EQ(c.upload_max_bytes, 1024U * 1024);
  EXPECT_EQ(c.threads, 2U);
  EXPECT_EQ(c.http_header_timeout, 5s);
  EXPECT_EQ(c.http_idle_timeout, 2min);
  EXPECT_EQ(c.shutdown_timeout, 30s);
  EXPECT_EQ(c.max_connections, 1000U);
}

TEST(Config, Conf1FlagsWinOverTheEnvironment) {
  const env_map vars{{"PORT", "5000"}, {"LOG_LEVEL", "error"}};
  EXPECT_EQ(load({"--port", "4000"}, vars).settings.port, 4000);
  EXPECT_EQ(load({"--port=4000"}, vars).settings.port, 4000);
  EXPECT_EQ(load({"--log-level=trace"}, vars).settings.log_level, chat::obs::log_level::trace);
  EXPECT_EQ(load({}, vars).settings.port, 5000);
}

TEST(Config, Conf1AcceptsServeAsTheFirstArgument) {
  const invocation result = load({"serve", "--port=4000"});
  EXPECT_EQ(result.what, command::serve);
  EXPECT_EQ(result.settings.port, 4000);
}

TEST(Config, Conf1AcceptsAFlagValueContainingEqualsSigns) {
  const config c = load({"--database-url=postgres://u:p@h/db?sslmode=require"}).settings;
  EXPECT_EQ(c.database.location, "postgres://u:p@h/db?sslmode=require");
}

TEST(Config, Conf1LastOfARepeatedFlagWins) {
  EXPECT_EQ(load({"--port", "4000", "--port", "4001"}).settings.port, 4001);
}

TEST(Config, Conf1PortZeroPicksAFreePort) {
  EXPECT_EQ(settings({{"PORT", "0"}}).port, 0);
}

TEST(Config, Conf1AnEmptyValueCountsAsUnset) {
  const config c = settings({{"PORT", ""},
                             {"HOST", ""},
                             {"DATA_DIR", ""},
                             {"DATABASE_URL", ""},
                             {"REDIS_URL", ""},
                             {"CORS_ORIGINS", ""},
                             {"LOG_LEVEL", ""},
                             {"APP_ENV", ""},
                             {"TRUST_PROXY", ""},
                             {"UPLOAD_MAX_BYTES", ""},
                             {"THREADS", ""},
                             {"ACCESS_TOKEN_TTL", ""}});
  EXPECT_EQ(c.port, 3000);
  EXPECT_EQ(c.host, "0.0.0.0");
  EXPECT_EQ(c.data_dir, "./data");
  EXPECT_EQ(c.database.type, database_target::kind::sqlite);
  EXPECT_EQ(c.redis_url, "");
  EXPECT_EQ(c.cors_origins, std::vector<std::string>{"http://localhost:5173"});
  EXPECT_EQ(c.log_level, chat::obs::log_level::info);
  EXPECT_EQ(c.env, app_env::development);
  EXPECT_EQ(c.upload_max_bytes, 10U * 1024 * 1024);
  EXPECT_EQ(c.access_token_ttl, 15min);
}

TEST(Config, Conf2AnEmptyCanonicalValueFallsBackToItsAlias) {
  const config c = settings({{"CORS_ORIGINS", ""}, {"CORS_ORIGIN", "http://old.example"}});
  EXPECT_EQ(c.cors_origins, std::vector<std::string>{"http://old.example"});
}

TEST(Config, Conf3AnEmptySecretInProductionCountsAsMissing) {
  env_map vars = production_env();
  vars["JWT_ACCESS_SECRET"] = "";
  expect_one_line_starting_with(env_error(vars), "chatd: JWT_ACCESS_SECRET");
}

TEST(Config, Conf1LogLevelIsCaseInsensitiveAndAcceptsAliases) {
  EXPECT_EQ(settings({{"LOG_LEVEL", "DEBUG"}}).log_level, chat::obs::log_level::debug);
  EXPECT_EQ(settings({{"LOG_LEVEL", "warning"}}).log_level, chat::obs::log_level::warn);
  EXPECT_EQ(settings({{"LOG_LEVEL", "off"}}).log_level, chat::obs::log_level::off);
}

TEST(Config, Conf1AppEnvIsCaseInsensitive) {
  env_map vars = production_env();
  vars["APP_ENV"] = "Production";
  EXPECT_TRUE(settings(vars).production());
}

TEST(Config, Conf1RateLimitsOffIsAccepted) {
  EXPECT_EQ(settings({{"RATE_LIMITS", "off"}}).rate_limits, "off");
}

// ---- commands ----

TEST(Config, Conf1HelpFlagReturnsTheHelpCommand) {
  EXPECT_EQ(load({"--help"}).what, command::help);
  EXPECT_EQ(load({"-h"}).what, command::help);
  EXPECT_EQ(load({"--port", "4000", "--help"}).what, command::help);
}

TEST(Config, Conf1VersionFlagReturnsTheVersionCommand) {
  EXPECT_EQ(load({"--version"}).what, command::version);
  EXPECT_EQ(load({"-V"}).what, command::version);
}

TEST(Config, Conf1HelpIsReturnedEvenWhenTheEnvironmentIsInvalid) {
  EXPECT_EQ(load({"--help"}, {{"PORT", "not a port"}}).what, command::help);
}

TEST(Config, Conf1HelpTextListsEveryVariableFlagAndAlias) {
  const std::string help = chat::app::help_text();
  for (const char* word : {"PORT",
                           "--port",
                           "HOST",
                           "--host",
                           "DATA_DIR",
                           "--data-dir",
                           "DATABASE_URL",
                           "--database-url",
                           "REDIS_URL",
                           "--redis-url",
                           "JWT_ACCESS_SECRET",
                           "--jwt-access-secret",
                           "JWT_REFRESH_SECRET",
                           "--jwt-refresh-secret",
                           "ACCESS_TOKEN_TTL",
                           "--access-token-ttl",
                           "REFRESH_TOKEN_TTL",
                           "--refresh-token-ttl",
                           "CORS_ORIGINS",
                           "--cors-origins",
                           "PUBLIC_URL",
                           "--public-url",
                           "APP_ENV",
                           "--app-env",
                           "LOG_LEVEL",
                           "--log-level",
                           "LOG_FORMAT",
                           "--log-format",
                           "RATE_LIMITS",
                           "--rate-limits",
                           "TRUST_PROXY",
                           "--trust-proxy",
                           "UPLOAD_MAX_BYTES",
                           "--upload-max-bytes",
                           "THREADS",
                           "--threads",
                           "NODE_ENV",
                           "CORS_ORIGIN",
                           "APP_URL",
                           "REDIS_HOST",
                           "REDIS_PORT",
                           "REDIS_PASSWORD",
                           "--help",
                           "--version"}) {
    EXPECT_NE(help.find(word), std::string::npos) << word;
  }
}

TEST(Config, Conf1VersionIsADottedNumber) {
  const std::string_view v = chat::app::version();
  ASSERT_FALSE(v.empty());
  EXPECT_TRUE(v.front() >= '0' && v.front() <= '9') << v;
  EXPECT_NE(v.find('.'), std::string_view::npos) << v;
}

TEST(Config, Conf4UnknownFlagIsRefused) {
  expect_one_line_starting_with(error_of({"--nope"}), "chatd: unknown flag \"--nope\"");
  expect_one_line_starting_with(error_of({"--nope=1"}), "chatd: unknown flag \"--nope\"");
  expect_one_line_starting_with(error_of({"--port", "4000", "extra"}),
                                "chatd: unexpected argument");
  expect_one_line_starting_with(error_of({"--PORT=4000"}), "chatd: unknown flag");
}

TEST(Config, Conf4AStrayArgumentIsNeverEchoedSinceItMayHoldAPassword) {
  const auto error = error_of({"postgres://u:hunter2@db/chat"});
  EXPECT_EQ(error.find("hunter2"), std::string::npos) << error;
}

TEST(Config, Conf4ServeIsOnlyACommandInFirstPlace) {
  expect_one_line_starting_with(error_of({"--port", "4000", "serve"}),
                                "chatd: unexpected argument");
}

TEST(Config, Conf4AFlagWithoutItsValueIsRefused) {
  expect_one_line_starting_with(error_of({"--port"}), "chatd: --port needs a value");
}

TEST(Config, Conf4AnUnknownFlagWithControlCharactersStaysOneLine) {
  expect_one_line_starting_with(error_of({"--bad\nflag"}), "chatd: unknown flag");
}

// ---- CONF-4 invalid values ----

TEST(Config, Conf4InvalidPortIsRefusedNamingTheVariable) {
  for (const char* bad : {"70000", "65536", "-1", "abc", "3000x", "30 00", "+80"}) {
    const std::string message = env_error({{"PORT", bad}});
    expect_one_line_starting_with(message, "chatd: invalid PORT");
    EXPECT_NE(message.find(bad), std::string::npos) << message;
  }
}

TEST(Config, Conf4InvalidPortIsRefusedNamingTheFlagUsed) {
  expect_one_line_starting_with(error_of({"--port", "99999"}), "chatd: invalid --port");
  expect_one_line_starting_with(error_of({"--port=abc"}), "chatd: invalid --port");
  expect_one_line_starting_with(error_of({"--port="}), "chatd: invalid --port");
}

TEST(Config, Conf4AnInvalidValueWithALineBreakStaysOneLine) {
  expect_one_line_starting_with(env_error({{"PORT", "30\n00"}}), "chatd: invalid PORT");
  expect_one_line_starting_with(env_error({{"CORS_ORIGINS", "http://a.test,\nevil"}}),
                                "chatd: invalid CORS_ORIGINS");
}

TEST(Config, Conf4InvalidValuesOfEveryKindAreRefusedNamingTheVariable) {
  const struct {
    const char* name;
    const char* value;
  } cases[] = {
      {"HOST", "example.com"},
      {"HOST", "256.1.1.1"},
      {"DATABASE_URL", "not a url"},
      {"REDIS_URL", "http://cache:6379"},
      {"ACCESS_TOKEN_TTL", "0"},
      {"REFRESH_TOKEN_TTL", "forever"},
      {"CORS_ORIGINS", "localhost:5173"},
      {"PUBLIC_URL", "ftp://files.example"},
      {"APP_ENV", "staging"},
      {"LOG_LEVEL", "loud"},
      {"LOG_FORMAT", "xml"},
      {"RATE_LIMITS", "/definitely/not/a/file.json"},
      {"TRUST_PROXY", "everyone"},
      {"UPLOAD_MAX_BYTES", "lots"},
      {"THREADS", "0"},
      {"THREADS", "257"},
      {"HTTP_HEADER_TIMEOUT", "-5s"},
      {"HTTP_IDLE_TIMEOUT", "1x"},
      {"SHUTDOWN_TIMEOUT", "0"},
      {"MAX_CONNECTIONS", "0"},
  };
  for (const auto& c : cases) {
    const std::string message = env_error({{c.name, c.value}});
    expect_one_line_starting_with(message, std::string("chatd: invalid ") + c.name);
  }
}

TEST(Config, Conf4AnInvalidAliasIsRefusedNamingTheAliasUsed) {
  expect_one_line_starting_with(env_error({{"NODE_ENV", "staging"}}), "chatd: invalid NODE_ENV");
  expect_one_line_starting_with(env_error({{"CORS_ORIGIN", "nope"}}), "chatd: invalid CORS_ORIGIN");
  expect_one_line_starting_with(env_error({{"APP_URL", "nope"}}), "chatd: invalid APP_URL");
}

TEST(Config, Conf4ErrorsSayWhatWasExpected) {
  const std::string message = env_error({{"PORT", "70000"}});
  EXPECT_NE(message.find("between 0 and 65535"), std::string::npos) << message;
  EXPECT_NE(env_error({{"APP_ENV", "staging"}}).find("development"), std::string::npos);
}

// ---- secrets are never echoed ----

TEST(Config, Conf4DatabaseUrlPasswordIsNeverEchoed) {
  for (const char* bad :
       {"mysql://root:hunter2@db:3306/chat", "postgres://chat:hunter2@db:99999/chat",
        "postgres://chat:hunter2@/chat", "postgres://chat:hunter2@db:5432/chat\x01 oops"}) {
    const std::string message = env_error({{"DATABASE_URL", bad}});
    expect_one_line_starting_with(message, "chatd: invalid DATABASE_URL");
    EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
  }
  const std::string flag_message = error_of({"--database-url=mysql://root:hunter2@db/chat"});
  expect_one_line_starting_with(flag_message, "chatd: invalid --database-url");
  EXPECT_EQ(flag_message.find("hunter2"), std::string::npos) << flag_message;
}

TEST(Config, Conf4RedisPasswordsAreNeverEchoed) {
  const std::string url_message = env_error({{"REDIS_URL", "rediss://:hunter2@cache:6379"}});
  expect_one_line_starting_with(url_message, "chatd: invalid REDIS_URL");
  EXPECT_EQ(url_message.find("hunter2"), std::string::npos) << url_message;
  const std::string parts_message =
      env_error({{"REDIS_HOST", "cache"}, {"REDIS_PORT", "nope"}, {"REDIS_PASSWORD", "hunter2"}});
  expect_one_line_starting_with(parts_message, "chatd: invalid REDIS_PORT");
  EXPECT_EQ(parts_message.find("hunter2"), std::string::npos) << parts_message;
}

TEST(Config, Conf3JwtSecretsAreNeverEchoed) {
  env_map vars = production_env();
  vars["JWT_ACCESS_SECRET"] = "hunter2-short";
  const std::string short_message = env_error(vars);
  EXPECT_EQ(short_message.find("hunter2"), std::string::npos) << short_message;
  vars["JWT_ACCESS_SECRET"] = "hunter2-" + std::string(40, 'x');
  vars["JWT_REFRESH_SECRET"] = vars["JWT_ACCESS_SECRET"];
  const std::string equal_message = env_error(vars);
  EXPECT_EQ(equal_message.find("hunter2"), std::string::npos) << equal_message;
}

// ---- CONF-2 aliases ----

TEST(Config, Conf2NodeEnvIsReadForAppEnv) {
  env_map vars = production_env();
  vars.erase("APP_ENV");
  vars["NODE_ENV"] = "production";
  EXPECT_TRUE(settings(vars).production());
  EXPECT_EQ(settings({{"NODE_ENV", "test"}}).env, app_env::test);
}

TEST(Config, Conf2AppEnvWinsOverNodeEnv) {
  const config c = settings({{"APP_ENV", "development"}, {"NODE_ENV", "production"}});
  EXPECT_EQ(c.env, app_env::development);
}

TEST(Config, Conf2CorsOriginIsReadForCorsOrigins) {
  const config c = settings({{"CORS_ORIGIN", "http://old.example, https://b.example:8443/"}});
  EXPECT_EQ(c.cors_origins,
            (std::vector<std::string>{"http://old.example", "https://b.example:8443"}));
}

TEST(Config, Conf2CorsOriginsWinsOverCorsOrigin) {
  const config c =
      settings({{"CORS_ORIGINS", "https://new.example"}, {"CORS_ORIGIN", "http://old.example"}});
  EXPECT_EQ(c.cors_origins, std::vector<std::string>{"https://new.example"});
}

TEST(Config, Conf2AppUrlIsReadForPublicUrl) {
  EXPECT_EQ(settings({{"APP_URL", "https://chat.example/"}}).public_url, "https://chat.example");
}

TEST(Config, Conf2PublicUrlWinsOverAppUrl) {
  const config c = settings({{"PUBLIC_URL", "https://new.example"}, {"APP_URL", "https://old"}});
  EXPECT_EQ(c.public_url, "https://new.example");
}

TEST(Config, Conf2RedisHostPortAndPasswordBuildTheRedisUrl) {
  const config c = settings(
      {{"REDIS_HOST", "redis.local"}, {"REDIS_PORT", "6380"}, {"REDIS_PASSWORD", "s3cret"}});
  EXPECT_EQ(c.redis_url, "redis://:s3cret@redis.local:6380");
}

TEST(Config, Conf2RedisHostAloneBuildsTheRedisUrl) {
  EXPECT_EQ(settings({{"REDIS_HOST", "redis.local"}}).redis_url, "redis://redis.local");
}

TEST(Config, Conf2RedisPortAloneUsesTheLoopbackHost) {
  EXPECT_EQ(settings({{"REDIS_PORT", "6380"}}).redis_url, "redis://127.0.0.1:6380");
}

TEST(Config, Conf2AnIpv6RedisHostBecomesABracketedLiteral) {
  // ioredis accepts REDIS_HOST=::1; the URL must carry it as an IPv6 literal, not as a
  // percent-encoded host name.
  EXPECT_EQ(settings({{"REDIS_HOST", "::1"}, {"REDIS_PORT", "6380"}}).redis_url,
            "redis://[::1]:6380");
}

TEST(Config, Conf2RedisPasswordWithReservedCharactersIsEncoded) {
  const config c = settings({{"REDIS_HOST", "redis.local"}, {"REDIS_PASSWORD", "p@ss/w#rd"}});
  EXPECT_TRUE(chat::app::parse_redis_url(c.redis_url)) << c.redis_url;
  EXPECT_TRUE(c.redis_url.starts_with("redis://:")) << c.redis_url;
  EXPECT_TRUE(c.redis_url.ends_with("@redis.local")) << c.redis_url;
  EXPECT_EQ(c.redis_url.find("p@ss"), std::string::npos) << c.redis_url;
}

TEST(Config, Conf2RedisPasswordAloneSelectsNoRedis) {
  EXPECT_EQ(settings({{"REDIS_PASSWORD", "s3cret"}}).redis_url, "");
}

TEST(Config, Conf2RedisUrlWinsOverRedisHostAndPort) {
  const config c = settings(
      {{"REDIS_URL", "redis://primary:6379"}, {"REDIS_HOST", "old"}, {"REDIS_PORT", "1234"}});
  EXPECT_EQ(c.redis_url, "redis://primary:6379");
}

TEST(Config, Conf2InvalidRedisPortIsRefusedNamingIt) {
  for (const char* bad : {"0", "70000", "abc"}) {
    expect_one_line_starting_with(env_error({{"REDIS_HOST", "h"}, {"REDIS_PORT", bad}}),
                                  "chatd: invalid REDIS_PORT");
  }
}

TEST(Config, Conf2PrismaDatabaseUrlIsAcceptedWithItsSchemaKeptAside) {
  const config c = settings({{"DATABASE_URL", "postgresql://u:p@h:5432/db?schema=public"}});
  EXPECT_EQ(c.database.type, database_target::kind::postgres);
  EXPECT_EQ(c.database.schema, "public");
  EXPECT_EQ(c.database.location, "postgresql://u:p@h:5432/db");
}

// ---- parse_database_url ----

TEST(ParseDatabaseUrl, Conf2KeepsAPrismaSchemaAndOtherParameters) {
  const auto result =
      chat::app::parse_database_url("postgresql://u:p@h:5432/db?schema=chat&sslmode=require");
  ASSERT_TRUE(result) << result.error;
  EXPECT_EQ(result.value->type, database_target::kind::postgres);
  EXPECT_EQ(result.value->schema, "chat");
  EXPECT_EQ(result.value->location, "postgresql://u:p@h:5432/db?sslmode=require");
}

TEST(ParseDatabaseUrl, Conf2AnEmptySchemaMeansPublic) {
  const auto result = chat::app::parse_database_url("postgres://u:p@h/db?schema=");
  ASSERT_TRUE(result) << result.error;
  EXPECT_EQ(result.value->schema, "public");
  EXPECT_EQ(result.value->location, "postgres://u:p@h/db");
}

TEST(ParseDatabaseUrl, AcceptsPostgresUrlsAsTheyAre) {
  for (const char* url : {"postgres://u:p@h:5432/db", "postgresql://h/db",
                          "postgres://u@h/db?sslmode=disable", "POSTGRES://h/db"}) {
    const auto result = chat::app::parse_database_url(url);
    ASSERT_TRUE(result) << url << ": " << result.error;
    EXPECT_EQ(result.value->type, database_target::kind::postgres) << url;
    EXPECT_EQ(result.value->schema, "public") << url;
    EXPECT_EQ(result.value->location, url);
  }
}

TEST(ParseDatabaseUrl, AcceptsExplicitSqliteFiles) {
  const struct {
    const char* text;
    const char* path;
  } cases[] = {{"sqlite:/tmp/x.db", "/tmp/x.db"},
               {"sqlite:///tmp/x.db", "/tmp/x.db"},
               {"sqlite:chat.db", "chat.db"},
               {"file:./dev.db", "./dev.db"},
               {"SQLITE:/tmp/y.db", "/tmp/y.db"}};
  for (const auto& c : cases) {
    const auto result = chat::app::parse_database_url(c.text);
    ASSERT_TRUE(result) << c.text << ": " << result.error;
    EXPECT_EQ(result.value->type, database_target::kind::sqlite) << c.text;
    EXPECT_EQ(result.value->location, c.path) << c.text;
  }
}

TEST(ParseDatabaseUrl, RefusesOtherDatabasesAndBrokenUrls) {
  for (const char* bad :
       {"mysql://u:p@h:3306/db", "mongodb://h/db", "sqlite:", "sqlite://", "postgres:///db",
        "postgres://h:0/db", "postgres://h:65536/db", "just some text", ""}) {
    const auto result = chat::app::parse_database_url(bad);
    EXPECT_FALSE(result) << bad;
    EXPECT_FALSE(result.error.empty()) << bad;
  }
}

// ---- CONF-3 secrets ----

TEST(Config, Conf3ProductionAcceptsLongDifferentSecrets) {
  const config c = settings(production_env());
  EXPECT_TRUE(c.production());
  EXPECT_EQ(c.jwt_access_secret, k_access_secret);
  EXPECT_EQ(c.jwt_refresh_secret, k_refresh_secret);
  EXPECT_FALSE(c.jwt_secrets_generated);
  EXPECT_TRUE(c.warnings.empty());
}

TEST(Config, Conf3ProductionAcceptsSecretsOfExactly32Bytes) {
  env_map vars = production_env();
  vars["JWT_ACCESS_SECRET"] = std::string(32, 'a');
  vars["JWT_REFRESH_SECRET"] = std::string(32, 'b');
  EXPECT_NO_THROW(load({}, vars));
}

TEST(Config, Conf3ProductionRefusesAMissingAccessSecret) {
  env_map vars = production_env();
  vars.erase("JWT_ACCESS_SECRET");
  expect_one_line_starting_with(env_error(vars), "chatd: JWT_ACCESS_SECRET");
}

TEST(Config, Conf3ProductionRefusesAMissingRefreshSecret) {
  env_map vars = production_env();
  vars.erase("JWT_REFRESH_SECRET");
  expect_one_line_starting_with(env_error(vars), "chatd: JWT_REFRESH_SECRET");
}

TEST(Config, Conf3ProductionRefusesBothSecretsMissing) {
  const std::string message = env_error({{"APP_ENV", "production"}});
  expect_one_line_starting_with(message, "chatd: JWT_");
  EXPECT_NE(message.find("production"), std::string::npos) << message;
}

TEST(Config, Conf3ProductionRefusesAShortAccessSecret) {
  env_map vars = production_env();
  vars["JWT_ACCESS_SECRET"] = std::string(31, 'a');
  const std::string message = env_error(vars);
  expect_one_line_starting_with(message, "chatd: JWT_ACCESS_SECRET");
  EXPECT_NE(message.find("32"), std::string::npos) << message;
}

TEST(Config, Conf3ProductionRefusesAShortRefreshSecret) {
  env_map vars = production_env();
  vars["JWT_REFRESH_SECRET"] = "short";
  expect_one_line_starting_with(env_error(vars), "chatd: JWT_REFRESH_SECRET");
}

TEST(Config, Conf3ProductionRefusesEqualSecrets) {
  env_map vars = production_env();
  vars["JWT_REFRESH_SECRET"] = vars["JWT_ACCESS_SECRET"];
  const std::string message = env_error(vars);
  expect_one_line_starting_with(message, "chatd: JWT_ACCESS_SECRET");
  EXPECT_NE(message.find("JWT_REFRESH_SECRET"), std::string::npos) << message;
  EXPECT_NE(message.find("different"), std::string::npos) << message;
}

TEST(Config, Conf3ProductionChecksSecretsGivenAsFlags) {
  const std::string message = error_of({"--app-env", "production", "--jwt-access-secret", "short",
                                        "--jwt-refresh-secret", k_refresh_secret});
  expect_one_line_starting_with(message, "chatd: JWT_ACCESS_SECRET");
}

TEST(Config, Conf3DevelopmentGeneratesTwoDifferentSecretsWithAWarning) {
  const config c = settings({});
  EXPECT_TRUE(c.jwt_secrets_generated);
  EXPECT_EQ(c.jwt_access_secret.size(), 64U);
  EXPECT_EQ(c.jwt_refresh_secret.size(), 64U);
  EXPECT_TRUE(is_lower_hex(c.jwt_access_secret)) << c.jwt_access_secret;
  EXPECT_TRUE(is_lower_hex(c.jwt_refresh_secret)) << c.jwt_refresh_secret;
  EXPECT_NE(c.jwt_access_secret, c.jwt_refresh_secret);
  ASSERT_EQ(c.warnings.size(), 1U);
  EXPECT_NE(c.warnings[0].find("JWT"), std::string::npos) << c.warnings[0];
}

TEST(Config, Conf3DevelopmentGeneratesNewSecretsOnEachStart) {
  const config first = settings({});
  const config second = settings({});
  EXPECT_NE(first.jwt_access_secret, second.jwt_access_secret);
  EXPECT_NE(first.jwt_refresh_secret, second.jwt_refresh_secret);
}

TEST(Config, Conf3DevelopmentGeneratesOnlyTheMissingSecret) {
  const config c = settings({{"JWT_ACCESS_SECRET", "dev-access"}});
  EXPECT_EQ(c.jwt_access_secret, "dev-access");
  EXPECT_EQ(c.jwt_refresh_secret.size(), 64U);
  EXPECT_TRUE(c.jwt_secrets_generated);
  EXPECT_EQ(c.warnings.size(), 1U);
}

TEST(Config, Conf3DevelopmentKeepsGivenSecretsWithoutAWarning) {
  const config c = settings({{"JWT_ACCESS_SECRET", "a"}, {"JWT_REFRESH_SECRET", "b"}});
  EXPECT_EQ(c.jwt_access_secret, "a");
  EXPECT_EQ(c.jwt_refresh_secret, "b");
  EXPECT_FALSE(c.jwt_secrets_generated);
  EXPECT_TRUE(c.warnings.empty());
}

// ---- parse_integer / parse_choice ----

TEST(ParseInteger, AcceptsDecimalDigitsWithinTheRange) {
  EXPECT_EQ(*chat::app::parse_integer("42", 0, 100).value, 42);
  EXPECT_EQ(*chat::app::parse_integer(" 7 ", 0, 100).value, 7);
  EXPECT_EQ(*chat::app::parse_integer("-5", -10, 10).value, -5);
  EXPECT_EQ(*chat::app::parse_integer("100", 0, 100).value, 100);
}

TEST(ParseInteger, RefusesJunkAndValuesOutOfRange) {
  for (const char* bad : {"", " ", "abc", "4 2", "1e3", "0x10", "12abc", "101", "-1"}) {
    const auto result = chat::app::parse_integer(bad, 0, 100);
    EXPECT_FALSE(result) << bad;
    EXPECT_EQ(result.error, "expected an integer between 0 and 100") << bad;
  }
}

TEST(ParseChoice, MatchesCaseInsensitivelyAndListsTheChoicesOnFailure) {
  const std::vector<std::string> choices{"json", "pretty"};
  EXPECT_EQ(*chat::app::parse_choice("PRETTY", choices).value, "pretty");
  const auto result = chat::app::parse_choice("xml", choices);
  EXPECT_FALSE(result);
  EXPECT_EQ(result.error, "expected one of json, pretty");
}

// ---- parse_duration ----

TEST(ParseDuration, AcceptsMilliseconds) {
  EXPECT_EQ(*chat::app::parse_duration("250ms").value, 250ms);
}

TEST(ParseDuration, AcceptsSeconds) {
  EXPECT_EQ(*chat::app::parse_duration("30s").value, 30s);
}

TEST(ParseDuration, AcceptsMinutesHoursAndDays) {
  EXPECT_EQ(*chat::app::parse_duration("15m").value, 15min);
  EXPECT_EQ(*chat::app::parse_duration("3h").value, 3h);
  EXPECT_EQ(*chat::app::parse_duration("7d").value, std::chrono::hours(24 * 7));
}

TEST(ParseDuration, ReadsABareNumberAsSeconds) {
  EXPECT_EQ(*chat::app::parse_duration("900").value, 900s);
}

TEST(ParseDuration, IgnoresCaseAndSurroundingBlanks) {
  EXPECT_EQ(*chat::app::parse_duration("15M").value, 15min);
  EXPECT_EQ(*chat::app::parse_duration(" 3h ").value, 3h);
  EXPECT_EQ(*chat::app::parse_duration("250MS").value, 250ms);
}

TEST(ParseDuration, AcceptsUpToTenYears) {
  EXPECT_TRUE(chat::app::parse_duration("3650d"));
  EXPECT_FALSE(chat::app::parse_duration("3651d"));
}

TEST(ParseDuration, RefusesZeroNegativeUnknownUnitsAndEmptyText) {
  for (const char* bad : {"0", "0ms", "0d", "-1", "-5m", "1x", "", " ", "ms", "1.5h", "15 minutes",
                          "99999999999999999999", "1w"}) {
    const auto result = chat::app::parse_duration(bad);
    EXPECT_FALSE(result) << bad;
    EXPECT_FALSE(result.error.empty()) << bad;
  }
}

// ---- parse_size ----

TEST(ParseSize, AcceptsPlainBytes) {
  EXPECT_EQ(*chat::app::parse_size("1048576").value, 1048576U);
  EXPECT_EQ(*chat::app::parse_size("100B").value, 100U);
}

TEST(ParseSize, AcceptsBinaryMultiples) {
  EXPECT_EQ(*chat::app::parse_size("512KB").value, 512U * 1024);
  EXPECT_EQ(*chat::app::parse_size("10MB").value, 10U * 1024 * 1024);
  EXPECT_EQ(*chat::app::parse_size("1GiB").value, 1024U * 1024 * 1024);
  EXPECT_EQ(*chat::app::parse_size("2G").value, 2ULL * 1024 * 1024 * 1024);
  EXPECT_EQ(*chat::app::parse_size("64k").value, 64U * 1024);
  EXPECT_EQ(*chat::app::parse_size("10mb").value, 10U * 1024 * 1024);
  EXPECT_EQ(*chat::app::parse_size("3MiB").value, 3U * 1024 * 1024);
}

TEST(ParseSize, RefusesZeroAndJunk) {
  for (const char* bad : {"0", "0MB", "", "junk", "10XB", "-1", "1.5MB", "MB", "2TB"}) {
    const auto result = chat::app::parse_size(bad);
    EXPECT_FALSE(result) << bad;
    EXPECT_FALSE(result.error.empty()) << bad;
  }
}

TEST(ParseSize, AcceptsUpToOneTebibyte) {
  EXPECT_EQ(*chat::app::parse_size("1024GB").value, 1ULL << 40);
  EXPECT_FALSE(chat::app::parse_size("1025GB"));
}

// ---- parse_origins ----

TEST(ParseOrigins, AcceptsOneOrigin) {
  EXPECT_EQ(*chat::app::parse_origins("http://localhost:5173").value,
            std::vector<std::string>{"http://localhost:5173"});
}

TEST(ParseOrigins, AcceptsACommaSeparatedListAndDropsTrailingSlashes) {
  EXPECT_EQ(*chat::app::parse_origins(" http://a.test , https://b.test:8443/,").value,
            (std::vector<std::string>{"http://a.test", "https://b.test:8443"}));
}

TEST(ParseOrigins, AcceptsAWildcard) {
  EXPECT_EQ(*chat::app::parse_origins("*").value, std::vector<std::string>{"*"});
}

TEST(ParseOrigins, RefusesOriginsThatAreNotHttpSchemeHostAndPort) {
  for (const char* bad :
       {"localhost:5173", "a.test", "ftp://a.test", "http://a.test/path", "http://a.test?x=1",
        "http://user:pw@a.test", "http://", "", ",", "http://a.test, junk"}) {
    const auto result = chat::app::parse_origins(bad);
    EXPECT_FALSE(result) << bad;
    EXPECT_FALSE(result.error.empty()) << bad;
  }
}

TEST(ParseOrigins, NamesTheOffendingOriginInTheError) {
  const auto result = chat::app::parse_origins("http://ok.test,ftp://bad.test");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error.find("ftp://bad.test"), std::string::npos) << result.error;
}

// ---- parse_trusted_proxies ----

TEST(ParseTrustedProxies, OffMeansNoProxies) {
  for (const char* off : {"off", "OFF", "false", "none", "", "  "}) {
    const auto result = chat::app::parse_trusted_proxies(off);
    ASSERT_TRUE(result) << off;
    EXPECT_TRUE(result.value->empty()) << off;
  }
}

TEST(ParseTrustedProxies, AcceptsLoopbackAddressesAndNetworks) {
  EXPECT_EQ(*chat::app::parse_trusted_proxies("loopback").value,
            std::vector<std::string>{"loopback"});
  EXPECT_EQ(*chat::app::parse_trusted_proxies("10.0.0.0/8").value,
            std::vector<std::string>{"10.0.0.0/8"});
  EXPECT_EQ(*chat::app::parse_trusted_proxies("::1").value, std::vector<std::string>{"::1"});
  EXPECT_EQ(
      *chat::app::parse_trusted_proxies("Loopback, 10.0.0.0/8, ::1, 192.168.1.10, fd00::/8").value,
      (std::vector<std::string>{"loopback", "10.0.0.0/8", "::1", "192.168.1.10", "fd00::/8"}));
}

TEST(ParseTrustedProxies, RefusesJunk) {
  for (const char* bad : {"junk", "10.0.0.0/33", "10.0.0/8", "300.1.1.1", "loopback, junk",
                          "::1/129", "proxy.example"}) {
    const auto result = chat::app::parse_trusted_proxies(bad);
    EXPECT_FALSE(result) << bad;
    EXPECT_FALSE(result.error.empty()) << bad;
  }
}

// ---- parse_listen_host ----

TEST(ParseListenHost, LocalhostMeansIpv4Loopback) {
  EXPECT_EQ(*chat::app::parse_listen_host("localhost").value, "127.0.0.1");
}

TEST(ParseListenHost, AcceptsIpv4AndIpv6Addresses) {
  EXPECT_EQ(*chat::app::parse_listen_host("0.0.0.0").value, "0.0.0.0");
  EXPECT_EQ(*chat::app::parse_listen_host("127.0.0.1").value, "127.0.0.1");
  EXPECT_EQ(*chat::app::parse_listen_host("::").value, "::");
  EXPECT_EQ(*chat::app::parse_listen_host("::1").value, "::1");
  EXPECT_EQ(*chat::app::parse_listen_host(" 10.1.2.3 ").value, "10.1.2.3");
}

TEST(ParseListenHost, RefusesHostNamesAndJunk) {
  for (const char* bad : {"example.com", "", "256.0.0.1", "1.2.3", "[::1]", "0.0.0.0:3000"}) {
    EXPECT_FALSE(chat::app::parse_listen_host(bad)) << bad;
  }
}

// ---- parse_redis_url / redis_url_from_parts / parse_public_url ----

TEST(ParseRedisUrl, AcceptsRedisUrls) {
  for (const char* url : {"redis://localhost", "redis://localhost:6379", "redis://h:6379/0",
                          "redis://:pw@h:6379/15", "redis://user:pw@h"}) {
    const auto result = chat::app::parse_redis_url(url);
    ASSERT_TRUE(result) << url << ": " << result.error;
    EXPECT_EQ(*result.value, url);
  }
}

TEST(ParseRedisUrl, RefusesTlsOtherSchemesBadPortsAndBadDatabases) {
  const auto tls = chat::app::parse_redis_url("rediss://h:6380");
  ASSERT_FALSE(tls);
  EXPECT_NE(tls.error.find("TLS"), std::string::npos) << tls.error;
  for (const char* bad : {"http://h", "redis://", "redis://h:0", "redis://h:70000", "redis://h/x",
                          "localhost:6379", ""}) {
    EXPECT_FALSE(chat::app::parse_redis_url(bad)) << bad;
  }
}

TEST(RedisUrlFromParts, DefaultsTheHostToLoopback) {
  EXPECT_EQ(*chat::app::redis_url_from_parts("", "6379", "").value, "redis://127.0.0.1:6379");
}

TEST(RedisUrlFromParts, RefusesABadPort) {
  EXPECT_FALSE(chat::app::redis_url_from_parts("h", "port", ""));
  EXPECT_FALSE(chat::app::redis_url_from_parts("h", "65536", ""));
}

TEST(ParsePublicUrl, AcceptsHttpAndHttpsAndDropsTheTrailingSlash) {
  EXPECT_EQ(*chat::app::parse_public_url("https://chat.example/").value, "https://chat.example");
  EXPECT_EQ(*chat::app::parse_public_url("http://localhost:3000").value, "http://localhost:3000");
  EXPECT_EQ(*chat::app::parse_public_url("https://x.example/app/").value, "https://x.example/app");
}

TEST(ParsePublicUrl, RefusesOtherSchemesRelativeUrlsQueriesAndFragments) {
  for (const char* bad : {"ftp://x.example", "/relative", "x.example", "https://x.example/?q=1",
                          "https://x.example/#top", "https://", ""}) {
    EXPECT_FALSE(chat::app::parse_public_url(bad)) << bad;
  }
}

// ---- printable ----

TEST(Printable, EscapesControlCharactersAndCutsLongValues) {
  EXPECT_EQ(chat::app::printable("a\nb\"c"), "a\\nb\\\"c");
  EXPECT_EQ(chat::app::printable(std::string(100, 'x'), 10), std::string(10, 'x') + "...");
  EXPECT_EQ(chat::app::printable("short", 10), "short");
  // Never cuts inside a UTF-8 sequence.
  EXPECT_EQ(chat::app::printable("\xC3\xA9\xC3\xA9", 3), "\xC3\xA9...");
}

}  // namespace

namespace {

TEST(Config, Ops2MigrateIsASubcommandThatTakesTheSameOptions) {
  const invocation result = load({"migrate", "--data-dir", "/tmp/x"});
  EXPECT_EQ(result.what, command::migrate);
  EXPECT_EQ(result.settings.data_dir, "/tmp/x");
  EXPECT_NE(chat::app::help_text().find("chatd migrate"), std::string::npos);
}

TEST(Config, Ops2MigrateOnlyAsTheFirstArgument) {
  EXPECT_THROW(load({"--data-dir", "/tmp/x", "migrate"}), config_error);
}

}  // namespace
