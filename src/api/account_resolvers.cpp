#include "api/account_resolvers.hpp"

#include <array>

#include "api/arguments.hpp"
#include "api/resolver_support.hpp"
#include "api/store_errors.hpp"
#include "net/cookies.hpp"
#include "observability/logger.hpp"

namespace chat::api {

namespace {

using graphql::resolve_info;
using graphql::value;

/// The input fields of `RegisterInput` in the order their errors are reported.
constexpr std::array<std::string_view, 4> k_register_fields = {"fullname", "email", "password",
                                                               "confirmPassword"};

std::string string_member(const boost::json::object& object, std::string_view key) {
  const boost::json::value* v = object.if_contains(key);
  if (v == nullptr || !v->is_string()) return {};
  return std::string(v->get_string());
}

const boost::json::object& input_object(const resolve_info& info, std::string_view name) {
  static const boost::json::object k_empty;
  const boost::json::value* v = info.arguments.if_contains(name);
  return v != nullptr && v->is_object() ? v->get_object() : k_empty;
}

// Tokens are base64url and dots, always valid cookie values: the serializer refuses
// only what could inject a header, which these never are.
std::string cookie_header(std::string_view name, std::string value, std::chrono::seconds ttl,
                          cookie_policy policy) {
  net::set_cookie cookie;
  cookie.name = std::string(name);
  cookie.value = std::move(value);
  cookie.secure = policy.secure;
  cookie.max_age_seconds = ttl.count();
  return net::to_header_value(cookie).value_or(std::string());
}

std::string clearing_header(std::string_view name, cookie_policy policy) {
  net::set_cookie cookie;
  cookie.name = std::string(name);
  cookie.secure = policy.secure;
  cookie.expire_now = true;
  return net::to_header_value(cookie).value_or(std::string());
}

void set_session_cookies(request_context& context, const auth::session_tokens& tokens,
                         cookie_policy policy) {
  context.set_cookies.push_back(
      cookie_header(k_access_cookie, tokens.access_token, tokens.access_ttl, policy));
  context.set_cookies.push_back(
      cookie_header(k_refresh_cookie, tokens.refresh_token, tokens.refresh_ttl, policy));
}

void clear_session_cookies(request_context& context, cookie_policy policy) {
  context.set_cookies.push_back(clearing_header(k_access_cookie, policy));
  context.set_cookies.push_back(clearing_header(k_refresh_cookie, policy));
}

/// An account failure as the field error the contract promises (ERR-1, ERR-2, AUTH-1,
/// AUTH-2); details go to the log with the correlation id, never into the response.
graphql::field_error field_error_of(const auth::account_error& error,
                                    const request_context& context) {
  switch (error.code) {
    case auth::account_errc::invalid_input: {
      std::string message;
      for (const auto field : k_register_fields) {
        if (auto it = error.fields.find(field); it != error.fields.end()) {
          message = it->second;
          break;
        }
      }
      if (message.empty() && !error.fields.empty()) message = error.fields.begin()->second;
      return bad_request(std::move(message), error.fields);
    }
    case auth::account_errc::invalid_credentials:
      return bad_request("invalidCredentials", "Invalid credentials");
    case auth::account_errc::unauthenticated:
      if (!error.detail.empty()) {
        obs::log(obs::log_level::info, "auth", "credential refused", context.correlation_id,
                 {{"reason", error.detail}});
      }
      return unauthenticated("Your session has expired. Please log in again.");
    case auth::account_errc::busy:
      return graphql::field_error{"Too many requests. Please try again later.",
                                  std::string(graphql::error_code::too_many_requests),
                                  "\"retryAfter\":1"};
    case auth::account_errc::store:
      break;
  }
  return field_error_for(error.store, context.correlation_id);
}

/// `{"user": UserEntity}`: RegisterResponse and LogInResponse.
value user_response(const domain::user& user, const request_context& context) {
  boost::json::object out;
  out["user"] = user_json(user, context);
  return value(boost::json::value(std::move(out)));
}

}  // namespace

void bind_account_resolvers(graphql::resolver_map& resolvers, auth::account_service& accounts,
                            cookie_policy cookies) {
  // AUTH-1: registration signs the new user in (AUTH-3).
  resolvers.bind_async(
      "Mutation.register",
      [&accounts, cookies](const value&,
                           const resolve_info& info) -> boost::asio::awaitable<value> {
        request_context& context = context_of(info);
        const boost::json::object& input = input_object(info, "RegisterInput");
        auth::registration registration;
        registration.fullname = string_member(input, "fullname");
        registration.email = string_member(input, "email");
        registration.password = string_member(input, "password");
        registration.confirm_password = string_member(input, "confirmPassword");
        auto result = co_await accounts.register_user(std::move(registration));
        if (auto* error = std::get_if<auth::account_error>(&result)) {
          co_return value(field_error_of(*error, context));
        }
        auto& done = std::get<auth::signed_in>(result);
        set_session_cookies(context, done.tokens, cookies);
        co_return user_response(done.user, context);
      });

  // AUTH-2: one answer for an unknown email and a wrong password.
  resolvers.bind_async(
      "Mutation.login",
      [&accounts, cookies](const value&,
                           const resolve_info& info) -> boost::asio::awaitable<value> {
        request_context& context = context_of(info);
        const boost::json::object& input = input_object(info, "LogInInput");
        std::string email = string_member(input, "email");
        std::string password = string_member(input, "password");
        auto result = co_await accounts.log_in(std::move(email), std::move(password));
        if (auto* error = std::get_if<auth::account_error>(&result)) {
          co_return value(field_error_of(*error, context));
        }
        auto& done = std::get<auth::signed_in>(result);
        set_session_cookies(context, done.tokens, cookies);
        co_return user_response(done.user, context);
      });

  // AUTH-4: rotation; a replayed token revokes the family. Either failure clears the
  // cookies so the browser stops presenting them.
  resolvers.bind_async(
      "Mutation.refreshToken",
      [&accounts, cookies](const value&,
                           const resolve_info& info) -> boost::asio::awaitable<value> {
        request_context& context = context_of(info);
        if (context.refresh_cookie.empty()) {
          co_return value(unauthenticated("No refresh token. Please log in again."));
        }
        std::string presented = context.refresh_cookie;
        auto result = co_await accounts.refresh(std::move(presented));
        if (auto* error = std::get_if<auth::account_error>(&result)) {
          if (error->code == auth::account_errc::unauthenticated) {
            clear_session_cookies(context, cookies);
          }
          co_return value(field_error_of(*error, context));
        }
        auto& tokens = std::get<auth::session_tokens>(result);
        set_session_cookies(context, tokens, cookies);
        co_return value(boost::json::value(tokens.access_token));
      });

  // AUTH-5: revokes the family, clears both cookies.
  resolvers.bind_async(
      "Mutation.logout",
      [&accounts, cookies](const value&,
                           const resolve_info& info) -> boost::asio::awaitable<value> {
        request_context& context = context_of(info);
        std::string presented = context.refresh_cookie;
        auto result = co_await accounts.log_out(std::move(presented));
        if (auto* error = std::get_if<auth::account_error>(&result)) {
          co_return value(field_error_of(*error, context));
        }
        clear_session_cookies(context, cookies);
        co_return value(boost::json::value("Successfully logged out"));
      });
}

}  // namespace chat::api
