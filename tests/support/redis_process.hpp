#pragma once
// A redis-server of a test's own (loopback port, temp dir, no persistence) that can be
// killed, paused and started again on the same port, and a helper that runs one
// awaitable to completion: for the Redis adapters' outage tests. Test code only.

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "adapters/redis/redis_url.hpp"

extern char** environ;

namespace chat::testing {

using namespace std::chrono_literals;

/// Runs one awaitable to completion on a fresh io_context of this thread.
template <class T>
T await(boost::asio::awaitable<T> a) {
  boost::asio::io_context io;
  std::optional<T> out;
  boost::asio::co_spawn(
      io, [&]() -> boost::asio::awaitable<void> { out.emplace(co_await std::move(a)); },
      boost::asio::detached);
  io.run();
  return std::move(*out);
}

inline std::uint16_t free_port() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(
      io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();
}

inline bool accepts_connections(std::uint16_t port) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  return !ec;
}

inline bool have_redis_server() {
  return std::system("command -v redis-server >/dev/null 2>&1") == 0;
}

/// A redis-server of the test's own, on a loopback port, its files in a temp dir.
class redis_process {
 public:
  explicit redis_process(std::vector<std::string> extra = {}) : extra_(std::move(extra)) {
    char dir[] = "/tmp/chat_redis_test.XXXXXX";
    if (::mkdtemp(dir) != nullptr) dir_ = dir;
    port_ = free_port();
  }
  ~redis_process() {
    kill();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  redis_process(const redis_process&) = delete;
  redis_process& operator=(const redis_process&) = delete;

  /// Starts the server (again, on the same port) and waits until it accepts connections.
  bool start() {
    std::vector<std::string> argv_text = {
        "redis-server", "--port",    std::to_string(port_), "--bind", "127.0.0.1",
        "--save",       "",          "--appendonly",        "no",     "--dir",
        dir_,           "--logfile", dir_ + "/redis.log"};
    argv_text.insert(argv_text.end(), extra_.begin(), extra_.end());
    std::vector<char*> argv;
    for (auto& a : argv_text)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawnp(&pid_, "redis-server", nullptr, nullptr, argv.data(), environ) != 0) {
      pid_ = -1;
      return false;
    }
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (accepts_connections(port_)) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }
  /// SIGKILL: no goodbye to the clients, as in a crash.
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  void pause() { ::kill(pid_, SIGSTOP); }
  void resume() { ::kill(pid_, SIGCONT); }

  adapters::redis::redis_url url() const {
    adapters::redis::redis_url u;
    u.host = "127.0.0.1";
    u.port = port_;
    return u;
  }

 private:
  std::vector<std::string> extra_;
  std::string dir_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace chat::testing
