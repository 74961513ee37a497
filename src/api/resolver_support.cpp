#include "api/resolver_support.hpp"

#include <boost/json/object.hpp>

#include "api/arguments.hpp"
#include "observability/logger.hpp"
#include "text/json_text.hpp"

namespace chat::api {

namespace {

boost::json::value date_time(domain::timestamp t) {
  std::string out;
  text::append_iso8601_utc(out,
                           std::chrono::time_point_cast<std::chrono::system_clock::duration>(t));
  return boost::json::value(out);
}

}  // namespace

request_context& context_of(const graphql::resolve_info& info) noexcept {
  return *static_cast<request_context*>(info.context);
}

graphql::field_error unauthenticated(std::string message) {
  return graphql::field_error{
      std::move(message), std::string(graphql::error_code::unauthenticated), {}};
}

std::variant<domain::user_id, graphql::field_error> require_user(
    const graphql::resolve_info& info) {
  const auto* context = static_cast<const request_context*>(info.context);
  if (context == nullptr || !context->user) return unauthenticated();
  return *context->user;
}

std::int64_t id_in_parent(const graphql::value& parent, std::string_view key) {
  const auto* json = parent.json();
  if (json == nullptr || !json->is_object()) return 0;
  const auto* v = json->get_object().if_contains(key);
  return v != nullptr && v->is_int64() ? v->get_int64() : 0;
}

graphql::field_error upload_failure(const ports::upload_error& error,
                                    const request_context& context, std::string_view field) {
  if (error.code == ports::upload_errc::not_an_image) {
    return bad_request(field, std::string(ports::user_message(error.code)));
  }
  obs::log(obs::log_level::error, "uploads", "image not stored", context.correlation_id,
           {{"code", ports::name_of(error.code)}, {"error", error.detail}});
  return graphql::field_error{
      std::string(ports::user_message(error.code)), std::string(graphql::error_code::internal), {}};
}

std::string public_image_url(const request_context& context, std::string_view stored) {
  if (stored.starts_with("/uploads/")) return context.public_url + std::string(stored);
  return std::string(stored);
}

boost::json::value user_json(const domain::user& user, const request_context& context) {
  boost::json::object out;
  out["id"] = user.id;
  out["email"] = user.email;
  out["fullname"] = user.fullname;
  if (user.avatar_url) {
    out["avatarUrl"] = public_image_url(context, *user.avatar_url);
  } else {
    out["avatarUrl"] = nullptr;
  }
  out["createdAt"] = date_time(user.created_at);
  out["updatedAt"] = date_time(user.updated_at);
  out["password"] = nullptr;  // AUTH-7
  return out;
}

}  // namespace chat::api
