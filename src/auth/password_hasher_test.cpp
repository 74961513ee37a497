// Tests for bcrypt password hashing off the network threads (SPEC AUTH-1, AUTH-2).

#include "auth/password_hasher.hpp"

#include <dirent.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <exception>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

using chat::auth::hash_result;
using chat::auth::hash_status;
using chat::auth::password_hasher;
using chat::auth::password_hasher_options;
using chat::auth::verify_result;

// SPEC AUTH-1: made by the old backend's bcrypt library.
constexpr const char* k_password = "password123";
constexpr const char* k_old_hash = "$2b$10$vf4F43B9vfNZQBTFacYFDesLRIIHwGNemLB.khGw2FwnYCtkahcIK";

password_hasher_options fast(unsigned threads = 1) {
  password_hasher_options o;
  o.threads = threads;
  o.cost = 4;
  return o;
}

/// Runs `a` to completion on a fresh io_context on this thread.
template <class T>
T await(boost::asio::awaitable<T> a) {
  boost::asio::io_context io;
  std::optional<T> out;
  std::exception_ptr failure;
  boost::asio::co_spawn(io, std::move(a), [&](std::exception_ptr e, T value) {
    failure = e;
    out = std::move(value);
  });
  io.run();
  if (failure) std::rethrow_exception(failure);
  EXPECT_TRUE(out.has_value());
  return out.value_or(T{});
}

verify_result verify(password_hasher& h, std::string password, std::string stored) {
  return await(h.verify(std::move(password), std::move(stored)));
}

// ---- hashing and verifying ----

TEST(PasswordHasher, TheOldBackendsHashOfPassword123Verifies) {
  password_hasher_options o;
  o.threads = 1;
  password_hasher h(o);
  const verify_result r = verify(h, k_password, k_old_hash);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.matches);
}

TEST(PasswordHasher, AWrongPasswordDoesNotMatch) {
  password_hasher h(fast());
  for (const char* wrong : {"password124", "Password123", "password12", "password1234", ""}) {
    const verify_result r = verify(h, wrong, k_old_hash);
    EXPECT_TRUE(r.ok()) << wrong;
    EXPECT_FALSE(r.matches) << wrong;
  }
}

TEST(PasswordHasher, TheTwoAAndTwoYSpellingsOfAHashVerifyToo) {
  password_hasher h(fast());
  for (const char* prefix : {"$2a$", "$2y$"}) {
    const std::string stored = prefix + std::string(k_old_hash).substr(4);
    EXPECT_TRUE(verify(h, k_password, stored).matches) << stored;
    EXPECT_FALSE(verify(h, "password124", stored).matches) << stored;
  }
}

TEST(PasswordHasher, AHashIsBcrypt2bAtCost10ByDefaultAndVerifies) {
  password_hasher_options o;
  o.threads = 1;
  password_hasher h(o);
  EXPECT_EQ(h.cost(), 10);
  const hash_result made = await(h.hash("correct horse battery staple"));
  ASSERT_TRUE(made.ok()) << name_of(made.status);
  EXPECT_EQ(made.hash.substr(0, 7), "$2b$10$");
  EXPECT_EQ(made.hash.size(), 60U);
  EXPECT_TRUE(verify(h, "correct horse battery staple", made.hash).matches);
  EXPECT_FALSE(verify(h, "correct horse battery stapler", made.hash).matches);
}

TEST(PasswordHasher, EveryHashHasItsOwnSalt) {
  password_hasher h(fast());
  const hash_result a = await(h.hash(k_password));
  const hash_result b = await(h.hash(k_password));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.hash.substr(0, 7), "$2b$04$");
  EXPECT_NE(a.hash, b.hash);
  EXPECT_TRUE(verify(h, k_password, a.hash).matches);
  EXPECT_TRUE(verify(h, k_password, b.hash).matches);
}

TEST(PasswordHasher, AnUnknownUserNeverMatches) {
  password_hasher h(fast());
  for (const char* password : {k_password, "", "chatd: no such user", "anything at all"}) {
    const verify_result r = await(h.verify_unknown_user(password));
    EXPECT_TRUE(r.ok()) << password;
    EXPECT_FALSE(r.matches) << password;
  }
}

TEST(PasswordHasher, AStoredValueThatIsNotABcryptHashNeverMatches) {
  password_hasher h(fast());
  const std::string body(k_old_hash + 7);
  const std::vector<std::string> garbage = {
      "",
      "garbage",
      k_password,
      "$2b$10$",
      std::string(k_old_hash).substr(0, 59),
      std::string(k_old_hash) + "x",
      "$2x$10$" + body,
      "$2c$10$" + body,
      "$2b$99$" + body,  // a cost crypt refuses
      "$2b$03$" + body,
      "$2b$1a$" + body,
      "$2b$10$" + std::string(53, '!'),
      "$2b$10$" + body.substr(0, 52) + std::string(1, '\0'),
      "$6$rounds=5000$saltsalt$" + std::string(40, 'a'),
      "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/",
      "abJnggxhB/yWI",  // DES crypt of "password"
  };
  for (const std::string& stored : garbage) {
    const verify_result r = verify(h, k_password, stored);
    EXPECT_TRUE(r.ok()) << stored;
    EXPECT_FALSE(r.matches) << stored;
  }
}

TEST(PasswordHasher, APasswordContainingANulByteIsRefused) {
  password_hasher h(fast());
  const std::string with_nul("password123\0tail", 16);
  const hash_result made = await(h.hash(with_nul));
  EXPECT_EQ(made.status, hash_status::failed);
  EXPECT_TRUE(made.hash.empty());
  // crypt would stop at the NUL and see "password123".
  const verify_result r = verify(h, with_nul, k_old_hash);
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(r.matches);
}

TEST(PasswordHasher, ACostOutside4To31IsRefusedAtConstruction) {
  for (int cost : {-1, 0, 3, 32, 100}) {
    password_hasher_options o = fast();
    o.cost = cost;
    EXPECT_THROW(password_hasher{o}, std::invalid_argument) << cost;
  }
}

TEST(PasswordHasher, StatusesHaveShortNames) {
  EXPECT_EQ(name_of(hash_status::ok), "ok");
  EXPECT_EQ(name_of(hash_status::busy), "busy");
  EXPECT_EQ(name_of(hash_status::failed), "failed");
  EXPECT_EQ(name_of(hash_status::stopped), "stopped");
}

// ---- threads, queueing and shutdown ----

/// Awaits a verify and says on which thread the coroutine resumed.
boost::asio::awaitable<std::pair<verify_result, std::thread::id>> verify_and_tell(
    password_hasher& h, std::string stored) {
  std::string password = k_password;
  const verify_result r = co_await h.verify(std::move(password), std::move(stored));
  std::pair<verify_result, std::thread::id> out(r, std::this_thread::get_id());
  co_return out;
}

TEST(PasswordHasher, TheCoroutineResumesOnTheCallersIoThread) {
  password_hasher_options o = fast(2);
  password_hasher h(o);
  const hash_result made = await(h.hash(k_password));
  ASSERT_TRUE(made.ok());
  boost::asio::io_context io;
  std::vector<std::pair<verify_result, std::thread::id>> answers;
  for (int i = 0; i < 4; ++i) {
    boost::asio::co_spawn(io, verify_and_tell(h, made.hash),
                          [&](std::exception_ptr e, std::pair<verify_result, std::thread::id> a) {
                            EXPECT_FALSE(e);
                            answers.push_back(a);
                          });
  }
  std::thread::id io_thread;
  std::thread runner([&] {
    io_thread = std::this_thread::get_id();
    io.run();
  });
  runner.join();
  ASSERT_EQ(answers.size(), 4U);
  for (const auto& [r, resumed_on] : answers) {
    EXPECT_TRUE(r.ok());
    EXPECT_TRUE(r.matches);
    EXPECT_EQ(resumed_on, io_thread);
  }
}

TEST(PasswordHasher, JobsBeyondTheQueueLimitAreBusy) {
  password_hasher_options o = fast(1);
  o.cost = 8;  // long enough that the single worker cannot drain the queue meanwhile
  o.max_queued = 1;
  password_hasher h(o);
  boost::asio::io_context io;
  std::vector<hash_status> statuses;
  for (int i = 0; i < 6; ++i) {
    boost::asio::co_spawn(io, h.hash(k_password), [&](std::exception_ptr e, hash_result r) {
      EXPECT_FALSE(e);
      statuses.push_back(r.status);
    });
  }
  io.run();
  ASSERT_EQ(statuses.size(), 6U);
  int ok = 0;
  int busy = 0;
  for (const hash_status s : statuses) {
    if (s == hash_status::ok) ++ok;
    if (s == hash_status::busy) ++busy;
  }
  EXPECT_EQ(ok + busy, 6);
  EXPECT_GE(ok, 1);
  EXPECT_GE(busy, 1);
  // Room again once the queue drained.
  EXPECT_TRUE(await(h.hash(k_password)).ok());
}

TEST(PasswordHasher, DestroyingTheHasherAnswersEveryWaitingJob) {
  password_hasher_options o = fast(1);
  o.cost = 8;
  auto h = std::make_unique<password_hasher>(o);
  boost::asio::io_context io;
  std::vector<hash_status> statuses;
  for (int i = 0; i < 5; ++i) {
    boost::asio::co_spawn(io, h->hash(k_password), [&](std::exception_ptr e, hash_result r) {
      EXPECT_FALSE(e);
      statuses.push_back(r.status);
    });
  }
  io.poll();  // every coroutine has queued its job and waits
  h.reset();  // the running job finishes, the waiting ones are answered `stopped`
  io.run();
  ASSERT_EQ(statuses.size(), 5U);
  int stopped = 0;
  for (const hash_status s : statuses) {
    EXPECT_TRUE(s == hash_status::ok || s == hash_status::stopped) << name_of(s);
    if (s == hash_status::stopped) ++stopped;
  }
  EXPECT_GE(stopped, 1);
}

TEST(PasswordHasher, ManyCallersOnSeveralThreadsAreAllAnswered) {
  password_hasher h(fast(2));
  const hash_result made = await(h.hash(k_password));
  ASSERT_TRUE(made.ok());
  boost::asio::io_context io;
  std::atomic<int> matched{0};
  std::atomic<int> answered{0};
  for (int i = 0; i < 40; ++i) {
    const bool right = i % 2 == 0;
    boost::asio::co_spawn(io, h.verify(right ? k_password : "nope", made.hash),
                          [&, right](std::exception_ptr e, verify_result r) {
                            EXPECT_FALSE(e);
                            EXPECT_TRUE(r.ok());
                            EXPECT_EQ(r.matches, right);
                            if (r.matches) ++matched;
                            ++answered;
                          });
  }
  std::vector<std::thread> runners;
  for (int i = 0; i < 3; ++i)
    runners.emplace_back([&] { io.run(); });
  for (auto& t : runners)
    t.join();
  EXPECT_EQ(answered.load(), 40);
  EXPECT_EQ(matched.load(), 20);
}

/// The nice value of each of this process's threads (field 19 of /proc/self/task/*/stat).
std::vector<std::pair<std::string, int>> thread_nice_values() {
  std::vector<std::pair<std::string, int>> out;
  DIR* dir = opendir("/proc/self/task");
  if (dir == nullptr) return out;
  while (const dirent* entry = readdir(dir)) {
    const std::string tid = entry->d_name;
    if (tid == "." || tid == "..") continue;
    std::ifstream stat("/proc/self/task/" + tid + "/stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    // The command name (field 2) may hold spaces: count fields after its ')'.
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field;
    for (int i = 3; i < 19 && rest >> field; ++i) {
    }
    int nice = 0;
    if (rest >> nice) out.emplace_back(tid, nice);
  }
  closedir(dir);
  return out;
}

int main_thread_nice() {
  for (const auto& [tid, nice] : thread_nice_values()) {
    if (tid == std::to_string(getpid())) return nice;
  }
  return 0;
}

TEST(PasswordHasher, WorkersLowerTheirOwnPriorityOnly) {
  const int before = main_thread_nice();
  if (before >= 10) GTEST_SKIP() << "the tests already run at nice " << before;
  password_hasher_options o = fast(1);
  o.nice = 10;
  password_hasher h(o);
  EXPECT_TRUE(verify(h, k_password, k_old_hash).matches);  // the worker has started
  bool found = false;
  for (const auto& [tid, nice] : thread_nice_values())
    found = found || nice == 10;
  EXPECT_TRUE(found);
  EXPECT_EQ(main_thread_nice(), before);
}

}  // namespace
