#include "auth/password_hasher.hpp"

#include <crypt.h>
#include <openssl/crypto.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cstring>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace chat::auth {

namespace {

constexpr int k_min_cost = 4;
constexpr int k_max_cost = 31;
constexpr std::size_t k_bcrypt_length = 60;  // "$2b$10$" + 22 salt + 31 hash characters

bool has_nul(const std::string& s) noexcept {
  return s.find('\0') != std::string::npos;
}

/// `$2a$`, `$2b$` or `$2y$`, two cost digits, `$`, then 53 characters of bcrypt's
/// alphabet: anything else (another crypt scheme, a truncated or empty value) is no
/// match without asking crypt.
bool looks_like_bcrypt(std::string_view s) noexcept {
  if (s.size() != k_bcrypt_length) return false;
  if (s[0] != '$' || s[1] != '2' || (s[2] != 'a' && s[2] != 'b' && s[2] != 'y') || s[3] != '$') {
    return false;
  }
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!digit(s[4]) || !digit(s[5]) || s[6] != '$') return false;
  return std::all_of(s.begin() + 7, s.end(), [&](char c) {
    return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '/';
  });
}

/// crypt's scratch space (about 32 KiB), wiped after use: it holds the password.
struct scratch {
  scratch() : data(std::make_unique<crypt_data>()) {}
  ~scratch() { OPENSSL_cleanse(data.get(), sizeof(crypt_data)); }
  scratch(const scratch&) = delete;
  scratch& operator=(const scratch&) = delete;
  std::unique_ptr<crypt_data> data;
};

hash_result hash_now(const std::string& password, int cost) {
  hash_result out;
  out.status = hash_status::failed;
  if (has_nul(password)) return out;
  char setting[CRYPT_GENSALT_OUTPUT_SIZE];
  // A null entropy source makes libxcrypt read the system's random generator.
  if (crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), nullptr, 0, setting,
                       sizeof setting) == nullptr) {
    return out;
  }
  scratch s;
  const char* hashed =
      crypt_rn(password.c_str(), setting, s.data.get(), static_cast<int>(sizeof(crypt_data)));
  if (hashed == nullptr || hashed[0] == '*') return out;
  out.hash = hashed;
  out.status = hash_status::ok;
  return out;
}

verify_result verify_now(const std::string& password, const std::string& stored) {
  verify_result out;
  out.status = hash_status::ok;
  if (has_nul(password) || !looks_like_bcrypt(stored)) return out;
  scratch s;
  const char* hashed = crypt_rn(password.c_str(), stored.c_str(), s.data.get(),
                                static_cast<int>(sizeof(crypt_data)));
  if (hashed == nullptr) return out;  // e.g. a cost outside 4..31
  const std::size_t length = std::strlen(hashed);
  out.matches = length == stored.size() && CRYPTO_memcmp(hashed, stored.data(), length) == 0;
  return out;
}

}  // namespace

std::string_view name_of(hash_status status) noexcept {
  switch (status) {
    case hash_status::ok:
      return "ok";
    case hash_status::busy:
      return "busy";
    case hash_status::failed:
      return "failed";
    case hash_status::stopped:
      return "stopped";
  }
  return "unknown";
}

struct password_hasher::job {
  virtual ~job() = default;
  /// On a worker: does the work and posts the answer to the awaiting coroutine.
  virtual void run() = 0;
  /// Posts `status` without doing the work.
  virtual void abandon(hash_status status) = 0;
};

template <class Result, class Work, class Handler>
class password_hasher::job_for final : public password_hasher::job {
 public:
  job_for(Work work, Handler handler)
      : work_(std::move(work)),
        handler_(std::move(handler)),
        // Tracked: the caller's io_context must not run out of work while it waits.
        executor_(boost::asio::prefer(boost::asio::get_associated_executor(handler_),
                                      boost::asio::execution::outstanding_work.tracked)) {}

  void run() override {
    Result r;
    try {
      r = work_();
    } catch (...) {  // only allocation can throw: answer rather than hang the caller
      r = Result{};
      r.status = hash_status::failed;
    }
    complete(std::move(r));
  }

  void abandon(hash_status status) override {
    Result r;
    r.status = status;
    complete(std::move(r));
  }

 private:
  void complete(Result r) {
    boost::asio::post(executor_, [handler = std::move(handler_), r = std::move(r)]() mutable {
      std::move(handler)(std::move(r));
    });
  }

  using executor_type = std::decay_t<decltype(boost::asio::prefer(
      std::declval<boost::asio::associated_executor_t<Handler>>(),
      boost::asio::execution::outstanding_work.tracked))>;

  Work work_;
  Handler handler_;
  executor_type executor_;
};

password_hasher::password_hasher(password_hasher_options options)
    : cost_(options.cost), max_queued_(std::max<std::size_t>(1, options.max_queued)) {
  if (cost_ < k_min_cost || cost_ > k_max_cost) {
    throw std::invalid_argument("bcrypt cost must be between 4 and 31");
  }
  // The phrase does not matter: verify_unknown_user never answers a match.
  hash_result dummy = hash_now("chatd: no such user", cost_);
  if (!dummy.ok()) throw std::runtime_error("crypt cannot make a bcrypt hash");
  dummy_hash_ = std::move(dummy.hash);

  unsigned threads = options.threads;
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  try {
    workers_.reserve(threads);
    for (unsigned i = 0; i < threads; ++i) {
      workers_.emplace_back([this, nice = options.nice] { work(nice); });
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : workers_)
      t.join();
    throw;
  }
}

password_hasher::~password_hasher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : workers_)
    t.join();
  std::deque<std::unique_ptr<job>> waiting;
  {
    std::lock_guard lock(mutex_);
    waiting.swap(queue_);
  }
  for (auto& j : waiting)
    j->abandon(hash_status::stopped);
}

boost::asio::awaitable<hash_result> password_hasher::hash(std::string password) {
  auto initiate = [this](auto handler, std::string phrase) {
    auto work = [phrase = std::move(phrase), cost = cost_] { return hash_now(phrase, cost); };
    enqueue(std::make_unique<job_for<hash_result, decltype(work), decltype(handler)>>(
        std::move(work), std::move(handler)));
  };
  return boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(hash_result)>(
      std::move(initiate), boost::asio::use_awaitable, std::move(password));
}

boost::asio::awaitable<verify_result> password_hasher::verify(std::string password,
                                                              std::string stored_hash) {
  auto initiate = [this](auto handler, std::string phrase, std::string stored) {
    auto work = [phrase = std::move(phrase), stored = std::move(stored)] {
      return verify_now(phrase, stored);
    };
    enqueue(std::make_unique<job_for<verify_result, decltype(work), decltype(handler)>>(
        std::move(work), std::move(handler)));
  };
  return boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(verify_result)>(
      std::move(initiate), boost::asio::use_awaitable, std::move(password), std::move(stored_hash));
}

boost::asio::awaitable<verify_result> password_hasher::verify_unknown_user(std::string password) {
  auto initiate = [this](auto handler, std::string phrase) {
    // The same work as verify() (the dummy is a real hash at the same cost), then no.
    auto work = [phrase = std::move(phrase), stored = dummy_hash_] {
      verify_result out = verify_now(phrase, stored);
      out.matches = false;
      return out;
    };
    enqueue(std::make_unique<job_for<verify_result, decltype(work), decltype(handler)>>(
        std::move(work), std::move(handler)));
  };
  return boost::asio::async_initiate<const boost::asio::use_awaitable_t<>&, void(verify_result)>(
      std::move(initiate), boost::asio::use_awaitable, std::move(password));
}

void password_hasher::enqueue(std::unique_ptr<job> j) {
  hash_status refusal = hash_status::busy;
  {
    std::lock_guard lock(mutex_);
    if (!stopping_ && queue_.size() < max_queued_) {
      queue_.push_back(std::move(j));
      refusal = hash_status::ok;
    } else if (stopping_) {
      refusal = hash_status::stopped;
    }
  }
  if (refusal == hash_status::ok) {
    wake_.notify_one();
  } else {
    j->abandon(refusal);  // posted, so the caller never resumes inside this call
  }
}

void password_hasher::work(int nice) {
  // On Linux a nice value is per thread: only the hashing threads yield.
  if (nice != 0) (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), nice);
  for (;;) {
    std::unique_ptr<job> j;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      j = std::move(queue_.front());
      queue_.pop_front();
    }
    j->run();
  }
}

}  // namespace chat::auth
