#include "adapters/postgres/pg_insert_batcher.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <charconv>
#include <numeric>

#include "adapters/postgres/pg_pool.hpp"
#include "adapters/postgres/pg_statements.hpp"

namespace chat::adapters::pg {

namespace {

/// Appends `text` as an element of a PostgreSQL array literal (quoted, `\` and `"`
/// escaped), or NULL.
void append_element(std::string& out, const std::optional<std::string>& text) {
  if (!text) {
    out += "NULL";
    return;
  }
  out += '"';
  for (const char c : *text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

/// One message inserted by itself (`insert_message`, one row, one commit).
query single_insert(const domain::new_message& m) {
  query q;
  q.prepared = &sql::insert_message;
  q.params = {std::to_string(m.room), std::to_string(m.author), m.content, m.image_url};
  return q;
}

std::int64_t id_of(const PGresult* r, int row) {
  std::int64_t v = 0;
  const char* s = PQgetvalue(r, row, 0);
  std::from_chars(s, s + PQgetlength(r, row, 0), v);
  return v;
}

}  // namespace

insert_batcher::insert_batcher(boost::asio::io_context& io, pg_pool& pool, unsigned max_in_flight,
                               std::size_t max_batch)
    : io_(io), pool_(pool), max_in_flight_(std::max(1U, max_in_flight)), max_batch_(max_batch) {}

void insert_batcher::submit(domain::new_message m, done_fn done) {
  pending_.push_back(item{std::move(m), std::move(done)});
  // The concurrency seen lately: a peak of the inserts waiting or in flight that decays
  // slowly (halves in about 70 inserts once the load drops).
  const double outstanding = static_cast<double>(pending_.size() + rows_in_flight_);
  load_ = std::max(outstanding, load_ * 0.99);
  if (ready_to_flush()) schedule_flush();
}

bool insert_batcher::ready_to_flush() const noexcept {
  if (pending_.empty() || in_flight_ >= max_in_flight_) return false;
  if (in_flight_ == 0) return true;
  // Another batch is in flight: a free slot takes only a full share of the load, so
  // slots carry a few large commits instead of many small ones (a commit costs about
  // the same for 1 row or 16). Waiting is bounded: the batch in flight completes.
  const double share = load_ / static_cast<double>(max_in_flight_);
  return static_cast<double>(pending_.size()) + 0.5 >= share;
}

void insert_batcher::schedule_flush() {
  if (flush_scheduled_) return;
  flush_scheduled_ = true;
  boost::asio::post(io_, [this] {
    flush_scheduled_ = false;
    if (ready_to_flush()) flush();
  });
}

void insert_batcher::flush() {
  if (pending_.empty()) return;
  std::vector<item> batch;
  if (pending_.size() <= max_batch_) {
    batch.swap(pending_);
  } else {
    batch.assign(std::make_move_iterator(pending_.begin()),
                 std::make_move_iterator(pending_.begin() + static_cast<long>(max_batch_)));
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(max_batch_));
  }
  ++in_flight_;
  ++batches_;
  rows_in_flight_ += batch.size();
  if (batch.size() == 1) {
    query q = single_insert(batch.front().m);
    pool_.submit(std::move(q), completion([this, b = std::move(batch)](outcome o) mutable {
                   complete(std::move(b), std::move(o));
                 }));
    return;
  }
  std::string rooms = "{", authors = "{", contents = "{", images = "{";
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const char* sep = i == 0 ? "" : ",";
    rooms += sep;
    rooms += std::to_string(batch[i].m.room);
    authors += sep;
    authors += std::to_string(batch[i].m.author);
    contents += sep;
    append_element(contents, batch[i].m.content);
    images += sep;
    append_element(images, batch[i].m.image_url);
  }
  for (std::string* s : {&rooms, &authors, &contents, &images})
    *s += '}';
  query q;
  q.prepared = &sql::insert_messages;
  q.params = {std::move(rooms), std::move(authors), std::move(contents), std::move(images)};
  pool_.submit(std::move(q), completion([this, b = std::move(batch)](outcome o) mutable {
                 complete(std::move(b), std::move(o));
               }));
}

void insert_batcher::complete(std::vector<item> batch, outcome o) {
  --in_flight_;
  rows_in_flight_ -= batch.size();
  // A statement error (a SQLSTATE outside classes 08 connection and 57 operator
  // intervention) belongs to one of the rows: try each alone. An outage fails them all.
  const bool statement_error =
      !o.sqlstate.empty() && !o.sqlstate.starts_with("08") && !o.sqlstate.starts_with("57");
  if (o.error && batch.size() > 1 && statement_error) {
    for (auto& it : batch)
      run_alone(std::move(it));
  } else if (o.error) {
    for (auto& it : batch)
      it.done(o, 0);
  } else if (PQntuples(o.result.get()) != static_cast<int>(batch.size())) {
    outcome wrong;
    wrong.error = ports::store_error{ports::store_errc::unavailable,
                                     "postgres: a batched insert returned " +
                                         std::to_string(PQntuples(o.result.get())) + " rows for " +
                                         std::to_string(batch.size())};
    for (auto& it : batch)
      it.done(wrong, 0);
  } else {
    // Ids are drawn in the order the rows were inserted, which is the batch's order
    // (ORDER BY ordinality): the k-th smallest id is the k-th insert.
    std::vector<int> rows(batch.size());
    std::iota(rows.begin(), rows.end(), 0);
    const PGresult* r = o.result.get();
    std::sort(rows.begin(), rows.end(), [r](int a, int b) { return id_of(r, a) < id_of(r, b); });
    for (std::size_t k = 0; k < batch.size(); ++k)
      batch[k].done(o, rows[k]);
  }
  if (ready_to_flush()) flush();
}

void insert_batcher::run_alone(item it) {
  ++in_flight_;
  ++rows_in_flight_;
  query q = single_insert(it.m);
  pool_.submit(std::move(q), completion([this, done = std::move(it.done)](outcome o) mutable {
                 --in_flight_;
                 --rows_in_flight_;
                 done(std::move(o), 0);
                 if (ready_to_flush()) flush();
               }));
}

}  // namespace chat::adapters::pg
