// Cookie header parsing and Set-Cookie serialisation (SPEC AUTH-3, AUTH-5, AUTH-6).

#include "net/cookies.hpp"

#include <gtest/gtest.h>

namespace chat::net {
namespace {

using pairs = std::vector<std::pair<std::string_view, std::string_view>>;

TEST(ParseCookieHeader, ReadsPairsInOrderTrimmingSpacesAndTabs) {
  EXPECT_EQ(parse_cookie_header("access_token=abc; refresh_token=def"),
            (pairs{{"access_token", "abc"}, {"refresh_token", "def"}}));
  EXPECT_EQ(parse_cookie_header(" \ta = 1 ;\tb=2\t;c=3  "),
            (pairs{{"a", "1"}, {"b", "2"}, {"c", "3"}}));
  EXPECT_EQ(parse_cookie_header("a=1;b=2"), (pairs{{"a", "1"}, {"b", "2"}}));
}

TEST(ParseCookieHeader, StripsOnePairOfDoubleQuotesFromAValue) {
  EXPECT_EQ(parse_cookie_header(R"(a="quoted"; b=""; c="x; d=""y"")"),
            (pairs{{"a", "quoted"}, {"b", ""}, {"c", "\"x"}, {"d", "\"y\""}}));
  EXPECT_EQ(parse_cookie_header(R"(a=")"), (pairs{{"a", "\""}}));
}

TEST(ParseCookieHeader, KeepsDuplicatesInOrder) {
  EXPECT_EQ(parse_cookie_header("a=1; a=2; b=3; a=4"),
            (pairs{{"a", "1"}, {"a", "2"}, {"b", "3"}, {"a", "4"}}));
}

TEST(ParseCookieHeader, KeepsEmptyValuesAndEqualsSignsInsideValues) {
  EXPECT_EQ(parse_cookie_header("a=; b=x=y==; c"), (pairs{{"a", ""}, {"b", "x=y=="}}));
}

TEST(ParseCookieHeader, AnEmptyOrBlankHeaderHasNoCookies) {
  EXPECT_TRUE(parse_cookie_header("").empty());
  EXPECT_TRUE(parse_cookie_header("   ").empty());
  EXPECT_TRUE(parse_cookie_header(";;; ;").empty());
}

TEST(ParseCookieHeader, SkipsPairsWithoutEqualsOrWithoutANameAndKeepsTheRest) {
  EXPECT_EQ(parse_cookie_header("garbage; =novalue; ok=1; ;; more garbage ;x=2"),
            (pairs{{"ok", "1"}, {"x", "2"}}));
}

TEST(ParseCookieHeader, NeverThrowsOnBinaryGarbage) {
  std::string garbage;
  for (int i = 0; i < 512; ++i)
    garbage += static_cast<char>((i * 37) & 0xff);
  EXPECT_NO_THROW((void)parse_cookie_header(garbage));
  EXPECT_NO_THROW((void)find_cookie(garbage, "a"));
  const std::string with_nul("a=1\0b; c=2", 10);
  const auto cookies = parse_cookie_header(with_nul);
  ASSERT_EQ(cookies.size(), 2U);
  EXPECT_EQ(cookies[0].second, std::string_view("1\0b", 3));
  EXPECT_EQ(cookies[1], (std::pair<std::string_view, std::string_view>{"c", "2"}));
}

TEST(FindCookie, ReturnsTheFirstMatchAsAViewIntoTheHeader) {
  const std::string header = "theme=dark; access_token=first; access_token=second";
  const auto value = find_cookie(header, "access_token");
  ASSERT_TRUE(value.has_value());
  EXPECT_EQ(*value, "first");
  EXPECT_GE(value->data(), header.data());
  EXPECT_LT(value->data(), header.data() + header.size());
}

TEST(FindCookie, MatchesNamesExactlyAndCaseSensitively) {
  EXPECT_FALSE(find_cookie("Access_Token=x; access_tokenx=y; xaccess_token=z", "access_token"));
  EXPECT_EQ(find_cookie("Access_Token=x; access_token=y", "access_token"), "y");
}

TEST(FindCookie, ReadsQuotedAndEmptyValuesAndIsAbsentFromAnEmptyHeader) {
  EXPECT_EQ(find_cookie(R"(a="b c")", "a"), "b c");
  EXPECT_EQ(find_cookie("a=", "a"), "");
  EXPECT_FALSE(find_cookie("", "a"));
  EXPECT_FALSE(find_cookie("a", "a"));
}

TEST(SetCookie, Auth3WritesTheSessionCookieWithItsDefaults) {
  set_cookie cookie{.name = "access_token", .value = "abc"};
  cookie.max_age_seconds = 900;
  EXPECT_EQ(to_header_value(cookie),
            "access_token=abc; Path=/; Max-Age=900; HttpOnly; SameSite=Strict");
}

TEST(SetCookie, Auth3AddsSecureInProduction) {
  set_cookie cookie{.name = "refresh_token", .value = "r.t-1_x"};
  cookie.secure = true;
  cookie.max_age_seconds = 604800;
  EXPECT_EQ(to_header_value(cookie),
            "refresh_token=r.t-1_x; Path=/; Max-Age=604800; HttpOnly; Secure; SameSite=Strict");
}

TEST(SetCookie, WritesEveryFlagOnlyWhenAsked) {
  set_cookie cookie{.name = "a", .value = "1"};
  cookie.http_only = false;
  cookie.same_site.clear();
  EXPECT_EQ(to_header_value(cookie), "a=1; Path=/");
  cookie.path = "/graphql";
  cookie.same_site = "Lax";
  EXPECT_EQ(to_header_value(cookie), "a=1; Path=/graphql; SameSite=Lax");
  cookie.same_site = "None";
  cookie.secure = true;
  cookie.http_only = true;
  cookie.max_age_seconds = 0;
  EXPECT_EQ(to_header_value(cookie),
            "a=1; Path=/graphql; Max-Age=0; HttpOnly; Secure; SameSite=None");
}

TEST(SetCookie, WritesAnEmptyValueAndAnyMaxAge) {
  set_cookie cookie{.name = "a", .value = ""};
  cookie.max_age_seconds = INT64_MAX;
  EXPECT_EQ(to_header_value(cookie),
            "a=; Path=/; Max-Age=9223372036854775807; HttpOnly; SameSite=Strict");
  cookie.max_age_seconds = -1;
  EXPECT_EQ(to_header_value(cookie), "a=; Path=/; Max-Age=-1; HttpOnly; SameSite=Strict");
}

TEST(SetCookie, Auth5ClearingWritesAnEmptyValueExpiredNow) {
  set_cookie cookie{.name = "access_token", .value = "still-here"};
  cookie.max_age_seconds = 900;
  cookie.expire_now = true;
  EXPECT_EQ(to_header_value(cookie),
            "access_token=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; "
            "SameSite=Strict");
  cookie.secure = true;
  cookie.value = "bad;value";  // ignored when clearing
  EXPECT_EQ(to_header_value(cookie),
            "access_token=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; "
            "Secure; SameSite=Strict");
}

TEST(SetCookie, RefusesNamesThatAreNotTokens) {
  for (const std::string& name :
       std::vector<std::string>{"", "a b", "a;b", "a=b", "a,b", "a\"b", "a\r\nSet-Cookie: x",
                                "a\tb", "a(b)", "a/b", "a@b", "a:b", "a[b]", "a?b", "a{b}", "a\\b",
                                std::string("a\0b", 3), "caf\xc3\xa9", "a\x7f"}) {
    EXPECT_FALSE(to_header_value({.name = name, .value = "1"})) << name;
  }
  EXPECT_TRUE(to_header_value({.name = "__Host-a!#$%&'*+-.^_`|~9", .value = "1"}));
}

TEST(SetCookie, RefusesValuesThatCouldInjectAttributesOrHeaders) {
  for (const std::string& value : std::vector<std::string>{
           "a; Domain=evil.com", "a\r\nSet-Cookie: admin=1", "a\nb", "a b", "a,b", "\"a\"", "a\\b",
           "a\tb", std::string("a\0b", 3), "caf\xc3\xa9", "a\x7f", "a;"}) {
    EXPECT_FALSE(to_header_value({.name = "a", .value = value})) << value;
  }
  EXPECT_TRUE(to_header_value(
      {.name = "a", .value = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.sig-_+/=!#$%&'()*:<>?@[]^`{|}~"}));
}

TEST(SetCookie, RefusesPathsAndSameSiteValuesThatCouldInjectAttributes) {
  for (const std::string path : {"", "relative", "/a; Domain=evil.com", "/a\r\nX: y", "/\x01"}) {
    set_cookie cookie{.name = "a", .value = "1"};
    cookie.path = path;
    EXPECT_FALSE(to_header_value(cookie)) << path;
  }
  for (const std::string same_site : {"strict", "Strict; Domain=evil.com", "Strict\r\n", "Any"}) {
    set_cookie cookie{.name = "a", .value = "1"};
    cookie.same_site = same_site;
    EXPECT_FALSE(to_header_value(cookie)) << same_site;
  }
}

TEST(SetCookie, RefusesSameSiteNoneWithoutSecure) {
  set_cookie cookie{.name = "a", .value = "1"};
  cookie.same_site = "None";
  EXPECT_FALSE(to_header_value(cookie));
  cookie.secure = true;
  EXPECT_TRUE(to_header_value(cookie));
}

TEST(SetCookie, AWrittenCookieReadsBackThroughTheCookieHeader) {
  const auto header = to_header_value({.name = "access_token", .value = "a.b.c"});
  ASSERT_TRUE(header);
  const auto pair = header->substr(0, header->find(';'));
  EXPECT_EQ(find_cookie(pair, "access_token"), "a.b.c");
}

}  // namespace
}  // namespace chat::net
