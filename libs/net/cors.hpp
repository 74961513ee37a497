#pragma once
/// Cross-origin resource sharing (SPEC HTTP-4) and the origin check of WebSocket
/// upgrades (WS-2): one policy built from `CORS_ORIGINS`.
///
/// Browsers send `Origin` on cross-origin requests; a listed origin gets
/// `Access-Control-Allow-Origin: <origin>` with credentials allowed (cookies carry the
/// session), every response varies on `Origin`, and preflight `OPTIONS` requests are
/// answered here. `*` in the list allows every origin (each is echoed back, since
/// credentials forbid a literal `*`).
///
/// Thread-safety: immutable after construction; safe to share.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_types.hpp"

namespace chat::net {

class cors_policy {
 public:
  explicit cors_policy(std::vector<std::string> allowed_origins);

  /// True when `origin` (scheme://host[:port], compared case-insensitively for scheme
  /// and host) is allowed.
  bool origin_allowed(std::string_view origin) const noexcept;

  /// A preflight request is `OPTIONS` with `Origin` and
  /// `Access-Control-Request-Method`. Answers it (204 with the allowed methods and
  /// headers when the origin is allowed, 204 without CORS headers otherwise, which the
  /// browser treats as a refusal); nullopt for any other request.
  std::optional<http_response> preflight(const http_request& request) const;

  /// Adds the CORS headers a response to `request` needs.
  void apply(const http_request& request, http_response& response) const;

  static constexpr std::string_view k_allowed_methods = "GET, POST, OPTIONS";
  static constexpr std::string_view k_allowed_headers =
      "Content-Type, Authorization, Accept, X-Requested-With, x-apollo-operation-name, "
      "apollo-require-preflight, x-correlation-id";
  static constexpr std::string_view k_exposed_headers = "x-correlation-id";
  static constexpr std::string_view k_max_age_seconds = "600";

 private:
  std::vector<std::string> origins_;  // normalised: lower-case scheme and host
  bool any_ = false;
};

}  // namespace chat::net
