#include "net/cors.hpp"

namespace chat::net {
namespace {

// Origins compare case-insensitively (scheme and host are case-insensitive; an origin
// has no path). A trailing slash, which some configurations carry, is ignored.
std::string normalise(std::string_view origin) {
  std::string out(origin);
  while (!out.empty() && out.back() == '/')
    out.pop_back();
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void add_vary_origin(http_response& response) {
  const auto existing = response[http::field::vary];
  if (existing.empty()) {
    response.set(http::field::vary, "Origin");
  } else if (existing.find("Origin") == std::string_view::npos) {
    response.set(http::field::vary, std::string(existing) + ", Origin");
  }
}

}  // namespace

cors_policy::cors_policy(std::vector<std::string> allowed_origins) {
  for (const auto& origin : allowed_origins) {
    if (origin == "*") {
      any_ = true;
    } else {
      origins_.push_back(normalise(origin));
    }
  }
}

bool cors_policy::origin_allowed(std::string_view origin) const noexcept {
  if (origin.empty() || origin == "null") return false;
  if (any_) return true;
  const std::string wanted = normalise(origin);
  for (const auto& allowed : origins_) {
    if (allowed == wanted) return true;
  }
  return false;
}

std::optional<http_response> cors_policy::preflight(const http_request& request) const {
  if (request.method() != http::verb::options) return std::nullopt;
  const auto origin = request[http::field::origin];
  if (origin.empty() || request[http::field::access_control_request_method].empty()) {
    return std::nullopt;
  }
  http_response response{http::status::no_content, request.version()};
  add_vary_origin(response);
  if (origin_allowed(origin)) {
    response.set(http::field::access_control_allow_origin, origin);
    response.set(http::field::access_control_allow_credentials, "true");
    response.set(http::field::access_control_allow_methods, k_allowed_methods);
    response.set(http::field::access_control_allow_headers, k_allowed_headers);
    response.set(http::field::access_control_max_age, k_max_age_seconds);
  }
  return response;
}

void cors_policy::apply(const http_request& request, http_response& response) const {
  add_vary_origin(response);
  const auto origin = request[http::field::origin];
  if (!origin_allowed(origin)) return;
  response.set(http::field::access_control_allow_origin, origin);
  response.set(http::field::access_control_allow_credentials, "true");
  response.set(http::field::access_control_expose_headers, k_exposed_headers);
}

}  // namespace chat::net
