#pragma once
/// GraphQL over HTTP, the request side (SPEC HTTP-1, HTTP-3): CSRF prevention as Apollo
/// Server 4 does it, response media negotiation, and turning a GET query string or a
/// POST JSON body (one operation or a batch) into operation requests. Pure functions of
/// the HTTP request: no engine, no I/O.
///
/// Thread-safety: pure functions.

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "net/http_types.hpp"

namespace chat::net::graphql_http {

/// One GraphQL operation request: `{query, operationName, variables, extensions}`.
struct operation_request {
  std::string query;
  std::optional<std::string> operation_name;
  boost::json::object variables;
  boost::json::object extensions;
};

/// What the response is written as.
enum class media_type : std::uint8_t { json, graphql_response_json };

/// `application/json; charset=utf-8` or `application/graphql-response+json; charset=utf-8`.
std::string_view content_type_of(media_type media) noexcept;

/// A request refused before any GraphQL work: its HTTP status and a sentence for people.
struct request_error {
  http::status status = http::status::bad_request;
  std::string message;
  std::string allow;  // the Allow header of a 405
};

struct parsed_request {
  std::vector<operation_request> operations;  // at least one
  bool batched = false;                       // the body was a JSON array
  bool from_get = false;                      // GET: only queries may run
};

struct request_limits {
  std::size_t max_batch = 16;  // HTTP-1
};

/// HTTP-3: a request whose Content-Type is missing or one a browser may send without a
/// preflight (`text/plain`, `application/x-www-form-urlencoded`, `multipart/form-data`)
/// needs a non-empty `x-apollo-operation-name` or `apollo-require-preflight` header.
std::optional<request_error> check_csrf(const http_request& request);

/// The response media the `Accept` header asks for: `application/graphql-response+json`
/// when the client prefers it, `application/json` for `application/json`, `*/*`,
/// `application/*` or no header; nullopt when it accepts neither (→ 406).
std::optional<media_type> negotiate(std::string_view accept);

/// Reads the operations of a GET (`?query=…&variables=<json>…`) or a POST with an
/// `application/json` body. Multipart uploads are not handled here.
std::variant<parsed_request, request_error> parse_request(const http_request& request,
                                                          const request_limits& limits = {});

}  // namespace chat::net::graphql_http
