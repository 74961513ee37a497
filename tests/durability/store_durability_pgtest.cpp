// REL-2 against the PostgreSQL adapter, on the server named by TEST_DATABASE_URL
// (scripts/test-services.sh): a writer process SIGKILLed at a random moment loses no
// acknowledged message (durability_harness.hpp). The rounds share a schema with a
// random name, which the child's migrate() creates and a plain libpq connection drops
// after the test.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

#include "adapters/postgres/postgres_store.hpp"
#include "durability_harness.hpp"

namespace chat::durability {
namespace {

std::string database_url() {
  const char* url = std::getenv("TEST_DATABASE_URL");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "TEST_DATABASE_URL is not set; run the pg tests under "
        "`scripts/test-services.sh run -- <command>`");
  }
  return url;
}

std::string random_schema_name() {
  static constexpr char k_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::random_device device;
  std::uniform_int_distribution<int> pick(0, 35);
  std::string name = "durability_";
  for (int i = 0; i < 16; ++i)
    name += k_digits[pick(device)];
  return name;
}

/// Drops the schema when the test ends, on a connection of its own (no threads: the
/// harness forks while this process has one thread).
class schema_guard {
 public:
  schema_guard(std::string url, std::string name) : url_(std::move(url)), name_(std::move(name)) {}
  ~schema_guard() {
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url_.c_str()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK) {
      ADD_FAILURE() << "cannot connect to drop schema " << name_ << ": "
                    << PQerrorMessage(conn.get());
      return;
    }
    PQsetNoticeProcessor(
        conn.get(), [](void*, const char*) {}, nullptr);  // "drop cascades…"
    // The server keeps running the statements a killed child had already pipelined
    // until it notices the closed socket: the drop may deadlock with them. Retry.
    const std::string sql = "DROP SCHEMA IF EXISTS " + name_ + " CASCADE";
    std::string error;
    for (int attempt = 0; attempt < 20; ++attempt) {
      std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()),
                                                           &PQclear);
      if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) return;
      error = PQerrorMessage(conn.get());
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    ADD_FAILURE() << sql << ": " << error;
  }
  schema_guard(const schema_guard&) = delete;
  schema_guard& operator=(const schema_guard&) = delete;

  const std::string& name() const { return name_; }

 private:
  std::string url_;
  std::string name_;
};

TEST(PostgresStoreDurability, EveryAcknowledgedMessageSurvivesSigkillOfTheWriter) {
  const std::string url = database_url();
  const schema_guard schema(url, random_schema_name());
  const backend postgres{
      .name = "postgres",
      .open = [url, name = schema.name()]() -> ports::store_result<std::unique_ptr<ports::store>> {
        adapters::postgres_options options;
        options.url = url;
        options.schema = name;
        options.connections = 4;
        auto created = adapters::postgres_store::create(std::move(options));
        if (!created) return created.error();
        return std::unique_ptr<ports::store>(std::move(created).value());
      }};
  expect_acknowledged_messages_survive_sigkill(postgres, 3);
}

}  // namespace
}  // namespace chat::durability
