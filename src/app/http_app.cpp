#include "app/http_app.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include "api/account_resolvers.hpp"
#include "app/graphiql_page.hpp"
#include "net/cookies.hpp"
#include "net/graphql_http/graphql_request.hpp"
#include "net/graphql_http/multipart_request.hpp"
#include "observability/logger.hpp"
#include "text/json_text.hpp"

namespace chat::app {

namespace http = net::http;

namespace {

constexpr std::string_view k_json = "application/json";

constexpr std::string_view k_index_page = R"(<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Futbol Chat</title></head>
<body>
<h1>Futbol Chat server</h1>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>; open it in a browser for the
GraphiQL explorer.
Health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a>,
metrics: <a href="/metrics">/metrics</a>.</p>
</body>
</html>
)";

std::string_view path_of(std::string_view target) noexcept {
  return target.substr(0, target.find('?'));
}

net::http_response make_response(const net::http_request& request, http::status status,
                                 std::string_view content_type, std::string body) {
  net::http_response response{status, request.version()};
  response.set(http::field::content_type, content_type);
  response.set(http::field::cache_control, "no-store");
  // HEAD gets the headers of GET, including its length, and no body.
  if (request.method() == http::verb::head) {
    response.content_length(body.size());
  } else {
    response.body() = std::move(body);
  }
  return response;
}

net::http_response method_not_allowed(const net::http_request& request, std::string_view allow) {
  auto response = make_response(
      request, http::status::method_not_allowed, k_json,
      error_body("METHOD_NOT_ALLOWED",
                 "Method " + std::string(request.method_string()) + " is not allowed here"));
  response.set(http::field::allow, allow);
  return response;
}

bool is_get_or_head(const net::http_request& request) {
  return request.method() == http::verb::get || request.method() == http::verb::head;
}

/// The access token of `Authorization: Bearer <token>`; empty for anything else.
std::string_view bearer_token(std::string_view header) noexcept {
  constexpr std::string_view k_scheme = "bearer ";
  if (header.size() <= k_scheme.size()) return {};
  for (std::size_t i = 0; i < k_scheme.size(); ++i) {
    const char c = header[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != k_scheme[i]) return {};
  }
  std::string_view token = header.substr(k_scheme.size());
  while (!token.empty() && token.front() == ' ')
    token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ')
    token.remove_suffix(1);
  return token;
}

/// MSG-3 without PUBLIC_URL: the scheme and host this request came in on. A Host
/// header with anything but host-name characters is not trusted into a URL.
std::string url_from_host(std::string_view host) {
  const bool plausible =
      !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
      });
  return "http://" + (plausible ? std::string(host) : std::string("localhost"));
}

}  // namespace

std::string_view route_label(std::string_view target) noexcept {
  static constexpr std::array<std::string_view, 5> k_routes = {"/", "/healthz", "/readyz",
                                                               "/metrics", "/graphql"};
  const auto path = path_of(target);
  for (const auto route : k_routes) {
    if (path == route) return route;
  }
  if (path.starts_with("/graphiql/")) return "/graphiql";
  if (path.starts_with("/uploads/")) return "/uploads";
  return "other";
}

std::string error_body(std::string_view code, std::string_view message) {
  std::string out = R"({"errors":[{"message":)";
  text::append_json_string(out, message);
  out += R"(,"extensions":{"code":)";
  text::append_json_string(out, code);
  out += R"(,"timestamp":")";
  text::append_iso8601_utc(out, std::chrono::system_clock::now());
  out += R"("}}]})";
  return out;
}

http_app::http_app(obs::metrics_registry& metrics, std::vector<readiness_check> checks,
                   net::cors_policy cors, api::graphql_endpoint& graphql,
                   http_app_services services)
    : metrics_(metrics),
      requests_(metrics.counter_family("chat_http_requests_total",
                                       "HTTP requests answered, by route and status.",
                                       {"route", "status"})),
      durations_(metrics.histogram_family("chat_http_request_duration_seconds",
                                          "Time from the first byte of a request to the end of "
                                          "its response, by route.",
                                          {"route"}, obs::latency_buckets())),
      checks_(std::move(checks)),
      cors_(std::move(cors)),
      graphql_(graphql),
      services_(std::move(services)),
      proxies_(services_.trusted_proxies) {
  while (!services_.public_url.empty() && services_.public_url.back() == '/')
    services_.public_url.pop_back();
}

boost::asio::awaitable<net::http_response> http_app::handle(net::http_request& request,
                                                            const net::request_info& info) {
  if (auto preflight = cors_.preflight(request)) co_return std::move(*preflight);
  const bool graphql_request =
      path_of(request.target()) == "/graphql" &&
      !(is_get_or_head(request) && wants_graphiql(request.target(), request[http::field::accept]));
  // (An if, not ?: — GCC 12 miscompiles co_await inside a conditional expression.)
  const bool upload_request = path_of(request.target()).starts_with("/uploads/");
  net::http_response response;
  if (graphql_request) {
    response = co_await graphql(request, info);
  } else if (upload_request) {
    response = co_await upload(request);
  } else {
    response = route(request, info);
  }
  cors_.apply(request, response);
  co_return response;
}

net::http_response http_app::route(const net::http_request& request,
                                   const net::request_info& info) {
  const auto path = path_of(request.target());
  if (path == "/healthz") {
    if (!is_get_or_head(request)) return method_not_allowed(request, "GET, HEAD");
    return make_response(request, http::status::ok, k_json, R"({"status":"ok"})");
  }
  if (path == "/readyz") {
    if (!is_get_or_head(request)) return method_not_allowed(request, "GET, HEAD");
    return readiness(request);
  }
  if (path == "/metrics") {
    if (!is_get_or_head(request)) return method_not_allowed(request, "GET, HEAD");
    return metrics_text(request);
  }
  if (path == "/graphql") {  // GraphiQL for browsers; GraphQL requests go to graphql()
    return make_response(request, http::status::ok, "text/html; charset=utf-8",
                         std::string(graphiql_html()));
  }
  if (path.starts_with("/graphiql/")) {
    if (!is_get_or_head(request)) return method_not_allowed(request, "GET, HEAD");
    const auto file = graphiql_asset(path);
    if (!file) {
      return make_response(request, http::status::not_found, k_json,
                           error_body("NOT_FOUND", "No such GraphiQL file"));
    }
    auto response =
        make_response(request, http::status::ok, file->content_type, std::string(file->bytes));
    response.set(http::field::cache_control, "public, max-age=86400");
    response.set("X-Content-Type-Options", "nosniff");
    return response;
  }
  if (path == "/") {
    if (!is_get_or_head(request)) return method_not_allowed(request, "GET, HEAD");
    return make_response(request, http::status::ok, "text/html; charset=utf-8",
                         std::string(k_index_page));
  }
  (void)info;
  return make_response(request, http::status::not_found, k_json,
                       error_body("NOT_FOUND", "No route for this path"));
}

// GraphQL over HTTP (HTTP-1, HTTP-3): requests are checked and read here, then run by
// the GraphQL endpoint.
api::request_context http_app::context_for(const net::http_request& request,
                                           const net::request_info& info) const {
  api::request_context context;
  context.correlation_id = info.correlation_id;
  context.client_ip = proxies_.client_of(info.remote_address, request["X-Forwarded-For"]);
  context.public_url = services_.public_url.empty() ? url_from_host(request[http::field::host])
                                                    : services_.public_url;
  const std::string_view cookies = request[http::field::cookie];
  if (auto refresh = net::find_cookie(cookies, api::k_refresh_cookie)) {
    context.refresh_cookie = std::string(*refresh);
  }
  if (services_.accounts == nullptr) return context;
  // AUTH-6: the header first; one that does not verify (the web client sends
  // `Bearer null`) falls back to the cookie.
  const auto header_token = bearer_token(request[http::field::authorization]);
  context.user = services_.accounts->authenticate(header_token);
  if (!context.user) {
    if (auto access = net::find_cookie(cookies, api::k_access_cookie)) {
      context.user = services_.accounts->authenticate(*access);
    }
  }
  return context;
}

// HTTP-5: stored images, with the type their content showed and `nosniff`; names are
// the server's own (anything else is a 404 before the file system is touched).
boost::asio::awaitable<net::http_response> http_app::upload(
    const net::http_request& request) const {
  if (!is_get_or_head(request)) co_return method_not_allowed(request, "GET, HEAD");
  const auto not_found = [&] {
    return make_response(request, http::status::not_found, k_json,
                         error_body("NOT_FOUND", "Image not found"));
  };
  if (services_.uploads == nullptr) co_return not_found();
  std::string name(path_of(request.target()).substr(std::string_view("/uploads/").size()));
  auto image = co_await services_.uploads->open_image(std::move(name));
  if (!image) {
    if (image.error().code == ports::upload_errc::not_found) co_return not_found();
    obs::log(obs::log_level::error, "uploads", "image not read", {},
             {{"error", image.error().detail}});
    co_return make_response(request, http::status::internal_server_error, k_json,
                            error_body("INTERNAL_SERVER_ERROR", "The image could not be read"));
  }
  const std::string content_type(image->content_type());
  auto response = make_response(request, http::status::ok, content_type, std::move(image->bytes));
  // Names are never reused: a stored image never changes.
  response.set(http::field::cache_control, "public, max-age=31536000, immutable");
  response.set("X-Content-Type-Options", "nosniff");
  co_return response;
}

boost::asio::awaitable<net::http_response> http_app::graphql(const net::http_request& request,
                                                             const net::request_info& info) const {
  namespace gh = net::graphql_http;
  const auto refuse = [&](const gh::request_error& error) {
    auto response =
        make_response(request, error.status, k_json, error_body("BAD_REQUEST", error.message));
    if (!error.allow.empty()) response.set(http::field::allow, error.allow);
    return response;
  };
  if (request.method() == http::verb::options) {
    auto response = make_response(request, http::status::no_content, k_json, {});
    response.set(http::field::allow, "GET, POST, OPTIONS");
    co_return response;
  }
  if (auto csrf = gh::check_csrf(request)) co_return refuse(*csrf);
  const auto media = gh::negotiate(request[http::field::accept]);
  if (!media) {
    co_return make_response(request, http::status::not_acceptable, k_json,
                            error_body("BAD_REQUEST",
                                       "Responses are application/json or "
                                       "application/graphql-response+json; the Accept header "
                                       "allows neither"));
  }
  api::request_context context = context_for(request, info);
  gh::parsed_request operations;
  if (request.method() == http::verb::post &&
      gh::is_multipart_form_data(request[http::field::content_type])) {
    // HTTP-2: the GraphQL multipart request spec; at most one file of UPLOAD_MAX_BYTES.
    gh::multipart_limits limits;
    limits.max_file_bytes = services_.upload_max_bytes;
    limits.max_operations_bytes = k_multipart_fields_bytes;
    auto multipart =
        gh::parse_multipart_request(request[http::field::content_type], request.body(), limits);
    if (auto* error = std::get_if<gh::multipart_error>(&multipart)) {
      co_return make_response(request, error->status, k_json,
                              error_body(error->code, error->message));
    }
    auto& parsed = std::get<gh::multipart_request>(multipart);
    for (const auto& file : parsed.files) {
      context.files.push_back(
          api::request_file{file.filename, file.declared_type, std::string(file.bytes)});
    }
    operations = std::move(parsed.request);
  } else {
    auto parsed = gh::parse_request(request);
    if (auto* error = std::get_if<gh::request_error>(&parsed)) co_return refuse(*error);
    operations = std::get<gh::parsed_request>(std::move(parsed));
  }
  auto result = co_await graphql_.run(operations, *media, context);
  auto response =
      make_response(request, result.status, gh::content_type_of(*media), std::move(result.body));
  if (!result.allow.empty()) response.set(http::field::allow, result.allow);
  for (const auto& cookie : context.set_cookies) {
    if (!cookie.empty()) response.insert(http::field::set_cookie, cookie);
  }
  co_return response;
}

net::http_response http_app::readiness(const net::http_request& request) const {
  std::string body = R"({"status":)";
  std::string checks;
  bool ready = true;
  for (const auto& check : checks_) {
    const std::string problem = check.probe();
    if (!checks.empty()) checks += ',';
    text::append_json_string(checks, check.name);
    checks += ':';
    if (problem.empty()) {
      checks += R"({"status":"up"})";
    } else {
      ready = false;
      checks += R"({"status":"down","error":)";
      text::append_json_string(checks, problem);
      checks += '}';
    }
  }
  body += ready ? R"("ready")" : R"("not ready")";
  body += R"(,"checks":{)" + checks + "}}";
  return make_response(request, ready ? http::status::ok : http::status::service_unavailable,
                       k_json, std::move(body));
}

net::http_response http_app::metrics_text(const net::http_request& request) const {
  return make_response(request, http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
                       metrics_.render());
}

net::http_response http_app::error_response(http::status status, std::string_view code,
                                            std::string_view message,
                                            const net::request_info& /*info*/) {
  net::http_response response{status, 11};
  response.set(http::field::content_type, k_json);
  response.body() = error_body(code, message);
  return response;
}

void http_app::on_complete(const net::exchange_record& record) noexcept {
  try {
    const auto route = route_label(record.target);
    const double seconds = std::chrono::duration<double>(record.duration).count();
    requests_.with({route, std::to_string(record.status)}).inc();
    durations_.with({route}).observe(seconds);
    if (obs::log_enabled(obs::log_level::info)) {
      const std::string remote =
          record.remote_address != nullptr ? record.remote_address->to_string() : std::string();
      // The query string is left out: GET /graphql carries variables there.
      obs::log(obs::log_level::info, "http", "request completed", record.correlation_id,
               {{"method", record.method},
                {"path", path_of(record.target)},
                {"status", record.status},
                {"duration", std::round(seconds * 1e6) / 1e3},  // ms, µs precision
                {"bytes", record.bytes_out},
                {"remoteAddress", remote}});
    }
  } catch (...) {
    // Metrics and logs never take a request down.
  }
}

}  // namespace chat::app
