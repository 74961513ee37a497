#include "api/room_resolvers.hpp"

#include <algorithm>
#include <charconv>

#include "api/arguments.hpp"
#include "api/loaders.hpp"
#include "api/resolver_support.hpp"
#include "api/room_support.hpp"
#include "api/store_errors.hpp"
#include "auth/account_rules.hpp"
#include "text/json_text.hpp"

namespace chat::api {

namespace {

using graphql::field_error;
using graphql::resolve_info;
using graphql::value;
using task = boost::asio::awaitable<value>;

constexpr std::size_t k_room_name_max = 100;
constexpr std::size_t k_description_max = 500;
constexpr std::size_t k_image_url_max = 2048;
constexpr int k_search_limit_max = 50;

bool valid_color(std::string_view hex) noexcept {
  if (hex.size() != 7 || hex[0] != '#') return false;
  return std::all_of(hex.begin() + 1, hex.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

const boost::json::value* member(const boost::json::object& object, std::string_view key) {
  const boost::json::value* v = object.if_contains(key);
  return v != nullptr && !v->is_null() ? v : nullptr;
}

/// ROOM-1's rules for the fields a room is created or updated with; `problems` gets one
/// entry per broken rule. Fields absent from `input` are left alone.
void check_room_fields(const boost::json::object& input, domain::room_patch& patch,
                       std::map<std::string, std::string, std::less<>>& problems) {
  if (const auto* name = member(input, "name"); name != nullptr && name->is_string()) {
    std::string trimmed = auth::trim(name->get_string());
    if (trimmed.empty()) {
      problems.emplace("name", "Name is required");
    } else if (text::utf8_length(trimmed) > k_room_name_max) {
      problems.emplace("name", "Name must be at most 100 characters");
    } else {
      patch.name = std::move(trimmed);
    }
  }
  if (const auto* access = member(input, "access"); access != nullptr && access->is_string()) {
    if (access->get_string() == "PUBLIC") {
      patch.access = domain::room_access::public_room;
    } else if (access->get_string() == "PRIVATE") {
      patch.access = domain::room_access::private_room;
    } else {
      problems.emplace("access", "Access must be PUBLIC or PRIVATE");
    }
  }
  if (const auto* color = member(input, "colorHex"); color != nullptr && color->is_string()) {
    if (valid_color(color->get_string())) {
      patch.color_hex = std::string(color->get_string());
    } else {
      problems.emplace("colorHex", "Color must be a hex colour like #1A2B3C");
    }
  }
  if (const auto* description = member(input, "description");
      description != nullptr && description->is_string()) {
    std::string trimmed = auth::trim(description->get_string());
    if (text::utf8_length(trimmed) > k_description_max) {
      problems.emplace("description", "Description must be at most 500 characters");
    } else {
      patch.description = std::move(trimmed);
    }
  }
  if (const auto* image = member(input, "image"); image != nullptr && image->is_string()) {
    if (image->get_string().size() > k_image_url_max) {
      problems.emplace("image", "Image must be a URL of at most 2048 characters");
    } else {
      patch.image = std::string(image->get_string());
    }
  }
}

/// `userIds: [String!]!` of CreateChatroomInput: decimal ids.
std::variant<std::vector<domain::user_id>, field_error> string_ids(const boost::json::object& input,
                                                                   std::string_view name) {
  std::vector<domain::user_id> ids;
  const auto* list = member(input, name);
  if (list == nullptr) return ids;
  if (!list->is_array()) return bad_request(name, std::string(name) + " must be a list of ids");
  for (const auto& item : list->get_array()) {
    if (!item.is_string()) return bad_request(name, std::string(name) + " must hold user ids");
    const auto text = item.get_string();
    domain::user_id id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
      return bad_request(name, std::string(name) + " must hold user ids");
    }
    ids.push_back(id);
  }
  return ids;
}

field_error users_not_found() {
  return field_error{
      "One or more users were not found", std::string(graphql::error_code::not_found), {}};
}

value rooms_json(const std::vector<domain::room>& rooms, const request_context& context) {
  value::list items;
  items.reserve(rooms.size());
  for (const auto& room : rooms)
    items.emplace_back(room_json(room, context));
  return value(std::move(items));
}

/// The id in a parent ChatroomEntity / MessageEntity JSON object.
}  // namespace

void bind_room_resolvers(graphql::resolver_map& resolvers, ports::store& store) {
  // ROOM-1: the creator becomes admin and member; `userIds` become members.
  resolvers.bind_async(
      "Mutation.createChatroom", [&store](const value&, const resolve_info& info) -> task {
        auto caller = require_user(info);
        if (auto* e = std::get_if<field_error>(&caller)) co_return value(*e);
        request_context& context = context_of(info);
        const auto* input_value = info.arguments.if_contains("createChatroomInput");
        static const boost::json::object k_empty;
        const auto& input = input_value != nullptr && input_value->is_object()
                                ? input_value->get_object()
                                : k_empty;
        domain::room_patch fields;
        std::map<std::string, std::string, std::less<>> problems;
        check_room_fields(input, fields, problems);
        if (!member(input, "name")) problems.emplace("name", "Name is required");
        auto ids = string_ids(input, "userIds");
        if (auto* e = std::get_if<field_error>(&ids)) co_return value(*e);
        if (!problems.empty()) {
          std::string first = problems.begin()->second;
          co_return value(bad_request(std::move(first), problems));
        }
        domain::new_room room;
        room.name = std::move(*fields.name);
        room.access = fields.access.value_or(domain::room_access::private_room);
        room.admin_id = std::get<domain::user_id>(caller);
        room.description = std::move(fields.description);
        room.color_hex = std::move(fields.color_hex);
        room.image = std::move(fields.image);
        auto members = std::get<std::vector<domain::user_id>>(std::move(ids));
        std::erase(members, room.admin_id);
        auto created = co_await store.create_room(std::move(room), std::move(members));
        if (!created) {
          if (created.error().code == ports::store_errc::not_found)
            co_return value(users_not_found());
          co_return value(field_error_for(created.error(), context.correlation_id));
        }
        prime_room(context, store, *created);
        co_return value(room_json(*created, context));
      });

  // ROOM-2, ROOM-4.
  resolvers.bind_async("Query.getChatroomById",
                       [&store](const value&, const resolve_info& info) -> task {
                         auto checked = room_call_of(info);
                         if (auto* e = std::get_if<field_error>(&checked)) co_return value(*e);
                         const room_call call = std::get<room_call>(checked);
                         request_context& context = context_of(info);
                         auto room = co_await readable_room(context, store, call.room, call.user);
                         if (auto* e = std::get_if<field_error>(&room)) co_return value(*e);
                         co_return value(room_json(std::get<domain::room>(room), context));
                       });

  // ROOM-4: the caller's own rooms only, most recent activity first.
  resolvers.bind_async(
      "Query.getChatroomsForUser", [&store](const value&, const resolve_info& info) -> task {
        auto caller = require_user(info);
        if (auto* e = std::get_if<field_error>(&caller)) co_return value(*e);
        auto id = id_argument(info.arguments, "userId");
        if (auto* e = std::get_if<field_error>(&id)) co_return value(*e);
        request_context& context = context_of(info);
        if (std::get<std::int64_t>(id) != std::get<domain::user_id>(caller)) {
          co_return value(field_error{"You can only list your own chatrooms",
                                      std::string(graphql::error_code::forbidden),
                                      {}});
        }
        auto rooms = co_await store.rooms_of_user(std::get<domain::user_id>(caller));
        if (!rooms) co_return value(field_error_for(rooms.error(), context.correlation_id));
        for (const auto& room : *rooms)
          prime_room(context, store, room);
        co_return rooms_json(*rooms, context);
      });

  // ROOM-4: public rooms and the caller's, by name; blank term: none; limit ≤ 50.
  resolvers.bind_async(
      "Query.getChatroomsForSearch", [&store](const value&, const resolve_info& info) -> task {
        auto caller = require_user(info);
        if (auto* e = std::get_if<field_error>(&caller)) co_return value(*e);
        request_context& context = context_of(info);
        int limit = k_search_limit_max;
        if (const auto* l = member(info.arguments, "limit"); l != nullptr && l->is_int64()) {
          if (l->get_int64() < 1) co_return value(bad_request("limit", "limit must be at least 1"));
          limit = static_cast<int>(std::min<std::int64_t>(l->get_int64(), k_search_limit_max));
        }
        const auto* term_value = member(info.arguments, "searchTerm");
        std::string term = term_value != nullptr && term_value->is_string()
                               ? auth::trim(term_value->get_string())
                               : std::string();
        boost::json::object out;
        if (term.empty()) {
          out["chatrooms"] = boost::json::array();
          out["totalCount"] = 0;
          co_return value(boost::json::value(std::move(out)));
        }
        auto found =
            co_await store.search_rooms(std::move(term), std::get<domain::user_id>(caller), limit);
        if (!found) co_return value(field_error_for(found.error(), context.correlation_id));
        boost::json::array rooms;
        for (const auto& room : found->rooms) {
          prime_room(context, store, room);
          rooms.push_back(room_json(room, context));
        }
        out["chatrooms"] = std::move(rooms);
        out["totalCount"] = found->total;
        co_return value(boost::json::value(std::move(out)));
      });

  // ROOM-2, ROOM-4: the members, most recently joined first.
  resolvers.bind_async(
      "Query.getUsersOfChatroom", [&store](const value&, const resolve_info& info) -> task {
        auto checked = room_call_of(info);
        if (auto* e = std::get_if<field_error>(&checked)) co_return value(*e);
        const room_call call = std::get<room_call>(checked);
        request_context& context = context_of(info);
        auto room = co_await readable_room(context, store, call.room, call.user);
        if (auto* e = std::get_if<field_error>(&room)) co_return value(*e);
        auto members = co_await load_members(context, store, call.room);
        if (!members) co_return value(field_error_for(members.error(), context.correlation_id));
        value::list items;
        for (const auto& user : *members)
          items.emplace_back(user_json(user, context));
        co_return value(std::move(items));
      });

  // ROOM-3: a member adds users; existing members are skipped; unknown users: NOT_FOUND.
  resolvers.bind_async(
      "Mutation.addUsersToChatroom", [&store](const value&, const resolve_info& info) -> task {
        auto checked = room_call_of(info);
        if (auto* e = std::get_if<field_error>(&checked)) co_return value(*e);
        const room_call call = std::get<room_call>(checked);
        auto users = id_list_argument(info.arguments, "userIds");
        if (auto* e = std::get_if<field_error>(&users)) co_return value(*e);
        request_context& context = context_of(info);
        const domain::room_id room_id = call.room;
        auto room = co_await room_of_member(context, store, room_id, call.user);
        if (auto* e = std::get_if<field_error>(&room)) co_return value(*e);
        auto ids = std::get<std::vector<std::int64_t>>(std::move(users));
        auto added = co_await store.add_members(room_id, std::move(ids));
        if (!added) {
          if (added.error().code == ports::store_errc::not_found)
            co_return value(users_not_found());
          co_return value(field_error_for(added.error(), context.correlation_id));
        }
        forget_members(context, room_id);
        co_return value(boost::json::value("Users added to chatroom " +
                                           std::get<domain::room>(room).name + " successfully"));
      });

  // ROOM-3: the admin deletes the room with its members and messages.
  resolvers.bind_async(
      "Mutation.deleteChatroom", [&store](const value&, const resolve_info& info) -> task {
        auto checked = room_call_of(info);
        if (auto* e = std::get_if<field_error>(&checked)) co_return value(*e);
        const room_call call = std::get<room_call>(checked);
        request_context& context = context_of(info);
        const domain::room_id room_id = call.room;
        const domain::user_id user = call.user;
        auto room = co_await readable_room(context, store, room_id, user);
        if (auto* e = std::get_if<field_error>(&room)) co_return value(*e);
        if (std::get<domain::room>(room).admin_id != user) {
          co_return value(field_error{"Only the chatroom's admin can delete it",
                                      std::string(graphql::error_code::forbidden),
                                      {}});
        }
        auto deleted = co_await store.delete_room(room_id);
        if (!deleted) {
          if (deleted.error().code == ports::store_errc::not_found)
            co_return value(room_not_found());
          co_return value(field_error_for(deleted.error(), context.correlation_id));
        }
        forget_room(context, room_id);
        co_return value(boost::json::value("Chatroom deleted successfully"));
      });

  // ROOM-5: the admin removes anyone but themselves; a member removes only themselves.
  resolvers.bind_async(
      "Mutation.removeUsersFromChatroom", [&store](const value&, const resolve_info& info) -> task {
        auto checked = room_call_of(info);
        if (auto* e = std::get_if<field_error>(&checked)) co_return value(*e);
        const room_call call = std::get<room_call>(checked);
        auto users = id_list_argument(info.arguments, "userIds");
        if (auto* e = std::get_if<field_error>(&users)) co_return value(*e);
        request_context& context = context_of(info);
        const domain::room_id room_id = call.room;
        const domain::user_id user = call.user;
        auto room = co_await room_of_member(context, store, room_id, user);
        if (auto* e = std::get_if<field_error>(&room)) co_return value(*e);
        auto ids = std::get<std::vector<std::int64_t>>(std::move(users));
        const bool admin = std::get<domain::room>(room).admin_id == user;
        const bool self = std::find(ids.begin(), ids.end(), user) != ids.end();
        if (admin && self) {
          co_return value(bad_request(
              "userIds", "The admin cannot leave the chatroom; delete it or remove the others"));
        }
        if (!admin && std::any_of(ids.begin(), ids.end(), [user](auto u) { return u != user; })) {
          co_return value(field_error{"Only the chatroom's admin can remove other members",
                                      std::string(graphql::error_code::forbidden),
                                      {}});
        }
        auto removed = co_await store.remove_members(room_id, std::move(ids));
        if (!removed) co_return value(field_error_for(removed.error(), context.correlation_id));
        forget_members(context, room_id);
        co_return value(boost::json::value("Users removed from chatroom " +
                                           std::get<domain::room>(room).name + " successfully"));
      });

  // ROOM-5: the admin changes the room's fields under ROOM-1's rules.
  resolvers.bind_async(
      "Mutation.updateChatroom", [&store](const value&, const resolve_info& info) -> task {
        auto checked = room_call_of(info);
        if (auto* e = std::get_if<field_error>(&checked)) co_return value(*e);
        const room_call call = std::get<room_call>(checked);
        request_context& context = context_of(info);
        const domain::room_id room_id = call.room;
        auto room = co_await readable_room(context, store, room_id, call.user);
        if (auto* e = std::get_if<field_error>(&room)) co_return value(*e);
        if (std::get<domain::room>(room).admin_id != call.user) {
          co_return value(field_error{"Only the chatroom's admin can change it",
                                      std::string(graphql::error_code::forbidden),
                                      {}});
        }
        const auto* input_value = info.arguments.if_contains("updateChatroomInput");
        static const boost::json::object k_empty;
        const auto& input = input_value != nullptr && input_value->is_object()
                                ? input_value->get_object()
                                : k_empty;
        domain::room_patch patch;
        std::map<std::string, std::string, std::less<>> problems;
        check_room_fields(input, patch, problems);
        for (const std::string_view required : {"name", "access"}) {
          if (const auto* v = input.if_contains(required); v != nullptr && v->is_null()) {
            problems.emplace(std::string(required), std::string(required) + " cannot be null");
          }
        }
        const auto clears = [&input](std::string_view key) {
          const auto* v = input.if_contains(key);
          return v != nullptr && v->is_null();
        };
        patch.clear_description = clears("description");
        patch.clear_color_hex = clears("colorHex");
        patch.clear_image = clears("image");
        if (!problems.empty()) {
          std::string first = problems.begin()->second;
          co_return value(bad_request(std::move(first), problems));
        }
        auto updated = co_await store.update_room(room_id, std::move(patch));
        if (!updated) {
          if (updated.error().code == ports::store_errc::not_found)
            co_return value(room_not_found());
          co_return value(field_error_for(updated.error(), context.correlation_id));
        }
        forget_room(context, room_id);
        prime_room(context, store, *updated);
        co_return value(room_json(*updated, context));
      });

  // ROOM-4: members, most recently joined first (batched per request).
  resolvers.bind_async(
      "ChatroomEntity.users", [&store](const value& parent, const resolve_info& info) -> task {
        request_context& context = context_of(info);
        auto members = co_await load_members(context, store, id_in_parent(parent, "id"));
        if (!members) co_return value(field_error_for(members.error(), context.correlation_id));
        value::list items;
        for (const auto& user : *members)
          items.emplace_back(user_json(user, context));
        co_return value(std::move(items));
      });

  // ROOM-4: the latest message as a list of at most one (the room card's preview).
  resolvers.bind_async(
      "ChatroomEntity.messages", [&store](const value& parent, const resolve_info& info) -> task {
        request_context& context = context_of(info);
        auto latest = co_await load_latest_message(context, store, id_in_parent(parent, "id"));
        if (!latest) co_return value(field_error_for(latest.error(), context.correlation_id));
        value::list items;
        if (*latest) items.emplace_back(message_json(**latest, context));
        co_return value(std::move(items));
      });
}

}  // namespace chat::api
