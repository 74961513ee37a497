#include "adapters/postgres/pg_connection.hpp"

#include <utility>

namespace chat::adapters::pg {

namespace {

using descriptor = boost::asio::posix::stream_descriptor;

/// libpq's messages end with a newline; logs want one line.
std::string one_line(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

std::string field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value != nullptr ? value : "";
}

}  // namespace

outcome unavailable(std::string detail) {
  outcome out;
  out.error = ports::store_error{ports::store_errc::unavailable, std::move(detail)};
  return out;
}

pg_connection::pg_connection(boost::asio::io_context& io, std::vector<std::string> keywords,
                             std::vector<std::string> values, state_handler on_state)
    : io_(io),
      keywords_(std::move(keywords)),
      values_(std::move(values)),
      on_state_(std::move(on_state)),
      socket_(io),
      connect_timer_(io) {}

pg_connection::~pg_connection() {
  if (socket_.is_open()) socket_.release();
  if (conn_ != nullptr) PQfinish(conn_);
}

void pg_connection::connect(std::chrono::milliseconds timeout) {
  if (state_ != state::closed) return;
  std::vector<const char*> keys;
  std::vector<const char*> vals;
  for (std::size_t i = 0; i < keywords_.size(); ++i) {
    keys.push_back(keywords_[i].c_str());
    vals.push_back(values_[i].c_str());
  }
  keys.push_back(nullptr);
  vals.push_back(nullptr);
  conn_ = PQconnectStartParams(keys.data(), vals.data(), 1);
  state_ = state::connecting;
  if (conn_ == nullptr) {
    fail("cannot allocate a PostgreSQL connection");
    return;
  }
  // Server notices (`schema … already exists, skipping`) would go to stderr, outside
  // the structured log: ignore them.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  if (PQstatus(conn_) == CONNECTION_BAD) {
    fail("cannot connect to PostgreSQL: " + one_line(PQerrorMessage(conn_)));
    return;
  }
  connect_timer_.expires_after(timeout);
  connect_timer_.async_wait(
      [this, generation = generation_, timeout](boost::system::error_code ec) {
        if (ec || generation != generation_ || state_ != state::connecting) return;
        fail("cannot connect to PostgreSQL: no answer within " + std::to_string(timeout.count()) +
             " ms");
      });
  // libpq: behave as if PQconnectPoll had last answered PGRES_POLLING_WRITING.
  poll_connect(PGRES_POLLING_WRITING);
}

void pg_connection::sync_socket() {
  // libpq may open a new socket while connecting (several hosts, SSL retry).
  int fd = PQsocket(conn_);
  if (fd == fd_) return;
  if (socket_.is_open()) socket_.release();
  fd_ = fd;
  if (fd >= 0) {
    boost::system::error_code ec;
    socket_.assign(fd, ec);
    if (ec) fail("cannot watch the PostgreSQL socket: " + ec.message());
  }
}

void pg_connection::poll_connect(PostgresPollingStatusType status) {
  switch (status) {
    case PGRES_POLLING_OK:
      on_connected();
      return;
    case PGRES_POLLING_FAILED:
      fail("cannot connect to PostgreSQL: " + one_line(PQerrorMessage(conn_)));
      return;
    case PGRES_POLLING_READING:
    case PGRES_POLLING_WRITING:
    default: {
      sync_socket();
      if (state_ != state::connecting) return;
      auto wait = status == PGRES_POLLING_READING ? descriptor::wait_read : descriptor::wait_write;
      socket_.async_wait(wait, [this, generation = generation_](boost::system::error_code ec) {
        if (generation != generation_ || state_ != state::connecting) return;
        if (ec) {
          fail("cannot connect to PostgreSQL: " + ec.message());
          return;
        }
        poll_connect(PQconnectPoll(conn_));
      });
      return;
    }
  }
}

void pg_connection::on_connected() {
  connect_timer_.cancel();
  sync_socket();
  if (state_ != state::connecting) return;
  if (PQsetnonblocking(conn_, 1) != 0 || PQenterPipelineMode(conn_) != 1) {
    fail("cannot enter pipeline mode: " + one_line(PQerrorMessage(conn_)));
    return;
  }
  prepared_.clear();
  state_ = state::ready;
  last_error_.clear();
  arm_read();
  on_state_(*this);
}

void pg_connection::execute(request r) {
  if (state_ != state::ready) {
    r.done(unavailable("PostgreSQL connection not ready"));
    return;
  }
  pending p{std::move(r), false, 0, {}};
  const query& q = p.r.q;
  std::vector<const char*> values;
  values.reserve(q.params.size());
  for (const auto& param : q.params)
    values.push_back(param ? param->c_str() : nullptr);
  const auto count = static_cast<int>(values.size());
  bool sent = true;
  if (q.prepared != nullptr) {
    if (!prepared_.contains(q.prepared->name)) {
      sent = PQsendPrepare(conn_, q.prepared->name, q.prepared->sql, 0, nullptr) == 1;
      prepared_.insert(q.prepared->name);
      p.has_prepare = true;
    }
    sent = sent && PQsendQueryPrepared(conn_, q.prepared->name, count, values.data(), nullptr,
                                       nullptr, 0) == 1;
  } else {
    sent = PQsendQueryParams(conn_, q.sql.c_str(), count, nullptr, values.data(), nullptr, nullptr,
                             0) == 1;
  }
  sent = sent && PQpipelineSync(conn_) == 1;
  in_flight_.push_back(std::move(p));
  if (!sent) {
    fail("cannot send to PostgreSQL: " + one_line(PQerrorMessage(conn_)));
    return;
  }
  flush();
}

void pg_connection::flush() {
  if (state_ != state::ready || writing_) return;
  const int status = PQflush(conn_);
  if (status < 0) {
    fail("cannot send to PostgreSQL: " + one_line(PQerrorMessage(conn_)));
  } else if (status == 1) {
    writing_ = true;
    socket_.async_wait(descriptor::wait_write,
                       [this, generation = generation_](boost::system::error_code ec) {
                         if (generation != generation_) return;
                         writing_ = false;
                         if (ec) {
                           fail("PostgreSQL socket: " + ec.message());
                           return;
                         }
                         flush();
                       });
  }
}

void pg_connection::arm_read() {
  if (reading_ || state_ != state::ready) return;
  reading_ = true;
  socket_.async_wait(descriptor::wait_read,
                     [this, generation = generation_](boost::system::error_code ec) {
                       if (generation != generation_) return;
                       reading_ = false;
                       if (ec) {
                         fail("PostgreSQL socket: " + ec.message());
                         return;
                       }
                       on_readable();
                     });
}

void pg_connection::on_readable() {
  if (PQconsumeInput(conn_) != 1) {
    fail("lost the PostgreSQL connection: " + one_line(PQerrorMessage(conn_)));
    return;
  }
  drain_results();
  if (state_ != state::ready) return;
  if (PQstatus(conn_) == CONNECTION_BAD) {
    fail("lost the PostgreSQL connection: " + one_line(PQerrorMessage(conn_)));
    return;
  }
  flush();  // PQflush may have been waiting for the server to read
  arm_read();
}

void pg_connection::drain_results() {
  int nulls = 0;  // a null result ends one statement's results; two in a row: no more
  while (state_ == state::ready && !in_flight_.empty() && PQisBusy(conn_) == 0) {
    PGresult* raw = PQgetResult(conn_);
    if (raw == nullptr) {
      if (++nulls > 1) break;
      continue;
    }
    nulls = 0;
    std::shared_ptr<PGresult> result(raw, PQclear);
    pending& front = in_flight_.front();
    const ExecStatusType status = PQresultStatus(raw);
    const bool is_prepare = front.has_prepare && front.results_seen == 0;
    ++front.results_seen;
    if (status == PGRES_PIPELINE_SYNC) {
      finish_front();
    } else if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR) {
      if (is_prepare) prepared_.erase(front.r.q.prepared->name);
      if (!front.out.error) {
        front.out.error =
            ports::store_error{ports::store_errc::unavailable, one_line(PQresultErrorMessage(raw))};
        front.out.sqlstate = field(raw, PG_DIAG_SQLSTATE);
        front.out.constraint = field(raw, PG_DIAG_CONSTRAINT_NAME);
      }
    } else if (status == PGRES_PIPELINE_ABORTED) {
      if (!front.out.error) {
        front.out.error =
            ports::store_error{ports::store_errc::unavailable, "PostgreSQL pipeline aborted"};
      }
    } else if (!is_prepare) {
      front.out.result = std::move(result);
    }
  }
}

void pg_connection::finish_front() {
  pending p = std::move(in_flight_.front());
  in_flight_.pop_front();
  if (!p.out.error && !p.out.result) {
    p.out = unavailable("PostgreSQL answered no result");
  }
  p.r.done(std::move(p.out));
}

void pg_connection::check_deadlines(std::chrono::steady_clock::time_point now) {
  if (state_ == state::ready && !in_flight_.empty() && in_flight_.front().r.deadline < now) {
    // A pipeline cannot cancel one statement: start over with a fresh connection.
    fail("PostgreSQL query timed out");
  }
}

void pg_connection::close(const std::string& reason) {
  if (state_ == state::closed) return;
  fail(reason);
}

void pg_connection::fail(const std::string& reason) {
  ++generation_;
  last_error_ = reason;
  state_ = state::closed;
  reading_ = false;
  writing_ = false;
  connect_timer_.cancel();
  if (socket_.is_open()) {
    socket_.cancel();
    socket_.release();  // libpq owns the descriptor and closes it in PQfinish
  }
  fd_ = -1;
  if (conn_ != nullptr) {
    PQfinish(conn_);
    conn_ = nullptr;
  }
  prepared_.clear();
  auto in_flight = std::move(in_flight_);
  in_flight_.clear();
  for (auto& p : in_flight)
    p.r.done(unavailable(reason));
  on_state_(*this);
}

}  // namespace chat::adapters::pg
