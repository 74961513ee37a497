#pragma once
/// Test-only helpers for the execution tests: parse a document, run `execute` to
/// completion on a private io_context, and read the body back as JSON.

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>
#include <exception>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "graphql/execution/execute.hpp"

namespace chat::graphql::testing {

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::shared_ptr<const schema> schema_from(std::string_view sdl) {
  auto built = build_schema(sdl);
  if (!built.built) {
    std::string all;
    for (const auto& e : built.errors)
      all += e + "\n";
    throw std::runtime_error("schema: " + all);
  }
  return built.built;
}

inline const operation_definition_node* first_operation(const document& doc) {
  for (const definition_node* d : doc.root().definitions) {
    if (d->kind == node_kind::operation_definition) {
      return static_cast<const operation_definition_node*>(d);
    }
  }
  return nullptr;
}

struct run_options {
  boost::json::object variables;
  const resolver_map* resolvers = nullptr;
  value root;
  void* context = nullptr;
};

/// Runs `execute` on `io` (which the caller may share with timers in resolvers).
inline execution_result run_on(boost::asio::io_context& io, const schema& s, std::string_view query,
                               run_options options = {}) {
  auto parsed = parse(query);
  if (!parsed.doc) throw std::runtime_error("parse: " + parsed.error->message);
  execution_request request;
  request.served = &s;
  request.doc = parsed.doc;
  request.operation = first_operation(*parsed.doc);
  request.variables = std::move(options.variables);
  request.resolvers = options.resolvers;
  request.root = std::move(options.root);
  request.context = options.context;
  std::optional<execution_result> out;
  std::exception_ptr failure;
  boost::asio::co_spawn(io, execute(std::move(request), "T"),
                        [&](std::exception_ptr e, execution_result r) {
                          failure = e;
                          out = std::move(r);
                        });
  io.restart();
  io.run();
  if (failure) std::rethrow_exception(failure);
  return std::move(*out);
}

inline execution_result run(const schema& s, std::string_view query, run_options options = {}) {
  boost::asio::io_context io;
  return run_on(io, s, query, std::move(options));
}

inline boost::json::value body_json(const execution_result& result) {
  return boost::json::parse(result.body);
}

}  // namespace chat::graphql::testing
