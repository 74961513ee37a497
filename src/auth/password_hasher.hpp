#pragma once
/// bcrypt password hashing off the network threads (SPEC AUTH-1, AUTH-2; DESIGN
/// "Nothing blocking on network threads"), through libxcrypt.
///
/// The hasher owns its worker threads; each lowers its own scheduling priority (`nice`)
/// so the network threads keep the CPU under a burst of logins. `hash`, `verify` and
/// `verify_unknown_user` queue a job and suspend the calling coroutine; the work runs
/// on a worker and the coroutine resumes on its own executor. At most `max_queued` jobs
/// wait: beyond that a call answers `busy` at once (the caller maps it to a retryable
/// error) instead of letting logins queue for seconds.
///
/// Failures are values (`hash_status`), never exceptions. No coroutine is left hanging:
/// destroying the hasher lets the running jobs finish and answers every waiting one
/// `stopped`.
///
/// bcrypt reads at most 72 bytes of a password, and crypt takes C strings: a password
/// containing a NUL byte is refused (`hash`: `failed`; `verify`: no match).
///
/// Thread-safety: `hash`, `verify` and `verify_unknown_user` may be called concurrently
/// from any thread (each awaiting coroutine must run on an executor that is still
/// running when the answer is posted). The destructor must not race with those calls.

#include <boost/asio/awaitable.hpp>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace chat::auth {

enum class hash_status : std::uint8_t {
  ok,       // the work was done: see the result's value
  busy,     // too many jobs waiting: retry later
  failed,   // crypt refused the input (hash only)
  stopped,  // the hasher was destroyed before the job ran
};

/// A short name for logs and metrics (`"busy"`).
std::string_view name_of(hash_status status) noexcept;

struct hash_result {
  hash_status status = hash_status::stopped;
  std::string hash;  // `$2b$<cost>$…` (60 characters) when ok
  bool ok() const noexcept { return status == hash_status::ok; }
};

struct verify_result {
  hash_status status = hash_status::stopped;
  bool matches = false;  // meaningful only when ok
  bool ok() const noexcept { return status == hash_status::ok; }
};

struct password_hasher_options {
  /// Worker threads; 0: one per hardware thread.
  unsigned threads = 0;
  /// bcrypt cost (log2 of the rounds), 4..31; AUTH-1 says 10.
  int cost = 10;
  /// Jobs allowed to wait for a worker (at least 1); one more is `busy`.
  std::size_t max_queued = 256;
  /// Each worker's nice value (Linux priorities are per thread); 0 leaves it alone.
  /// Failing to set it (no permission to go below the current value) is ignored.
  int nice = 10;
};

class password_hasher {
 public:
  /// Starts the workers and makes the dummy hash `verify_unknown_user` checks against
  /// (one hash at `options.cost`, on the calling thread). Throws std::invalid_argument
  /// for a cost outside 4..31 and std::runtime_error if crypt cannot make a hash.
  explicit password_hasher(password_hasher_options options = {});
  /// Stops the workers: running jobs complete, waiting ones answer `stopped`.
  ~password_hasher();
  password_hasher(const password_hasher&) = delete;
  password_hasher& operator=(const password_hasher&) = delete;

  /// A new bcrypt hash (`$2b$`, the configured cost, a fresh random salt).
  boost::asio::awaitable<hash_result> hash(std::string password);

  /// Whether `password` matches `stored_hash` (`$2a$`, `$2b$` or `$2y$`), compared in
  /// constant time. A stored value that is not a usable bcrypt hash is no match.
  boost::asio::awaitable<verify_result> verify(std::string password, std::string stored_hash);

  /// AUTH-2: for a login with an unknown email. Does the work of a real `verify` (against
  /// a dummy hash at the configured cost) so that it takes as long as a wrong password;
  /// never matches.
  boost::asio::awaitable<verify_result> verify_unknown_user(std::string password);

  /// The configured cost.
  int cost() const noexcept { return cost_; }

 private:
  /// A job waiting for a worker (defined in the .cpp).
  struct job;
  /// A job holding the awaiting coroutine's handler.
  template <class Result, class Work, class Handler>
  class job_for;

  /// Queues `j`, or answers it `busy` / `stopped` at once.
  void enqueue(std::unique_ptr<job> j);
  void work(int nice);

  int cost_;
  std::size_t max_queued_;
  std::string dummy_hash_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::unique_ptr<job>> queue_;  // guarded by mutex_
  bool stopping_ = false;                   // guarded by mutex_
  std::vector<std::thread> workers_;
};

}  // namespace chat::auth
