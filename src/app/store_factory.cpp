#include "app/store_factory.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <filesystem>
#include <optional>

#include "adapters/postgres/postgres_store.hpp"
#include "adapters/sqlite/sqlite_store.hpp"
#include "observability/logger.hpp"

namespace chat::app {

namespace asio = boost::asio;

std::string sqlite_path(const config& cfg) {
  if (cfg.database.type == database_target::kind::sqlite && !cfg.database.location.empty()) {
    return cfg.database.location;
  }
  return (std::filesystem::path(cfg.data_dir) / "chat.db").string();
}

ports::store_result<std::unique_ptr<ports::store>> open_store(const config& cfg) {
  if (cfg.database.type == database_target::kind::postgres) {
    adapters::postgres_options options;
    options.url = cfg.database.location;
    options.schema = cfg.database.schema;
    auto opened = adapters::postgres_store::create(std::move(options));
    if (!opened) return opened.error();
    return std::unique_ptr<ports::store>(std::move(*opened));
  }
  adapters::sqlite_options options;
  options.path = sqlite_path(cfg);
  auto opened = adapters::sqlite_store::open(std::move(options));
  if (!opened) return opened.error();
  return std::unique_ptr<ports::store>(std::move(*opened));
}

ports::store_result<int> migrate_at_startup(ports::store& store,
                                            std::chrono::milliseconds patience) {
  asio::io_context io;
  std::optional<ports::store_result<int>> outcome;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        const auto deadline = std::chrono::steady_clock::now() + patience;
        auto delay = std::chrono::milliseconds(100);
        for (;;) {
          auto migrated = co_await store.migrate();
          if (migrated || migrated.error().code != ports::store_errc::unavailable ||
              std::chrono::steady_clock::now() + delay > deadline) {
            outcome.emplace(std::move(migrated));
            co_return;
          }
          obs::log(obs::log_level::warn, "store", "database unavailable; retrying", {},
                   {{"error", migrated.error().detail}, {"retryInMs", delay.count()}});
          asio::steady_timer timer(io, delay);
          co_await timer.async_wait(asio::use_awaitable);
          delay = std::min(delay * 2, std::chrono::milliseconds(2000));
        }
      },
      asio::detached);
  io.run();
  return std::move(*outcome);
}

}  // namespace chat::app
