#pragma once
/// A pool of single-threaded `io_context`s, one per thread. Each connection lives on
/// one context for its whole life, so its handlers never run concurrently (an implicit
/// strand) and the contexts need no locking (concurrency hint 1).
///
/// Thread-safety: `next()`, `stop()` and `size()` may be called from any thread;
/// `run()` is called once, from the thread that owns the pool.

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <memory>
#include <vector>

namespace chat::net {

class io_pool {
 public:
  explicit io_pool(std::size_t threads);
  ~io_pool();
  io_pool(const io_pool&) = delete;
  io_pool& operator=(const io_pool&) = delete;

  std::size_t size() const noexcept { return contexts_.size(); }
  boost::asio::io_context& at(std::size_t index) { return *contexts_[index]; }
  /// Index of the next context, round robin.
  std::size_t next_index() noexcept;

  /// Runs every context, one on the calling thread and the others on new threads;
  /// returns once all of them have stopped.
  void run();
  /// Lets the contexts return once their work is done (no new work keeps them alive).
  void release_work();
  /// Stops every context at once.
  void stop();

 private:
  using work_guard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;
  std::vector<std::unique_ptr<boost::asio::io_context>> contexts_;
  std::vector<work_guard> guards_;
  std::atomic<std::size_t> next_{0};
};

}  // namespace chat::net
