#pragma once
/// What every chat resolver needs: its request's context, the signed-in user (AUTH-6,
/// AUTH-8, ERR-2), and the JSON a user is answered with (AUTH-7: never its hash).
///
/// Thread-safety: pure functions over one request's state.

#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "api/request_context.hpp"
#include "domain/user.hpp"
#include "graphql/execution/execute.hpp"
#include "ports/upload_store.hpp"

namespace chat::api {

/// The request's context (every execution of the endpoint has one).
request_context& context_of(const graphql::resolve_info& info) noexcept;

/// ERR-2: the one answer to a missing, expired or invalid credential.
graphql::field_error unauthenticated(std::string message = "You must be logged in to do this.");

/// AUTH-6: the signed-in user, or `UNAUTHENTICATED`.
std::variant<domain::user_id, graphql::field_error> require_user(const graphql::resolve_info& info);

/// MSG-3: an image URL as clients load it. Stored uploads (`/uploads/<name>`) are made
/// absolute with the request's public URL; anything else (an external URL kept from the
/// old backend) is answered as stored.
std::string public_image_url(const request_context& context, std::string_view stored);

/// The id member `key` of a parent object answered as JSON (`ChatroomEntity.id`,
/// `MessageEntity`'s `authorId`), for nested resolvers; 0 when there is none.
std::int64_t id_in_parent(const graphql::value& parent, std::string_view key);

/// An image the upload store refused (MSG-3): `BAD_REQUEST` on `field` when it is not an
/// image; otherwise logged with the correlation id and answered without details (ERR-3).
graphql::field_error upload_failure(const ports::upload_error& error,
                                    const request_context& context, std::string_view field);

/// `UserEntity` (AUTH-7): id, email, fullname, avatarUrl, createdAt, updatedAt, and a
/// `password` that is always null.
boost::json::value user_json(const domain::user& user, const request_context& context);

}  // namespace chat::api
