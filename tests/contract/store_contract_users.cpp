// The store port's contract: lifecycle, users and refresh-token families (OPS-2, AUTH-1..8). Every
// case runs against every adapter (store_contract_*_test.cpp instantiate them); see
// store_contract.hpp.
#include <set>

#include "store_contract_helpers.hpp"

namespace chat::contract {
namespace {

// ============================== lifecycle (OPS-2) ==============================

TEST_P(StoreContract, Ops2MigrateIsIdempotentAndReportsAPositiveSchemaVersion) {
  const int version = must(store().schema_version());
  EXPECT_GT(version, 0);
  EXPECT_EQ(must(store().migrate()), version);
  EXPECT_EQ(must(store().migrate()), version);
  EXPECT_EQ(must(store().schema_version()), version);
}

TEST_P(StoreContract, Ops2PingAnswersAndAFreshStoreIsEmpty) {
  must(store().ping());
  EXPECT_TRUE(must(store().all_users()).empty());
}

// ============================== users (AUTH-1, AUTH-7, AUTH-8) ==============================

TEST_P(StoreContract, Auth1CreateUserAnswersTheStoredUserWithIdAndTimes) {
  const auto u = must(store().create_user(domain::new_user{.email = "ana@example.com",
                                                           .fullname = "Ana Ñandú",
                                                           .password_hash = "$2b$10$abc",
                                                           .avatar_url = "http://x/a.png"}));
  EXPECT_GT(u.id, 0);
  EXPECT_EQ(u.email, "ana@example.com");
  EXPECT_EQ(u.fullname, "Ana Ñandú");
  EXPECT_EQ(u.password_hash, "$2b$10$abc");
  EXPECT_EQ(u.avatar_url, std::optional<std::string>("http://x/a.png"));
  EXPECT_TRUE(is_recent(u.created_at));
  EXPECT_GE(u.updated_at, u.created_at);

  const auto found = must(store().find_user(u.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, u.id);
  EXPECT_EQ(found->email, u.email);
  EXPECT_EQ(found->fullname, u.fullname);
  EXPECT_EQ(found->password_hash, u.password_hash);
  EXPECT_EQ(found->avatar_url, u.avatar_url);
  EXPECT_EQ(found->created_at, u.created_at);
  EXPECT_EQ(found->updated_at, u.updated_at);

  const auto other = make_user("Bob");
  EXPECT_NE(other.id, u.id);
  EXPECT_EQ(other.avatar_url, std::nullopt);
}

TEST_P(StoreContract, Auth1DuplicateEmailIsRefusedCaseInsensitively) {
  make_user("Ana");  // ana@example.com
  EXPECT_TRUE(fails_with(await(store().create_user(domain::new_user{.email = "ana@example.com",
                                                                    .fullname = "Other Ana",
                                                                    .password_hash = "h",
                                                                    .avatar_url = {}})),
                         store_errc::duplicate_email));
  EXPECT_TRUE(fails_with(await(store().create_user(domain::new_user{.email = "ANA@Example.COM",
                                                                    .fullname = "Third Ana",
                                                                    .password_hash = "h",
                                                                    .avatar_url = {}})),
                         store_errc::duplicate_email));
  EXPECT_EQ(must(store().all_users()).size(), 1U);
}

TEST_P(StoreContract, Auth1DuplicateFullnameIsRefused) {
  make_user("Ana");
  EXPECT_TRUE(fails_with(await(store().create_user(domain::new_user{.email = "another@example.com",
                                                                    .fullname = "Ana",
                                                                    .password_hash = "h",
                                                                    .avatar_url = {}})),
                         store_errc::duplicate_fullname));
  EXPECT_EQ(must(store().all_users()).size(), 1U);
}

TEST_P(StoreContract, Auth1ConcurrentRegistrationsOfOneEmailLetExactlyOneThrough) {
  auto outcomes = std::make_shared<registration_outcomes>();
  std::vector<asio::awaitable<void>> tasks;
  for (int i = 0; i < 8; ++i)
    tasks.push_back(register_once(&store(), i, outcomes));
  run_all(io(), std::move(tasks), 4);
  EXPECT_EQ(outcomes->created, 1);
  ASSERT_EQ(outcomes->errors.size(), 7U);
  for (const auto code : outcomes->errors) {
    EXPECT_EQ(code, store_errc::duplicate_email) << ports::name_of(code);
  }
  EXPECT_EQ(must(store().all_users()).size(), 1U);
}

TEST_P(StoreContract, Auth8FindUserByIdAndByEmailFindOnlyExistingUsers) {
  const auto ana = make_user("Ana");
  const auto bob = make_user("Bob");
  const auto by_email = must(store().find_user_by_email("bob@example.com"));
  ASSERT_TRUE(by_email.has_value());
  EXPECT_EQ(by_email->id, bob.id);
  EXPECT_EQ(by_email->fullname, "Bob");
  EXPECT_EQ(must(store().find_user_by_email("nobody@example.com")), std::nullopt);
  EXPECT_EQ(must(store().find_user(k_unknown_user)), std::nullopt);
  const auto by_id = must(store().find_user(ana.id));
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->email, "ana@example.com");
}

TEST_P(StoreContract, Auth8AllUsersListsEveryUserOldestFirst) {
  const auto c = make_user("Carla");
  tick();
  const auto a = make_user("Ana");
  tick();
  const auto b = make_user("Bob");
  EXPECT_EQ(ids_of(must(store().all_users())), (std::vector<user_id>{c.id, a.id, b.id}));
}

TEST_P(StoreContract, Gql6UsersByIdsAnswersInRequestOrderWithDuplicatesAndNullsForUnknownIds) {
  const auto a = make_user("Ana");
  const auto b = make_user("Bob");
  const auto got = must(store().users_by_ids({b.id, k_unknown_user, a.id, b.id}));
  ASSERT_EQ(got.size(), 4U);
  ASSERT_TRUE(got[0].has_value());
  EXPECT_EQ(got[0]->id, b.id);
  EXPECT_EQ(got[0]->fullname, "Bob");
  EXPECT_EQ(got[1], std::nullopt);
  ASSERT_TRUE(got[2].has_value());
  EXPECT_EQ(got[2]->id, a.id);
  ASSERT_TRUE(got[3].has_value());
  EXPECT_EQ(got[3]->id, b.id);
  EXPECT_TRUE(must(store().users_by_ids({})).empty());
}

TEST_P(StoreContract, Auth8UpdateUserProfileKeepsTheAvatarWhenNoneIsGiven) {
  const auto u = must(store().create_user(domain::new_user{.email = "ana@example.com",
                                                           .fullname = "Ana",
                                                           .password_hash = "h",
                                                           .avatar_url = "http://x/old.png"}));
  tick();
  const auto updated = must(store().update_user_profile(u.id, "Ana Maria", std::nullopt));
  EXPECT_EQ(updated.id, u.id);
  EXPECT_EQ(updated.fullname, "Ana Maria");
  EXPECT_EQ(updated.avatar_url, std::optional<std::string>("http://x/old.png"));
  EXPECT_EQ(updated.email, "ana@example.com");
  EXPECT_EQ(updated.created_at, u.created_at);
  EXPECT_GT(updated.updated_at, u.updated_at);
  const auto found = must(store().find_user(u.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->fullname, "Ana Maria");
  EXPECT_EQ(found->avatar_url, std::optional<std::string>("http://x/old.png"));
}

TEST_P(StoreContract, Auth8UpdateUserProfileReplacesTheAvatarWhenOneIsGiven) {
  const auto u = make_user("Ana");
  const auto updated = must(store().update_user_profile(u.id, "Ana", "http://x/new.png"));
  EXPECT_EQ(updated.fullname, "Ana");  // keeping one's own name is not a duplicate
  EXPECT_EQ(updated.avatar_url, std::optional<std::string>("http://x/new.png"));
  const auto found = must(store().find_user(u.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->avatar_url, std::optional<std::string>("http://x/new.png"));
}

TEST_P(StoreContract, Auth8UpdateUserProfileRefusesAnotherUsersFullname) {
  const auto ana = make_user("Ana");
  make_user("Bob");
  EXPECT_TRUE(fails_with(await(store().update_user_profile(ana.id, "Bob", "http://x/new.png")),
                         store_errc::duplicate_fullname));
  const auto found = must(store().find_user(ana.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->fullname, "Ana");
  EXPECT_EQ(found->avatar_url, std::nullopt);  // nothing of the refused update stuck
}

TEST_P(StoreContract, Auth8UpdateUserProfileOfAnUnknownUserIsNotFound) {
  EXPECT_TRUE(fails_with(await(store().update_user_profile(k_unknown_user, "Ghost", std::nullopt)),
                         store_errc::not_found));
}

TEST_P(StoreContract, Auth8SearchUsersMatchesCaseInsensitiveSubstringsByFullnameWithoutTheCaller) {
  const auto caller = make_user("Messi Fan");
  const auto lionel = make_user("Lionel Messi");
  const auto leo = make_user("Leo Messinho");
  const auto messiah = make_user("messiah");
  make_user("Cristiano");
  const auto found = must(store().search_users("MESS", caller.id, 50));
  EXPECT_EQ(ids_of(found), (std::vector<user_id>{leo.id, lionel.id, messiah.id}));
  EXPECT_TRUE(must(store().search_users("zzz", caller.id, 50)).empty());
}

TEST_P(StoreContract, Auth8SearchUsersHonoursTheLimit) {
  const auto caller = make_user("Caller");
  const auto a = make_user("Fan A");
  const auto b = make_user("Fan B");
  make_user("Fan C");
  EXPECT_EQ(ids_of(must(store().search_users("fan", caller.id, 2))),
            (std::vector<user_id>{a.id, b.id}));
}

TEST_P(StoreContract, Auth8SearchUsersMatchesLikeMetacharactersLiterally) {
  const auto caller = make_user("Caller");
  const auto percent = make_user("100% Fan");
  make_user("1000 Fan");
  const auto underscore = make_user("a_b");
  make_user("axb");
  const auto backslash = make_user("back\\slash");
  make_user("backslash");
  EXPECT_EQ(ids_of(must(store().search_users("0%", caller.id, 50))),
            (std::vector<user_id>{percent.id}));
  EXPECT_EQ(ids_of(must(store().search_users("a_b", caller.id, 50))),
            (std::vector<user_id>{underscore.id}));
  EXPECT_EQ(ids_of(must(store().search_users("k\\s", caller.id, 50))),
            (std::vector<user_id>{backslash.id}));
}

// ============================== refresh families (AUTH-4, AUTH-5) ==============================

TEST_P(StoreContract, Auth4RotatingWithTheCurrentTokenRotates) {
  const auto u = make_user("Ana");
  const auto later = domain::now() + 1h;
  must(store().create_refresh_family(family("fam-1", u.id, "t1", later)));
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t1", "t2", later)),
            rotation::rotated);
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t2", "t3", later)),
            rotation::rotated);
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t3", "t4", later)),
            rotation::rotated);
}

TEST_P(StoreContract, Auth4RotationExtendsTheFamilyExpiry) {
  const auto u = make_user("Ana");
  must(store().create_refresh_family(family("fam-1", u.id, "t1", domain::now() + 500ms)));
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t1", "t2", domain::now() + 1h)),
            rotation::rotated);
  std::this_thread::sleep_for(700ms);  // past the first expiry, well before the second
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t2", "t3", domain::now() + 1h)),
            rotation::rotated);
}

TEST_P(StoreContract, Auth4PresentingAnOlderTokenIsReuseAndRevokesTheFamily) {
  const auto u = make_user("Ana");
  const auto later = domain::now() + 1h;
  must(store().create_refresh_family(family("fam-1", u.id, "t1", later)));
  must(store().create_refresh_family(family("fam-2", u.id, "s1", later)));
  ASSERT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t1", "t2", later)),
            rotation::rotated);
  // t1 was used already: someone replays it.
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t1", "t9", later)), rotation::reused);
  // The whole family is dead now, the newest token included.
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t2", "t3", later)),
            rotation::invalid);
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t9", "t3", later)),
            rotation::invalid);
  // Other families of the user are untouched.
  EXPECT_EQ(must(store().rotate_refresh_token("fam-2", u.id, "s1", "s2", later)),
            rotation::rotated);
}

TEST_P(StoreContract, Auth4ATokenNeverIssuedForALiveFamilyIsReuseToo) {
  // Only the server signs tokens carrying a family's id: one it never issued means the
  // family is compromised, so it is revoked like a replay.
  const auto u = make_user("Ana");
  const auto later = domain::now() + 1h;
  must(store().create_refresh_family(family("fam-1", u.id, "t1", later)));
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "forged", "t2", later)),
            rotation::reused);
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t1", "t2", later)),
            rotation::invalid);
}

TEST_P(StoreContract, Auth5RevokedFamilyNoLongerRotatesAndRevokingTwiceIsFine) {
  const auto u = make_user("Ana");
  const auto later = domain::now() + 1h;
  must(store().create_refresh_family(family("fam-1", u.id, "t1", later)));
  must(store().revoke_refresh_family("fam-1"));
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t1", "t2", later)),
            rotation::invalid);
  must(store().revoke_refresh_family("fam-1"));
  must(store().revoke_refresh_family("never-existed"));
}

TEST_P(StoreContract, Auth4ExpiredFamilyIsInvalid) {
  const auto u = make_user("Ana");
  must(store().create_refresh_family(family("fam-1", u.id, "t1", domain::now() - 1s)));
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", u.id, "t1", "t2", domain::now() + 1h)),
            rotation::invalid);
}

TEST_P(StoreContract, Auth4AnotherUsersFamilyIsInvalid) {
  const auto ana = make_user("Ana");
  const auto bob = make_user("Bob");
  const auto later = domain::now() + 1h;
  must(store().create_refresh_family(family("fam-1", ana.id, "t1", later)));
  EXPECT_EQ(must(store().rotate_refresh_token("fam-1", bob.id, "t1", "t2", later)),
            rotation::invalid);
}

TEST_P(StoreContract, Auth4UnknownFamilyIsInvalid) {
  const auto u = make_user("Ana");
  EXPECT_EQ(
      must(store().rotate_refresh_token("no-such-family", u.id, "t1", "t2", domain::now() + 1h)),
      rotation::invalid);
}

}  // namespace
}  // namespace chat::contract
