#include "adapters/sqlite/sqlite_workers.hpp"

#include <utility>

namespace chat::adapters {

void job_queue::push(std::unique_ptr<job> j) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(j));
  }
  ready_.notify_one();
}

std::vector<std::unique_ptr<job>> job_queue::take(std::size_t max) {
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [this] { return closed_ || !jobs_.empty(); });
  std::vector<std::unique_ptr<job>> taken;
  std::size_t count = max == 0 ? jobs_.size() : std::min(max, jobs_.size());
  taken.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    taken.push_back(std::move(jobs_.front()));
    jobs_.pop_front();
  }
  return taken;
}

void job_queue::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
}

sqlite_writer::sqlite_writer(std::unique_ptr<connection> db)
    : db_(std::move(db)), thread_([this] { run(); }) {}

sqlite_writer::~sqlite_writer() {
  queue_.close();
  thread_.join();
}

void sqlite_writer::run() {
  for (;;) {
    auto jobs = queue_.take(0);
    if (jobs.empty()) return;
    // Consecutive grouped jobs share one transaction; a job that manages its own
    // transactions runs alone, in queue order.
    std::vector<std::unique_ptr<job>> group;
    for (auto& j : jobs) {
      if (j->grouped()) {
        group.push_back(std::move(j));
        continue;
      }
      run_group(group);
      j->execute(*db_);
      j->complete(std::nullopt);
    }
    run_group(group);
  }
}

void sqlite_writer::run_group(std::vector<std::unique_ptr<job>>& group) {
  if (group.empty()) return;
  std::optional<ports::store_error> failure;
  try {
    db_->exec("BEGIN IMMEDIATE");
  } catch (const sqlite_failure& e) {
    failure = e.error();
  }
  if (!failure) {
    for (auto& j : group) {
      try {
        db_->exec("SAVEPOINT w");
        if (j->execute(*db_)) {
          db_->exec("RELEASE w");
        } else {
          db_->exec("ROLLBACK TO w; RELEASE w");
        }
      } catch (const sqlite_failure& e) {
        // The savepoint statements themselves failed: the transaction is unusable.
        failure = e.error();
        break;
      }
    }
  }
  if (!failure) {
    try {
      db_->exec("COMMIT");
    } catch (const sqlite_failure& e) {
      failure = e.error();
    }
  }
  if (failure) {
    try {
      db_->exec("ROLLBACK");
    } catch (const sqlite_failure&) {
      // No transaction left to roll back: SQLite already ended it.
    }
  }
  for (auto& j : group)
    j->complete(failure);
  group.clear();
}

sqlite_readers::sqlite_readers(std::vector<std::unique_ptr<connection>> connections)
    : connections_(std::move(connections)) {
  threads_.reserve(connections_.size());
  for (auto& db : connections_)
    threads_.emplace_back([this, c = db.get()] { run(*c); });
}

sqlite_readers::~sqlite_readers() {
  queue_.close();
  for (auto& t : threads_)
    t.join();
}

void sqlite_readers::run(connection& db) {
  for (;;) {
    auto jobs = queue_.take(1);
    if (jobs.empty()) return;
    jobs.front()->execute(db);
    jobs.front()->complete(std::nullopt);
  }
}

}  // namespace chat::adapters
