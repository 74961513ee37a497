// The store port's contract (SPEC AUTH-1..8, ROOM-1..5, MSG-1..3, RT-1, REL-2, OPS-2):
// every case runs against every adapter (store_contract_*_test.cpp instantiate it).
// Orderings by time are made unambiguous with `tick()` between writes; nothing here
// depends on an adapter's internals.
#include "store_contract.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <condition_variable>
#include <cstdint>
#include <set>
#include <string_view>

namespace chat::contract {

namespace asio = boost::asio;
using domain::message_id;
using domain::room_access;
using domain::room_id;
using domain::user_id;
using ports::rotation;
using ports::store_errc;

std::string factory_name(const ::testing::TestParamInfo<store_factory>& info) {
  return info.param.name;
}

void PrintTo(const store_factory& factory, std::ostream* os) {
  *os << factory.name;
}

void run_all(asio::io_context& io, std::vector<asio::awaitable<void>> tasks, int threads) {
  if (tasks.empty()) return;
  struct state {
    std::mutex mutex;
    std::size_t left = 0;
    std::exception_ptr first_error;
  };
  auto st = std::make_shared<state>();
  st->left = tasks.size();
  for (auto& task : tasks) {
    asio::co_spawn(io, std::move(task), [st, &io](std::exception_ptr error) {
      const std::lock_guard lock(st->mutex);
      if (error && !st->first_error) st->first_error = error;
      if (--st->left == 0) io.stop();
    });
  }
  io.restart();
  {
    auto guard = asio::make_work_guard(io);
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i)
      pool.emplace_back([&io] { io.run_for(k_await_timeout); });
    io.run_for(k_await_timeout);
    io.stop();
    for (auto& thread : pool)
      thread.join();
  }
  const std::lock_guard lock(st->mutex);
  if (st->left != 0) throw std::runtime_error("concurrent store calls did not complete in time");
  if (st->first_error) std::rethrow_exception(st->first_error);
}

namespace {

domain::new_room room_spec(std::string name, user_id admin, room_access access) {
  domain::new_room spec;
  spec.name = std::move(name);
  spec.access = access;
  spec.admin_id = admin;
  return spec;
}

domain::new_room room_spec(std::string name, user_id admin) {
  return room_spec(std::move(name), admin, room_access::private_room);
}

// A patch with only what `set` sets.
template <class Set>
domain::room_patch patch(Set set) {
  domain::room_patch p;
  set(p);
  return p;
}

}  // namespace

void StoreContract::SetUp() {
  ASSERT_TRUE(GetParam().make) << "factory " << GetParam().name << " has no make function";
  store_ = GetParam().make(io_);
  ASSERT_NE(store_, nullptr) << "factory " << GetParam().name << " made no store";
}

void StoreContract::TearDown() {
  store_.reset();
}

domain::user StoreContract::make_user(const std::string& name) {
  std::string email;
  for (const char c : name) {
    if (c == ' ') {
      email += '.';
    } else {
      email += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  email += "@example.com";
  return must(store().create_user(domain::new_user{
      .email = email, .fullname = name, .password_hash = "$2b$10$hash", .avatar_url = {}}));
}

domain::room StoreContract::make_room(const std::string& name, user_id admin, room_access access,
                                      std::vector<user_id> members) {
  return must(store().create_room(room_spec(name, admin, access), std::move(members)));
}

domain::message StoreContract::post(room_id room, user_id author, const std::string& content) {
  return must(store().insert_message(
      domain::new_message{.room = room, .author = author, .content = content, .image_url = {}}));
}

namespace {

using namespace std::chrono_literals;

// `result` failed with `code` (and not with something else, nor succeeded).
template <class T>
::testing::AssertionResult fails_with(const ports::store_result<T>& result, store_errc code) {
  if (result) {
    return ::testing::AssertionFailure() << "succeeded; expected " << ports::name_of(code);
  }
  if (result.error().code != code) {
    return ::testing::AssertionFailure()
           << "failed with " << ports::name_of(result.error().code) << " (" << result.error().detail
           << "); expected " << ports::name_of(code);
  }
  return ::testing::AssertionSuccess();
}

// A time written "now" by the store: within a generous window around the clock.
::testing::AssertionResult is_recent(domain::timestamp t) {
  const auto now = domain::now();
  if (t < now - 60s || t > now + 60s) {
    return ::testing::AssertionFailure() << t.time_since_epoch().count() << " ms is not near now ("
                                         << now.time_since_epoch().count() << " ms)";
  }
  return ::testing::AssertionSuccess();
}

std::vector<user_id> ids_of(const std::vector<domain::user>& users) {
  std::vector<user_id> ids;
  ids.reserve(users.size());
  for (const auto& u : users)
    ids.push_back(u.id);
  return ids;
}

std::vector<room_id> ids_of(const std::vector<domain::room>& rooms) {
  std::vector<room_id> ids;
  ids.reserve(rooms.size());
  for (const auto& r : rooms)
    ids.push_back(r.id);
  return ids;
}

std::vector<message_id> ids_of(const std::vector<domain::message>& messages) {
  std::vector<message_id> ids;
  ids.reserve(messages.size());
  for (const auto& m : messages)
    ids.push_back(m.id);
  return ids;
}

std::vector<user_id> sorted(std::vector<user_id> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

domain::refresh_family family(std::string id, user_id user, std::string token,
                              domain::timestamp expires_at) {
  return domain::refresh_family{.id = std::move(id),
                                .user = user,
                                .current_token = std::move(token),
                                .revoked = false,
                                .created_at = domain::now(),
                                .expires_at = expires_at};
}

constexpr user_id k_unknown_user = 987'654'321;
constexpr room_id k_unknown_room = 987'654'321;

// ---- coroutines for the concurrent cases (parameters by value: they outlive callers) ----

struct id_sink {
  std::mutex mutex;
  std::vector<std::vector<message_id>> per_task;
};

asio::awaitable<void> insert_many(ports::store* s, room_id room, user_id author, int count,
                                  std::size_t task, std::shared_ptr<id_sink> sink) {
  for (int i = 0; i < count; ++i) {
    // The call is a statement of its own: GCC 12 mishandles by-value temporaries built
    // inside a co_await expression (they get relocated bitwise into the frame).
    auto op = s->insert_message(domain::new_message{
        .room = room,
        .author = author,
        .content = "task " + std::to_string(task) + " message " + std::to_string(i),
        .image_url = {}});
    auto m = ok(co_await std::move(op));
    const std::lock_guard lock(sink->mutex);
    sink->per_task[task].push_back(m.id);
  }
}

struct insert_outcomes {
  std::mutex mutex;
  std::vector<std::pair<room_id, std::optional<store_errc>>> results;
};

asio::awaitable<void> insert_once(ports::store* s, room_id room, user_id author,
                                  std::shared_ptr<insert_outcomes> out) {
  auto op = s->insert_message(
      domain::new_message{.room = room, .author = author, .content = "one", .image_url = {}});
  auto result = co_await std::move(op);
  const std::lock_guard lock(out->mutex);
  if (result) {
    out->results.emplace_back(room, std::nullopt);
  } else {
    out->results.emplace_back(room, result.error().code);
  }
}

struct registration_outcomes {
  std::mutex mutex;
  int created = 0;
  std::vector<store_errc> errors;
};

asio::awaitable<void> register_once(ports::store* s, int i,
                                    std::shared_ptr<registration_outcomes> out) {
  auto op = s->create_user(domain::new_user{.email = "same@example.com",
                                            .fullname = "Racer " + std::to_string(i),
                                            .password_hash = "$2b$10$hash",
                                            .avatar_url = {}});
  auto result = co_await std::move(op);
  const std::lock_guard lock(out->mutex);
  if (result) {
    ++out->created;
  } else {
    out->errors.push_back(result.error().code);
  }
}

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

// ============================== rooms (ROOM-1, ROOM-3, ROOM-5) ==============================

TEST_P(StoreContract, Room1CreateRoomMakesTheAdminAndTheGivenUsersMembers) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto outsider = make_user("Outsider");
  const auto r = must(store().create_room(domain::new_room{.name = "Boca Juniors",
                                                           .access = room_access::private_room,
                                                           .admin_id = admin.id,
                                                           .description = "Xeneize",
                                                           .color_hex = "#0033AA",
                                                           .image = "http://x/boca.png"},
                                          {b.id, admin.id, c.id}));
  EXPECT_GT(r.id, 0);
  EXPECT_EQ(r.name, "Boca Juniors");
  EXPECT_EQ(r.access, room_access::private_room);
  EXPECT_EQ(r.admin_id, std::optional<user_id>(admin.id));
  EXPECT_EQ(r.description, std::optional<std::string>("Xeneize"));
  EXPECT_EQ(r.color_hex, std::optional<std::string>("#0033AA"));
  EXPECT_EQ(r.image, std::optional<std::string>("http://x/boca.png"));
  EXPECT_TRUE(is_recent(r.created_at));
  EXPECT_GE(r.updated_at, r.created_at);

  const auto found = must(store().find_room(r.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, r.name);
  EXPECT_EQ(found->access, r.access);
  EXPECT_EQ(found->admin_id, r.admin_id);
  EXPECT_EQ(found->description, r.description);
  EXPECT_EQ(found->color_hex, r.color_hex);
  EXPECT_EQ(found->image, r.image);
  EXPECT_EQ(found->created_at, r.created_at);

  EXPECT_EQ(sorted(ids_of(must(store().room_members(r.id)))), sorted({admin.id, b.id, c.id}));
  EXPECT_TRUE(must(store().is_member(r.id, admin.id)));
  EXPECT_TRUE(must(store().is_member(r.id, c.id)));
  EXPECT_FALSE(must(store().is_member(r.id, outsider.id)));
  EXPECT_EQ(must(store().member_counts({r.id})), (std::vector<std::int64_t>{3}));

  const auto bare = make_room("Bare", admin.id, room_access::public_room);
  EXPECT_EQ(bare.access, room_access::public_room);
  EXPECT_EQ(bare.description, std::nullopt);
  EXPECT_EQ(bare.color_hex, std::nullopt);
  EXPECT_EQ(bare.image, std::nullopt);
  EXPECT_EQ(ids_of(must(store().room_members(bare.id))), (std::vector<user_id>{admin.id}));
  EXPECT_EQ(must(store().find_room(k_unknown_room)), std::nullopt);
}

TEST_P(StoreContract, Room1CreateRoomWithAnUnknownMemberIsNotFoundAndCreatesNothing) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  EXPECT_TRUE(
      fails_with(await(store().create_room(room_spec("River", admin.id), {b.id, k_unknown_user})),
                 store_errc::not_found));
  EXPECT_TRUE(must(store().rooms_of_user(admin.id)).empty());
  EXPECT_TRUE(must(store().rooms_of_user(b.id)).empty());
  EXPECT_EQ(must(store().search_rooms("River", admin.id, 50)).total, 0);
  // The name was not taken either.
  const auto r = make_room("River", admin.id);
  EXPECT_EQ(r.name, "River");
}

TEST_P(StoreContract, Room1DuplicateRoomNameIsRefused) {
  const auto admin = make_user("Admin");
  const auto other = make_user("Other");
  make_room("Boca", admin.id);
  EXPECT_TRUE(fails_with(await(store().create_room(room_spec("Boca", other.id), {})),
                         store_errc::duplicate_room_name));
  EXPECT_TRUE(must(store().rooms_of_user(other.id)).empty());
}

TEST_P(StoreContract, Room5UpdateRoomChangesOnlyThePatchedFields) {
  const auto admin = make_user("Admin");
  const auto r = must(store().create_room(domain::new_room{.name = "Boca",
                                                           .access = room_access::private_room,
                                                           .admin_id = admin.id,
                                                           .description = "Xeneize",
                                                           .color_hex = "#0033AA",
                                                           .image = "http://x/boca.png"},
                                          {}));
  tick();
  const auto renamed = must(store().update_room(r.id, patch([](auto& p) { p.name = "Boca Jrs"; })));
  EXPECT_EQ(renamed.id, r.id);
  EXPECT_EQ(renamed.name, "Boca Jrs");
  EXPECT_EQ(renamed.access, room_access::private_room);
  EXPECT_EQ(renamed.admin_id, std::optional<user_id>(admin.id));
  EXPECT_EQ(renamed.description, std::optional<std::string>("Xeneize"));
  EXPECT_EQ(renamed.color_hex, std::optional<std::string>("#0033AA"));
  EXPECT_EQ(renamed.image, std::optional<std::string>("http://x/boca.png"));
  EXPECT_EQ(renamed.created_at, r.created_at);
  EXPECT_GT(renamed.updated_at, r.updated_at);

  const auto patched = must(store().update_room(r.id, patch([](auto& p) {
                                                  p.access = room_access::public_room;
                                                  p.description = "La Bombonera";
                                                  p.color_hex = "#FFCC00";
                                                  p.image = "http://x/new.png";
                                                })));
  EXPECT_EQ(patched.name, "Boca Jrs");
  EXPECT_EQ(patched.access, room_access::public_room);
  EXPECT_EQ(patched.description, std::optional<std::string>("La Bombonera"));
  EXPECT_EQ(patched.color_hex, std::optional<std::string>("#FFCC00"));
  EXPECT_EQ(patched.image, std::optional<std::string>("http://x/new.png"));

  const auto unchanged = must(store().update_room(r.id, domain::room_patch()));
  EXPECT_EQ(unchanged.name, "Boca Jrs");
  EXPECT_EQ(unchanged.description, std::optional<std::string>("La Bombonera"));

  const auto found = must(store().find_room(r.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Boca Jrs");
  EXPECT_EQ(found->access, room_access::public_room);
  EXPECT_EQ(found->description, std::optional<std::string>("La Bombonera"));
  EXPECT_EQ(found->color_hex, std::optional<std::string>("#FFCC00"));
  EXPECT_EQ(found->image, std::optional<std::string>("http://x/new.png"));
}

TEST_P(StoreContract, Room5UpdateRoomClearsOptionalFieldsOnRequest) {
  const auto admin = make_user("Admin");
  const auto r = must(store().create_room(domain::new_room{.name = "Boca",
                                                           .admin_id = admin.id,
                                                           .description = "Xeneize",
                                                           .color_hex = "#0033AA",
                                                           .image = "http://x/boca.png"},
                                          {}));
  const auto cleared_one =
      must(store().update_room(r.id, patch([](auto& p) { p.clear_description = true; })));
  EXPECT_EQ(cleared_one.description, std::nullopt);
  EXPECT_EQ(cleared_one.color_hex, std::optional<std::string>("#0033AA"));
  EXPECT_EQ(cleared_one.image, std::optional<std::string>("http://x/boca.png"));

  const auto cleared_all = must(store().update_room(r.id, patch([](auto& p) {
                                                      p.clear_color_hex = true;
                                                      p.clear_image = true;
                                                    })));
  EXPECT_EQ(cleared_all.description, std::nullopt);
  EXPECT_EQ(cleared_all.color_hex, std::nullopt);
  EXPECT_EQ(cleared_all.image, std::nullopt);
  EXPECT_EQ(cleared_all.name, "Boca");

  const auto found = must(store().find_room(r.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->description, std::nullopt);
  EXPECT_EQ(found->color_hex, std::nullopt);
  EXPECT_EQ(found->image, std::nullopt);
}

TEST_P(StoreContract, Room5UpdateRoomToAnotherRoomsNameIsRefused) {
  const auto admin = make_user("Admin");
  const auto boca = make_room("Boca", admin.id);
  make_room("River", admin.id);
  EXPECT_TRUE(fails_with(await(store().update_room(boca.id, patch([](auto& p) {
                                                     p.name = "River";
                                                     p.description = "x";
                                                   }))),
                         store_errc::duplicate_room_name));
  const auto found = must(store().find_room(boca.id));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Boca");
  EXPECT_EQ(found->description, std::nullopt);  // nothing of the refused patch stuck
  // Keeping its own name is not a duplicate.
  EXPECT_EQ(must(store().update_room(boca.id, patch([](auto& p) { p.name = "Boca"; }))).name,
            "Boca");
}

TEST_P(StoreContract, Room5UpdateOrDeleteOfAnUnknownRoomIsNotFound) {
  EXPECT_TRUE(fails_with(
      await(store().update_room(k_unknown_room, patch([](auto& p) { p.name = "Ghost"; }))),
      store_errc::not_found));
  EXPECT_TRUE(fails_with(await(store().delete_room(k_unknown_room)), store_errc::not_found));
}

TEST_P(StoreContract, Room3DeleteRoomRemovesItsMembershipsAndMessages) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto doomed = make_room("Doomed", admin.id, room_access::private_room, {b.id});
  const auto kept = make_room("Kept", admin.id, room_access::public_room, {b.id});
  post(doomed.id, admin.id, "bye");
  post(doomed.id, b.id, "bye too");
  const auto kept_message = post(kept.id, b.id, "still here");

  must(store().delete_room(doomed.id));

  EXPECT_EQ(must(store().find_room(doomed.id)), std::nullopt);
  EXPECT_FALSE(must(store().is_member(doomed.id, admin.id)));
  EXPECT_FALSE(must(store().is_member(doomed.id, b.id)));
  EXPECT_TRUE(must(store().room_members(doomed.id)).empty());
  EXPECT_EQ(must(store().message_count(doomed.id)), 0);
  const auto page = must(store().messages_page(doomed.id, std::nullopt, 50));
  EXPECT_TRUE(page.messages.empty());
  EXPECT_FALSE(page.has_older);
  EXPECT_TRUE(must(store().messages_after(doomed.id, 0, 50)).empty());
  EXPECT_EQ(must(store().member_counts({doomed.id})), (std::vector<std::int64_t>{0}));
  const auto latest = must(store().latest_messages({doomed.id}));
  ASSERT_EQ(latest.size(), 1U);
  EXPECT_EQ(latest[0], std::nullopt);
  EXPECT_EQ(ids_of(must(store().rooms_of_user(b.id))), (std::vector<room_id>{kept.id}));
  EXPECT_TRUE(
      fails_with(await(store().insert_message(domain::new_message{
                     .room = doomed.id, .author = b.id, .content = "late", .image_url = {}})),
                 store_errc::not_found));
  EXPECT_TRUE(fails_with(await(store().delete_room(doomed.id)), store_errc::not_found));

  // The other room is untouched, and the deleted room's name is free again.
  EXPECT_TRUE(must(store().is_member(kept.id, b.id)));
  EXPECT_EQ(ids_of(must(store().messages_after(kept.id, 0, 50))),
            (std::vector<message_id>{kept_message.id}));
  make_room("Doomed", b.id);
}

TEST_P(StoreContract, DeletingAUserKeepsRoomsConsistent) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto room = make_room("Stays", admin.id, room_access::private_room, {b.id});
  post(room.id, admin.id, "from the admin");
  const auto bobs = post(room.id, b.id, "from bob");
  must(store().create_refresh_family(
      domain::refresh_family{.id = "family-admin",
                             .user = admin.id,
                             .current_token = "t1",
                             .revoked = false,
                             .created_at = domain::now(),
                             .expires_at = domain::now() + std::chrono::hours(1)}));

  must(store().delete_user(admin.id));

  EXPECT_EQ(must(store().find_user(admin.id)), std::nullopt);
  const auto kept = must(store().find_room(room.id));
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->admin_id, std::nullopt);  // the room stays, without an admin
  EXPECT_FALSE(must(store().is_member(room.id, admin.id)));
  EXPECT_TRUE(must(store().is_member(room.id, b.id)));
  EXPECT_EQ(must(store().member_counts({room.id})), (std::vector<std::int64_t>{1}));
  // The account's messages go with it; the others stay.
  EXPECT_EQ(ids_of(must(store().messages_after(room.id, 0, 50))),
            (std::vector<message_id>{bobs.id}));
  EXPECT_EQ(must(store().message_count(room.id)), 1);
  EXPECT_EQ(must(store().rotate_refresh_token("family-admin", admin.id, "t1", "t2",
                                              domain::now() + std::chrono::hours(1))),
            ports::rotation::invalid);
  EXPECT_TRUE(fails_with(await(store().delete_user(admin.id)), store_errc::not_found));
  // The email and the full name are free again.
  make_user("Admin");
}

// ============================== memberships (ROOM-3, ROOM-4, ROOM-5)
// ==============================

TEST_P(StoreContract, Room3AddingExistingMembersIsANoOpAndAnswersOnlyNewOnes) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto d = make_user("Dani");
  const auto r = make_room("Boca", admin.id, room_access::private_room, {b.id});
  const auto added = must(store().add_members(r.id, {admin.id, c.id, b.id, d.id, c.id}));
  EXPECT_EQ(sorted(added), sorted({c.id, d.id}));
  EXPECT_TRUE(must(store().is_member(r.id, c.id)));
  EXPECT_TRUE(must(store().is_member(r.id, d.id)));
  EXPECT_EQ(must(store().member_counts({r.id})), (std::vector<std::int64_t>{4}));
  EXPECT_TRUE(must(store().add_members(r.id, {b.id, c.id})).empty());
  EXPECT_EQ(must(store().member_counts({r.id})), (std::vector<std::int64_t>{4}));
}

TEST_P(StoreContract, Room3AddingAnUnknownUserIsNotFoundAndAddsNobody) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto r = make_room("Boca", admin.id);
  EXPECT_TRUE(
      fails_with(await(store().add_members(r.id, {b.id, k_unknown_user})), store_errc::not_found));
  EXPECT_FALSE(must(store().is_member(r.id, b.id)));
  EXPECT_EQ(must(store().member_counts({r.id})), (std::vector<std::int64_t>{1}));
}

TEST_P(StoreContract, Room3AddingToAnUnknownRoomIsNotFound) {
  const auto b = make_user("Bob");
  EXPECT_TRUE(
      fails_with(await(store().add_members(k_unknown_room, {b.id})), store_errc::not_found));
  EXPECT_TRUE(must(store().rooms_of_user(b.id)).empty());
}

TEST_P(StoreContract, Room5RemoveMembersAnswersOnlyTheRemovedMembers) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto outsider = make_user("Outsider");
  const auto r = make_room("Boca", admin.id, room_access::private_room, {b.id, c.id});
  const auto removed = must(store().remove_members(r.id, {b.id, outsider.id, k_unknown_user}));
  EXPECT_EQ(removed, (std::vector<user_id>{b.id}));
  EXPECT_FALSE(must(store().is_member(r.id, b.id)));
  EXPECT_TRUE(must(store().is_member(r.id, c.id)));
  EXPECT_TRUE(must(store().is_member(r.id, admin.id)));
  EXPECT_EQ(sorted(ids_of(must(store().room_members(r.id)))), sorted({admin.id, c.id}));
  EXPECT_TRUE(must(store().remove_members(r.id, {b.id})).empty());
  EXPECT_TRUE(must(store().rooms_of_user(b.id)).empty());
  // A removed member can be added back.
  EXPECT_EQ(must(store().add_members(r.id, {b.id})), (std::vector<user_id>{b.id}));
}

TEST_P(StoreContract, Room4RoomMembersListsMostRecentlyJoinedFirst) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto d = make_user("Dani");
  const auto r = make_room("Boca", admin.id);
  tick();
  must(store().add_members(r.id, {c.id}));
  tick();
  must(store().add_members(r.id, {b.id}));
  tick();
  must(store().add_members(r.id, {d.id}));
  const auto members = must(store().room_members(r.id));
  EXPECT_EQ(ids_of(members), (std::vector<user_id>{d.id, b.id, c.id, admin.id}));
  ASSERT_FALSE(members.empty());
  EXPECT_EQ(members[0].fullname, "Dani");
  EXPECT_TRUE(must(store().room_members(k_unknown_room)).empty());
}

TEST_P(StoreContract, Room4RoomsOfUserListsMostRecentActivityFirst) {
  const auto u = make_user("Ana");
  const auto other = make_user("Bob");
  const auto first = make_room("First", u.id);
  tick();
  const auto second = make_room("Second", other.id, room_access::public_room, {u.id});
  tick();
  const auto third = make_room("Third", u.id);
  tick();
  make_room("Not mine", other.id);
  tick();
  EXPECT_EQ(ids_of(must(store().rooms_of_user(u.id))),
            (std::vector<room_id>{third.id, second.id, first.id}));
  post(first.id, u.id, "wake up");
  tick();
  EXPECT_EQ(ids_of(must(store().rooms_of_user(u.id))),
            (std::vector<room_id>{first.id, third.id, second.id}));
  post(second.id, other.id, "someone else's message counts too");
  EXPECT_EQ(ids_of(must(store().rooms_of_user(u.id))),
            (std::vector<room_id>{second.id, first.id, third.id}));
  EXPECT_TRUE(must(store().rooms_of_user(k_unknown_user)).empty());
}

TEST_P(StoreContract, Gql6MemberCountsAnswersInRequestOrder) {
  const auto admin = make_user("Admin");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto one = make_room("One", admin.id);
  const auto three = make_room("Three", admin.id, room_access::public_room, {b.id, c.id});
  EXPECT_EQ(must(store().member_counts({three.id, k_unknown_room, one.id, three.id})),
            (std::vector<std::int64_t>{3, 0, 1, 3}));
  EXPECT_TRUE(must(store().member_counts({})).empty());
}

TEST_P(StoreContract, Gql6LatestMessagesAnswersEachRoomsNewestMessageInRequestOrder) {
  const auto admin = make_user("Admin");
  const auto busy = make_room("Busy", admin.id);
  const auto quiet = make_room("Quiet", admin.id);
  const auto other = make_room("Other", admin.id);
  post(busy.id, admin.id, "first");
  const auto other_last = post(other.id, admin.id, "other");
  const auto busy_last = post(busy.id, admin.id, "second");
  const auto got =
      must(store().latest_messages({busy.id, quiet.id, k_unknown_room, other.id, busy.id}));
  ASSERT_EQ(got.size(), 5U);
  ASSERT_TRUE(got[0].has_value());
  EXPECT_EQ(got[0]->id, busy_last.id);
  EXPECT_EQ(got[0]->content, "second");
  EXPECT_EQ(got[0]->room, busy.id);
  EXPECT_EQ(got[1], std::nullopt);
  EXPECT_EQ(got[2], std::nullopt);
  ASSERT_TRUE(got[3].has_value());
  EXPECT_EQ(got[3]->id, other_last.id);
  ASSERT_TRUE(got[4].has_value());
  EXPECT_EQ(got[4]->id, busy_last.id);
  EXPECT_TRUE(must(store().latest_messages({})).empty());
}

// ============================== room search (ROOM-4) ==============================

TEST_P(StoreContract, Room4SearchRoomsCoversPublicRoomsAndTheViewersPrivateRooms) {
  const auto viewer = make_user("Viewer");
  const auto other = make_user("Other");
  const auto pub = make_room("Boca Public", other.id, room_access::public_room);
  const auto mine = make_room("boca mine", viewer.id, room_access::private_room);
  const auto joined = make_room("BOCA joined", other.id, room_access::private_room, {viewer.id});
  make_room("Boca secret", other.id, room_access::private_room);
  make_room("River", other.id, room_access::public_room);
  const auto found = must(store().search_rooms("bOcA", viewer.id, 50));
  EXPECT_EQ(found.total, 3);
  const auto ids = ids_of(found.rooms);
  EXPECT_EQ(std::set<room_id>(ids.begin(), ids.end()),
            (std::set<room_id>{pub.id, mine.id, joined.id}));
  // Another viewer sees only the public one.
  const auto stranger = make_user("Stranger");
  const auto theirs = must(store().search_rooms("boca", stranger.id, 50));
  EXPECT_EQ(ids_of(theirs.rooms), (std::vector<room_id>{pub.id}));
  EXPECT_EQ(theirs.total, 1);
  const auto none = must(store().search_rooms("zzz", viewer.id, 50));
  EXPECT_TRUE(none.rooms.empty());
  EXPECT_EQ(none.total, 0);
}

TEST_P(StoreContract, Room4SearchRoomsOrdersByMostMembersThenNewest) {
  const auto viewer = make_user("Viewer");
  const auto b = make_user("Bob");
  const auto c = make_user("Carla");
  const auto old_small = make_room("Fans old small", viewer.id, room_access::public_room);
  tick();
  const auto big = make_room("Fans big", b.id, room_access::public_room, {c.id, viewer.id});
  tick();
  const auto mid_old = make_room("Fans mid old", b.id, room_access::private_room, {viewer.id});
  tick();
  const auto mid_new = make_room("Fans mid new", c.id, room_access::public_room, {b.id});
  tick();
  const auto new_small = make_room("Fans new small", c.id, room_access::public_room);
  const auto found = must(store().search_rooms("fans", viewer.id, 50));
  EXPECT_EQ(ids_of(found.rooms),
            (std::vector<room_id>{big.id, mid_new.id, mid_old.id, new_small.id, old_small.id}));
  EXPECT_EQ(found.total, 5);
}

TEST_P(StoreContract, Room4SearchRoomsTotalCountsAllMatchesBeyondTheLimit) {
  const auto viewer = make_user("Viewer");
  std::vector<room_id> created;
  for (int i = 0; i < 5; ++i) {
    created.push_back(make_room("Match " + std::to_string(i), viewer.id).id);
    tick();
  }
  make_room("Other", viewer.id);
  const auto found = must(store().search_rooms("match", viewer.id, 2));
  EXPECT_EQ(found.total, 5);
  // Equal member counts: newest first.
  EXPECT_EQ(ids_of(found.rooms), (std::vector<room_id>{created[4], created[3]}));
}

TEST_P(StoreContract, Room4SearchRoomsMatchesLikeMetacharactersLiterally) {
  const auto viewer = make_user("Viewer");
  const auto percent = make_room("100% Boca", viewer.id);
  make_room("1000 Boca", viewer.id);
  const auto underscore = make_room("boca_juniors", viewer.id);
  make_room("bocaXjuniors", viewer.id);
  const auto backslash = make_room("back\\slash", viewer.id);
  make_room("backslash", viewer.id);
  auto only = [&](const std::string& term) {
    return ids_of(must(store().search_rooms(term, viewer.id, 50)).rooms);
  };
  EXPECT_EQ(only("0%"), (std::vector<room_id>{percent.id}));
  EXPECT_EQ(only("a_j"), (std::vector<room_id>{underscore.id}));
  EXPECT_EQ(only("k\\s"), (std::vector<room_id>{backslash.id}));
  EXPECT_EQ(must(store().search_rooms("%", viewer.id, 50)).total, 1);
  EXPECT_EQ(must(store().search_rooms("_", viewer.id, 50)).total, 1);
}

// ============================== messages (MSG-1, MSG-2, RT-1, REL-2)
// ==============================

TEST_P(StoreContract, Msg1InsertMessageAnswersIncreasingIdsAndTheStoredFields) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const auto text = post(r.id, u.id, "¡Gol! ⚽ 'quoted' $1 \"x\"");
  EXPECT_GT(text.id, 0);
  EXPECT_EQ(text.room, r.id);
  EXPECT_EQ(text.author, u.id);
  EXPECT_EQ(text.content, "¡Gol! ⚽ 'quoted' $1 \"x\"");
  EXPECT_EQ(text.image_url, std::nullopt);
  EXPECT_TRUE(is_recent(text.created_at));
  EXPECT_GE(text.updated_at, text.created_at);

  const auto image = must(store().insert_message(domain::new_message{
      .room = r.id, .author = u.id, .content = "", .image_url = "http://x/u/1.png"}));
  EXPECT_GT(image.id, text.id);
  EXPECT_EQ(image.content, "");
  EXPECT_EQ(image.image_url, std::optional<std::string>("http://x/u/1.png"));

  message_id last = image.id;
  for (int i = 0; i < 10; ++i) {
    const auto m = post(r.id, u.id, "m" + std::to_string(i));
    EXPECT_GT(m.id, last);
    last = m.id;
  }

  const auto stored = must(store().messages_after(r.id, 0, 2));
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(stored[0].id, text.id);
  EXPECT_EQ(stored[0].content, text.content);
  EXPECT_EQ(stored[0].author, u.id);
  EXPECT_EQ(stored[0].created_at, text.created_at);
  EXPECT_EQ(stored[1].image_url, image.image_url);
}

TEST_P(StoreContract, Msg1InsertMessageIntoAnUnknownRoomIsNotFound) {
  const auto u = make_user("Ana");
  EXPECT_TRUE(
      fails_with(await(store().insert_message(domain::new_message{
                     .room = k_unknown_room, .author = u.id, .content = "x", .image_url = {}})),
                 store_errc::not_found));
}

TEST_P(StoreContract, Msg2MessagesPageIsNewestFirstWithAnExclusiveCursor) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const auto noise = make_room("Noise", u.id);
  std::vector<message_id> ids;  // oldest first
  for (int i = 0; i < 25; ++i) {
    ids.push_back(post(r.id, u.id, "m" + std::to_string(i)).id);
    post(noise.id, u.id, "noise");
  }
  const std::vector<message_id> newest_first(ids.rbegin(), ids.rend());

  const auto p1 = must(store().messages_page(r.id, std::nullopt, 10));
  EXPECT_EQ(ids_of(p1.messages),
            std::vector<message_id>(newest_first.begin(), newest_first.begin() + 10));
  EXPECT_TRUE(p1.has_older);
  ASSERT_FALSE(p1.messages.empty());
  EXPECT_EQ(p1.messages.front().content, "m24");
  EXPECT_EQ(p1.messages.front().room, r.id);

  const auto p2 = must(store().messages_page(r.id, p1.messages.back().id, 10));
  EXPECT_EQ(ids_of(p2.messages),
            std::vector<message_id>(newest_first.begin() + 10, newest_first.begin() + 20));
  EXPECT_TRUE(p2.has_older);

  ASSERT_FALSE(p2.messages.empty());
  const auto p3 = must(store().messages_page(r.id, p2.messages.back().id, 10));
  EXPECT_EQ(ids_of(p3.messages),
            std::vector<message_id>(newest_first.begin() + 20, newest_first.end()));
  EXPECT_FALSE(p3.has_older);

  const auto past_oldest = must(store().messages_page(r.id, ids.front(), 10));
  EXPECT_TRUE(past_oldest.messages.empty());
  EXPECT_FALSE(past_oldest.has_older);

  // A cursor need not be a message of the room: any id works as a bound.
  const auto beyond = must(store().messages_page(r.id, ids.back() + 1'000'000, 3));
  EXPECT_EQ(ids_of(beyond.messages),
            std::vector<message_id>(newest_first.begin(), newest_first.begin() + 3));

  const auto empty = must(store().messages_page(k_unknown_room, std::nullopt, 10));
  EXPECT_TRUE(empty.messages.empty());
  EXPECT_FALSE(empty.has_older);
}

TEST_P(StoreContract, Msg2HasOlderIsExactAtTheBoundary) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  std::vector<message_id> ids;
  for (int i = 0; i < 11; ++i)
    ids.push_back(post(r.id, u.id, "m" + std::to_string(i)).id);

  // Exactly `take` messages left: none older.
  const auto exact = must(store().messages_page(r.id, ids[10], 10));
  EXPECT_EQ(exact.messages.size(), 10U);
  EXPECT_FALSE(exact.has_older);
  // One more than `take`: one older.
  const auto one_more = must(store().messages_page(r.id, std::nullopt, 10));
  EXPECT_EQ(one_more.messages.size(), 10U);
  EXPECT_TRUE(one_more.has_older);
  // All of them in one page.
  const auto all = must(store().messages_page(r.id, std::nullopt, 11));
  EXPECT_EQ(all.messages.size(), 11U);
  EXPECT_FALSE(all.has_older);
  const auto single = must(store().messages_page(r.id, ids[1], 1));
  EXPECT_EQ(ids_of(single.messages), (std::vector<message_id>{ids[0]}));
  EXPECT_FALSE(single.has_older);
}

TEST_P(StoreContract, Msg2MessageCountCountsOnlyTheRoomsMessages) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const auto other = make_room("River", u.id);
  EXPECT_EQ(must(store().message_count(r.id)), 0);
  for (int i = 0; i < 7; ++i)
    post(r.id, u.id, "m");
  post(other.id, u.id, "m");
  EXPECT_EQ(must(store().message_count(r.id)), 7);
  EXPECT_EQ(must(store().message_count(other.id)), 1);
  EXPECT_EQ(must(store().message_count(k_unknown_room)), 0);
}

TEST_P(StoreContract, Rt1MessagesAfterIsOldestFirstAndHonoursTheLimit) {
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const auto other = make_room("River", u.id);
  std::vector<message_id> ids;
  for (int i = 0; i < 8; ++i) {
    ids.push_back(post(r.id, u.id, "m" + std::to_string(i)).id);
    post(other.id, u.id, "other");
  }
  EXPECT_EQ(ids_of(must(store().messages_after(r.id, ids[2], 3))),
            (std::vector<message_id>{ids[3], ids[4], ids[5]}));
  EXPECT_EQ(ids_of(must(store().messages_after(r.id, ids[5], 50))),
            (std::vector<message_id>{ids[6], ids[7]}));
  EXPECT_EQ(ids_of(must(store().messages_after(r.id, 0, 50))), ids);
  EXPECT_TRUE(must(store().messages_after(r.id, ids[7], 50)).empty());
}

TEST_P(StoreContract, Msg2PagingStaysStableWhileOtherWritersInsert) {
  constexpr int k_existing = 1000;
  constexpr int k_take = 37;
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);

  auto sink = std::make_shared<id_sink>();
  sink->per_task.resize(8);
  {
    std::vector<asio::awaitable<void>> tasks;
    for (std::size_t t = 0; t < 8; ++t) {
      tasks.push_back(insert_many(&store(), r.id, u.id, k_existing / 8, t, sink));
    }
    run_all(io(), std::move(tasks), 2);
  }
  std::vector<message_id> existing;
  for (const auto& ids : sink->per_task)
    existing.insert(existing.end(), ids.begin(), ids.end());
  std::sort(existing.begin(), existing.end());
  ASSERT_EQ(existing.size(), static_cast<std::size_t>(k_existing));
  const message_id newest_existing = existing.back();

  // The writer: its own thread and io_context, inserting until told to stop.
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable acked;
  std::int64_t written = 0;
  std::exception_ptr writer_error;
  std::thread writer([&] {
    asio::io_context writer_io;
    try {
      for (int i = 0; !stop.load(); ++i) {
        ok(run(writer_io,
               store().insert_message(domain::new_message{.room = r.id,
                                                          .author = u.id,
                                                          .content = "w" + std::to_string(i),
                                                          .image_url = {}})));
        const std::lock_guard lock(mutex);
        ++written;
        acked.notify_all();
      }
    } catch (...) {
      const std::lock_guard lock(mutex);
      writer_error = std::current_exception();
      acked.notify_all();
    }
  });
  // Waits until the writer has acknowledged more than `seen` messages.
  auto wait_for_writes = [&](std::int64_t seen) {
    std::unique_lock lock(mutex);
    return acked.wait_for(lock, 30s, [&] { return written > seen || writer_error; });
  };

  std::vector<message_id> paged;
  bool paging_ok = wait_for_writes(0);
  std::optional<message_id> cursor;
  for (int pages = 0; paging_ok && pages < 200; ++pages) {
    std::int64_t before_page = 0;
    {
      const std::lock_guard lock(mutex);
      before_page = written;
    }
    auto page = await(store().messages_page(r.id, cursor, k_take));
    if (!page) {
      ADD_FAILURE() << "messages_page failed: " << ports::name_of(page.error().code) << " "
                    << page.error().detail;
      break;
    }
    for (const auto& m : page->messages)
      paged.push_back(m.id);
    if (!page->has_older) break;
    if (page->messages.empty()) {
      ADD_FAILURE() << "has_older with an empty page";
      break;
    }
    cursor = page->messages.back().id;
    // Interleave for sure: at least one insert lands between this page and the next.
    paging_ok = wait_for_writes(before_page);
  }
  stop = true;
  writer.join();
  if (writer_error) std::rethrow_exception(writer_error);
  ASSERT_TRUE(paging_ok) << "the writer stalled";

  // Newest first, no repeats.
  for (std::size_t i = 1; i < paged.size(); ++i) {
    ASSERT_GT(paged[i - 1], paged[i]) << "at position " << i;
  }
  // Every message that existed at the start, exactly once; anything else is newer.
  std::vector<message_id> seen_existing;
  for (const auto id : paged) {
    if (std::binary_search(existing.begin(), existing.end(), id)) {
      seen_existing.push_back(id);
    } else {
      EXPECT_GT(id, newest_existing) << "a message that is neither old nor new";
    }
  }
  std::reverse(seen_existing.begin(), seen_existing.end());
  EXPECT_EQ(seen_existing, existing);
  EXPECT_GT(written, 0);
  EXPECT_EQ(must(store().message_count(r.id)), k_existing + written);
}

TEST_P(StoreContract, Rel2ConcurrentInsertsFromSixteenCoroutinesAreAllAcknowledgedAndReadable) {
  constexpr int k_tasks = 16;
  constexpr int k_each = 10;
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  auto sink = std::make_shared<id_sink>();
  sink->per_task.resize(k_tasks);
  std::vector<asio::awaitable<void>> tasks;
  for (std::size_t t = 0; t < k_tasks; ++t) {
    tasks.push_back(insert_many(&store(), r.id, u.id, k_each, t, sink));
  }
  run_all(io(), std::move(tasks), 4);

  std::vector<message_id> acknowledged;
  for (const auto& ids : sink->per_task) {
    ASSERT_EQ(ids.size(), static_cast<std::size_t>(k_each));
    // One coroutine's inserts are ordered, so are their ids.
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()) &&
                std::adjacent_find(ids.begin(), ids.end()) == ids.end());
    acknowledged.insert(acknowledged.end(), ids.begin(), ids.end());
  }
  std::sort(acknowledged.begin(), acknowledged.end());
  EXPECT_EQ(std::adjacent_find(acknowledged.begin(), acknowledged.end()), acknowledged.end())
      << "an id was handed out twice";
  EXPECT_EQ(must(store().message_count(r.id)), k_tasks * k_each);
  EXPECT_EQ(ids_of(must(store().messages_after(r.id, 0, 1000))), acknowledged);
  const auto page = must(store().messages_page(r.id, std::nullopt, 1000));
  EXPECT_EQ(ids_of(page.messages),
            std::vector<message_id>(acknowledged.rbegin(), acknowledged.rend()));
  EXPECT_FALSE(page.has_older);
}

TEST_P(StoreContract, Msg1AnInsertIntoAGoneRoomFailsAloneAmongConcurrentInserts) {
  // Adapters that group concurrent writes must not let one bad write fail the others.
  const auto u = make_user("Ana");
  const auto r = make_room("Boca", u.id);
  const room_id gone = r.id + 1000;
  auto out = std::make_shared<insert_outcomes>();
  std::vector<asio::awaitable<void>> tasks;
  for (int i = 0; i < 24; ++i) {
    tasks.push_back(insert_once(&store(), i % 8 == 3 ? gone : r.id, u.id, out));
  }
  run_all(io(), std::move(tasks), 2);
  int stored = 0;
  int refused = 0;
  for (const auto& [room, error] : out->results) {
    if (room == gone) {
      EXPECT_EQ(error, std::optional(store_errc::not_found));
      ++refused;
    } else {
      EXPECT_EQ(error, std::nullopt);
      ++stored;
    }
  }
  EXPECT_EQ(refused, 3);
  EXPECT_EQ(stored, 21);
  EXPECT_EQ(must(store().message_count(r.id)), 21);
}

}  // namespace
}  // namespace chat::contract
