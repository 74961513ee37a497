// Spec 6 (ExecuteQuery, ExecuteMutation, ExecuteSelectionSet, ExecuteField,
// CompleteValue) with graphql-js 16.15 `execution/execute.ts` semantics and messages.
//
// Output without a DOM. Execution follows the operation's plan (execution_plan.hpp: per
// object type and merged field set, the collected fields, their definitions, resolvers,
// coerced arguments and sub-plans, and whether anything below may suspend), which a
// cached document keeps between executions. Introspection objects are schema elements
// whose leaves are written directly (introspection_resolvers.hpp). Subtrees that cannot
// suspend are completed by plain functions writing straight into the response buffer; when a
// non-null field fails, the failure travels up to the nearest nullable field or list
// item, which truncates the buffer back to where its value began and writes `null`
// (graphql-js `handleFieldError`). Subtrees that may suspend run as coroutines: every
// field (or list item) that may suspend gets its own chunk string and is started with
// `co_spawn` before any is awaited (GQL-6 concurrency and batching); the chunks are
// joined in field order once all finished. Mutation root fields run one after another.
//
// Failures are `unique_ptr<graphql_error>` (null: success): cheap to return on success.
#include "graphql/execution/execute.hpp"

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>

#include "graphql/execution/coerce_values.hpp"
#include "graphql/execution/execution_plan.hpp"
#include "graphql/execution/introspection_resolvers.hpp"
#include "graphql/execution/response_writer.hpp"
#include "graphql/type/inspect.hpp"
#include "graphql/type/scalars.hpp"
#include "text/json_text.hpp"

namespace chat::graphql {

// ---- value and resolver_map ----

bool value::is_null() const noexcept {
  const auto* j = json();
  return j != nullptr && j->is_null();
}

void resolver_map::bind(std::string coordinate, sync_resolver resolver) {
  entries_[std::move(coordinate)].sync = std::move(resolver);
}

void resolver_map::bind_async(std::string coordinate, async_resolver resolver) {
  entries_[std::move(coordinate)].async = std::move(resolver);
}

void resolver_map::bind_subscribe(std::string coordinate, subscribe_resolver subscriber) {
  entries_[std::move(coordinate)].subscribe = std::move(subscriber);
}

const resolver_map::entry* resolver_map::find(std::string_view type_name,
                                              std::string_view field_name) const {
  char stack[256];
  std::string heap;
  std::string_view key;
  const std::size_t size = type_name.size() + 1 + field_name.size();
  if (size <= sizeof stack) {
    std::memcpy(stack, type_name.data(), type_name.size());
    stack[type_name.size()] = '.';
    std::memcpy(stack + type_name.size() + 1, field_name.data(), field_name.size());
    key = std::string_view(stack, size);
  } else {
    heap.append(type_name).append(".").append(field_name);
    key = heap;
  }
  const auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> resolver_map::unbound_fields(
    const schema& s, const std::vector<std::string>& json_types) const {
  std::vector<std::string> unbound;
  for (const named_type* t : s.types()) {
    if (t->kind() != type_kind::object || detail::is_introspection_type(*t)) continue;
    bool json_type = false;
    for (const std::string& name : json_types)
      json_type = json_type || name == t->name();
    if (json_type) continue;
    const bool subscription_root = t == s.subscription_type();
    for (const field_definition& field : static_cast<const object_type*>(t)->fields()) {
      const entry* e = find(t->name(), field.name);
      if (subscription_root ? (e == nullptr || !e->subscribe) : (e == nullptr || !e->resolves())) {
        unbound.push_back(t->name() + "." + field.name);
      }
    }
  }
  return unbound;
}

namespace {

namespace asio = boost::asio;
using json = boost::json::value;
using failure = std::unique_ptr<graphql_error>;

// ---- JSON output ----

void write_json(const json& v, std::string& out) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      return;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return;
    case boost::json::kind::int64:
    case boost::json::kind::uint64: {
      char digits[24];
      const auto r = v.is_int64() ? std::to_chars(digits, digits + sizeof digits, v.get_int64())
                                  : std::to_chars(digits, digits + sizeof digits, v.get_uint64());
      out.append(digits, r.ptr);
      return;
    }
    case boost::json::kind::double_: {
      const double d = v.get_double();
      // JSON.stringify: non-finite numbers become null; others as JavaScript prints them.
      out += std::isfinite(d) ? js_number_to_string(d) : std::string("null");
      return;
    }
    case boost::json::kind::string:
      text::append_json_string(out, v.get_string());
      return;
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const json& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write_json(item, out);
      }
      out += ']';
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& member : v.get_object()) {
        if (!first) out += ',';
        first = false;
        text::append_json_string(out, member.key());
        out += ':';
        write_json(member.value(), out);
      }
      out += '}';
      return;
    }
  }
}

// ---- paths ----

struct path_node {
  const path_node* parent = nullptr;
  std::string_view key;  // empty: a list index
  std::int64_t index = 0;
};

std::vector<path_segment> to_path(const path_node* node) {
  std::vector<path_segment> path;
  for (; node != nullptr; node = node->parent) {
    if (node->key.empty()) {
      path.emplace_back(node->index);
    } else {
      path.emplace_back(std::string(node->key));
    }
  }
  std::reverse(path.begin(), path.end());
  return path;
}

// ---- a view of a resolved value: a `value`, JSON inside one, or an introspection element ----

struct cref {
  const value* v = nullptr;
  const json* j = nullptr;
  /// An introspection object: a schema element (introspection_resolvers.hpp).
  const void* element = nullptr;

  static cref of_element(const void* e) noexcept { return cref{nullptr, nullptr, e}; }

  const json* as_json() const noexcept {
    return j != nullptr ? j : v != nullptr ? v->json() : nullptr;
  }
  bool is_null() const noexcept {
    if (element != nullptr) return false;
    const json* x = as_json();
    return x != nullptr && x->is_null();
  }
  const field_error* error() const noexcept { return v != nullptr ? v->error() : nullptr; }
  const object_value* object() const noexcept { return v != nullptr ? v->object() : nullptr; }
  const value::list* items() const noexcept { return v != nullptr ? v->items() : nullptr; }
};

const value& null_value() {
  static const value none;
  return none;
}

// ---- joining concurrently started children ----

struct join {
  explicit join(const asio::any_io_executor& ex) : timer(ex) {
    timer.expires_at(asio::steady_timer::time_point::max());
  }
  std::size_t pending = 0;
  failure* first_failed = nullptr;
  asio::steady_timer timer;
};

asio::awaitable<void> store_into(asio::awaitable<failure> task, failure* slot) {
  *slot = co_await std::move(task);
}

asio::awaitable<void> wait_all(join& j) {
  while (j.pending > 0) {
    boost::system::error_code ec;
    co_await j.timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

failure internal_failure(std::string message) {
  auto error = std::make_unique<graphql_error>();
  error->message = std::move(message);
  error->code = error_code::internal;
  return error;
}

using detail::coerced_arguments;
using detail::field_kind;
using detail::object_plan;
using detail::operation_plan;
using detail::planned_field;

// ---- the execution ----

class execution {
 public:
  execution(const execution_request& request, boost::json::object variables,
            asio::any_io_executor ex, const operation_plan& plan)
      : served_(*request.served),
        doc_(*request.doc),
        operation_(*request.operation),
        variables_(std::move(variables)),
        context_(request.context),
        ex_(std::move(ex)),
        argument_values_(plan.argument_slots) {}

  std::vector<graphql_error>& errors() noexcept { return errors_; }

  // ---- errors ----

  failure field_failure(std::string message, const planned_field& p, const path_node* path,
                        std::string code = std::string(error_code::internal),
                        std::string extra = {}) const {
    auto error = std::make_unique<graphql_error>();
    error->message = std::move(message);
    for (const field_node* node : p.field.nodes) {
      error->locations.push_back(doc_.position(node->loc.start));
    }
    error->path = to_path(path);
    error->code = std::move(code);
    error->extra_extensions = std::move(extra);
    return error;
  }

  failure resolver_failure(const field_error& e, const planned_field& p,
                           const path_node* path) const {
    return field_failure(e.message, p, path,
                         e.code.empty() ? std::string(error_code::internal) : e.code,
                         e.extra_extensions);
  }

  // graphql-js handleFieldError: a nullable position swallows the failure.
  failure handle_field_error(failure f, const type& t, std::string& out, std::size_t mark) {
    if (!f || t.is_non_null()) return f;
    out.resize(mark);
    out += "null";
    errors_.push_back(std::move(*f));
    return nullptr;
  }

  static std::string parent_field_name(const planned_field& p) {
    return p.parent_type->name() + "." + p.def->name;
  }

  // ---- arguments ----

  // Arguments without variables were coerced with the plan; the others once per execution.
  const coerced_arguments& arguments_of(const planned_field& p) {
    if (!p.arguments_use_variables) return p.arguments;
    std::optional<coerced_arguments>& slot = argument_values_[p.argument_slot];
    if (!slot) {
      slot.emplace();
      const field_node& node = *p.field.nodes.front();
      slot->error = coerce_argument_values(p.def->arguments, node.arguments, node, variables_, doc_,
                                           slot->values);
      if (slot->error) slot->error->code = error_code::bad_user_input;
    }
    return *slot;
  }

  static failure argument_failure(const coerced_arguments& arguments, const path_node* path) {
    auto error = std::make_unique<graphql_error>(*arguments.error);
    error->path = to_path(path);
    return error;
  }

  // ---- resolving ----

  resolve_info info_for(const planned_field& p, const boost::json::object& arguments) const {
    return resolve_info{*p.def,    *p.parent_type, *p.field.nodes.front(),
                        arguments, variables_,     operation_,
                        served_,   context_};
  }

  // A resolver takes its parent as a `value`; a parent that is JSON inside another value
  // is copied for it into memory of this execution (reference-counted: a copy the
  // resolver keeps stays valid), which costs far less than copying with the heap.
  value parent_copy(const json& parent) {
    if (!copies_) copies_ = boost::json::make_shared_resource<boost::json::monotonic_resource>();
    return value(json(parent, *copies_));
  }

  // Synchronous resolvers and the default resolver.
  value resolve_sync(const planned_field& p, cref parent, const boost::json::object& arguments) {
    if (p.kind == field_kind::sync_resolver) {
      const resolve_info info = info_for(p, arguments);
      try {
        if (parent.v != nullptr) return p.entry->sync(*parent.v, info);
        if (parent.j != nullptr) {
          const value copy = parent_copy(*parent.j);
          return p.entry->sync(copy, info);
        }
        return p.entry->sync(null_value(), info);
      } catch (const std::exception& e) {
        return value(field_error{e.what(), std::string(error_code::internal), {}});
      }
    }
    if (const json* member = default_member(p, parent)) return value(*member);
    return value();
  }

  // The default resolver reads JSON members in place, without copying them.
  static const json* default_member(const planned_field& p, cref parent) {
    if (p.kind != field_kind::default_resolver) return nullptr;
    const json* source = parent.as_json();
    if (source == nullptr || !source->is_object()) return nullptr;
    return source->get_object().if_contains(p.def->name);
  }

  // ---- completing leaves and runtime types ----

  static void write_int(std::int64_t n, std::string& out) {
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, n);
    out.append(digits, r.ptr);
  }

  failure complete_leaf(const named_type& t, const planned_field& p, cref v, const path_node* path,
                        std::string& out) const {
    const json* j = v.as_json();
    if (j == nullptr) {
      return field_failure("Expected a value of leaf type \"" + t.name() + "\" for field \"" +
                               parent_field_name(p) + "\".",
                           p, path);
    }
    if (t.kind() == type_kind::enum_type) {
      if (j->is_string() && static_cast<const enum_type&>(t).find_value(j->get_string())) {
        text::append_json_string(out, j->get_string());
        return nullptr;
      }
      return field_failure("Enum \"" + t.name() + "\" cannot represent value: " + inspect(*j), p,
                           path);
    }
    if (!p.builtin) {
      const auto& serialize = static_cast<const scalar_type&>(t).coercion().serialize;
      if (!serialize) {
        write_json(*j, out);  // graphql-js: custom scalars serialize as they are by default
        return nullptr;
      }
      std::string error;
      const auto serialized = serialize(*j, error);
      if (!serialized) return field_failure(std::move(error), p, path);
      write_json(*serialized, out);
      return nullptr;
    }
    // The common cases, which serialize to themselves, without a copy.
    switch (*p.builtin) {
      case builtin_scalar::string_type:
      case builtin_scalar::id_type:
        if (j->is_string()) {
          text::append_json_string(out, j->get_string());
          return nullptr;
        }
        break;
      case builtin_scalar::boolean_type:
        if (j->is_bool()) {
          out += j->get_bool() ? "true" : "false";
          return nullptr;
        }
        break;
      case builtin_scalar::int_type:
        if (j->is_int64() && j->get_int64() >= INT32_MIN && j->get_int64() <= INT32_MAX) {
          write_int(j->get_int64(), out);
          return nullptr;
        }
        break;
      case builtin_scalar::float_type:
        break;
    }
    std::string error;
    const auto serialized = serialize_builtin(*p.builtin, *j, error);
    if (!serialized) return field_failure(std::move(error), p, path);
    write_json(*serialized, out);
    return nullptr;
  }

  const object_type* runtime_type(const named_type& t, const planned_field& p, cref v,
                                  const path_node* path, failure& f) const {
    if (t.kind() == type_kind::object) return static_cast<const object_type*>(&t);
    std::string_view name;
    if (const object_value* object = v.object()) {
      name = object->type_name;
    } else if (const json* j = v.as_json(); j != nullptr && j->is_object()) {
      if (const json* tn = j->get_object().if_contains("__typename"); tn && tn->is_string()) {
        name = tn->get_string();
      }
    }
    if (name.empty()) {
      f = field_failure("Abstract type \"" + t.name() +
                            "\" must resolve to an Object type at runtime for field \"" +
                            parent_field_name(p) + "\". Either the \"" + t.name() +
                            "\" type should provide a \"resolveType\" function or each possible "
                            "type should provide an \"isTypeOf\" function.",
                        p, path);
      return nullptr;
    }
    const named_type* found = served_.find_type(name);
    if (found == nullptr) {
      f = field_failure("Abstract type \"" + t.name() + "\" was resolved to a type \"" +
                            std::string(name) + "\" that does not exist inside the schema.",
                        p, path);
      return nullptr;
    }
    if (found->kind() != type_kind::object) {
      f = field_failure("Abstract type \"" + t.name() + "\" was resolved to a non-object type \"" +
                            std::string(name) + "\".",
                        p, path);
      return nullptr;
    }
    if (!served_.is_sub_type(t, *found)) {
      f = field_failure("Runtime Object type \"" + std::string(name) +
                            "\" is not a possible type for \"" + t.name() + "\".",
                        p, path);
      return nullptr;
    }
    return static_cast<const object_type*>(found);
  }

  // The plan of the object a field completed to (the plan tree has one for every possible
  // type, so a miss is a bug).
  const object_plan* sub_plan(const planned_field& p, const object_type& object,
                              const path_node* path, failure& f) const {
    const object_plan* plan = p.plan_for(object);
    if (plan == nullptr) {
      f = field_failure("No execution plan for type \"" + object.name() + "\" at field \"" +
                            parent_field_name(p) + "\".",
                        p, path);
    }
    return plan;
  }

  failure not_iterable(const planned_field& p, const path_node* path) const {
    return field_failure(
        "Expected Iterable, but did not find one for field \"" + parent_field_name(p) + "\".", p,
        path);
  }

  // ---- synchronous completion ----

  failure execute_fields_sync(const object_plan& plan, cref parent, const path_node* path,
                              std::string& out) {
    out += '{';
    bool first = true;
    for (const planned_field& p : plan.fields) {
      out.append(p.key_json, first ? 1 : 0);
      first = false;
      const path_node here{path, p.field.response_key, 0};
      if (auto f = execute_field_sync(p, parent, &here, out)) return f;
    }
    out += '}';
    return nullptr;
  }

  failure execute_field_sync(const planned_field& p, cref parent, const path_node* path,
                             std::string& out) {
    const std::size_t mark = out.size();
    return handle_field_error(resolve_and_complete_sync(p, parent, path, out), *p.def->field_type,
                              out, mark);
  }

  failure resolve_and_complete_sync(const planned_field& p, cref parent, const path_node* path,
                                    std::string& out) {
    const coerced_arguments& arguments = arguments_of(p);
    if (arguments.error) return argument_failure(arguments, path);
    const type& field_type = *p.def->field_type;
    switch (p.kind) {
      case field_kind::typename_field:
        text::append_json_string(out, p.parent_type->name());
        return nullptr;
      case field_kind::async_resolver:
        return internal_failure("An asynchronous resolver was reached on the synchronous path.");
      case field_kind::schema_field:
        return complete_value_sync(field_type, p,
                                   cref::of_element(detail::introspect_schema(served_)), path, out);
      case field_kind::type_field: {
        const json* name = arguments.values.if_contains("name");
        const void* element = detail::introspect_type_by_name(
            served_, name != nullptr && name->is_string() ? std::string_view(name->get_string())
                                                          : std::string_view());
        return complete_value_sync(
            field_type, p, element != nullptr ? cref::of_element(element) : cref{&null_value()},
            path, out);
      }
      case field_kind::introspection:
        return complete_introspection(p, parent, arguments.values, path, out);
      case field_kind::default_resolver: {
        if (const json* member = default_member(p, parent)) {
          return complete_value_sync(field_type, p, cref{nullptr, member}, path, out);
        }
        return complete_value_sync(field_type, p, cref{&null_value()}, path, out);
      }
      case field_kind::sync_resolver:
        break;
    }
    const value resolved = resolve_sync(p, parent, arguments.values);
    return complete_value_sync(field_type, p, cref{&resolved}, path, out);
  }

  // A field of an introspection object: leaves are written by the introspection
  // resolvers, objects and lists are completed here with the plan.
  failure complete_introspection(const planned_field& p, cref parent,
                                 const boost::json::object& arguments, const path_node* path,
                                 std::string& out) {
    const void* child = nullptr;
    const std::size_t start = scratch_.size();
    const type& field_type = *p.def->field_type;
    switch (detail::resolve_introspection(served_, p.introspection, parent.element, arguments, out,
                                          child, scratch_)) {
      case detail::introspection_outcome::written:
        return nullptr;
      case detail::introspection_outcome::null:
        return complete_value_sync(field_type, p, cref{&null_value()}, path, out);
      case detail::introspection_outcome::object:
        return complete_value_sync(field_type, p, cref::of_element(child), path, out);
      case detail::introspection_outcome::list:
        break;
    }
    // The elements sit in scratch_[start, end); nested lists push after them and pop
    // their own before returning.
    const std::size_t end = scratch_.size();
    const type& list_type = field_type.is_non_null() ? *field_type.of_type() : field_type;
    failure f = complete_items_sync(
        *list_type.of_type(), p, end - start,
        [&](std::size_t i) { return cref::of_element(scratch_[start + i]); }, path, out);
    scratch_.resize(start);
    return f;
  }

  // `[…]` of `count` items, `item(i)` giving the i-th.
  template <typename Item>
  failure complete_items_sync(const type& item_type, const planned_field& p, std::size_t count,
                              Item item, const path_node* path, std::string& out) {
    out += '[';
    for (std::size_t i = 0; i < count; ++i) {
      if (i > 0) out += ',';
      const path_node here{path, {}, static_cast<std::int64_t>(i)};
      const std::size_t mark = out.size();
      if (auto f = handle_field_error(complete_value_sync(item_type, p, item(i), &here, out),
                                      item_type, out, mark)) {
        return f;
      }
    }
    out += ']';
    return nullptr;
  }

  failure complete_value_sync(const type& t, const planned_field& p, cref v, const path_node* path,
                              std::string& out) {
    if (const field_error* e = v.error()) return resolver_failure(*e, p, path);
    if (t.is_non_null()) {
      if (v.is_null()) {
        return field_failure(
            "Cannot return null for non-nullable field " + parent_field_name(p) + ".", p, path);
      }
      return complete_value_sync(*t.of_type(), p, v, path, out);
    }
    if (v.is_null()) {
      out += "null";
      return nullptr;
    }
    if (t.is_list()) {
      const type& item_type = *t.of_type();
      if (const value::list* items = v.items()) {
        return complete_items_sync(
            item_type, p, items->size(), [items](std::size_t i) { return cref{&(*items)[i]}; },
            path, out);
      }
      if (const json* j = v.as_json(); j != nullptr && j->is_array()) {
        const boost::json::array& items = j->get_array();
        return complete_items_sync(
            item_type, p, items.size(),
            [&items](std::size_t i) {
              return cref{nullptr, &items[i]};
            },
            path, out);
      }
      return not_iterable(p, path);
    }
    const named_type& named = t.named();
    if (named.is_leaf()) return complete_leaf(named, p, v, path, out);
    failure f;
    const object_type* object = runtime_type(named, p, v, path, f);
    if (object == nullptr) return f;
    const object_plan* plan = sub_plan(p, *object, path, f);
    if (plan == nullptr) return f;
    return execute_fields_sync(*plan, v, path, out);
  }

  // ---- asynchronous completion ----

  void spawn(join& j, asio::awaitable<failure> task, failure* slot) {
    ++j.pending;
    asio::co_spawn(ex_, store_into(std::move(task), slot), [&j, slot](const std::exception_ptr& e) {
      if (e && !*slot) {
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          *slot = internal_failure(ex.what());
        } catch (...) {
          *slot = internal_failure("Unexpected error.");
        }
      }
      if (*slot && j.first_failed == nullptr) j.first_failed = slot;
      if (--j.pending == 0) j.timer.cancel();
    });
  }

  asio::awaitable<failure> execute_fields_async(const object_plan& plan, cref parent,
                                                const path_node* path, std::string& out,
                                                bool serial) {
    const std::size_t n = plan.fields.size();
    // Fields that cannot suspend are written one after another into `inline_out`
    // (`spans` says where each is); the others each into their own chunk.
    std::string inline_out;
    std::vector<std::pair<std::size_t, std::size_t>> spans(n);
    std::vector<std::string> chunks(n);
    std::vector<failure> results(n);
    std::vector<path_node> paths(n);
    std::vector<bool> suspends(n);
    join j(ex_);
    for (std::size_t i = 0; i < n && j.first_failed == nullptr; ++i) {
      const planned_field& p = plan.fields[i];
      paths[i] = path_node{path, p.field.response_key, 0};
      suspends[i] = p.may_suspend();
      if (!suspends[i]) {
        spans[i].first = inline_out.size();
        results[i] = execute_field_sync(p, parent, &paths[i], inline_out);
        spans[i].second = inline_out.size();
      } else if (serial) {
        results[i] = co_await execute_field_async(p, parent, &paths[i], chunks[i]);
      } else {
        spawn(j, execute_field_async(p, parent, &paths[i], chunks[i]), &results[i]);
        continue;
      }
      if (results[i] && j.first_failed == nullptr) j.first_failed = &results[i];
    }
    co_await wait_all(j);
    if (j.first_failed != nullptr) co_return std::move(*j.first_failed);
    out += '{';
    for (std::size_t i = 0; i < n; ++i) {
      out.append(plan.fields[i].key_json, i == 0 ? 1 : 0);
      if (suspends[i]) {
        out += chunks[i];
      } else {
        out.append(inline_out, spans[i].first, spans[i].second - spans[i].first);
      }
    }
    out += '}';
    co_return nullptr;
  }

  asio::awaitable<failure> execute_field_async(const planned_field& p, cref parent,
                                               const path_node* path, std::string& out) {
    const std::size_t mark = out.size();
    failure f = co_await resolve_and_complete_async(p, parent, path, out);
    co_return handle_field_error(std::move(f), *p.def->field_type, out, mark);
  }

  asio::awaitable<failure> resolve_and_complete_async(const planned_field& p, cref parent,
                                                      const path_node* path, std::string& out) {
    if (p.kind != field_kind::async_resolver && p.kind != field_kind::sync_resolver &&
        p.kind != field_kind::default_resolver) {
      // __typename and introspection never suspend.
      co_return resolve_and_complete_sync(p, parent, path, out);
    }
    const coerced_arguments& arguments = arguments_of(p);
    if (arguments.error) co_return argument_failure(arguments, path);
    if (const json* member = default_member(p, parent)) {
      co_return co_await complete_value_async(*p.def->field_type, p, cref{nullptr, member}, path,
                                              out);
    }
    value resolved;
    if (p.kind != field_kind::async_resolver) {
      resolved = resolve_sync(p, parent, arguments.values);
    } else {
      const resolve_info info = info_for(p, arguments.values);
      std::optional<value> copy;
      if (parent.v == nullptr && parent.j != nullptr) copy.emplace(parent_copy(*parent.j));
      const value& parent_value = parent.v != nullptr ? *parent.v : copy ? *copy : null_value();
      try {
        resolved = co_await p.entry->async(parent_value, info);
      } catch (const std::exception& e) {
        resolved = value(field_error{e.what(), std::string(error_code::internal), {}});
      }
    }
    co_return co_await complete_value_async(*p.def->field_type, p, cref{&resolved}, path, out);
  }

  asio::awaitable<failure> complete_item_async(const type& item_type, const planned_field& p,
                                               cref element, const path_node* path,
                                               std::string& out) {
    failure f = co_await complete_value_async(item_type, p, element, path, out);
    co_return handle_field_error(std::move(f), item_type, out, 0);
  }

  asio::awaitable<failure> complete_value_async(const type& t, const planned_field& p, cref v,
                                                const path_node* path, std::string& out) {
    if (!p.subtree_may_suspend) co_return complete_value_sync(t, p, v, path, out);
    if (const field_error* e = v.error()) co_return resolver_failure(*e, p, path);
    if (t.is_non_null()) {
      if (v.is_null()) {
        co_return field_failure(
            "Cannot return null for non-nullable field " + parent_field_name(p) + ".", p, path);
      }
      co_return co_await complete_value_async(*t.of_type(), p, v, path, out);
    }
    if (v.is_null()) {
      out += "null";
      co_return nullptr;
    }
    if (t.is_list()) {
      std::vector<cref> elements;
      if (const value::list* items = v.items()) {
        for (const value& element : *items)
          elements.push_back(cref{&element});
      } else if (const json* j = v.as_json(); j != nullptr && j->is_array()) {
        for (const json& element : j->get_array())
          elements.push_back(cref{nullptr, &element});
      } else {
        co_return not_iterable(p, path);
      }
      const type& item_type = *t.of_type();
      const std::size_t n = elements.size();
      std::vector<std::string> chunks(n);
      std::vector<failure> results(n);
      std::vector<path_node> paths(n);
      join j(ex_);
      for (std::size_t i = 0; i < n; ++i) {
        paths[i] = path_node{path, {}, static_cast<std::int64_t>(i)};
        spawn(j, complete_item_async(item_type, p, elements[i], &paths[i], chunks[i]), &results[i]);
      }
      co_await wait_all(j);
      if (j.first_failed != nullptr) co_return std::move(*j.first_failed);
      out += '[';
      for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += ',';
        out += chunks[i];
      }
      out += ']';
      co_return nullptr;
    }
    const named_type& named = t.named();
    failure f;
    const object_type* object = runtime_type(named, p, v, path, f);
    if (object == nullptr) co_return f;
    const object_plan* plan = sub_plan(p, *object, path, f);
    if (plan == nullptr) co_return f;
    if (!plan->may_suspend) co_return execute_fields_sync(*plan, v, path, out);
    co_return co_await execute_fields_async(*plan, v, path, out, false);
  }

 private:
  const schema& served_;
  const document& doc_;
  const operation_definition_node& operation_;
  boost::json::object variables_;
  void* context_;
  asio::any_io_executor ex_;
  std::vector<graphql_error> errors_;
  // Arguments that use variables, coerced by this execution (by `argument_slot`).
  std::vector<std::optional<coerced_arguments>> argument_values_;
  // Introspection list elements being completed (see complete_introspection).
  std::vector<const void*> scratch_;
  // Where JSON parents are copied for resolvers (see parent_copy); made on first use.
  std::optional<boost::json::storage_ptr> copies_;
};

}  // namespace

asio::awaitable<execution_result> execute(execution_request request, std::string_view timestamp) {
  execution_result result;
  const schema& served = *request.served;
  const document& doc = *request.doc;
  const operation_definition_node& operation = *request.operation;

  boost::json::object variables;
  auto variable_errors =
      coerce_variable_values(served, doc, operation, request.variables, variables);
  if (!variable_errors.empty()) {
    result.body = errors_document(variable_errors, timestamp);
    result.request_error = true;
    result.error_count = variable_errors.size();
    co_return result;
  }

  const std::shared_ptr<const operation_plan> plan =
      request.plans != nullptr
          ? request.plans->get(served, doc, operation, request.resolvers, variables)
          : build_operation_plan(served, doc, operation, request.resolvers, variables);
  auto ex = co_await asio::this_coro::executor;
  execution run(request, std::move(variables), ex, *plan);

  // The data is written straight into the body; errors, which graphql-js puts first, are
  // rare enough to pay for a second string.
  std::string& body = result.body;
  body.reserve(std::max<std::size_t>(plan->response_size.load(std::memory_order_relaxed), 256));
  body += "{\"data\":";
  const std::size_t data_start = body.size();
  if (plan->root == nullptr) {
    graphql_error error;
    error.message = "Schema is not configured to execute " +
                    std::string(to_string(operation.operation)) + " operation.";
    error.locations.push_back(doc.position(operation.loc.start));
    error.code = error_code::internal;
    run.errors().push_back(std::move(error));
    body += "null";
  } else {
    const object_plan& root = *plan->root;
    const cref root_value{&request.root};
    failure f;
    if (operation.operation == operation_type::mutation) {
      f = co_await run.execute_fields_async(root, root_value, nullptr, body, true);
    } else if (root.may_suspend) {
      f = co_await run.execute_fields_async(root, root_value, nullptr, body, false);
    } else {
      f = run.execute_fields_sync(root, root_value, nullptr, body);
    }
    if (f) {
      body.resize(data_start);
      body += "null";
      run.errors().push_back(std::move(*f));
    }
  }
  body += '}';

  const auto& errors = run.errors();
  result.error_count = errors.size();
  if (!errors.empty()) {
    // graphql-js's ExecutionResult: `errors` before `data`.
    std::string with_errors;
    with_errors.reserve(body.size() + 16 + errors.size() * 160);
    with_errors += '{';
    json_writer writer(with_errors);
    with_errors += "\"errors\":";
    write_errors(writer, errors, timestamp);
    with_errors += ",\"data\":";
    with_errors.append(body, data_start, std::string::npos);
    body = std::move(with_errors);
  }
  plan->response_size.store(body.size(), std::memory_order_relaxed);
  co_return result;
}

}  // namespace chat::graphql
