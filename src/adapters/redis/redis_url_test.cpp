#include "adapters/redis/redis_url.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using chat::adapters::redis::describe;
using chat::adapters::redis::parse_redis_url;
using chat::adapters::redis::redis_url;

redis_url parsed(const std::string& text) {
  auto result = parse_redis_url(text);
  EXPECT_TRUE(result) << text << ": " << result.error;
  return result.url.value_or(redis_url{});
}

std::string error_of(const std::string& text) {
  auto result = parse_redis_url(text);
  EXPECT_FALSE(result) << text;
  return result.error;
}

TEST(RedisUrl, AHostAloneGetsTheDefaultPortDatabaseAndNoCredentials) {
  const auto url = parsed("redis://cache");
  EXPECT_EQ(url.host, "cache");
  EXPECT_EQ(url.port, 6379);
  EXPECT_EQ(url.db, 0);
  EXPECT_EQ(url.username, "");
  EXPECT_EQ(url.password, "");
}

TEST(RedisUrl, PortAndDatabaseAreRead) {
  const auto url = parsed("redis://127.0.0.1:6380/3");
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.port, 6380);
  EXPECT_EQ(url.db, 3);
}

TEST(RedisUrl, ATrailingSlashMeansDatabaseZero) {
  EXPECT_EQ(parsed("redis://cache:6379/").db, 0);
}

TEST(RedisUrl, AnEmptyUserWithAPasswordIsThePasswordOnly) {
  const auto url = parsed("redis://:s3cret@cache:6379/2");
  EXPECT_EQ(url.username, "");
  EXPECT_EQ(url.password, "s3cret");
  EXPECT_EQ(url.db, 2);
}

TEST(RedisUrl, UserAndPasswordAreBothKept) {
  const auto url = parsed("redis://alice:s3cret@cache");
  EXPECT_EQ(url.username, "alice");
  EXPECT_EQ(url.password, "s3cret");
}

TEST(RedisUrl, AUserPartWithoutAColonIsThePasswordAsInRedisCli) {
  const auto url = parsed("redis://s3cret@cache");
  EXPECT_EQ(url.username, "");
  EXPECT_EQ(url.password, "s3cret");
}

TEST(RedisUrl, CredentialsArePercentDecoded) {
  const auto url = parsed("redis://al%40ice:p%3Aw%2Fd%40x@cache");
  EXPECT_EQ(url.username, "al@ice");
  EXPECT_EQ(url.password, "p:w/d@x");
}

TEST(RedisUrl, AnIpv6HostLosesItsBrackets) {
  const auto url = parsed("redis://[::1]:7000/1");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.port, 7000);
  EXPECT_EQ(describe(url), "[::1]:7000/1");
}

TEST(RedisUrl, TheSchemeIsCaseInsensitiveAndBlanksAroundAreIgnored) {
  const auto url = parsed("  REDIS://cache:1234\t");
  EXPECT_EQ(url.host, "cache");
  EXPECT_EQ(url.port, 1234);
}

TEST(RedisUrl, TheUrlsTheOldBackendsPartsBuildAreAccepted) {
  // app::redis_url_from_parts (CONF-2) writes these.
  EXPECT_EQ(parsed("redis://:s3cret@redis.local:6380").password, "s3cret");
  EXPECT_EQ(parsed("redis://127.0.0.1").host, "127.0.0.1");
}

TEST(RedisUrl, OtherSchemesAreRefused) {
  EXPECT_NE(error_of("http://cache:6379").find("expected redis://"), std::string::npos);
  EXPECT_NE(error_of("cache:6379").find("expected redis://"), std::string::npos);
}

TEST(RedisUrl, TlsIsRefusedWithItsOwnReason) {
  EXPECT_NE(error_of("rediss://cache:6379").find("TLS"), std::string::npos);
}

TEST(RedisUrl, AMissingHostIsRefused) {
  EXPECT_NE(error_of("redis://:6379").find("host is missing"), std::string::npos);
  EXPECT_NE(error_of("redis:///0").find("host is missing"), std::string::npos);
}

TEST(RedisUrl, PortsOutsideOneTo65535AreRefused) {
  EXPECT_NE(error_of("redis://cache:0").find("port"), std::string::npos);
  EXPECT_NE(error_of("redis://cache:65536").find("port"), std::string::npos);
  EXPECT_NE(error_of("redis://cache:").find("port"), std::string::npos);
  EXPECT_FALSE(parse_redis_url("redis://cache:http"));
}

TEST(RedisUrl, ADatabaseThatIsNotANumberIsRefused) {
  EXPECT_NE(error_of("redis://cache/x").find("database"), std::string::npos);
  EXPECT_NE(error_of("redis://cache/-1").find("database"), std::string::npos);
  EXPECT_NE(error_of("redis://cache/1/2").find("database"), std::string::npos);
}

TEST(RedisUrl, ErrorsNeverContainThePassword) {
  for (const char* text : {"rediss://:hunter2@cache", "redis://:hunter2@cache:0",
                           "redis://:hunter2@cache/x", "redis://:hunter2@:6379"}) {
    const auto error = error_of(text);
    EXPECT_FALSE(error.empty()) << text;
    EXPECT_EQ(error.find("hunter2"), std::string::npos) << error;
  }
}

TEST(RedisUrl, DescribeShowsNeitherUserNorPassword) {
  const auto url = parsed("redis://alice:hunter2@cache:6380/4");
  EXPECT_EQ(describe(url), "cache:6380/4");
}

}  // namespace
