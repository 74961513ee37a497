// The rate limits (SPEC RL-1, CONF-1 RATE_LIMITS): RL-1's defaults, and the limits file
// parser with its errors.
#include "ports/rate_limits.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace chat::ports {
namespace {

using namespace std::chrono_literals;

limits_table parsed(std::string_view text) {
  auto result = parse_limits(text);
  if (result.index() == 1) {
    ADD_FAILURE() << "parse_limits failed: " << std::get<1>(result);
    return limits_table::defaults();
  }
  return std::get<0>(std::move(result));
}

std::string error_of(std::string_view text) {
  auto result = parse_limits(text);
  if (result.index() == 0) return "(no error)";
  return std::get<1>(result);
}

// The limit of `field`, or {0, 0} when it has none.
limit limit_of(const limits_table& table, std::string_view field) {
  const limit* l = table.for_field(field);
  return l != nullptr ? *l : limit{0, 0ms};
}

// The root fields of the `Query`, `Mutation` and `Subscription` types of the schema.
std::vector<std::string> schema_root_fields() {
  std::ifstream in(CHAT_SCHEMA_FILE);
  EXPECT_TRUE(in) << "cannot read " << CHAT_SCHEMA_FILE;
  std::vector<std::string> fields;
  bool in_root = false;
  bool in_description = false;
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t");
    const std::string text = first == std::string::npos ? "" : line.substr(first);
    if (!in_root) {
      in_root = text.starts_with("type Query") || text.starts_with("type Mutation") ||
                text.starts_with("type Subscription");
      continue;
    }
    if (text.starts_with("}")) {
      in_root = false;
      continue;
    }
    if (text.starts_with("\"\"\"")) {
      // A one-line description opens and closes on its line; a longer one spans lines.
      if (text.size() < 6 || !text.ends_with("\"\"\"")) in_description = !in_description;
      continue;
    }
    if (in_description || text.empty() || text.starts_with("#")) continue;
    const auto end = text.find_first_of("(: ");
    fields.push_back(text.substr(0, end));
  }
  return fields;
}

TEST(RateLimits, DefaultsAreThoseOfRl1) {
  const auto table = limits_table::defaults();
  ASSERT_NE(table.overall(), nullptr);
  EXPECT_EQ(*table.overall(), (limit{100, 60s}));
  for (const auto* field : {"register", "login"})
    EXPECT_EQ(limit_of(table, field), (limit{1, 3s})) << field;
  for (const auto* field : {"sendMessage", "createChatroom", "deleteChatroom"})
    EXPECT_EQ(limit_of(table, field), (limit{2, 3s})) << field;
  EXPECT_EQ(limit_of(table, "addUsersToChatroom"), (limit{3, 5s}));
  EXPECT_EQ(limit_of(table, "getChatroomsForSearch"), (limit{5, 5s}));
  for (const auto* field : {"getChatroomById", "getChatroomsForUser", "getMessagesForChatroom",
                            "findUserById", "findAllUsers", "searchUsers", "getUsersOfChatroom"}) {
    EXPECT_EQ(limit_of(table, field), (limit{10, 5s})) << field;
  }
}

TEST(RateLimits, SubscriptionsTypingPresenceLogoutAndRefreshAreExempt) {
  const auto table = limits_table::defaults();
  for (const auto* field :
       {"newMessage", "userStartedTyping", "userStoppedTyping", "liveUsersInChatroom",
        "userStartedTypingMutation", "userStoppedTypingMutation", "enterChatroom", "leaveChatroom",
        "logout", "refreshToken"}) {
    EXPECT_TRUE(table.is_exempt(field)) << field;
    EXPECT_EQ(table.for_field(field), nullptr) << field;
  }
}

TEST(RateLimits, TheAdditionsOfRoom5AndTheProfileHaveWriteLimits) {
  const auto table = limits_table::defaults();
  EXPECT_EQ(limit_of(table, "updateChatroom"), (limit{2, 3s}));
  EXPECT_EQ(limit_of(table, "updateUserProfile"), (limit{2, 3s}));
  EXPECT_EQ(limit_of(table, "removeUsersFromChatroom"), (limit{3, 5s}));
}

TEST(RateLimits, FieldsTheTableDoesNotNameCountTowardTheOverallLimitOnly) {
  const auto table = limits_table::defaults();
  for (const auto* field : {"hello", "__schema", "__type", "__typename"}) {
    EXPECT_EQ(table.for_field(field), nullptr) << field;
    EXPECT_FALSE(table.is_exempt(field)) << field;
  }
  EXPECT_EQ(table.rule("__schema"), nullptr);
}

TEST(RateLimits, EveryRootFieldOfTheSchemaHasARule) {
  const auto table = limits_table::defaults();
  const auto fields = schema_root_fields();
  EXPECT_GE(fields.size(), 20U);
  for (const auto& field : fields)
    EXPECT_NE(table.rule(field), nullptr) << field << " has no default rate limit rule";
}

TEST(RateLimits, NoneLimitsNothing) {
  const auto table = limits_table::none();
  EXPECT_EQ(table.overall(), nullptr);
  const auto defaults = limits_table::defaults();
  for (const auto& r : defaults.rules()) {
    EXPECT_EQ(table.for_field(r.field), nullptr) << r.field;
    EXPECT_TRUE(table.is_exempt(r.field)) << r.field;
  }
}

TEST(RateLimitsFile, AnEmptyFileKeepsTheDefaults) {
  EXPECT_EQ(parsed(""), limits_table::defaults());
  EXPECT_EQ(parsed("\n\n  \t\n"), limits_table::defaults());
  EXPECT_EQ(parsed("# nothing to change\n"), limits_table::defaults());
}

TEST(RateLimitsFile, ALineChangesOnlyTheFieldItNames) {
  const auto table = parsed("sendMessage 5/2s\n");
  EXPECT_EQ(limit_of(table, "sendMessage"), (limit{5, 2s}));
  auto expected = limits_table::defaults();
  expected.set(field_rule{"sendMessage", field_policy::limited, limit{5, 2s}});
  EXPECT_EQ(table, expected);
}

TEST(RateLimitsFile, CommentsBlankLinesSpacesAndCrlfAreIgnored) {
  const auto table = parsed(
      "# Futbol Chat rate limits\r\n"
      "\r\n"
      "  overall\t200/60s   # more for the demo\r\n"
      "\tlogin   2/3s\r\n"
      "findAllUsers 20/1m");
  EXPECT_EQ(*table.overall(), (limit{200, 60s}));
  EXPECT_EQ(limit_of(table, "login"), (limit{2, 3s}));
  EXPECT_EQ(limit_of(table, "findAllUsers"), (limit{20, 1min}));
}

TEST(RateLimitsFile, WindowsTakeMillisecondsSecondsMinutesAndHours) {
  const auto table = parsed(
      "login 1/500ms\n"
      "register 1/3s\n"
      "sendMessage 30/1m\n"
      "overall 1000/24h\n");
  EXPECT_EQ(limit_of(table, "login"), (limit{1, 500ms}));
  EXPECT_EQ(limit_of(table, "register"), (limit{1, 3s}));
  EXPECT_EQ(limit_of(table, "sendMessage"), (limit{30, 1min}));
  EXPECT_EQ(*table.overall(), (limit{1000, 24h}));
}

TEST(RateLimitsFile, UnlimitedKeepsTheFieldInTheOverallLimit) {
  const auto table = parsed("searchUsers unlimited\n");
  EXPECT_EQ(table.for_field("searchUsers"), nullptr);
  EXPECT_FALSE(table.is_exempt("searchUsers"));
}

TEST(RateLimitsFile, ExemptTakesTheFieldOutOfEveryLimit) {
  const auto table = parsed("hello exempt\ngetChatroomById exempt\n");
  EXPECT_TRUE(table.is_exempt("hello"));
  EXPECT_TRUE(table.is_exempt("getChatroomById"));
  EXPECT_EQ(table.for_field("getChatroomById"), nullptr);
}

TEST(RateLimitsFile, AFieldExemptByDefaultCanBeLimited) {
  const auto table = parsed("userStartedTypingMutation 10/1s\n");
  EXPECT_FALSE(table.is_exempt("userStartedTypingMutation"));
  EXPECT_EQ(limit_of(table, "userStartedTypingMutation"), (limit{10, 1s}));
}

TEST(RateLimitsFile, OverallUnlimitedRemovesTheOverallLimit) {
  EXPECT_EQ(parsed("overall unlimited\n").overall(), nullptr);
}

TEST(RateLimitsFile, OverallCannotBeExempt) {
  EXPECT_EQ(error_of("overall exempt"),
            "line 1: 'overall' cannot be exempt (use 'overall unlimited')");
}

TEST(RateLimitsFile, AnUnknownUnitIsAnErrorNamingItsLine) {
  EXPECT_EQ(error_of("# limits\nlogin 1/3x\n"),
            "line 2: unknown unit 'x' in '1/3x' (use ms, s, m or h)");
  EXPECT_EQ(error_of("login 1/3sec"), "line 1: unknown unit 'sec' in '1/3sec' (use ms, s, m or h)");
}

TEST(RateLimitsFile, AWindowWithoutAUnitIsAnError) {
  EXPECT_EQ(error_of("login 1/3"), "line 1: the window in '1/3' has no unit (use ms, s, m or h)");
}

TEST(RateLimitsFile, ZeroIsAnError) {
  EXPECT_EQ(error_of("login 0/3s"), "line 1: the maximum in '0/3s' must be at least 1");
  EXPECT_EQ(error_of("\n\nlogin 1/0s"), "line 3: the window in '1/0s' must be at least 1");
}

TEST(RateLimitsFile, NegativeNumbersAreAnError) {
  EXPECT_EQ(error_of("login -1/3s"), "line 1: the maximum in '-1/3s' must be at least 1");
  EXPECT_EQ(error_of("login 1/-3s"), "line 1: the window in '1/-3s' must be at least 1");
}

TEST(RateLimitsFile, GarbageIsAnError) {
  EXPECT_EQ(error_of("login lots"),
            "line 1: expected <max>/<window> (like 2/3s), 'unlimited' or 'exempt', not 'lots'");
  EXPECT_EQ(error_of("login x/3s"), "line 1: the maximum 'x' in 'x/3s' is not a whole number");
  EXPECT_EQ(error_of("login 1.5/3s"),
            "line 1: the maximum '1.5' in '1.5/3s' is not a whole number");
  EXPECT_EQ(error_of("login +1/3s"), "line 1: the maximum '+1' in '+1/3s' is not a whole number");
  EXPECT_EQ(error_of("login 1/s"),
            "line 1: the window 's' in '1/s' is not a whole number with a unit (like 3s)");
  EXPECT_EQ(error_of("login 1/3s/4s"),
            "line 1: unknown unit 's/4s' in '1/3s/4s' (use ms, s, m or h)");
  EXPECT_EQ(error_of("login\x01 1/3s"),
            "line 1: unknown operation 'login?' (use 'overall' or a "
            "root field of the schema, like 'sendMessage')");
}

TEST(RateLimitsFile, ANameWithoutALimitIsAnError) {
  EXPECT_EQ(error_of("login"),
            "line 1: expected a name and a limit (like 'login 1/3s'), found only 'login'");
}

TEST(RateLimitsFile, MoreThanTwoWordsIsAnError) {
  EXPECT_EQ(error_of("login 1/3s 2/3s"),
            "line 1: expected a name and a limit (like 'login 1/3s'), found more after '1/3s'");
  EXPECT_EQ(error_of("login 1 / 3s"),
            "line 1: expected a name and a limit (like 'login 1/3s'), found more after '1'");
}

TEST(RateLimitsFile, AnUnknownOperationIsAnError) {
  EXPECT_EQ(error_of("sendMesage 1/3s"),
            "line 1: unknown operation 'sendMesage' (use 'overall' or a root field of the "
            "schema, like 'sendMessage')");
  EXPECT_EQ(error_of("SendMessage 1/3s"),
            "line 1: unknown operation 'SendMessage' (use 'overall' or a root field of the "
            "schema, like 'sendMessage')");
}

TEST(RateLimitsFile, ANameSetTwiceIsAnError) {
  EXPECT_EQ(error_of("login 1/3s\n# again\nlogin 2/3s\n"),
            "line 3: 'login' is already set on line 1");
  EXPECT_EQ(error_of("overall 1/3s\noverall unlimited\n"),
            "line 2: 'overall' is already set on line 1");
}

TEST(RateLimitsFile, NumbersTooLargeAreAnError) {
  EXPECT_EQ(error_of("login 1000000001/3s"),
            "line 1: the maximum in '1000000001/3s' is over 1000000000");
  EXPECT_EQ(error_of("login 99999999999999999999999/3s"),
            "line 1: the maximum in '99999999999999999999999/3s' is over 1000000000");
  EXPECT_EQ(error_of("login 1/25h"), "line 1: the window in '1/25h' is longer than 24h");
  EXPECT_EQ(error_of("login 1/99999999999999999999999ms"),
            "line 1: the window in '1/99999999999999999999999ms' is longer than 24h");
  EXPECT_EQ(parsed("login 1000000000/86400000ms").for_field("login")->max, 1'000'000'000);
}

TEST(RateLimitsFile, TheErrorIsTheFirstBadLine) {
  EXPECT_EQ(error_of("login 1/3s\nregister 0/3s\nbogus 1/1s\n"),
            "line 2: the maximum in '0/3s' must be at least 1");
}

}  // namespace
}  // namespace chat::ports
