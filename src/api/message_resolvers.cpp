#include "api/message_resolvers.hpp"

#include <algorithm>

#include "api/arguments.hpp"
#include "api/loaders.hpp"
#include "api/resolver_support.hpp"
#include "api/room_support.hpp"
#include "api/store_errors.hpp"
#include "auth/account_rules.hpp"
#include "graphql/type/custom_scalars.hpp"
#include "observability/logger.hpp"
#include "text/json_text.hpp"

namespace chat::api {

namespace {

using graphql::field_error;
using graphql::resolve_info;
using graphql::value;
using task = boost::asio::awaitable<value>;

}  // namespace

void bind_message_resolvers(graphql::resolver_map& resolvers, ports::store& store,
                            ports::upload_store& uploads) {
  // MSG-1: a member of a private room, or anyone signed in for a public one; stored
  // durably before the answer (REL-2).
  resolvers.bind_async(
      "Mutation.sendMessage", [&store, &uploads](const value&, const resolve_info& info) -> task {
        auto checked = room_call_of(info);
        if (auto* e = std::get_if<field_error>(&checked)) co_return value(*e);
        const room_call call = std::get<room_call>(checked);
        request_context& context = context_of(info);
        const domain::room_id room_id = call.room;
        const domain::user_id author = call.user;

        const auto* content_value = info.arguments.if_contains("content");
        std::string content = content_value != nullptr && content_value->is_string()
                                  ? auth::trim(content_value->get_string())
                                  : std::string();
        const auto* image = info.arguments.if_contains("image");
        const bool has_image = image != nullptr && !image->is_null();
        if (content.empty() && !has_image) {
          co_return value(bad_request("content", "Message content is required"));
        }
        if (text::utf8_length(content) > k_message_max) {
          co_return value(bad_request("content", "Message must be at most 4000 characters"));
        }
        auto room = co_await readable_room(context, store, room_id, author);
        if (auto* e = std::get_if<field_error>(&room)) co_return value(*e);

        std::optional<std::string> image_url;
        if (has_image) {
          const auto index = graphql::upload_index(*image);
          if (!index || *index >= context.files.size()) {
            co_return value(bad_request("image", "The file was not found in the request"));
          }
          std::string bytes = std::move(context.files[*index].bytes);
          auto saved = co_await uploads.save_image(std::move(bytes));
          if (!saved) co_return value(upload_failure(saved.error(), context, "image"));
          image_url = "/uploads/" + saved->name;
        }
        domain::new_message message;
        message.room = room_id;
        message.author = author;
        message.content = std::move(content);
        message.image_url = std::move(image_url);
        auto stored = co_await store.insert_message(std::move(message));
        if (!stored) {
          if (stored.error().code == ports::store_errc::not_found)
            co_return value(room_not_found());
          co_return value(field_error_for(stored.error(), context.correlation_id));
        }
        co_return value(message_edge_json(*stored, context));
      });

  // MSG-2: newest first by id, `cursor` exclusive; edges oldest to newest in the page.
  resolvers.bind_async(
      "Query.getMessagesForChatroom", [&store](const value&, const resolve_info& info) -> task {
        auto checked = room_call_of(info);
        if (auto* e = std::get_if<field_error>(&checked)) co_return value(*e);
        const room_call call = std::get<room_call>(checked);
        request_context& context = context_of(info);
        const domain::room_id room_id = call.room;
        int take = 20;
        if (const auto* t = info.arguments.if_contains("take"); t != nullptr && t->is_int64()) {
          if (t->get_int64() < 1) co_return value(bad_request("take", "take must be at least 1"));
          take = static_cast<int>(std::min<std::int64_t>(t->get_int64(), k_page_max));
        }
        std::optional<domain::message_id> cursor;
        if (const auto* c = info.arguments.if_contains("cursor"); c != nullptr && c->is_int64()) {
          cursor = c->get_int64();
        }
        auto room = co_await readable_room(context, store, room_id, call.user);
        if (auto* e = std::get_if<field_error>(&room)) co_return value(*e);

        auto page = co_await store.messages_page(room_id, cursor, take);
        if (!page) co_return value(field_error_for(page.error(), context.correlation_id));
        auto total = co_await store.message_count(room_id);
        if (!total) co_return value(field_error_for(total.error(), context.correlation_id));

        boost::json::array edges;
        edges.reserve(page->messages.size());
        for (auto it = page->messages.rbegin(); it != page->messages.rend(); ++it)
          edges.push_back(message_edge_json(*it, context));
        boost::json::object page_info;
        page_info["hasNextPage"] = page->has_older;
        if (page->messages.empty()) {
          page_info["endCursor"] = nullptr;
        } else {
          page_info["endCursor"] = page->messages.back().id;
        }
        boost::json::object out;
        out["edges"] = std::move(edges);
        out["pageInfo"] = std::move(page_info);
        out["totalCount"] = *total;
        co_return value(boost::json::value(std::move(out)));
      });

  // GQL-6: the authors of a page cost one `users_by_ids`.
  resolvers.bind_async(
      "MessageEntity.user", [&store](const value& parent, const resolve_info& info) -> task {
        request_context& context = context_of(info);
        auto user = co_await load_user(context, store, id_in_parent(parent, "authorId"));
        if (!user) {
          if (user.error().code == ports::store_errc::not_found) {
            co_return value(
                field_error{"User not found", std::string(graphql::error_code::not_found), {}});
          }
          co_return value(field_error_for(user.error(), context.correlation_id));
        }
        co_return value(user_json(*user, context));
      });

  // The message's room: the root field already applied ROOM-2 to it.
  resolvers.bind_async(
      "MessageEntity.chatroom", [&store](const value& parent, const resolve_info& info) -> task {
        request_context& context = context_of(info);
        auto room = co_await load_room(context, store, id_in_parent(parent, "chatroomId"));
        if (!room) {
          if (room.error().code == ports::store_errc::not_found) co_return value();
          co_return value(field_error_for(room.error(), context.correlation_id));
        }
        co_return value(room_json(*room, context));
      });
}

}  // namespace chat::api
