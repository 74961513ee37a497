#pragma once
/// Group commit for `insert_message` on PostgreSQL: concurrent inserts share one
/// statement and one commit (one WAL flush) instead of one each. At most
/// `max_in_flight` batches run at once (one per pooled connection); inserts arriving
/// meanwhile wait and leave together as the next batch, so a lone insert goes at once
/// and a busy room fills batches by itself (adaptive, no timer). A free slot is filled
/// at the end of the io thread's current turn, not on the first submit: the inserts
/// already queued to the thread (writers answered by the previous batch submit again
/// together) leave as one batch instead of a batch of one followed by the rest.
///
/// A batch is one `INSERT … SELECT FROM unnest(…) WITH ORDINALITY` statement: all its
/// rows commit together or not at all. When a batch fails for a reason other than an
/// outage (a room deleted meanwhile: a foreign key), each of its inserts is sent again
/// alone, so one bad insert never fails the others.
///
/// Thread-safety: none; every member function runs on the store's io thread.

#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/postgres/pg_connection.hpp"
#include "domain/message.hpp"

namespace chat::adapters::pg {

class pg_pool;

class insert_batcher {
 public:
  /// The outcome of the batch and the row holding this insert's message.
  using done_fn = std::function<void(outcome o, int row)>;

  insert_batcher(boost::asio::io_context& io, pg_pool& pool, unsigned max_in_flight,
                 std::size_t max_batch = 512);

  void submit(domain::new_message m, done_fn done);

  std::size_t batches() const noexcept { return batches_; }

 private:
  struct item {
    domain::new_message m;
    done_fn done;
  };

  void flush();
  void schedule_flush();
  bool ready_to_flush() const noexcept;
  void run_alone(item it);
  void complete(std::vector<item> batch, outcome o);

  boost::asio::io_context& io_;
  pg_pool& pool_;
  unsigned max_in_flight_;
  std::size_t max_batch_;
  unsigned in_flight_ = 0;
  std::vector<item> pending_;
  bool flush_scheduled_ = false;
  std::size_t rows_in_flight_ = 0;
  double load_ = 0;  // recent peak of inserts waiting or in flight
  std::size_t batches_ = 0;
};

}  // namespace chat::adapters::pg
