// AUTH-1's input rules.
#include "auth/account_rules.hpp"

#include <gtest/gtest.h>

namespace chat::auth {
namespace {

TEST(AccountRules, TrimRemovesSurroundingWhiteSpaceOnly) {
  EXPECT_EQ(trim(" \t Leo  Messi \r\n"), "Leo  Messi");
  EXPECT_EQ(trim("   "), "");
}

TEST(AccountRules, EmailsAreTrimmedAndLowerCased) {
  EXPECT_EQ(normalize_email("  Leo@Example.COM "), "leo@example.com");
}

TEST(AccountRules, PlausibleEmailsPass) {
  for (const char* email : {"a@b.co", "first.last+tag@sub.example.org", "x_y@a-b.io"}) {
    EXPECT_TRUE(valid_email(email)) << email;
  }
}

TEST(AccountRules, ImplausibleEmailsFail) {
  for (const char* email :
       {"", "plain", "@example.com", "a@", "a@b", "a@b.c", "a@@b.com", "a b@c.com", "a@-b.com",
        "a@b-.com", "a@b..com", ".a@b.com", "a.@b.com", "a..b@c.com", "a@b.c0m", "a@b.com\n"}) {
    EXPECT_FALSE(valid_email(email)) << email;
  }
  EXPECT_FALSE(valid_email(std::string(65, 'a') + "@b.com"));
  EXPECT_FALSE(valid_email("a@" + std::string(250, 'b') + ".com"));
}

TEST(AccountRules, FullNamesAreOneToFiftyCharactersCountedAsCodePoints) {
  EXPECT_EQ(fullname_problem(""), "Fullname is required");
  EXPECT_EQ(fullname_problem("L"), "");
  EXPECT_EQ(fullname_problem(std::string(50, 'x')), "");
  EXPECT_EQ(fullname_problem(std::string(51, 'x')), "Fullname must be at most 50 characters");
  std::string accented;
  for (int i = 0; i < 50; ++i)
    accented += "é";  // 2 bytes, 1 character
  EXPECT_EQ(fullname_problem(accented), "");
  EXPECT_EQ(fullname_problem("Leo\tMessi"), "Fullname contains invalid characters");
}

TEST(AccountRules, ARegistrationReportsEachBrokenRuleByField) {
  const auto errors = check_registration({"", "nope", "short", "shorter"});
  ASSERT_EQ(errors.size(), 4U);
  EXPECT_EQ(errors.at("fullname"), "Fullname is required");
  EXPECT_EQ(errors.at("email"), "Email must be a valid email address");
  EXPECT_EQ(errors.at("password"), "Password must be at least 8 characters");
  EXPECT_EQ(errors.at("confirmPassword"), "Passwords do not match");
  EXPECT_TRUE(check_registration({"Leo", "leo@example.com", "password123", "password123"}).empty());
}

TEST(AccountRules, PasswordsLongerThanBcryptReadsAreRefused) {
  const std::string long_password(73, 'p');
  EXPECT_EQ(
      check_registration({"Leo", "leo@example.com", long_password, long_password}).at("password"),
      "Password must be at most 72 bytes");
  const std::string max_password(72, 'p');
  EXPECT_TRUE(check_registration({"Leo", "leo@example.com", max_password, max_password}).empty());
}

TEST(AccountRules, AnEmptyEmailIsRequiredNotInvalid) {
  EXPECT_EQ(check_registration({"Leo", "", "password123", "password123"}).at("email"),
            "Email is required");
}

}  // namespace
}  // namespace chat::auth
