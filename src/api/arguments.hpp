#pragma once
/// Reading resolver arguments that need more than GraphQL's own coercion (SPEC GQL-3,
/// ERR-1): ids that the contract types as `Float` (`chatroomId: Float!`, kept for the old
/// client) must be whole numbers, and a refusal is a `BAD_REQUEST` whose
/// `extensions.errors` names the argument.
///
/// Thread-safety: pure functions.

#include <boost/json/object.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graphql/execution/execute.hpp"

namespace chat::api {

/// ERR-1 `BAD_REQUEST`: `message`, with `extensions.errors = {field: message}`.
graphql::field_error bad_request(std::string_view field, std::string message);

/// ERR-1 `BAD_REQUEST` for several fields at once: `message`, with
/// `extensions.errors = {field: message, …}`.
graphql::field_error bad_request(std::string message,
                                 const std::map<std::string, std::string, std::less<>>& fields);

/// The id in the argument `name`: a whole number (`1.5` and `1e300` are refused). A
/// missing or null argument is refused too (the schema makes id arguments non-null).
std::variant<std::int64_t, graphql::field_error> id_argument(const boost::json::object& arguments,
                                                             std::string_view name);

/// The ids in the list argument `name`, each a whole number, in order.
std::variant<std::vector<std::int64_t>, graphql::field_error> id_list_argument(
    const boost::json::object& arguments, std::string_view name);

}  // namespace chat::api
