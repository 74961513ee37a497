#include "durability_harness.hpp"

#include <fcntl.h>  // O_CLOEXEC
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): kill(), SIGKILL
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "domain/message.hpp"
#include "domain/room.hpp"
#include "domain/user.hpp"

namespace chat::durability {
namespace {

namespace asio = boost::asio;
using clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// One message on the pipe. At most PIPE_BUF bytes, so a write is all or nothing even
/// when the writer is killed in the middle of it.
struct record {
  std::int64_t a = 0;       // ready: the room; ack: the message id
  std::int64_t b = 0;       // ready: the author; ack: unused
  std::int32_t writer = 0;  // k_ready for the ready record, else the writer number
  std::int32_t seq = 0;     // the writer's message number
};
static_assert(sizeof(record) <= PIPE_BUF);
constexpr std::int32_t k_ready = -1;

/// How long the parent waits for the child to open, migrate and set up.
constexpr milliseconds k_setup_timeout{60'000};
/// How long one store call of the parent's check may take.
constexpr milliseconds k_call_timeout{60'000};

std::string expected_content(const std::string& tag, std::int32_t writer, std::int32_t seq) {
  return "durability " + tag + " writer " + std::to_string(writer) + " message " +
         std::to_string(seq) + " \xE2\x9A\xBD \xC2\xA1gol!";  // "⚽ ¡gol!": UTF-8 survives too
}

std::string random_tag(std::mt19937_64& rng) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::uniform_int_distribution<int> pick(0, 15);
  std::string tag;
  for (int i = 0; i < 12; ++i)
    tag += k_digits[pick(rng)];
  return tag;
}

/// Threads of this process (fork() is only safe while this is 1).
int thread_count() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  }
  return -1;
}

// ---------------------------------------------------------------------------
// the child

/// Writes the whole record or kills the child (the parent is gone).
void send(int fd, const record& r) {
  const auto* bytes = reinterpret_cast<const char*>(&r);
  std::size_t done = 0;
  while (done < sizeof r) {
    const ssize_t n = ::write(fd, bytes + done, sizeof r - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(6);
    done += static_cast<std::size_t>(n);
  }
}

struct child_errors {
  std::mutex mutex;
  int reported = 0;
};

void report_error(child_errors& errors, const std::string& what) {
  const std::lock_guard lock(errors.mutex);
  if (errors.reported++ < 5) std::fprintf(stderr, "durability child: %s\n", what.c_str());
}

asio::awaitable<void> writer(ports::store& store, domain::room_id room, domain::user_id author,
                             std::string tag, std::int32_t number, int fd, child_errors& errors) {
  auto ex = co_await asio::this_coro::executor;
  for (std::int32_t seq = 0;; ++seq) {
    domain::new_message m;
    m.room = room;
    m.author = author;
    m.content = expected_content(tag, number, seq);
    auto inserted = co_await store.insert_message(std::move(m));
    if (inserted) {
      // Acknowledged: the id leaves the process only now.
      send(fd, record{.a = inserted->id, .b = 0, .writer = number, .seq = seq});
    } else {
      report_error(errors, "insert_message failed (" +
                               std::string(ports::name_of(inserted.error().code)) +
                               "): " + inserted.error().detail);
      asio::steady_timer pause(ex, milliseconds(10));
      co_await pause.async_wait(asio::use_awaitable);
    }
  }
}

asio::awaitable<void> child_setup(ports::store& store, std::string tag, int fd,
                                  child_errors& errors) {
  auto migrated = co_await store.migrate();
  if (!migrated) {
    std::fprintf(stderr, "durability child: migrate: %s\n", migrated.error().detail.c_str());
    ::_exit(3);
  }
  domain::new_user u;
  u.email = "durability-" + tag + "@example.com";
  u.fullname = "Durability " + tag;
  u.password_hash = "$2b$10$vf4F43B9vfNZQBTFacYFDesLRIIHwGNemLB.khGw2FwnYCtkahcIK";
  auto user = co_await store.create_user(std::move(u));
  if (!user) {
    std::fprintf(stderr, "durability child: create_user: %s\n", user.error().detail.c_str());
    ::_exit(3);
  }
  domain::new_room r;
  r.name = "durability " + tag;
  r.access = domain::room_access::public_room;
  r.admin_id = user->id;
  std::vector<domain::user_id> members;
  auto room = co_await store.create_room(std::move(r), std::move(members));
  if (!room) {
    std::fprintf(stderr, "durability child: create_room: %s\n", room.error().detail.c_str());
    ::_exit(3);
  }
  send(fd, record{.a = room->id, .b = user->id, .writer = k_ready, .seq = 0});
  auto ex = co_await asio::this_coro::executor;
  for (std::int32_t i = 0; i < k_writers; ++i) {
    asio::co_spawn(ex, writer(store, room->id, user->id, tag, i, fd, errors),
                   [](const std::exception_ptr& e) {
                     if (!e) return;
                     try {
                       std::rethrow_exception(e);
                     } catch (const std::exception& ex2) {
                       std::fprintf(stderr, "durability child: writer threw: %s\n", ex2.what());
                     }
                     ::_exit(4);
                   });
  }
}

/// The child's whole life: it only ends by SIGKILL (or `_exit` on a failure).
[[noreturn]] void child_main(const backend& b, const std::string& tag, int fd, pid_t parent) {
  // Never outlive the test, whatever happens to it.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(7);
  try {
    auto opened = b.open();
    if (!opened) {
      std::fprintf(stderr, "durability child: open: %s\n", opened.error().detail.c_str());
      ::_exit(3);
    }
    std::unique_ptr<ports::store> store = std::move(opened).value();
    child_errors errors;
    asio::io_context io;
    asio::co_spawn(io, child_setup(*store, tag, fd, errors), asio::detached);
    io.run();
    std::fprintf(stderr, "durability child: writers stopped\n");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "durability child: %s\n", e.what());
  }
  ::_exit(5);
}

// ---------------------------------------------------------------------------
// the parent

/// Reads records from `fd`, keeping a partial one for the next call.
class record_reader {
 public:
  explicit record_reader(int fd) : fd_(fd) {}

  /// Waits up to `timeout` for bytes; appends whole records to `out`. False at EOF.
  bool read_some(milliseconds timeout, std::vector<record>& out) {
    pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
    const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (ready < 0 && errno != EINTR) throw std::runtime_error("poll: " + errno_text());
    if (ready <= 0) return true;
    char chunk[16 * 1024];
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) return true;
      throw std::runtime_error("read: " + errno_text());
    }
    if (n == 0) return false;
    pending_.append(chunk, static_cast<std::size_t>(n));
    std::size_t used = 0;
    while (pending_.size() - used >= sizeof(record)) {
      record r;
      std::memcpy(&r, pending_.data() + used, sizeof r);
      out.push_back(r);
      used += sizeof r;
    }
    pending_.erase(0, used);
    return true;
  }

  std::size_t leftover() const { return pending_.size(); }

 private:
  static std::string errno_text() { return std::strerror(errno); }

  int fd_;
  std::string pending_;
};

std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exited with code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "status " + std::to_string(status);
}

/// Awaits `op` on `io` from this thread (the store completes on its own threads).
template <class T>
std::optional<T> run_sync(asio::io_context& io, asio::awaitable<T> op) {
  struct state {
    std::mutex mutex;
    std::optional<T> value;
    std::exception_ptr error;
    bool finished = false;
  };
  auto st = std::make_shared<state>();
  asio::co_spawn(io, std::move(op), [st, &io](std::exception_ptr e, T value) {
    {
      const std::lock_guard lock(st->mutex);
      st->error = std::move(e);
      if (!st->error) st->value.emplace(std::move(value));
      st->finished = true;
    }
    io.stop();
  });
  io.restart();
  {
    auto guard = asio::make_work_guard(io);
    io.run_for(k_call_timeout);
  }
  const std::lock_guard lock(st->mutex);
  if (!st->finished) {
    ADD_FAILURE() << "a store call did not complete within " << k_call_timeout.count() << " ms";
    return std::nullopt;
  }
  if (st->error) std::rethrow_exception(st->error);
  return std::move(st->value);
}

/// Unwraps a store call's answer, or reports why there is none.
template <class T>
std::optional<T> must(asio::io_context& io, asio::awaitable<ports::store_result<T>> op,
                      const char* what) {
  auto answer = run_sync(io, std::move(op));
  if (!answer) return std::nullopt;
  if (!*answer) {
    ADD_FAILURE() << what << " failed (" << ports::name_of(answer->error().code)
                  << "): " << answer->error().detail;
    return std::nullopt;
  }
  return std::move(**answer);
}

/// What the child acknowledged in one round.
struct round_acks {
  std::string tag;
  domain::room_id room = 0;
  domain::user_id author = 0;
  std::vector<record> acks;
};

/// Every message of `room`, by id (oldest first, in pages).
std::optional<std::map<domain::message_id, domain::message>> read_room(asio::io_context& io,
                                                                       ports::store& store,
                                                                       domain::room_id room) {
  std::map<domain::message_id, domain::message> all;
  domain::message_id after = 0;
  for (;;) {
    auto page = must(io, store.messages_after(room, after, 1000), "messages_after");
    if (!page) return std::nullopt;
    if (page->empty()) return all;
    for (auto& m : *page) {
      if (m.id <= after) {
        ADD_FAILURE() << "messages_after(" << room << ", " << after << ") answered id " << m.id;
        return std::nullopt;
      }
      after = m.id;
      all.emplace(m.id, std::move(m));
    }
  }
}

/// Checks `round` against the reopened store; fills the counts of `report`.
void check_round(asio::io_context& io, ports::store& store, const round_acks& round,
                 round_report& report, const std::string& label) {
  auto rows = read_room(io, store, round.room);
  if (!rows) return;
  report.committed = rows->size();
  std::set<domain::message_id> acked_ids;
  std::set<std::pair<std::int32_t, std::int32_t>> acked_keys;
  std::map<std::int32_t, domain::message_id> last_id_of_writer;
  std::size_t found = 0;
  for (const auto& ack : round.acks) {
    if (!acked_ids.insert(ack.a).second) {
      ADD_FAILURE() << label << ": id " << ack.a << " was acknowledged twice";
    }
    if (!acked_keys.insert({ack.writer, ack.seq}).second) {
      ADD_FAILURE() << label << ": writer " << ack.writer << " message " << ack.seq
                    << " was acknowledged twice";
    }
    auto& last = last_id_of_writer[ack.writer];
    if (ack.a <= last) {
      ADD_FAILURE() << label << ": writer " << ack.writer << " got id " << ack.a << " after "
                    << last << " (ids only grow)";
    }
    last = ack.a;
    const auto it = rows->find(ack.a);
    if (it == rows->end()) {
      ++report.missing;
      if (report.missing <= 10) {
        ADD_FAILURE() << label << ": acknowledged message " << ack.a << " (writer " << ack.writer
                      << " message " << ack.seq << ") is gone after SIGKILL";
      }
      continue;
    }
    ++found;
    const auto& m = it->second;
    const auto want = expected_content(round.tag, ack.writer, ack.seq);
    if (m.content != want || m.room != round.room || m.author != round.author) {
      ++report.wrong;
      if (report.wrong <= 10) {
        ADD_FAILURE() << label << ": message " << ack.a << " reads back as room " << m.room
                      << ", author " << m.author << ", content \"" << m.content
                      << "\"; expected room " << round.room << ", author " << round.author
                      << ", content \"" << want << "\"";
      }
    }
  }
  report.extra = rows->size() - found;
  // Each writer awaits one insert at a time, so an unacknowledged row can only be the
  // message each writer was writing when the child died: its next sequence number.
  std::map<std::string, bool> in_flight;  // content -> seen
  for (std::int32_t w = 0; w < k_writers; ++w) {
    std::int32_t next = 0;
    for (const auto& ack : round.acks) {
      if (ack.writer == w) next = std::max(next, ack.seq + 1);
    }
    in_flight.emplace(expected_content(round.tag, w, next), false);
  }
  for (const auto& [id, m] : *rows) {
    if (acked_ids.count(id) != 0) continue;
    const auto it = in_flight.find(m.content);
    if (it == in_flight.end() || it->second || m.author != round.author) {
      ADD_FAILURE() << label << ": unacknowledged row " << id
                    << " is not a writer's last message in flight: \"" << m.content << "\"";
      continue;
    }
    it->second = true;
  }
}

/// Forks the writer child, lets it write, kills it; answers what it acknowledged.
std::optional<round_acks> write_and_kill(const backend& b, std::mt19937_64& rng,
                                         const std::string& label, milliseconds& wrote_for) {
  const int threads = thread_count();
  if (threads != 1) {
    ADD_FAILURE() << label << ": the test process has " << threads
                  << " threads before fork(); the child would inherit broken locks";
    return std::nullopt;
  }
  round_acks round;
  round.tag = random_tag(rng);
  const milliseconds write_for(std::uniform_int_distribution<int>(200, 800)(rng));

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe2: " << std::strerror(errno);
    return std::nullopt;
  }
  std::fflush(nullptr);  // or the child's exit would repeat buffered output
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    ::close(fds[0]);
    child_main(b, round.tag, fds[1], parent);
  }
  ::close(fds[1]);

  record_reader reader(fds[0]);
  std::vector<record> records;
  bool open = true;
  bool ready = false;
  bool killed = false;
  std::string problem;

  // 1. Wait for "ready" (the child opened, migrated, made its room).
  const auto setup_deadline = clock::now() + k_setup_timeout;
  while (open && !ready && clock::now() < setup_deadline) {
    open = reader.read_some(milliseconds(100), records);
    if (!records.empty()) {
      if (records.front().writer != k_ready) {
        problem = "the child's first record is not \"ready\"";
        break;
      }
      round.room = records.front().a;
      round.author = records.front().b;
      records.erase(records.begin());
      ready = true;
    }
  }
  if (!ready && problem.empty()) {
    problem =
        open ? "the child was not ready within " + std::to_string(k_setup_timeout.count()) + " ms"
             : "the child died before it was ready";
  }

  // 2. Collect acknowledgements for a random while.
  const auto started = clock::now();
  if (ready) {
    const auto deadline = started + write_for;
    while (open) {
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - clock::now());
      if (left.count() <= 0) break;
      open = reader.read_some(left, records);
    }
    if (!open) problem = "the child died on its own while writing";
  }

  // 3. SIGKILL, then drain what was written before the kill.
  if (::kill(pid, SIGKILL) == 0) killed = true;
  wrote_for = std::chrono::duration_cast<milliseconds>(clock::now() - started);
  while (open)
    open = reader.read_some(milliseconds(1000), records);
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (reader.leftover() != 0) {
    ADD_FAILURE() << label << ": a torn record of " << reader.leftover() << " bytes on the pipe";
  }
  if (problem.empty() && !(killed && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
    problem = "the child did not die by our SIGKILL";
  }
  if (!problem.empty()) {
    ADD_FAILURE() << label << ": " << problem << " (child " << describe_status(status)
                  << "; see its stderr above)";
    return std::nullopt;
  }
  for (const auto& r : records) {
    if (r.writer < 0 || r.writer >= k_writers) {
      ADD_FAILURE() << label << ": a record from writer " << r.writer;
      return std::nullopt;
    }
  }
  round.acks = std::move(records);
  return round;
}

}  // namespace

void expect_acknowledged_messages_survive_sigkill(const backend& b, int rounds) {
  std::mt19937_64 rng(std::random_device{}());
  std::vector<round_acks> history;
  for (int n = 1; n <= rounds; ++n) {
    const std::string label = b.name + " round " + std::to_string(n);
    round_report report;
    auto round = write_and_kill(b, rng, label, report.wrote_for);
    if (!round) return;
    report.acked = round->acks.size();
    EXPECT_GT(report.acked, 0U) << label << ": the child acknowledged nothing; the proof is void";
    history.push_back(std::move(*round));

    // 4. Reopen (recovery), migrate, check this round and every earlier one.
    {
      auto opened = b.open();
      if (!opened) {
        ADD_FAILURE() << label << ": reopening the store failed: " << opened.error().detail;
        return;
      }
      std::unique_ptr<ports::store> store = std::move(opened).value();
      asio::io_context io;
      if (!must(io, store->migrate(), "migrate after SIGKILL")) return;
      for (std::size_t i = 0; i < history.size(); ++i) {
        round_report earlier;
        const bool current = i + 1 == history.size();
        check_round(io, *store, history[i], current ? report : earlier,
                    current ? label : label + " (re-checking round " + std::to_string(i + 1) + ")");
        if (!current) {
          EXPECT_EQ(earlier.missing, 0U);
          EXPECT_EQ(earlier.wrong, 0U);
        }
      }
    }  // the store's threads are joined here: the next fork() sees one thread
    EXPECT_EQ(report.missing, 0U) << label;
    EXPECT_EQ(report.wrong, 0U) << label;
    std::printf(
        "[durability] %s: SIGKILL after %lld ms; %zu acknowledged, %zu committed "
        "(%zu unacknowledged), %zu missing\n",
        label.c_str(), static_cast<long long>(report.wrote_for.count()), report.acked,
        report.committed, report.extra, report.missing);
    std::fflush(stdout);
  }
}

}  // namespace chat::durability
