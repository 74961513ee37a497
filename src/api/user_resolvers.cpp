#include "api/user_resolvers.hpp"

#include "api/arguments.hpp"
#include "api/resolver_support.hpp"
#include "api/store_errors.hpp"
#include "auth/account_rules.hpp"
#include "graphql/type/custom_scalars.hpp"
#include "observability/logger.hpp"

namespace chat::api {

namespace {

using graphql::resolve_info;
using graphql::value;

value users_json(const std::vector<domain::user>& users, const request_context& context) {
  value::list items;
  items.reserve(users.size());
  for (const auto& user : users)
    items.emplace_back(user_json(user, context));
  return value(std::move(items));
}

}  // namespace

void bind_user_resolvers(graphql::resolver_map& resolvers, ports::store& store,
                         ports::upload_store& uploads) {
  resolvers.bind_async(
      "Query.findUserById",
      [&store](const value&, const resolve_info& info) -> boost::asio::awaitable<value> {
        auto caller = require_user(info);
        if (auto* error = std::get_if<graphql::field_error>(&caller)) co_return value(*error);
        request_context& context = context_of(info);
        const boost::json::value* id = info.arguments.if_contains("id");
        const domain::user_id wanted = id != nullptr && id->is_int64() ? id->get_int64() : 0;
        auto found = co_await store.find_user(wanted);
        if (!found) co_return value(field_error_for(found.error(), context.correlation_id));
        if (!*found) {
          co_return value(graphql::field_error{
              "User not found", std::string(graphql::error_code::not_found), {}});
        }
        co_return value(user_json(**found, context));
      });

  resolvers.bind_async(
      "Query.findAllUsers",
      [&store](const value&, const resolve_info& info) -> boost::asio::awaitable<value> {
        auto caller = require_user(info);
        if (auto* error = std::get_if<graphql::field_error>(&caller)) co_return value(*error);
        request_context& context = context_of(info);
        auto users = co_await store.all_users();
        if (!users) co_return value(field_error_for(users.error(), context.correlation_id));
        co_return users_json(*users, context);
      });

  // AUTH-8: case-insensitive substring of the full name, without the caller, at most 50.
  resolvers.bind_async(
      "Query.searchUsers",
      [&store](const value&, const resolve_info& info) -> boost::asio::awaitable<value> {
        auto caller = require_user(info);
        if (auto* error = std::get_if<graphql::field_error>(&caller)) co_return value(*error);
        request_context& context = context_of(info);
        const boost::json::value* term = info.arguments.if_contains("fullname");
        std::string wanted =
            term != nullptr && term->is_string() ? auth::trim(term->get_string()) : std::string();
        auto users = co_await store.search_users(
            std::move(wanted), std::get<domain::user_id>(caller), k_user_search_limit);
        if (!users) co_return value(field_error_for(users.error(), context.correlation_id));
        co_return users_json(*users, context);
      });

  // AUTH-8: a new full name; the avatar changes only when a file is sent (MSG-3).
  resolvers.bind_async(
      "Mutation.updateUserProfile",
      [&store, &uploads](const value&, const resolve_info& info) -> boost::asio::awaitable<value> {
        auto caller = require_user(info);
        if (auto* error = std::get_if<graphql::field_error>(&caller)) co_return value(*error);
        request_context& context = context_of(info);
        const boost::json::value* name = info.arguments.if_contains("fullname");
        std::string fullname =
            name != nullptr && name->is_string() ? auth::trim(name->get_string()) : std::string();
        if (auto problem = auth::fullname_problem(fullname); !problem.empty()) {
          co_return value(bad_request("fullname", std::move(problem)));
        }
        std::optional<std::string> avatar;
        const boost::json::value* file = info.arguments.if_contains("file");
        if (file != nullptr && !file->is_null()) {
          const auto index = graphql::upload_index(*file);
          if (!index || *index >= context.files.size()) {
            co_return value(bad_request("file", "The file was not found in the request"));
          }
          std::string bytes = std::move(context.files[*index].bytes);
          auto saved = co_await uploads.save_image(std::move(bytes));
          if (!saved) co_return value(upload_failure(saved.error(), context, "file"));
          avatar = "/uploads/" + saved->name;
        }
        auto updated = co_await store.update_user_profile(std::get<domain::user_id>(caller),
                                                          std::move(fullname), std::move(avatar));
        if (!updated) co_return value(field_error_for(updated.error(), context.correlation_id));
        co_return value(user_json(*updated, context));
      });
}

}  // namespace chat::api
