#include "net/graphql_http/graphql_request.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/url/parse.hpp>
#include <charconv>

namespace chat::net::graphql_http {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

/// A media type split into its lower-cased essence ("application/json") and the value
/// of one parameter.
struct media_range {
  std::string essence;
  std::string charset;
  double q = 1.0;
};

media_range parse_media_range(std::string_view text) {
  media_range range;
  const auto semicolon = text.find(';');
  range.essence = lower(trim(text.substr(0, semicolon)));
  std::string_view params =
      semicolon == std::string_view::npos ? std::string_view{} : text.substr(semicolon + 1);
  while (!params.empty()) {
    const auto next = params.find(';');
    const std::string_view param = trim(params.substr(0, next));
    params = next == std::string_view::npos ? std::string_view{} : params.substr(next + 1);
    const auto eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string key = lower(trim(param.substr(0, eq)));
    std::string_view value = trim(param.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (key == "charset") {
      range.charset = lower(value);
    } else if (key == "q") {
      double q = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
      range.q = (ec == std::errc{} && q >= 0 && q <= 1) ? q : 0;
    }
  }
  return range;
}

request_error bad_request(std::string message) {
  return {http::status::bad_request, std::move(message), {}};
}

boost::json::parse_options json_options() {
  boost::json::parse_options options;
  options.max_depth = 64;
  return options;
}

/// Reads one `{query, operationName, variables, extensions}` object.
std::variant<operation_request, request_error> read_operation(const boost::json::value& value,
                                                              std::string_view where) {
  if (!value.is_object()) {
    return bad_request(std::string(where) + " must be a JSON object");
  }
  const auto& object = value.get_object();
  operation_request op;
  const auto* query = object.if_contains("query");
  if (query == nullptr || query->is_null()) {
    return bad_request(
        "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.");
  }
  if (!query->is_string()) return bad_request("`query` must be a string");
  op.query = std::string(query->get_string());
  if (op.query.empty()) {
    return bad_request(
        "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.");
  }
  if (const auto* name = object.if_contains("operationName"); name != nullptr && !name->is_null()) {
    if (!name->is_string()) return bad_request("`operationName` must be a string");
    op.operation_name = std::string(name->get_string());
  }
  if (const auto* variables = object.if_contains("variables");
      variables != nullptr && !variables->is_null()) {
    if (!variables->is_object()) return bad_request("`variables` must be a JSON object");
    op.variables = variables->get_object();
  }
  if (const auto* extensions = object.if_contains("extensions");
      extensions != nullptr && !extensions->is_null()) {
    if (!extensions->is_object()) return bad_request("`extensions` must be a JSON object");
    op.extensions = extensions->get_object();
  }
  return op;
}

std::variant<parsed_request, request_error> parse_get(const http_request& request) {
  auto url = boost::urls::parse_origin_form(request.target());
  if (!url) return bad_request("The request target is not a valid URL");
  boost::json::object fields;
  for (const auto& param : url->params()) {  // percent-decoded, '+' read as a space
    if (!param.has_value) continue;
    const std::string key(param.key);
    if (key == "query" || key == "operationName") {
      fields[key] = param.value;
    } else if (key == "variables" || key == "extensions") {
      if (param.value.empty()) continue;
      boost::system::error_code ec;
      auto parsed = boost::json::parse(param.value, ec, {}, json_options());
      if (ec) return bad_request("`" + key + "` in the query string is not valid JSON");
      fields[key] = std::move(parsed);
    }
  }
  auto op = read_operation(fields, "The query string");
  if (auto* error = std::get_if<request_error>(&op)) return *error;
  parsed_request result;
  result.from_get = true;
  result.operations.push_back(std::move(std::get<operation_request>(op)));
  return result;
}

std::variant<parsed_request, request_error> parse_post(const http_request& request,
                                                       const request_limits& limits) {
  const auto type = parse_media_range(request[http::field::content_type]);
  if (type.essence != "application/json" && type.essence != "application/graphql+json") {
    return request_error{http::status::unsupported_media_type,
                         "Content-Type must be application/json (multipart/form-data for "
                         "uploads)",
                         {}};
  }
  if (!type.charset.empty() && type.charset != "utf-8") {
    return request_error{
        http::status::unsupported_media_type, "Only the utf-8 charset is supported", {}};
  }
  if (trim(request.body()).empty()) return bad_request("The POST body is empty");
  boost::system::error_code ec;
  const auto body = boost::json::parse(request.body(), ec, {}, json_options());
  if (ec) return bad_request("The POST body is not valid JSON");

  parsed_request result;
  if (body.is_array()) {
    const auto& items = body.get_array();
    if (items.empty()) return bad_request("A batch must contain at least one operation");
    if (items.size() > limits.max_batch) {
      return bad_request("A batch may contain at most " + std::to_string(limits.max_batch) +
                         " operations");
    }
    result.batched = true;
    for (const auto& item : items) {
      auto op = read_operation(item, "Each operation of a batch");
      if (auto* error = std::get_if<request_error>(&op)) return *error;
      result.operations.push_back(std::move(std::get<operation_request>(op)));
    }
    return result;
  }
  auto op = read_operation(body, "The POST body");
  if (auto* error = std::get_if<request_error>(&op)) return *error;
  result.operations.push_back(std::move(std::get<operation_request>(op)));
  return result;
}

}  // namespace

std::string_view content_type_of(media_type media) noexcept {
  return media == media_type::graphql_response_json
             ? "application/graphql-response+json; charset=utf-8"
             : "application/json; charset=utf-8";
}

std::optional<request_error> check_csrf(const http_request& request) {
  const auto content_type = request[http::field::content_type];
  if (!content_type.empty()) {
    const auto essence = parse_media_range(content_type).essence;
    if (essence != "text/plain" && essence != "application/x-www-form-urlencoded" &&
        essence != "multipart/form-data") {
      return std::nullopt;  // a browser must preflight this type: not a simple request
    }
  }
  if (!request["x-apollo-operation-name"].empty() || !request["apollo-require-preflight"].empty()) {
    return std::nullopt;
  }
  return bad_request(
      "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). "
      "Please either specify a 'content-type' header (with a type that is not one of "
      "application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a "
      "non-empty value for one of the following headers: x-apollo-operation-name, "
      "apollo-require-preflight");
}

std::optional<media_type> negotiate(std::string_view accept) {
  if (trim(accept).empty()) return media_type::json;
  double q_json = 0;     // application/json, or a wildcard covering it
  double q_graphql = 0;  // application/graphql-response+json, or a wildcard
  double q_graphql_explicit = -1;
  double q_json_explicit = -1;
  while (!accept.empty()) {
    const auto comma = accept.find(',');
    const auto range = parse_media_range(accept.substr(0, comma));
    accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
    if (range.essence == "application/graphql-response+json") {
      q_graphql_explicit = std::max(q_graphql_explicit, range.q);
    } else if (range.essence == "application/json") {
      q_json_explicit = std::max(q_json_explicit, range.q);
    } else if (range.essence == "*/*" || range.essence == "application/*") {
      q_json = std::max(q_json, range.q);
      q_graphql = std::max(q_graphql, range.q);
    }
  }
  // An explicit entry overrides what a wildcard says for that type.
  if (q_json_explicit >= 0) q_json = q_json_explicit;
  if (q_graphql_explicit >= 0) q_graphql = q_graphql_explicit;
  if (q_graphql_explicit > 0 && q_graphql >= q_json) return media_type::graphql_response_json;
  if (q_json > 0) return media_type::json;
  if (q_graphql > 0) return media_type::graphql_response_json;
  return std::nullopt;
}

std::variant<parsed_request, request_error> parse_request(const http_request& request,
                                                          const request_limits& limits) {
  switch (request.method()) {
    case http::verb::get:
      return parse_get(request);
    case http::verb::post:
      return parse_post(request, limits);
    default:
      return request_error{http::status::method_not_allowed,
                           "GraphQL requests must use GET or POST", "GET, POST, OPTIONS"};
  }
}

}  // namespace chat::net::graphql_http
