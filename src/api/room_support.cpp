#include "api/room_support.hpp"

#include <boost/json/object.hpp>

#include "api/arguments.hpp"
#include "api/loaders.hpp"
#include "api/resolver_support.hpp"
#include "api/store_errors.hpp"
#include "text/json_text.hpp"

namespace chat::api {

std::variant<room_call, graphql::field_error> room_call_of(const graphql::resolve_info& info) {
  auto caller = require_user(info);
  if (auto* e = std::get_if<graphql::field_error>(&caller)) return std::move(*e);
  auto id = id_argument(info.arguments, "chatroomId");
  if (auto* e = std::get_if<graphql::field_error>(&id)) return std::move(*e);
  return room_call{std::get<domain::user_id>(caller), std::get<std::int64_t>(id)};
}

graphql::field_error room_not_found() {
  return graphql::field_error{
      "Chatroom not found", std::string(graphql::error_code::not_found), {}};
}

graphql::field_error room_forbidden() {
  return graphql::field_error{
      "You do not have access to this chatroom", std::string(graphql::error_code::forbidden), {}};
}

namespace {

/// The room, or the field error its lookup ended in.
boost::asio::awaitable<std::variant<domain::room, graphql::field_error>> find(
    request_context& context, ports::store& store, domain::room_id id) {
  auto found = co_await load_room(context, store, id);
  if (!found) {
    if (found.error().code == ports::store_errc::not_found) co_return room_not_found();
    co_return field_error_for(found.error(), context.correlation_id);
  }
  co_return std::move(*found);
}

}  // namespace

boost::asio::awaitable<std::variant<domain::room, graphql::field_error>> readable_room(
    request_context& context, ports::store& store, domain::room_id id, domain::user_id user) {
  auto room = co_await find(context, store, id);
  if (std::holds_alternative<graphql::field_error>(room)) co_return room;
  if (std::get<domain::room>(room).access == domain::room_access::public_room) co_return room;
  auto member = co_await store.is_member(id, user);
  if (!member) co_return field_error_for(member.error(), context.correlation_id);
  if (!*member) co_return room_forbidden();
  co_return room;
}

boost::asio::awaitable<std::variant<domain::room, graphql::field_error>> room_of_member(
    request_context& context, ports::store& store, domain::room_id id, domain::user_id user) {
  auto room = co_await find(context, store, id);
  if (std::holds_alternative<graphql::field_error>(room)) co_return room;
  auto member = co_await store.is_member(id, user);
  if (!member) co_return field_error_for(member.error(), context.correlation_id);
  if (!*member) co_return room_forbidden();
  co_return room;
}

boost::json::value date_time_json(domain::timestamp t) {
  std::string out;
  text::append_iso8601_utc(out,
                           std::chrono::time_point_cast<std::chrono::system_clock::duration>(t));
  return boost::json::value(out);
}

namespace {

boost::json::value optional_string(const std::optional<std::string>& s) {
  if (!s) return nullptr;
  return boost::json::value(*s);
}

}  // namespace

boost::json::value room_json(const domain::room& room, const request_context& context) {
  boost::json::object out;
  out["id"] = room.id;
  out["name"] = room.name;
  out["access"] = domain::name_of(room.access);
  if (room.admin_id) {
    out["adminId"] = *room.admin_id;
  } else {
    out["adminId"] = nullptr;
  }
  out["description"] = optional_string(room.description);
  out["colorHex"] = optional_string(room.color_hex);
  if (room.image) {
    out["image"] = public_image_url(context, *room.image);
  } else {
    out["image"] = nullptr;
  }
  out["createdAt"] = date_time_json(room.created_at);
  out["updatedAt"] = date_time_json(room.updated_at);
  return out;
}

boost::json::value message_json(const domain::message& message, const request_context& context) {
  boost::json::object out;
  out["id"] = message.id;
  out["content"] = message.content;
  if (message.image_url) {
    out["imageUrl"] = public_image_url(context, *message.image_url);
  } else {
    out["imageUrl"] = nullptr;
  }
  out["createdAt"] = date_time_json(message.created_at);
  out["updatedAt"] = date_time_json(message.updated_at);
  // Not fields of MessageEntity: read by the `user` and `chatroom` resolvers.
  out["authorId"] = message.author;
  out["chatroomId"] = message.room;
  return out;
}

boost::json::value message_edge_json(const domain::message& message,
                                     const request_context& context) {
  boost::json::object out;
  out["cursor"] = message.id;
  out["node"] = message_json(message, context);
  return out;
}

}  // namespace chat::api
