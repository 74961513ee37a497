// Introspection as graphql-js 16.15 `type/introspection.ts` resolves it. Objects are
// non-owning `object_value`s (an aliasing shared_ptr with no owner: no allocation) into
// the schema, which outlives every execution; `type_name` says which kind of schema
// element the pointer is.
#include "graphql/execution/introspection_resolvers.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "graphql/execution/coerce_values.hpp"
#include "graphql/type/inspect.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/type/value_printer.hpp"

namespace chat::graphql::detail {

namespace {

using json = boost::json::value;

constexpr std::string_view k_schema = "__Schema";
constexpr std::string_view k_type = "__Type";
constexpr std::string_view k_field = "__Field";
constexpr std::string_view k_input_value = "__InputValue";
constexpr std::string_view k_enum_value = "__EnumValue";
constexpr std::string_view k_directive = "__Directive";

template <typename T>
value wrap(const T* element, std::string_view type_name) {
  if (element == nullptr) return value();
  return value(
      object_value{std::shared_ptr<const void>(std::shared_ptr<const void>(), element), type_name});
}

template <typename T>
const T& unwrap(const value& parent) {
  return *static_cast<const T*>(parent.object()->object.get());
}

json string_or_null(const std::string& text) {
  return text.empty() ? json(nullptr) : json(text);
}

json reason_or_null(const deprecation& d) {
  return d.deprecated ? json(d.reason) : json(nullptr);
}

bool include_deprecated(const boost::json::object& arguments) {
  const json* flag = arguments.if_contains("includeDeprecated");
  return flag != nullptr && flag->is_bool() && flag->get_bool();
}

value input_values(std::span<const input_value> values, bool with_deprecated) {
  value::list items;
  items.reserve(values.size());
  for (const input_value& v : values) {
    if (with_deprecated || !v.deprecated.deprecated) items.push_back(wrap(&v, k_input_value));
  }
  return value(std::move(items));
}

value type_value(const type* t) {
  return wrap(t, k_type);
}

value resolve_schema_field(const schema& served, std::string_view name,
                           const boost::json::object& arguments) {
  if (name == "description") return value(string_or_null(served.description()));
  if (name == "types") {
    value::list items;
    items.reserve(served.types().size());
    for (const named_type* t : served.types())
      items.push_back(type_value(t));
    return value(std::move(items));
  }
  if (name == "queryType") return type_value(served.query_type());
  if (name == "mutationType") return type_value(served.mutation_type());
  if (name == "subscriptionType") return type_value(served.subscription_type());
  if (name == "directives") {
    const bool all = include_deprecated(arguments);
    value::list items;
    for (const directive_definition* d : served.directives()) {
      if (all || !d->deprecated.deprecated) items.push_back(wrap(d, k_directive));
    }
    return value(std::move(items));
  }
  return value();
}

value resolve_type_field(const schema& served, const type& t, std::string_view name,
                         const boost::json::object& arguments) {
  const type_kind kind = t.kind();
  const bool named = kind != type_kind::list && kind != type_kind::non_null;
  if (name == "kind") return value(json(to_string(kind)));
  if (name == "name")
    return named ? value(json(static_cast<const named_type&>(t).name())) : value();
  if (name == "description") {
    return named ? value(string_or_null(static_cast<const named_type&>(t).description())) : value();
  }
  if (name == "specifiedByURL") {
    if (kind != type_kind::scalar) return value();
    return value(string_or_null(static_cast<const scalar_type&>(t).specified_by_url()));
  }
  if (name == "fields") {
    if (kind != type_kind::object && kind != type_kind::interface) return value();
    const bool all = include_deprecated(arguments);
    value::list items;
    const auto fields = static_cast<const fields_type&>(t).fields();
    items.reserve(fields.size());
    for (const field_definition& f : fields) {
      if (all || !f.deprecated.deprecated) items.push_back(wrap(&f, k_field));
    }
    return value(std::move(items));
  }
  if (name == "interfaces") {
    if (kind != type_kind::object && kind != type_kind::interface) return value();
    value::list items;
    for (const interface_type* i : static_cast<const fields_type&>(t).interfaces()) {
      items.push_back(type_value(i));
    }
    return value(std::move(items));
  }
  if (name == "possibleTypes") {
    if (!t.is_abstract()) return value();
    value::list items;
    for (const object_type* o : served.possible_types(static_cast<const named_type&>(t))) {
      items.push_back(type_value(o));
    }
    return value(std::move(items));
  }
  if (name == "enumValues") {
    if (kind != type_kind::enum_type) return value();
    const bool all = include_deprecated(arguments);
    value::list items;
    for (const enum_value& v : static_cast<const enum_type&>(t).values()) {
      if (all || !v.deprecated.deprecated) items.push_back(wrap(&v, k_enum_value));
    }
    return value(std::move(items));
  }
  if (name == "inputFields") {
    if (kind != type_kind::input_object) return value();
    return input_values(static_cast<const input_object_type&>(t).fields(),
                        include_deprecated(arguments));
  }
  if (name == "ofType") return named ? value() : type_value(t.of_type());
  if (name == "isOneOf") {
    if (kind != type_kind::input_object) return value();
    return value(json(static_cast<const input_object_type&>(t).is_one_of()));
  }
  return value();
}

value resolve_field_field(const field_definition& f, std::string_view name,
                          const boost::json::object& arguments) {
  if (name == "name") return value(json(f.name));
  if (name == "description") return value(string_or_null(f.description));
  if (name == "args") return input_values(f.arguments, include_deprecated(arguments));
  if (name == "type") return type_value(f.field_type);
  if (name == "isDeprecated") return value(json(f.deprecated.deprecated));
  if (name == "deprecationReason") return value(reason_or_null(f.deprecated));
  return value();
}

value resolve_input_value_field(const input_value& v, std::string_view name) {
  if (name == "name") return value(json(v.name));
  if (name == "description") return value(string_or_null(v.description));
  if (name == "type") return type_value(v.value_type);
  if (name == "defaultValue") {
    const auto coerced = coerced_default(v);
    if (!coerced) return value();
    auto printed = print_ast_from_value(*coerced, *v.value_type);
    return printed ? value(json(*printed)) : value();
  }
  if (name == "isDeprecated") return value(json(v.deprecated.deprecated));
  if (name == "deprecationReason") return value(reason_or_null(v.deprecated));
  return value();
}

value resolve_enum_value_field(const enum_value& v, std::string_view name) {
  if (name == "name") return value(json(v.name));
  if (name == "description") return value(string_or_null(v.description));
  if (name == "isDeprecated") return value(json(v.deprecated.deprecated));
  if (name == "deprecationReason") return value(reason_or_null(v.deprecated));
  return value();
}

value resolve_directive_field(const directive_definition& d, std::string_view name,
                              const boost::json::object& arguments) {
  if (name == "name") return value(json(d.name));
  if (name == "description") return value(string_or_null(d.description));
  if (name == "isRepeatable") return value(json(d.repeatable));
  if (name == "locations") {
    value::list items;
    items.reserve(d.locations.size());
    for (directive_location l : d.locations)
      items.emplace_back(json(to_string(l)));
    return value(std::move(items));
  }
  if (name == "args") return input_values(d.arguments, include_deprecated(arguments));
  if (name == "isDeprecated") return value(json(d.deprecated.deprecated));
  if (name == "deprecationReason") return value(reason_or_null(d.deprecated));
  return value();
}

bool is_integer_string(std::string_view text) {
  // graphql-js astFromValue's integerStringRegExp: /^-?(?:0|[1-9][0-9]*)$/
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  if (i >= text.size()) return false;
  if (text[i] == '0') return i + 1 == text.size();
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

bool is_introspection_type(const named_type& t) noexcept {
  return t.name().starts_with("__");
}

value introspect_schema(const schema& served) {
  return wrap(&served, k_schema);
}

value introspect_type_by_name(const schema& served, std::string_view type_name) {
  return type_value(served.find_type(type_name));
}

value resolve_introspection_field(const schema& served, const object_type& parent_type,
                                  const field_definition& field, const value& parent,
                                  const boost::json::object& arguments) {
  if (parent.object() == nullptr) return value();
  const std::string_view type_name = parent_type.name();
  const std::string_view name = field.name;
  if (type_name == k_type) return resolve_type_field(served, unwrap<type>(parent), name, arguments);
  if (type_name == k_field)
    return resolve_field_field(unwrap<field_definition>(parent), name, arguments);
  if (type_name == k_input_value)
    return resolve_input_value_field(unwrap<input_value>(parent), name);
  if (type_name == k_enum_value) return resolve_enum_value_field(unwrap<enum_value>(parent), name);
  if (type_name == k_directive) {
    return resolve_directive_field(unwrap<directive_definition>(parent), name, arguments);
  }
  if (type_name == k_schema) return resolve_schema_field(unwrap<schema>(parent), name, arguments);
  return value();
}

std::optional<std::string> print_ast_from_value(const json& coerced, const type& input_type) {
  if (input_type.is_non_null()) {
    auto inner = print_ast_from_value(coerced, *input_type.of_type());
    if (inner && *inner == "null") return std::nullopt;
    return inner;
  }
  if (coerced.is_null()) return std::string("null");
  if (input_type.is_list()) {
    const type& item_type = *input_type.of_type();
    if (const auto* items = coerced.if_array()) {
      std::string out = "[";
      bool first = true;
      for (const json& item : *items) {
        auto printed = print_ast_from_value(item, item_type);
        if (!printed) continue;
        if (!first) out += ", ";
        first = false;
        out += *printed;
      }
      out += ']';
      return out;
    }
    return print_ast_from_value(coerced, item_type);
  }
  const named_type& named = input_type.named();
  if (named.kind() == type_kind::input_object) {
    const auto* fields = coerced.if_object();
    if (fields == nullptr) return std::nullopt;
    std::string out = "{";
    bool first = true;
    for (const input_value& field : static_cast<const input_object_type&>(named).fields()) {
      const json* member = fields->if_contains(field.name);
      if (member == nullptr) continue;
      auto printed = print_ast_from_value(*member, *field.value_type);
      if (!printed) continue;
      if (!first) out += ", ";
      first = false;
      out += field.name;
      out += ": ";
      out += *printed;
    }
    out += '}';
    return out;
  }
  // Leaf types: serialize, then make a literal of the serialized value.
  json serialized = coerced;
  if (named.kind() == type_kind::scalar) {
    if (auto builtin = find_builtin_scalar(named.name())) {
      std::string error;
      auto result = serialize_builtin(*builtin, coerced, error);
      if (!result) return std::nullopt;
      serialized = std::move(*result);
    }
  }
  if (serialized.is_null()) return std::nullopt;
  if (serialized.is_bool()) return std::string(serialized.get_bool() ? "true" : "false");
  if (const auto number = js_number(serialized)) {
    if (!std::isfinite(*number)) return std::nullopt;
    return js_number_to_string(*number);
  }
  if (serialized.is_string()) {
    const std::string_view text = serialized.get_string();
    if (named.kind() == type_kind::enum_type) return std::string(text);
    if (named.name() == "ID" && is_integer_string(text)) return std::string(text);
    return print_string_literal(text);
  }
  return std::nullopt;  // graphql-js throws "Cannot convert value to AST"
}

}  // namespace chat::graphql::detail
