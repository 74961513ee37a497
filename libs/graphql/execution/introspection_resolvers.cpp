// Introspection as graphql-js 16.15 `type/introspection.ts` resolves it, written straight
// into the response: the executor asks for one field of one schema element at a time
// and completes objects and lists with its plan (see the header for which element type
// stands for which introspection type).
#include "graphql/execution/introspection_resolvers.hpp"

#include <array>
#include <boost/json.hpp>
#include <cmath>

#include "graphql/execution/coerce_values.hpp"
#include "graphql/type/inspect.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/type/value_printer.hpp"
#include "text/json_text.hpp"

namespace chat::graphql::detail {

namespace {

using json = boost::json::value;
using outcome = introspection_outcome;

// GraphQL names ([_A-Za-z][_0-9A-Za-z]*) need no escaping.
void write_name(std::string& out, std::string_view name) {
  out += '"';
  out += name;
  out += '"';
}

void write_string_or_null(std::string& out, const std::string& text) {
  if (text.empty()) {
    out += "null";
  } else {
    text::append_json_string(out, text);
  }
}

void write_bool(std::string& out, bool b) {
  out += b ? "true" : "false";
}

void write_reason_or_null(std::string& out, const deprecation& d) {
  if (d.deprecated) {
    text::append_json_string(out, d.reason);
  } else {
    out += "null";
  }
}

bool include_deprecated(const boost::json::object& arguments) {
  const json* flag = arguments.if_contains("includeDeprecated");
  return flag != nullptr && flag->is_bool() && flag->get_bool();
}

outcome object_or_null(const void* element, const void*& child) {
  child = element;
  return element != nullptr ? outcome::object : outcome::null;
}

const void* type_element(const type* t) {
  return t;
}

outcome input_values(std::span<const input_value> values, bool with_deprecated,
                     std::vector<const void*>& children) {
  for (const input_value& v : values) {
    if (with_deprecated || !v.deprecated.deprecated) children.push_back(&v);
  }
  return outcome::list;
}

struct field_entry {
  std::string_view type_name;
  std::string_view field_name;
  introspection_field field;
};

constexpr std::array<field_entry, 40> k_fields{{
    {"__Schema", "description", introspection_field::schema_description},
    {"__Schema", "types", introspection_field::schema_types},
    {"__Schema", "queryType", introspection_field::schema_query_type},
    {"__Schema", "mutationType", introspection_field::schema_mutation_type},
    {"__Schema", "subscriptionType", introspection_field::schema_subscription_type},
    {"__Schema", "directives", introspection_field::schema_directives},
    {"__Type", "kind", introspection_field::type_kind},
    {"__Type", "name", introspection_field::type_name},
    {"__Type", "description", introspection_field::type_description},
    {"__Type", "specifiedByURL", introspection_field::type_specified_by_url},
    {"__Type", "fields", introspection_field::type_fields},
    {"__Type", "interfaces", introspection_field::type_interfaces},
    {"__Type", "possibleTypes", introspection_field::type_possible_types},
    {"__Type", "enumValues", introspection_field::type_enum_values},
    {"__Type", "inputFields", introspection_field::type_input_fields},
    {"__Type", "ofType", introspection_field::type_of_type},
    {"__Type", "isOneOf", introspection_field::type_is_one_of},
    {"__Field", "name", introspection_field::field_name},
    {"__Field", "description", introspection_field::field_description},
    {"__Field", "args", introspection_field::field_args},
    {"__Field", "type", introspection_field::field_type},
    {"__Field", "isDeprecated", introspection_field::field_is_deprecated},
    {"__Field", "deprecationReason", introspection_field::field_deprecation_reason},
    {"__InputValue", "name", introspection_field::input_value_name},
    {"__InputValue", "description", introspection_field::input_value_description},
    {"__InputValue", "type", introspection_field::input_value_type},
    {"__InputValue", "defaultValue", introspection_field::input_value_default_value},
    {"__InputValue", "isDeprecated", introspection_field::input_value_is_deprecated},
    {"__InputValue", "deprecationReason", introspection_field::input_value_deprecation_reason},
    {"__EnumValue", "name", introspection_field::enum_value_name},
    {"__EnumValue", "description", introspection_field::enum_value_description},
    {"__EnumValue", "isDeprecated", introspection_field::enum_value_is_deprecated},
    {"__EnumValue", "deprecationReason", introspection_field::enum_value_deprecation_reason},
    {"__Directive", "name", introspection_field::directive_name},
    {"__Directive", "description", introspection_field::directive_description},
    {"__Directive", "isRepeatable", introspection_field::directive_is_repeatable},
    {"__Directive", "locations", introspection_field::directive_locations},
    {"__Directive", "args", introspection_field::directive_args},
    {"__Directive", "isDeprecated", introspection_field::directive_is_deprecated},
    {"__Directive", "deprecationReason", introspection_field::directive_deprecation_reason},
}};

outcome resolve_schema_field(const schema& served, introspection_field field,
                             const boost::json::object& arguments, std::string& out,
                             const void*& child, std::vector<const void*>& children) {
  switch (field) {
    case introspection_field::schema_description:
      write_string_or_null(out, served.description());
      return outcome::written;
    case introspection_field::schema_types:
      for (const named_type* t : served.types())
        children.push_back(type_element(t));
      return outcome::list;
    case introspection_field::schema_query_type:
      return object_or_null(type_element(served.query_type()), child);
    case introspection_field::schema_mutation_type:
      return object_or_null(type_element(served.mutation_type()), child);
    case introspection_field::schema_subscription_type:
      return object_or_null(type_element(served.subscription_type()), child);
    case introspection_field::schema_directives: {
      const bool all = include_deprecated(arguments);
      for (const directive_definition* d : served.directives()) {
        if (all || !d->deprecated.deprecated) children.push_back(d);
      }
      return outcome::list;
    }
    default:
      return outcome::null;
  }
}

outcome resolve_type_field(const schema& served, const type& t, introspection_field field,
                           const boost::json::object& arguments, std::string& out,
                           const void*& child, std::vector<const void*>& children) {
  const type_kind kind = t.kind();
  const bool named = kind != type_kind::list && kind != type_kind::non_null;
  switch (field) {
    case introspection_field::type_kind:
      write_name(out, to_string(kind));
      return outcome::written;
    case introspection_field::type_name:
      if (!named) return outcome::null;
      write_name(out, static_cast<const named_type&>(t).name());
      return outcome::written;
    case introspection_field::type_description:
      if (!named) return outcome::null;
      write_string_or_null(out, static_cast<const named_type&>(t).description());
      return outcome::written;
    case introspection_field::type_specified_by_url:
      if (kind != type_kind::scalar) return outcome::null;
      write_string_or_null(out, static_cast<const scalar_type&>(t).specified_by_url());
      return outcome::written;
    case introspection_field::type_fields: {
      if (kind != type_kind::object && kind != type_kind::interface) return outcome::null;
      const bool all = include_deprecated(arguments);
      for (const field_definition& f : static_cast<const fields_type&>(t).fields()) {
        if (all || !f.deprecated.deprecated) children.push_back(&f);
      }
      return outcome::list;
    }
    case introspection_field::type_interfaces:
      if (kind != type_kind::object && kind != type_kind::interface) return outcome::null;
      for (const interface_type* i : static_cast<const fields_type&>(t).interfaces()) {
        children.push_back(type_element(i));
      }
      return outcome::list;
    case introspection_field::type_possible_types:
      if (!t.is_abstract()) return outcome::null;
      for (const object_type* o : served.possible_types(static_cast<const named_type&>(t))) {
        children.push_back(type_element(o));
      }
      return outcome::list;
    case introspection_field::type_enum_values: {
      if (kind != type_kind::enum_type) return outcome::null;
      const bool all = include_deprecated(arguments);
      for (const enum_value& v : static_cast<const enum_type&>(t).values()) {
        if (all || !v.deprecated.deprecated) children.push_back(&v);
      }
      return outcome::list;
    }
    case introspection_field::type_input_fields:
      if (kind != type_kind::input_object) return outcome::null;
      return input_values(static_cast<const input_object_type&>(t).fields(),
                          include_deprecated(arguments), children);
    case introspection_field::type_of_type:
      return named ? outcome::null : object_or_null(type_element(t.of_type()), child);
    case introspection_field::type_is_one_of:
      if (kind != type_kind::input_object) return outcome::null;
      write_bool(out, static_cast<const input_object_type&>(t).is_one_of());
      return outcome::written;
    default:
      return outcome::null;
  }
}

outcome resolve_field_field(const field_definition& f, introspection_field field,
                            const boost::json::object& arguments, std::string& out,
                            const void*& child, std::vector<const void*>& children) {
  switch (field) {
    case introspection_field::field_name:
      write_name(out, f.name);
      return outcome::written;
    case introspection_field::field_description:
      write_string_or_null(out, f.description);
      return outcome::written;
    case introspection_field::field_args:
      return input_values(f.arguments, include_deprecated(arguments), children);
    case introspection_field::field_type:
      return object_or_null(type_element(f.field_type), child);
    case introspection_field::field_is_deprecated:
      write_bool(out, f.deprecated.deprecated);
      return outcome::written;
    case introspection_field::field_deprecation_reason:
      write_reason_or_null(out, f.deprecated);
      return outcome::written;
    default:
      return outcome::null;
  }
}

outcome resolve_input_value_field(const input_value& v, introspection_field field, std::string& out,
                                  const void*& child) {
  switch (field) {
    case introspection_field::input_value_name:
      write_name(out, v.name);
      return outcome::written;
    case introspection_field::input_value_description:
      write_string_or_null(out, v.description);
      return outcome::written;
    case introspection_field::input_value_type:
      return object_or_null(type_element(v.value_type), child);
    case introspection_field::input_value_default_value: {
      const auto coerced = coerced_default(v);
      if (!coerced) return outcome::null;
      const auto printed = print_ast_from_value(*coerced, *v.value_type);
      if (!printed) return outcome::null;
      text::append_json_string(out, *printed);
      return outcome::written;
    }
    case introspection_field::input_value_is_deprecated:
      write_bool(out, v.deprecated.deprecated);
      return outcome::written;
    case introspection_field::input_value_deprecation_reason:
      write_reason_or_null(out, v.deprecated);
      return outcome::written;
    default:
      return outcome::null;
  }
}

outcome resolve_enum_value_field(const enum_value& v, introspection_field field, std::string& out) {
  switch (field) {
    case introspection_field::enum_value_name:
      write_name(out, v.name);
      return outcome::written;
    case introspection_field::enum_value_description:
      write_string_or_null(out, v.description);
      return outcome::written;
    case introspection_field::enum_value_is_deprecated:
      write_bool(out, v.deprecated.deprecated);
      return outcome::written;
    case introspection_field::enum_value_deprecation_reason:
      write_reason_or_null(out, v.deprecated);
      return outcome::written;
    default:
      return outcome::null;
  }
}

outcome resolve_directive_field(const directive_definition& d, introspection_field field,
                                const boost::json::object& arguments, std::string& out,
                                std::vector<const void*>& children) {
  switch (field) {
    case introspection_field::directive_name:
      write_name(out, d.name);
      return outcome::written;
    case introspection_field::directive_description:
      write_string_or_null(out, d.description);
      return outcome::written;
    case introspection_field::directive_is_repeatable:
      write_bool(out, d.repeatable);
      return outcome::written;
    case introspection_field::directive_locations: {
      out += '[';
      bool first = true;
      for (directive_location l : d.locations) {
        if (!first) out += ',';
        first = false;
        write_name(out, to_string(l));
      }
      out += ']';
      return outcome::written;
    }
    case introspection_field::directive_args:
      return input_values(d.arguments, include_deprecated(arguments), children);
    case introspection_field::directive_is_deprecated:
      write_bool(out, d.deprecated.deprecated);
      return outcome::written;
    case introspection_field::directive_deprecation_reason:
      write_reason_or_null(out, d.deprecated);
      return outcome::written;
    default:
      return outcome::null;
  }
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

introspection_field find_introspection_field(std::string_view type_name,
                                             std::string_view field_name) noexcept {
  for (const field_entry& entry : k_fields) {
    if (entry.type_name == type_name && entry.field_name == field_name) return entry.field;
  }
  return introspection_field::none;
}

introspection_outcome resolve_introspection(const schema& served, introspection_field field,
                                            const void* element,
                                            const boost::json::object& arguments, std::string& out,
                                            const void*& child,
                                            std::vector<const void*>& children) {
  if (element == nullptr || field == introspection_field::none) return outcome::null;
  if (field <= introspection_field::schema_directives) {
    return resolve_schema_field(*static_cast<const schema*>(element), field, arguments, out, child,
                                children);
  }
  if (field <= introspection_field::type_is_one_of) {
    return resolve_type_field(served, *static_cast<const type*>(element), field, arguments, out,
                              child, children);
  }
  if (field <= introspection_field::field_deprecation_reason) {
    return resolve_field_field(*static_cast<const field_definition*>(element), field, arguments,
                               out, child, children);
  }
  if (field <= introspection_field::input_value_deprecation_reason) {
    return resolve_input_value_field(*static_cast<const input_value*>(element), field, out, child);
  }
  if (field <= introspection_field::enum_value_deprecation_reason) {
    return resolve_enum_value_field(*static_cast<const enum_value*>(element), field, out);
  }
  return resolve_directive_field(*static_cast<const directive_definition*>(element), field,
                                 arguments, out, children);
}

const void* introspect_type_by_name(const schema& served, std::string_view type_name) noexcept {
  return type_element(served.find_type(type_name));
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
