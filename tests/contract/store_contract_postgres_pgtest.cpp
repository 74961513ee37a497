// The store contract (store_contract.cpp) against the PostgreSQL adapter, on the server
// named by TEST_DATABASE_URL (scripts/test-services.sh). Each test gets a schema of its
// own with a random name, which migrate() creates and a plain libpq connection drops
// after the test.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "adapters/postgres/postgres_store.hpp"
#include "store_contract.hpp"

namespace chat::contract {
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
  std::string name = "contract_";
  for (int i = 0; i < 16; ++i)
    name += k_digits[pick(device)];
  return name;
}

// Runs one statement on a fresh connection of its own (start-up and clean-up only).
void exec_plain(const std::string& url, const std::string& sql) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    throw std::runtime_error("cannot connect to TEST_DATABASE_URL: " +
                             std::string(PQerrorMessage(conn.get())));
  }
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    throw std::runtime_error(sql + ": " + PQerrorMessage(conn.get()));
  }
}

void drop_schema(const std::string& url, const std::string& schema) noexcept {
  try {
    exec_plain(url,
               "SET client_min_messages = warning; DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  } catch (const std::exception& e) {
    ADD_FAILURE() << "could not drop schema " << schema << ": " << e.what();
  }
}

std::shared_ptr<ports::store> make_postgres_store(boost::asio::io_context& io) {
  const std::string url = database_url();
  const std::string schema = random_schema_name();
  auto created = adapters::postgres_store::create(
      adapters::postgres_options{.url = url, .schema = schema, .connections = 4});
  if (!created) {
    drop_schema(url, schema);
    throw std::runtime_error("postgres_store::create: " + created.error().detail);
  }
  std::shared_ptr<ports::store> store(std::move(created).value().release(),
                                      [url, schema](ports::store* s) {
                                        delete s;  // closes its connections
                                        drop_schema(url, schema);
                                      });
  const int version = ok(run(io, store->migrate()));
  if (version <= 0) throw std::runtime_error("migrate answered version " + std::to_string(version));
  return store;
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract,
                         ::testing::Values(store_factory{.name = "Postgres",
                                                         .make = make_postgres_store}),
                         factory_name);

}  // namespace
}  // namespace chat::contract
