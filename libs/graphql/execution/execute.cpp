// Spec 6 (ExecuteQuery, ExecuteMutation, ExecuteSelectionSet, ExecuteField,
// CompleteValue) with graphql-js 16.15 `execution/execute.ts` semantics and messages.
//
// Output without a DOM. Each execution plans, once per (object type, merged field set),
// the collected fields, their definitions, resolvers and coerced arguments, and whether
// anything below may suspend (an asynchronous resolver). Subtrees that cannot suspend
// are completed by plain functions writing straight into the response buffer; when a
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
#include <cstring>
#include <exception>
#include <unordered_map>

#include "graphql/execution/coerce_values.hpp"
#include "graphql/execution/collect_fields.hpp"
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

// ---- a view of a resolved value: a `value`, or JSON inside one ----

struct cref {
  const value* v = nullptr;
  const json* j = nullptr;

  const json* as_json() const noexcept { return j != nullptr ? j : v->json(); }
  bool is_null() const noexcept {
    const json* x = as_json();
    return x != nullptr && x->is_null();
  }
  const field_error* error() const noexcept { return v != nullptr ? v->error() : nullptr; }
  const object_value* object() const noexcept { return v != nullptr ? v->object() : nullptr; }
  const value::list* items() const noexcept { return v != nullptr ? v->items() : nullptr; }
};

// ---- plans ----

enum class field_kind : std::uint8_t {
  typename_field,
  schema_field,
  type_field,
  introspection,
  sync_resolver,
  async_resolver,
  default_resolver,
};

struct planned_field {
  const object_type* parent_type = nullptr;
  const collected_field* field = nullptr;
  const field_definition* def = nullptr;
  field_kind kind = field_kind::default_resolver;
  const resolver_map::entry* entry = nullptr;
  boost::json::object arguments;
  std::optional<graphql_error> argument_error;
};

struct object_plan {
  grouped_field_set fields;
  std::vector<planned_field> planned;
  int may_suspend = -1;  // unknown
};

struct plan_key {
  const object_type* type;
  const collected_field* parent;
  bool operator==(const plan_key&) const = default;
};
struct plan_key_hash {
  std::size_t operator()(const plan_key& k) const noexcept {
    return std::hash<const void*>{}(k.type) * 31 + std::hash<const void*>{}(k.parent);
  }
};

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

// ---- the execution ----

class execution {
 public:
  execution(const execution_request& request, boost::json::object variables,
            asio::any_io_executor ex)
      : served_(*request.served),
        doc_(*request.doc),
        operation_(*request.operation),
        fragments_(request.doc->root()),
        variables_(std::move(variables)),
        resolvers_(request.resolvers),
        context_(request.context),
        ex_(std::move(ex)) {}

  std::vector<graphql_error>& errors() noexcept { return errors_; }

  object_plan& plan_for(const object_type& t, const collected_field* parent) {
    const plan_key key{&t, parent};
    if (auto it = plans_.find(key); it != plans_.end()) return it->second;
    object_plan& plan = plans_[key];
    if (parent == nullptr) {
      collect_fields(served_, fragments_, t, *operation_.selection_set, variables_, plan.fields);
    } else {
      plan.fields = collect_subfields(served_, fragments_, t, parent->nodes, variables_);
    }
    plan.planned.reserve(plan.fields.size());
    const bool introspection = detail::is_introspection_type(t);
    for (const collected_field& field : plan.fields) {
      planned_field p;
      p.parent_type = &t;
      p.field = &field;
      const field_node& node = *field.nodes.front();
      const std::string_view name = node.name.value;
      if (name == "__typename") {
        p.def = &served_.typename_meta_field();
        p.kind = field_kind::typename_field;
      } else if (name == "__schema" && &t == served_.query_type()) {
        p.def = &served_.schema_meta_field();
        p.kind = field_kind::schema_field;
      } else if (name == "__type" && &t == served_.query_type()) {
        p.def = &served_.type_meta_field();
        p.kind = field_kind::type_field;
      } else {
        p.def = t.find_field(name);
        if (p.def == nullptr) continue;  // graphql-js skips unknown fields
        if (introspection) {
          p.kind = field_kind::introspection;
        } else if (resolvers_ != nullptr && (p.entry = resolvers_->find(t.name(), name)) &&
                   p.entry->resolves()) {
          p.kind = p.entry->async ? field_kind::async_resolver : field_kind::sync_resolver;
        }
      }
      if (!p.def->arguments.empty()) {
        p.argument_error = coerce_argument_values(p.def->arguments, node.arguments, node,
                                                  variables_, doc_, p.arguments);
        if (p.argument_error) p.argument_error->code = error_code::bad_user_input;
      }
      plan.planned.push_back(std::move(p));
    }
    return plan;
  }

  bool may_suspend(object_plan& plan) {
    if (plan.may_suspend >= 0) return plan.may_suspend == 1;
    plan.may_suspend = 0;
    for (const planned_field& p : plan.planned) {
      if (p.kind == field_kind::async_resolver || field_may_suspend(*p.def->field_type, *p.field)) {
        plan.may_suspend = 1;
        break;
      }
    }
    return plan.may_suspend == 1;
  }

  bool field_may_suspend(const type& field_type, const collected_field& field) {
    const named_type& named = field_type.named();
    if (named.kind() == type_kind::object) {
      return may_suspend(plan_for(static_cast<const object_type&>(named), &field));
    }
    if (!named.is_abstract()) return false;
    for (const object_type* possible : served_.possible_types(named)) {
      if (may_suspend(plan_for(*possible, &field))) return true;
    }
    return false;
  }

  // ---- errors ----

  failure field_failure(std::string message, const planned_field& p, const path_node* path,
                        std::string code = std::string(error_code::internal),
                        std::string extra = {}) const {
    auto error = std::make_unique<graphql_error>();
    error->message = std::move(message);
    for (const field_node* node : p.field->nodes) {
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

  std::string parent_field_name(const planned_field& p) const {
    return p.parent_type->name() + "." + p.def->name;
  }

  // ---- resolving ----

  resolve_info info_for(const planned_field& p) const {
    return resolve_info{*p.def,      *p.parent_type, *p.field->nodes.front(),
                        p.arguments, variables_,     operation_,
                        served_,     context_};
  }

  // Every kind but async_resolver.
  value resolve_sync(const planned_field& p, cref parent) const {
    switch (p.kind) {
      case field_kind::schema_field:
        return detail::introspect_schema(served_);
      case field_kind::type_field: {
        const json* name = p.arguments.if_contains("name");
        return detail::introspect_type_by_name(served_, name != nullptr && name->is_string()
                                                            ? std::string_view(name->get_string())
                                                            : std::string_view());
      }
      case field_kind::introspection:
        return parent.v != nullptr ? detail::resolve_introspection_field(
                                         served_, *p.parent_type, *p.def, *parent.v, p.arguments)
                                   : value();
      case field_kind::sync_resolver: {
        const resolve_info info = info_for(p);
        try {
          if (parent.v != nullptr) return p.entry->sync(*parent.v, info);
          const value copy(*parent.j);
          return p.entry->sync(copy, info);
        } catch (const std::exception& e) {
          return value(field_error{e.what(), std::string(error_code::internal), {}});
        }
      }
      case field_kind::default_resolver:
      default: {
        const json* source = parent.as_json();
        if (source != nullptr && source->is_object()) {
          if (const json* member = source->get_object().if_contains(p.def->name)) {
            return value(*member);
          }
        }
        return value();
      }
    }
  }

  // The default resolver reads JSON members in place, without copying them.
  const json* default_member(const planned_field& p, cref parent) const {
    if (p.kind != field_kind::default_resolver) return nullptr;
    const json* source = parent.as_json();
    if (source == nullptr || !source->is_object()) return nullptr;
    return source->get_object().if_contains(p.def->name);
  }

  // ---- completing leaves and runtime types ----

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
    const auto& scalar = static_cast<const scalar_type&>(t);
    if (!scalar.is_builtin()) {
      const auto& serialize = scalar.coercion().serialize;
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
    if (j->is_string() && t.name() == "String") {
      text::append_json_string(out, j->get_string());
      return nullptr;
    }
    std::string error;
    const auto serialized = serialize_builtin(*find_builtin_scalar(t.name()), *j, error);
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

  failure not_iterable(const planned_field& p, const path_node* path) const {
    return field_failure(
        "Expected Iterable, but did not find one for field \"" + parent_field_name(p) + "\".", p,
        path);
  }

  // ---- synchronous completion ----

  failure execute_fields_sync(const object_type& t, object_plan& plan, cref parent,
                              const path_node* path, std::string& out) {
    out += '{';
    bool first = true;
    for (planned_field& p : plan.planned) {
      if (!first) out += ',';
      first = false;
      text::append_json_string(out, p.field->response_key);
      out += ':';
      const path_node here{path, p.field->response_key, 0};
      if (auto f = execute_field_sync(p, parent, &here, out)) return f;
    }
    out += '}';
    (void)t;
    return nullptr;
  }

  failure execute_field_sync(planned_field& p, cref parent, const path_node* path,
                             std::string& out) {
    const std::size_t mark = out.size();
    return handle_field_error(resolve_and_complete_sync(p, parent, path, out), *p.def->field_type,
                              out, mark);
  }

  failure resolve_and_complete_sync(planned_field& p, cref parent, const path_node* path,
                                    std::string& out) {
    if (p.argument_error) {
      auto error = std::make_unique<graphql_error>(*p.argument_error);
      error->path = to_path(path);
      return error;
    }
    if (p.kind == field_kind::typename_field) {
      text::append_json_string(out, p.parent_type->name());
      return nullptr;
    }
    if (p.kind == field_kind::async_resolver) {
      return internal_failure("An asynchronous resolver was reached on the synchronous path.");
    }
    if (p.kind == field_kind::default_resolver) {
      const json* member = default_member(p, parent);
      if (member != nullptr)
        return complete_value_sync(*p.def->field_type, p, cref{nullptr, member}, path, out);
      const value none;
      return complete_value_sync(*p.def->field_type, p, cref{&none, nullptr}, path, out);
    }
    const value resolved = resolve_sync(p, parent);
    return complete_value_sync(*p.def->field_type, p, cref{&resolved, nullptr}, path, out);
  }

  failure complete_value_sync(const type& t, planned_field& p, cref v, const path_node* path,
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
      out += '[';
      std::int64_t index = 0;
      auto item = [&](cref element) -> failure {
        if (index > 0) out += ',';
        const path_node here{path, {}, index++};
        const std::size_t mark = out.size();
        return handle_field_error(complete_value_sync(item_type, p, element, &here, out), item_type,
                                  out, mark);
      };
      if (const value::list* items = v.items()) {
        for (const value& element : *items) {
          if (auto f = item(cref{&element, nullptr})) return f;
        }
      } else if (const json* j = v.as_json(); j != nullptr && j->is_array()) {
        for (const json& element : j->get_array()) {
          if (auto f = item(cref{nullptr, &element})) return f;
        }
      } else {
        return not_iterable(p, path);
      }
      out += ']';
      return nullptr;
    }
    const named_type& named = t.named();
    if (named.is_leaf()) return complete_leaf(named, p, v, path, out);
    failure f;
    const object_type* object = runtime_type(named, p, v, path, f);
    if (object == nullptr) return f;
    return execute_fields_sync(*object, plan_for(*object, p.field), v, path, out);
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

  asio::awaitable<failure> execute_fields_async(const object_type& t, object_plan& plan,
                                                cref parent, const path_node* path,
                                                std::string& out, bool serial) {
    const std::size_t n = plan.planned.size();
    std::vector<std::string> chunks(n);
    std::vector<failure> results(n);
    std::vector<path_node> paths(n);
    join j(ex_);
    for (std::size_t i = 0; i < n && j.first_failed == nullptr; ++i) {
      planned_field& p = plan.planned[i];
      paths[i] = path_node{path, p.field->response_key, 0};
      const bool suspends =
          p.kind == field_kind::async_resolver || field_may_suspend(*p.def->field_type, *p.field);
      if (!suspends) {
        results[i] = execute_field_sync(p, parent, &paths[i], chunks[i]);
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
      if (i > 0) out += ',';
      text::append_json_string(out, plan.planned[i].field->response_key);
      out += ':';
      out += chunks[i];
    }
    out += '}';
    (void)t;
    co_return nullptr;
  }

  asio::awaitable<failure> execute_field_async(planned_field& p, cref parent, const path_node* path,
                                               std::string& out) {
    const std::size_t mark = out.size();
    failure f = co_await resolve_and_complete_async(p, parent, path, out);
    co_return handle_field_error(std::move(f), *p.def->field_type, out, mark);
  }

  asio::awaitable<failure> resolve_and_complete_async(planned_field& p, cref parent,
                                                      const path_node* path, std::string& out) {
    if (p.argument_error) {
      auto error = std::make_unique<graphql_error>(*p.argument_error);
      error->path = to_path(path);
      co_return error;
    }
    if (p.kind == field_kind::default_resolver) {
      if (const json* member = default_member(p, parent)) {
        co_return co_await complete_value_async(*p.def->field_type, p, cref{nullptr, member}, path,
                                                out);
      }
    }
    value resolved;
    if (p.kind != field_kind::async_resolver) {
      resolved = resolve_sync(p, parent);
    } else {
      const resolve_info info = info_for(p);
      std::optional<value> copy;
      if (parent.v == nullptr) copy.emplace(*parent.j);
      const value& parent_value = parent.v != nullptr ? *parent.v : *copy;
      try {
        resolved = co_await p.entry->async(parent_value, info);
      } catch (const std::exception& e) {
        resolved = value(field_error{e.what(), std::string(error_code::internal), {}});
      }
    }
    co_return co_await complete_value_async(*p.def->field_type, p, cref{&resolved, nullptr}, path,
                                            out);
  }

  asio::awaitable<failure> complete_item_async(const type& item_type, planned_field& p,
                                               cref element, const path_node* path,
                                               std::string& out) {
    failure f = co_await complete_value_async(item_type, p, element, path, out);
    co_return handle_field_error(std::move(f), item_type, out, 0);
  }

  asio::awaitable<failure> complete_value_async(const type& t, planned_field& p, cref v,
                                                const path_node* path, std::string& out) {
    if (!field_may_suspend(t, *p.field)) co_return complete_value_sync(t, p, v, path, out);
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
          elements.push_back(cref{&element, nullptr});
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
    object_plan& plan = plan_for(*object, p.field);
    if (!may_suspend(plan)) co_return execute_fields_sync(*object, plan, v, path, out);
    co_return co_await execute_fields_async(*object, plan, v, path, out, false);
  }

 private:
  const schema& served_;
  const document& doc_;
  const operation_definition_node& operation_;
  fragment_map fragments_;
  boost::json::object variables_;
  const resolver_map* resolvers_;
  void* context_;
  asio::any_io_executor ex_;
  std::vector<graphql_error> errors_;
  std::unordered_map<plan_key, object_plan, plan_key_hash> plans_;
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

  auto ex = co_await asio::this_coro::executor;
  execution run(request, std::move(variables), ex);
  std::string data;
  data.reserve(4096);
  const object_type* root = served.root_type(operation.operation);
  if (root == nullptr) {
    graphql_error error;
    error.message = "Schema is not configured to execute " +
                    std::string(to_string(operation.operation)) + " operation.";
    error.locations.push_back(doc.position(operation.loc.start));
    error.code = error_code::internal;
    run.errors().push_back(std::move(error));
    data = "null";
  } else {
    object_plan& plan = run.plan_for(*root, nullptr);
    const cref root_value{&request.root, nullptr};
    failure f;
    if (operation.operation == operation_type::mutation) {
      f = co_await run.execute_fields_async(*root, plan, root_value, nullptr, data, true);
    } else if (run.may_suspend(plan)) {
      f = co_await run.execute_fields_async(*root, plan, root_value, nullptr, data, false);
    } else {
      f = run.execute_fields_sync(*root, plan, root_value, nullptr, data);
    }
    if (f) {
      data = "null";
      run.errors().push_back(std::move(*f));
    }
  }

  const auto& errors = run.errors();
  result.error_count = errors.size();
  std::string& body = result.body;
  body.reserve(data.size() + 16 + errors.size() * 160);
  if (!errors.empty()) {
    // graphql-js's ExecutionResult: `errors` before `data`.
    body += '{';
    json_writer writer(body);
    body += "\"errors\":";
    write_errors(writer, errors, timestamp);
    body += ",\"data\":";
  } else {
    body += "{\"data\":";
  }
  body += data;
  body += '}';
  co_return result;
}

}  // namespace chat::graphql
