#pragma once
/// The application's HTTP front: routes (SPEC HTTP-5), ERR-1 shaped error bodies, and
/// one access-log line plus request metrics per exchange (OBS-1, OBS-4).
///
/// Thread-safety: all members may be called concurrently from the I/O threads once
/// constructed.

#include <functional>
#include <string>
#include <vector>

#include "api/graphql_endpoint.hpp"
#include "api/request_context.hpp"
#include "app/client_address.hpp"
#include "auth/account_service.hpp"
#include "net/cors.hpp"
#include "net/http_types.hpp"
#include "observability/metrics.hpp"
#include "ports/upload_store.hpp"

namespace chat::app {

/// A named readiness probe for /readyz (database, Redis, …): empty string when ready,
/// else why not.
struct readiness_check {
  std::string name;
  std::function<std::string()> probe;
};

/// HTTP-2: the room a multipart request's `operations` and `map` fields may take; the
/// server's body limit for multipart requests is UPLOAD_MAX_BYTES plus this.
inline constexpr std::uint64_t k_multipart_fields_bytes = 256 * 1024;
inline constexpr std::uint64_t k_multipart_overhead_bytes =
    2 * k_multipart_fields_bytes + 16 * 1024;

/// What the front needs besides the GraphQL endpoint: the credential check (AUTH-6),
/// the uploaded images it serves (HTTP-5), and the limits and URL of uploads (HTTP-2,
/// MSG-3). Null services: requests are anonymous and `/uploads/` answers 404.
struct http_app_services {
  const auth::account_service* accounts = nullptr;
  ports::upload_store* uploads = nullptr;
  std::string public_url;  // PUBLIC_URL without a trailing slash; empty: from Host
  std::uint64_t upload_max_bytes = 10ULL * 1024 * 1024;
  std::vector<std::string> trusted_proxies;  // TRUST_PROXY (RL-2)
};

class http_app final : public net::http_handler {
 public:
  http_app(obs::metrics_registry& metrics, std::vector<readiness_check> checks,
           net::cors_policy cors, api::graphql_endpoint& graphql, http_app_services services = {});

  boost::asio::awaitable<net::http_response> handle(net::http_request& request,
                                                    const net::request_info& info) override;
  net::http_response error_response(net::http::status status, std::string_view code,
                                    std::string_view message,
                                    const net::request_info& info) override;
  void on_complete(const net::exchange_record& record) noexcept override;

 private:
  net::http_response route(const net::http_request& request, const net::request_info& info);
  net::http_response readiness(const net::http_request& request) const;
  net::http_response metrics_text(const net::http_request& request) const;
  boost::asio::awaitable<net::http_response> graphql(const net::http_request& request,
                                                     const net::request_info& info) const;
  boost::asio::awaitable<net::http_response> upload(const net::http_request& request) const;
  /// AUTH-6 and the cookies of a request, for its resolvers.
  api::request_context context_for(const net::http_request& request,
                                   const net::request_info& info) const;

  obs::metrics_registry& metrics_;
  obs::family<obs::counter>& requests_;
  obs::family<obs::histogram>& durations_;
  std::vector<readiness_check> checks_;
  net::cors_policy cors_;
  api::graphql_endpoint& graphql_;
  http_app_services services_;
  trusted_proxies proxies_;
};

/// The metrics label for a request path: a known route or "other" (bounded cardinality).
std::string_view route_label(std::string_view target) noexcept;

/// An ERR-1 error document: {"errors":[{"message", "extensions":{"code","timestamp"}}]}.
std::string error_body(std::string_view code, std::string_view message);

}  // namespace chat::app
