#include "io_pool.hpp"

#include <thread>

namespace chat::net {

io_pool::io_pool(std::size_t threads) {
  if (threads == 0) threads = 1;
  contexts_.reserve(threads);
  guards_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) {
    contexts_.push_back(std::make_unique<boost::asio::io_context>(1));
    guards_.push_back(boost::asio::make_work_guard(*contexts_.back()));
  }
}

io_pool::~io_pool() {
  stop();
  guards_.clear();
  // Destroy the contexts last-first: handlers still queued on context i > 0 may own
  // objects bound to context 0 (the acceptor), which must outlive them.
  while (!contexts_.empty())
    contexts_.pop_back();
}

std::size_t io_pool::next_index() noexcept {
  return next_.fetch_add(1, std::memory_order_relaxed) % contexts_.size();
}

void io_pool::run() {
  std::vector<std::thread> threads;
  threads.reserve(contexts_.size() - 1);
  for (std::size_t i = 1; i < contexts_.size(); ++i) {
    threads.emplace_back([ctx = contexts_[i].get()] { ctx->run(); });
  }
  contexts_[0]->run();
  for (auto& t : threads)
    t.join();
}

void io_pool::release_work() {
  for (auto& guard : guards_)
    guard.reset();
}

void io_pool::stop() {
  for (auto& ctx : contexts_)
    ctx->stop();
}

}  // namespace chat::net
