#pragma once
/// The GraphQL endpoint behind `/graphql`: the served schema, the document cache
/// (GQL-4), the document limits (GQL-5), and the HTTP answer to each request (HTTP-1):
/// parse and validation failures as GraphQL error documents with the status the
/// response media calls for, operation selection, and the GET-mutation rule.
///
/// Thread-safety: `run` may be called concurrently from every I/O thread.

#include <boost/asio/awaitable.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "api/account_resolvers.hpp"
#include "api/rate_limit_guard.hpp"
#include "api/request_context.hpp"
#include "graphql/execution/document_cache.hpp"
#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/validation/custom/limits.hpp"
#include "net/graphql_http/graphql_request.hpp"
#include "ports/store.hpp"
#include "ports/upload_store.hpp"

namespace chat::api {

struct graphql_http_result {
  net::http::status status = net::http::status::ok;
  std::string body;   // a GraphQL response document (or an array of them for a batch)
  std::string allow;  // the Allow header of a 405 (a mutation by GET: "POST")
};

/// What the chat resolvers run on. The endpoint binds the capability of each one given;
/// without services (unit tests of the engine's HTTP behaviour) only `hello` answers.
struct endpoint_services {
  ports::store* store = nullptr;
  auth::account_service* accounts = nullptr;
  ports::upload_store* uploads = nullptr;
  cookie_policy cookies;
  /// RL-1: checked before each operation runs; null: no limits.
  const rate_limit_guard* limits = nullptr;
};

class graphql_endpoint {
 public:
  struct options {
    graphql::parse_options parse;
    graphql::limits::document_limits limits;
    std::size_t cache_entries = 1024;
  };

  /// Builds the schema from `sdl` and binds the resolvers; on failure (an invalid schema,
  /// or a field with neither a resolver nor a default: GQL-2) returns null and fills
  /// `errors`.
  static std::unique_ptr<graphql_endpoint> create(std::string_view sdl, const options& opts,
                                                  std::vector<std::string>& errors,
                                                  const endpoint_services& services = {});

  /// Answers one HTTP GraphQL request (one operation, or a batch), every operation with
  /// `context` (the signed-in user, cookies to set, uploaded files).
  boost::asio::awaitable<graphql_http_result> run(const net::graphql_http::parsed_request& request,
                                                  net::graphql_http::media_type media,
                                                  request_context& context);

  const graphql::schema& schema() const noexcept { return *schema_; }
  const graphql::document_cache& cache() const noexcept { return cache_; }

 private:
  graphql_endpoint(std::shared_ptr<const graphql::schema> s, const options& opts,
                   const endpoint_services& services);

  /// One operation: its response document and whether it failed before execution
  /// (which `application/graphql-response+json` answers with 400).
  struct operation_result {
    std::string body;
    bool request_error = false;
    net::http::status status = net::http::status::ok;
  };
  boost::asio::awaitable<operation_result> run_one(const net::graphql_http::operation_request& op,
                                                   bool from_get, request_context& context);

  std::shared_ptr<const graphql::schema> schema_;
  graphql::resolver_map resolvers_;
  std::vector<graphql::rule_factory> limit_rules_;
  graphql::parse_options parse_options_;
  graphql::document_cache cache_;
  const rate_limit_guard* limits_ = nullptr;
};

/// The schema this server serves (schema/chat.graphql, compiled into the binary).
std::string_view served_schema_sdl() noexcept;

}  // namespace chat::api
