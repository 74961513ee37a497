// account_service over a real SQLite store and a real (cost 4) bcrypt hasher: AUTH-1..6.
#include "auth/account_service.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <filesystem>

#include "adapters/sqlite/sqlite_store.hpp"
#include "auth/jwt.hpp"
#include "tests/support/run_sync.hpp"

namespace chat::auth {
namespace {

namespace fs = std::filesystem;

template <class T>
T run(boost::asio::awaitable<T> task) {
  return testing::run_sync(std::move(task));
}

class AccountService : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("account-service-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    adapters::sqlite_options options;
    options.path = (dir_ / "chat.db").string();
    auto opened = adapters::sqlite_store::open(options);
    ASSERT_TRUE(opened) << opened.error().detail;
    store_ = std::move(*opened);
    ASSERT_TRUE(run(store_->migrate()));
    password_hasher_options hashing;
    hashing.cost = 4;
    hashing.threads = 1;
    hasher_ = std::make_unique<password_hasher>(hashing);
    token_settings tokens;
    tokens.access_secret = std::string(32, 'a');
    tokens.refresh_secret = std::string(32, 'r');
    tokens.clock = [this] { return now_; };
    accounts_ = std::make_unique<account_service>(*store_, *hasher_, tokens);
  }

  void TearDown() override {
    accounts_.reset();
    hasher_.reset();
    store_.reset();
    fs::remove_all(dir_);
  }

  signed_in register_ok(std::string fullname, std::string email) {
    registration r{std::move(fullname), std::move(email), "password123", "password123"};
    auto result = run(accounts_->register_user(std::move(r)));
    if (auto* error = std::get_if<account_error>(&result)) {
      ADD_FAILURE() << "register failed: " << static_cast<int>(error->code) << " " << error->detail;
      return {};
    }
    return std::get<signed_in>(std::move(result));
  }

  static account_errc code_of(const auto& result) { return std::get<account_error>(result).code; }

  fs::path dir_;
  domain::timestamp now_ = domain::now();
  std::unique_ptr<adapters::sqlite_store> store_;
  std::unique_ptr<password_hasher> hasher_;
  std::unique_ptr<account_service> accounts_;
};

TEST_F(AccountService, RegistrationStoresATrimmedNameALowerCasedEmailAndABcryptHash) {
  const auto done = register_ok("  Leo Messi ", " Leo@Example.COM ");
  EXPECT_EQ(done.user.fullname, "Leo Messi");
  EXPECT_EQ(done.user.email, "leo@example.com");
  EXPECT_TRUE(done.user.password_hash.starts_with("$2b$04$")) << done.user.password_hash;
  EXPECT_EQ(accounts_->authenticate(done.tokens.access_token), done.user.id);
  EXPECT_EQ(done.tokens.access_ttl, std::chrono::seconds(15 * 60));
}

TEST_F(AccountService, RegistrationReportsEveryBrokenRuleAndStoresNothing) {
  registration r{" ", "nope", "short", "other"};
  auto result = run(accounts_->register_user(std::move(r)));
  ASSERT_EQ(code_of(result), account_errc::invalid_input);
  const auto& fields = std::get<account_error>(result).fields;
  EXPECT_EQ(fields.size(), 4U);
  EXPECT_EQ(fields.at("password"), "Password must be at least 8 characters");
  EXPECT_EQ(fields.at("confirmPassword"), "Passwords do not match");
  EXPECT_TRUE(run(store_->all_users())->empty());
}

TEST_F(AccountService, ADuplicateEmailIsReportedBeforeAnyHashing) {
  register_ok("Leo", "leo@example.com");
  registration again{"Other", "LEO@example.com", "password123", "password123"};
  auto result = run(accounts_->register_user(std::move(again)));
  ASSERT_EQ(code_of(result), account_errc::store);
  EXPECT_EQ(std::get<account_error>(result).store.code, ports::store_errc::duplicate_email);
  registration same_name{"Leo", "other@example.com", "password123", "password123"};
  auto named = run(accounts_->register_user(std::move(same_name)));
  ASSERT_EQ(code_of(named), account_errc::store);
  EXPECT_EQ(std::get<account_error>(named).store.code, ports::store_errc::duplicate_fullname);
}

TEST_F(AccountService, AWrongPasswordAndAnUnknownEmailGiveTheSameError) {
  register_ok("Leo", "leo@example.com");
  auto wrong = run(accounts_->log_in("leo@example.com", "password124"));
  auto unknown = run(accounts_->log_in("nobody@example.com", "password123"));
  EXPECT_EQ(code_of(wrong), account_errc::invalid_credentials);
  EXPECT_EQ(code_of(unknown), account_errc::invalid_credentials);
  auto ok = run(accounts_->log_in(" LEO@example.com", "password123"));
  ASSERT_TRUE(std::holds_alternative<signed_in>(ok));
  EXPECT_EQ(std::get<signed_in>(ok).user.email, "leo@example.com");
}

TEST_F(AccountService, RefreshRotatesAndAReplayRevokesTheWholeFamily) {
  const auto first = register_ok("Leo", "leo@example.com");
  auto second = run(accounts_->refresh(first.tokens.refresh_token));
  ASSERT_TRUE(std::holds_alternative<session_tokens>(second));
  const auto next = std::get<session_tokens>(second);
  EXPECT_NE(next.refresh_token, first.tokens.refresh_token);
  EXPECT_EQ(accounts_->authenticate(next.access_token), first.user.id);

  // The first token again: reuse. The family is revoked, so the newest fails too.
  EXPECT_EQ(code_of(run(accounts_->refresh(first.tokens.refresh_token))),
            account_errc::unauthenticated);
  EXPECT_EQ(code_of(run(accounts_->refresh(next.refresh_token))), account_errc::unauthenticated);
}

TEST_F(AccountService, ARefreshTokenIsNotAnAccessTokenNorTheOtherWayRound) {
  const auto done = register_ok("Leo", "leo@example.com");
  EXPECT_EQ(accounts_->authenticate(done.tokens.refresh_token), std::nullopt);
  EXPECT_EQ(code_of(run(accounts_->refresh(done.tokens.access_token))),
            account_errc::unauthenticated);
}

TEST_F(AccountService, TokensExpire) {
  const auto done = register_ok("Leo", "leo@example.com");
  now_ += std::chrono::minutes(15);
  EXPECT_EQ(accounts_->authenticate(done.tokens.access_token), std::nullopt);
  now_ += std::chrono::hours(24 * 7);
  EXPECT_EQ(code_of(run(accounts_->refresh(done.tokens.refresh_token))),
            account_errc::unauthenticated);
}

TEST_F(AccountService, LogOutRevokesTheFamilyAndIgnoresForeignTokens) {
  const auto done = register_ok("Leo", "leo@example.com");
  auto out = run(accounts_->log_out(done.tokens.refresh_token));
  EXPECT_TRUE(std::holds_alternative<ports::done>(out));
  EXPECT_EQ(code_of(run(accounts_->refresh(done.tokens.refresh_token))),
            account_errc::unauthenticated);
  EXPECT_TRUE(std::holds_alternative<ports::done>(run(accounts_->log_out("garbage"))));
  EXPECT_TRUE(std::holds_alternative<ports::done>(run(accounts_->log_out(""))));
}

TEST_F(AccountService, ATokenSignedWithAnotherSecretDoesNotAuthenticate) {
  jwt_claims claims;
  claims.sub = 1;
  claims.iat = 0;
  claims.exp =
      std::chrono::duration_cast<std::chrono::seconds>(now_.time_since_epoch()).count() + 60;
  EXPECT_EQ(accounts_->authenticate(sign_hs256(claims, std::string(32, 'x'))), std::nullopt);
  EXPECT_EQ(accounts_->authenticate(sign_hs256(claims, std::string(32, 'a'))), 1);
  EXPECT_EQ(accounts_->authenticate("null"), std::nullopt);
  EXPECT_EQ(accounts_->authenticate(""), std::nullopt);
}

}  // namespace
}  // namespace chat::auth
