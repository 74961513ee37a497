#pragma once
/// The threads of `sqlite_store`: one writer that owns the only write connection and
/// group-commits, and a pool of readers with a connection each. Callers queue `job`s;
/// a job completes its caller itself (posting to the caller's executor).
///
/// Thread-safety: `submit` may be called from any thread. The destructors run every
/// job already queued, then join.

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "adapters/sqlite/sqlite_connection.hpp"
#include "ports/store.hpp"

namespace chat::adapters {

/// One queued operation.
class job {
 public:
  virtual ~job() = default;
  /// Whether the writer may run this job inside a group transaction (SAVEPOINT). A job
  /// that manages its own transactions (migrations) answers false and runs alone.
  virtual bool grouped() const { return true; }
  /// Does the work on `db`; answers whether it succeeded (a failed grouped job is rolled
  /// back to its savepoint and the others in the group go on).
  virtual bool execute(connection& db) = 0;
  /// Hands the result to the caller, or `failure` instead when the group's COMMIT
  /// failed. Called exactly once, after `execute`.
  virtual void complete(std::optional<ports::store_error> failure) = 0;
};

/// A FIFO of jobs shared by producer threads and worker threads.
class job_queue {
 public:
  void push(std::unique_ptr<job> j);
  /// Blocks until jobs are queued or the queue is closed; takes at most `max` (0: all).
  /// An empty answer means closed and drained.
  std::vector<std::unique_ptr<job>> take(std::size_t max);
  void close();

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::unique_ptr<job>> jobs_;
  bool closed_ = false;
};

/// The writer thread: takes every queued write, runs them in one transaction (a
/// SAVEPOINT each), commits once, then completes each caller.
class sqlite_writer {
 public:
  /// Takes the open write connection.
  explicit sqlite_writer(std::unique_ptr<connection> db);
  sqlite_writer(const sqlite_writer&) = delete;
  sqlite_writer& operator=(const sqlite_writer&) = delete;
  ~sqlite_writer();

  void submit(std::unique_ptr<job> j) { queue_.push(std::move(j)); }

 private:
  void run();
  void run_group(std::vector<std::unique_ptr<job>>& group);

  std::unique_ptr<connection> db_;
  job_queue queue_;
  std::thread thread_;
};

/// Reader threads, one connection each (opened `query_only`).
class sqlite_readers {
 public:
  sqlite_readers(std::vector<std::unique_ptr<connection>> connections);
  sqlite_readers(const sqlite_readers&) = delete;
  sqlite_readers& operator=(const sqlite_readers&) = delete;
  ~sqlite_readers();

  void submit(std::unique_ptr<job> j) { queue_.push(std::move(j)); }

 private:
  void run(connection& db);

  std::vector<std::unique_ptr<connection>> connections_;
  job_queue queue_;
  std::vector<std::thread> threads_;
};

}  // namespace chat::adapters
