#include "api/arguments.hpp"

#include <cmath>

#include "text/json_text.hpp"

namespace chat::api {

namespace {

// Integers JavaScript clients send exactly (Number.MAX_SAFE_INTEGER).
constexpr double k_max_safe = 9'007'199'254'740'991.0;

std::optional<std::int64_t> whole_number(const boost::json::value& v) noexcept {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(k_max_safe)) {
    return static_cast<std::int64_t>(v.get_uint64());
  }
  if (v.is_double()) {
    const double d = v.get_double();
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= k_max_safe) {
      return static_cast<std::int64_t>(d);
    }
  }
  return std::nullopt;
}

std::string not_whole(std::string_view name) {
  return std::string(name) + " must be a whole number";
}

}  // namespace

graphql::field_error bad_request(std::string_view field, std::string message) {
  std::string extra = "\"errors\":{";
  text::append_json_string(extra, field);
  extra += ':';
  text::append_json_string(extra, message);
  extra += '}';
  return graphql::field_error{std::move(message), std::string(graphql::error_code::bad_request),
                              std::move(extra)};
}

graphql::field_error bad_request(std::string message,
                                 const std::map<std::string, std::string, std::less<>>& fields) {
  std::string extra = "\"errors\":{";
  bool first = true;
  for (const auto& [field, problem] : fields) {
    if (!first) extra += ',';
    first = false;
    text::append_json_string(extra, field);
    extra += ':';
    text::append_json_string(extra, problem);
  }
  extra += '}';
  return graphql::field_error{std::move(message), std::string(graphql::error_code::bad_request),
                              std::move(extra)};
}

std::variant<std::int64_t, graphql::field_error> id_argument(const boost::json::object& arguments,
                                                             std::string_view name) {
  const boost::json::value* v = arguments.if_contains(name);
  if (v == nullptr || v->is_null()) return bad_request(name, std::string(name) + " is required");
  if (auto id = whole_number(*v)) return *id;
  return bad_request(name, not_whole(name));
}

std::variant<std::vector<std::int64_t>, graphql::field_error> id_list_argument(
    const boost::json::object& arguments, std::string_view name) {
  const boost::json::value* v = arguments.if_contains(name);
  if (v == nullptr || v->is_null()) return bad_request(name, std::string(name) + " is required");
  std::vector<std::int64_t> ids;
  if (!v->is_array()) return bad_request(name, std::string(name) + " must be a list of ids");
  ids.reserve(v->get_array().size());
  for (const auto& item : v->get_array()) {
    const auto id = whole_number(item);
    if (!id) return bad_request(name, std::string(name) + " must hold whole numbers only");
    ids.push_back(*id);
  }
  return ids;
}

}  // namespace chat::api
