#pragma once
/// A GraphQL error as the response format defines it (spec 7.1.2, SPEC ERR-1): a message,
/// where in the document it points, the response path of a field error, and the
/// `extensions` the server adds (`code`, and for some codes more members).
///
/// Thread-safety: a plain value.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "graphql/language/source.hpp"

namespace chat::graphql {

/// One step of a response path: a response key or a list index.
using path_segment = std::variant<std::string, std::int64_t>;

/// The `extensions.code` values (SPEC ERR-1; Apollo Server's conventional codes), the one
/// table of them (docs/errors.md says when each is used). The engine itself produces
/// the first four; resolvers and the HTTP layer the others.
namespace error_code {
inline constexpr std::string_view parse_failed = "GRAPHQL_PARSE_FAILED";
inline constexpr std::string_view validation_failed = "GRAPHQL_VALIDATION_FAILED";
inline constexpr std::string_view bad_user_input = "BAD_USER_INPUT";
inline constexpr std::string_view internal = "INTERNAL_SERVER_ERROR";
inline constexpr std::string_view bad_request = "BAD_REQUEST";
inline constexpr std::string_view unauthenticated = "UNAUTHENTICATED";
inline constexpr std::string_view forbidden = "FORBIDDEN";
inline constexpr std::string_view not_found = "NOT_FOUND";
inline constexpr std::string_view too_many_requests = "TOO_MANY_REQUESTS";
inline constexpr std::string_view payload_too_large = "PAYLOAD_TOO_LARGE";
/// A root field whose capability has not landed in this build yet.
inline constexpr std::string_view not_implemented = "NOT_IMPLEMENTED";
}  // namespace error_code

struct graphql_error {
  std::string message;
  std::vector<source_position> locations;
  std::vector<path_segment> path;
  /// `extensions.code`; empty for none.
  std::string code;
  /// Further members of `extensions` as JSON text without braces, e.g.
  /// `"retryAfter":3` (empty for none). Written verbatim: must be valid JSON members.
  std::string extra_extensions;
};

}  // namespace chat::graphql
