// Input coercion, rule for rule as graphql-js 16.15 `utilities/coerceInputValue.ts`,
// `utilities/valueFromAST.ts` and `execution/values.ts`. JavaScript distinguishes
// `undefined` (absent / invalid) from `null`; here nullopt is `undefined`.
#include "graphql/execution/coerce_values.hpp"

#include <boost/json.hpp>

#include "graphql/error/suggestions.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/inspect.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/type/value_printer.hpp"

namespace chat::graphql {

namespace {

using json = boost::json::value;

constexpr std::size_t k_max_variable_errors = 50;  // graphql-js execute's maxCoercionErrors

std::string enum_suggestions(const enum_type& enum_t, std::string_view unknown) {
  std::vector<std::string> names;
  names.reserve(enum_t.values().size());
  for (const enum_value& v : enum_t.values())
    names.push_back(v.name);
  return did_you_mean(suggestion_list(unknown, names), "the enum value");
}

// graphql-js GraphQLEnumType.parseValue.
std::optional<json> enum_parse_value(const enum_type& enum_t, const json& input,
                                     std::string& error) {
  if (!input.is_string()) {
    const std::string shown = inspect(input);
    error = "Enum \"" + enum_t.name() + "\" cannot represent non-string value: " + shown + "." +
            enum_suggestions(enum_t, shown);
    return std::nullopt;
  }
  const std::string_view name = input.get_string();
  if (enum_t.find_value(name) == nullptr) {
    error = "Value \"" + std::string(name) + "\" does not exist in \"" + enum_t.name() +
            "\" enum." + enum_suggestions(enum_t, name);
    return std::nullopt;
  }
  return input;
}

bool contains_variable(const value_node& literal) {
  switch (literal.kind) {
    case node_kind::variable:
      return true;
    case node_kind::list_value:
      for (const value_node* item : static_cast<const list_value_node&>(literal).values) {
        if (contains_variable(*item)) return true;
      }
      return false;
    case node_kind::object_value:
      for (const object_field_node* field : static_cast<const object_value_node&>(literal).fields) {
        if (contains_variable(*field->value)) return true;
      }
      return false;
    default:
      return false;
  }
}

// graphql-js valueFromASTUntyped with variables (undefined variables dropped from
// objects, null in lists).
std::optional<json> untyped_with_variables(const value_node& literal,
                                           const boost::json::object* variables) {
  switch (literal.kind) {
    case node_kind::variable: {
      if (variables == nullptr) return std::nullopt;
      const auto* found =
          variables->if_contains(static_cast<const variable_node&>(literal).name.value);
      if (found == nullptr) return std::nullopt;
      return *found;
    }
    case node_kind::list_value: {
      boost::json::array items;
      for (const value_node* item : static_cast<const list_value_node&>(literal).values) {
        auto converted = untyped_with_variables(*item, variables);
        items.push_back(converted ? std::move(*converted) : json(nullptr));
      }
      return json(std::move(items));
    }
    case node_kind::object_value: {
      boost::json::object fields;
      for (const object_field_node* field : static_cast<const object_value_node&>(literal).fields) {
        auto converted = untyped_with_variables(*field->value, variables);
        if (converted) fields[field->name.value] = std::move(*converted);
      }
      return json(std::move(fields));
    }
    default:
      return value_from_ast_untyped(literal);
  }
}

bool is_missing_variable(const value_node& literal, const boost::json::object* variables) {
  if (literal.kind != node_kind::variable) return false;
  return variables == nullptr ||
         !variables->contains(static_cast<const variable_node&>(literal).name.value);
}

struct input_coercer {
  const input_error_fn& on_error;
  std::vector<path_segment> path;

  void report(const json& invalid, std::string message) const {
    on_error(path, invalid, std::move(message));
  }

  std::optional<json> coerce(const json& input, const type& t) {
    if (t.is_non_null()) {
      if (!input.is_null()) return coerce(input, *t.of_type());
      report(input, "Expected non-nullable type \"" + t.to_string() + "\" not to be null.");
      return std::nullopt;
    }
    if (input.is_null()) return json(nullptr);
    if (t.is_list()) {
      const type& item_type = *t.of_type();
      if (const auto* items = input.if_array()) {
        if (items->size() > k_max_input_list_items) {
          report(input, std::string(k_list_too_long_message));
          return std::nullopt;
        }
        boost::json::array coerced;
        coerced.reserve(items->size());
        bool valid = true;
        for (std::size_t i = 0; i < items->size(); ++i) {
          path.emplace_back(static_cast<std::int64_t>(i));
          auto item = coerce((*items)[i], item_type);
          path.pop_back();
          if (!item) {
            valid = false;
            coerced.emplace_back(nullptr);
          } else {
            coerced.push_back(std::move(*item));
          }
        }
        if (!valid) return std::nullopt;
        return json(std::move(coerced));
      }
      auto single = coerce(input, item_type);
      if (!single) return std::nullopt;
      boost::json::array one;
      one.push_back(std::move(*single));
      return json(std::move(one));
    }
    const named_type& named = t.named();
    switch (named.kind()) {
      case type_kind::input_object:
        return coerce_object(input, static_cast<const input_object_type&>(named));
      case type_kind::enum_type: {
        std::string error;
        auto result = enum_parse_value(static_cast<const enum_type&>(named), input, error);
        if (!result) report(input, std::move(error));
        return result;
      }
      case type_kind::scalar: {
        const auto& scalar = static_cast<const scalar_type&>(named);
        std::string error;
        std::optional<json> result;
        if (scalar.coercion().parse_value) {
          result = scalar.coercion().parse_value(input, error);
        } else {
          result = input;
        }
        if (!result) {
          report(input,
                 error.empty() ? "Expected type \"" + scalar.name() + "\"." : std::move(error));
        }
        return result;
      }
      default:
        return std::nullopt;
    }
  }

  std::optional<json> coerce_object(const json& input, const input_object_type& object_t) {
    const auto* fields = input.if_object();
    if (fields == nullptr) {
      report(input, "Expected type \"" + object_t.name() + "\" to be an object.");
      return std::nullopt;
    }
    bool valid = true;
    boost::json::object coerced;
    for (const input_value& field : object_t.fields()) {
      const json* given = fields->if_contains(field.name);
      if (given == nullptr) {
        if (auto fallback = coerced_default(field)) {
          coerced[field.name] = std::move(*fallback);
        } else if (field.value_type->is_non_null()) {
          report(input, "Field \"" + field.name + "\" of required type \"" +
                            field.value_type->to_string() + "\" was not provided.");
          valid = false;
        }
        continue;
      }
      path.emplace_back(field.name);
      auto value = coerce(*given, *field.value_type);
      path.pop_back();
      if (!value) {
        valid = false;
        continue;
      }
      coerced[field.name] = std::move(*value);
    }
    for (const auto& member : *fields) {
      if (object_t.find_field(member.key()) != nullptr) continue;
      std::vector<std::string> names;
      for (const input_value& field : object_t.fields())
        names.push_back(field.name);
      report(input, "Field \"" + std::string(member.key()) + "\" is not defined by type \"" +
                        object_t.name() + "\"." +
                        did_you_mean(suggestion_list(member.key(), names)));
      valid = false;
    }
    if (object_t.is_one_of()) {
      if (coerced.size() != 1) {
        report(input,
               "Exactly one key must be specified for OneOf type \"" + object_t.name() + "\".");
        valid = false;
      }
      if (!coerced.empty() && coerced.begin()->value().is_null()) {
        const std::string key(coerced.begin()->key());
        path.emplace_back(key);
        report(json(nullptr), "Field \"" + key + "\" must be non-null.");
        path.pop_back();
        valid = false;
      }
    }
    if (!valid) return std::nullopt;
    return json(std::move(coerced));
  }
};

struct literal_coercer {
  const boost::json::object* variables;
  bool too_long = false;

  std::optional<json> coerce(const value_node& literal, const type& t) {
    if (literal.kind == node_kind::variable) {
      if (variables == nullptr) return std::nullopt;
      const json* found =
          variables->if_contains(static_cast<const variable_node&>(literal).name.value);
      if (found == nullptr) return std::nullopt;
      if (found->is_null() && t.is_non_null()) return std::nullopt;
      return *found;
    }
    if (t.is_non_null()) {
      if (literal.kind == node_kind::null_value) return std::nullopt;
      return coerce(literal, *t.of_type());
    }
    if (literal.kind == node_kind::null_value) return json(nullptr);
    if (t.is_list()) {
      const type& item_type = *t.of_type();
      if (literal.kind == node_kind::list_value) {
        const auto& items = static_cast<const list_value_node&>(literal).values;
        if (items.size() > k_max_input_list_items) {
          too_long = true;
          return std::nullopt;
        }
        boost::json::array coerced;
        coerced.reserve(items.size());
        for (const value_node* item : items) {
          if (is_missing_variable(*item, variables)) {
            if (item_type.is_non_null()) return std::nullopt;
            coerced.emplace_back(nullptr);
            continue;
          }
          auto value = coerce(*item, item_type);
          if (!value) return std::nullopt;
          coerced.push_back(std::move(*value));
        }
        return json(std::move(coerced));
      }
      auto single = coerce(literal, item_type);
      if (!single) return std::nullopt;
      boost::json::array one;
      one.push_back(std::move(*single));
      return json(std::move(one));
    }
    const named_type& named = t.named();
    switch (named.kind()) {
      case type_kind::input_object: {
        if (literal.kind != node_kind::object_value) return std::nullopt;
        const auto& object_t = static_cast<const input_object_type&>(named);
        const auto& given = static_cast<const object_value_node&>(literal).fields;
        boost::json::object coerced;
        for (const input_value& field : object_t.fields()) {
          const object_field_node* field_node = nullptr;
          for (const object_field_node* candidate : given) {
            // keyMap: the last field of a name wins.
            if (candidate->name.value == field.name) field_node = candidate;
          }
          if (field_node == nullptr || is_missing_variable(*field_node->value, variables)) {
            if (auto fallback = coerced_default(field)) {
              coerced[field.name] = std::move(*fallback);
            } else if (field.value_type->is_non_null()) {
              return std::nullopt;
            }
            continue;
          }
          auto value = coerce(*field_node->value, *field.value_type);
          if (!value) return std::nullopt;
          coerced[field.name] = std::move(*value);
        }
        if (object_t.is_one_of()) {
          if (coerced.size() != 1 || coerced.begin()->value().is_null()) return std::nullopt;
        }
        return json(std::move(coerced));
      }
      case type_kind::enum_type: {
        // graphql-js GraphQLEnumType.parseLiteral: an enum literal naming a value.
        if (literal.kind != node_kind::enum_value) return std::nullopt;
        const std::string_view name = static_cast<const enum_value_node&>(literal).value;
        if (static_cast<const enum_type&>(named).find_value(name) == nullptr) return std::nullopt;
        return json(name);
      }
      case type_kind::scalar: {
        const auto& scalar = static_cast<const scalar_type&>(named);
        std::string error;
        // graphql-js's default parseLiteral is parseValue(valueFromASTUntyped(node,
        // variables)); a coercion's parse_literal sees no variables, so literals that hold
        // some go through parse_value.
        if (!scalar.is_builtin() && contains_variable(literal)) {
          auto untyped = untyped_with_variables(literal, variables);
          if (!untyped) return std::nullopt;
          if (!scalar.coercion().parse_value) return untyped;
          return scalar.coercion().parse_value(*untyped, error);
        }
        if (!scalar.coercion().parse_literal) return value_from_ast_untyped(literal);
        return scalar.coercion().parse_literal(literal, error);
      }
      default:
        return std::nullopt;
    }
  }
};

std::string print_path(std::string_view root, std::span<const path_segment> path) {
  std::string out(root);
  for (const path_segment& segment : path) {
    if (const auto* key = std::get_if<std::string>(&segment)) {
      out += '.';
      out += *key;
    } else {
      out += '[';
      out += std::to_string(std::get<std::int64_t>(segment));
      out += ']';
    }
  }
  return out;
}

const type* type_from_ast(const schema& served, const type_node& node) {
  switch (node.kind) {
    case node_kind::named_type:
      return served.find_type(static_cast<const named_type_node&>(node).name.value);
    case node_kind::list_type: {
      const type* inner = type_from_ast(served, *static_cast<const list_type_node&>(node).type);
      return inner == nullptr ? nullptr : &served.list_of(*inner);
    }
    case node_kind::non_null_type: {
      const type* inner = type_from_ast(served, *static_cast<const non_null_type_node&>(node).type);
      return inner == nullptr ? nullptr : &served.non_null_of(*inner);
    }
    default:
      return nullptr;
  }
}

graphql_error located(const document& doc, const node& at, std::string message) {
  graphql_error error;
  error.message = std::move(message);
  error.locations.push_back(doc.position(at.loc.start));
  return error;
}

}  // namespace

std::optional<json> coerce_input_value(const json& input, const type& input_type,
                                       const input_error_fn& on_error) {
  input_coercer coercer{on_error, {}};
  return coercer.coerce(input, input_type);
}

std::optional<json> value_from_ast(const value_node& literal, const type& input_type,
                                   const boost::json::object* variables, bool* list_too_long) {
  literal_coercer coercer{variables};
  auto result = coercer.coerce(literal, input_type);
  if (list_too_long != nullptr) *list_too_long = coercer.too_long;
  return result;
}

std::optional<json> coerced_default(const input_value& definition) {
  if (definition.default_value == nullptr) return std::nullopt;
  return value_from_ast(*definition.default_value, *definition.value_type, nullptr);
}

std::vector<graphql_error> coerce_variable_values(const schema& served, const document& doc,
                                                  const operation_definition_node& operation,
                                                  const boost::json::object& inputs,
                                                  boost::json::object& coerced) {
  std::vector<graphql_error> errors;
  // graphql-js stops at the 51st error with one more of its own.
  bool aborted = false;
  auto add = [&](graphql_error error) {
    if (aborted) return;
    if (errors.size() >= k_max_variable_errors) {
      graphql_error stop;
      stop.message =
          "Too many errors processing variables, error limit reached. Execution aborted.";
      stop.code = error_code::bad_user_input;
      errors.push_back(std::move(stop));
      aborted = true;
      return;
    }
    error.code = error_code::bad_user_input;
    errors.push_back(std::move(error));
  };
  for (const variable_definition_node* definition : operation.variable_definitions) {
    if (aborted) break;
    const std::string_view name = definition->variable->name.value;
    const type* var_type = type_from_ast(served, *definition->type);
    if (var_type == nullptr || !var_type->is_input_type()) {
      add(located(doc, *definition->type,
                  "Variable \"$" + std::string(name) + "\" expected value of type \"" +
                      print_type_node(*definition->type) +
                      "\" which cannot be used as an input type."));
      continue;
    }
    const json* given = inputs.if_contains(name);
    if (given == nullptr) {
      if (definition->default_value != nullptr) {
        if (auto value = value_from_ast(*definition->default_value, *var_type, nullptr)) {
          coerced[name] = std::move(*value);
        }
      } else if (var_type->is_non_null()) {
        add(located(doc, *definition,
                    "Variable \"$" + std::string(name) + "\" of required type \"" +
                        var_type->to_string() + "\" was not provided."));
      }
      continue;
    }
    if (given->is_null() && var_type->is_non_null()) {
      add(located(doc, *definition,
                  "Variable \"$" + std::string(name) + "\" of non-null type \"" +
                      var_type->to_string() + "\" must not be null."));
      continue;
    }
    const input_error_fn on_error = [&](std::span<const path_segment> path, const json& invalid,
                                        std::string message) {
      std::string prefix =
          "Variable \"$" + std::string(name) + "\" got invalid value " + inspect(invalid);
      if (!path.empty()) prefix += " at \"" + print_path(name, path) + "\"";
      add(located(doc, *definition, prefix + "; " + message));
    };
    auto value = coerce_input_value(*given, *var_type, on_error);
    // graphql-js stores `undefined` for an invalid value; errors are reported already.
    if (value) coerced[name] = std::move(*value);
  }
  return errors;
}

std::optional<graphql_error> coerce_argument_values(std::span<const input_value> definitions,
                                                    std::span<argument_node* const> arguments,
                                                    const node& owner,
                                                    const boost::json::object& variables,
                                                    const document& doc,
                                                    boost::json::object& coerced) {
  for (const input_value& definition : definitions) {
    const argument_node* argument = nullptr;
    for (const argument_node* candidate : arguments) {
      if (candidate->name.value == definition.name) argument = candidate;  // keyMap: last wins
    }
    const type& arg_type = *definition.value_type;
    if (argument == nullptr) {
      if (auto fallback = coerced_default(definition)) {
        coerced[definition.name] = std::move(*fallback);
      } else if (arg_type.is_non_null()) {
        return located(doc, owner,
                       "Argument \"" + definition.name + "\" of required type \"" +
                           arg_type.to_string() + "\" was not provided.");
      }
      continue;
    }
    const value_node& literal = *argument->value;
    bool is_null = literal.kind == node_kind::null_value;
    if (literal.kind == node_kind::variable) {
      const std::string_view variable_name = static_cast<const variable_node&>(literal).name.value;
      const json* found = variables.if_contains(variable_name);
      if (found == nullptr) {
        if (auto fallback = coerced_default(definition)) {
          coerced[definition.name] = std::move(*fallback);
        } else if (arg_type.is_non_null()) {
          return located(doc, literal,
                         "Argument \"" + definition.name + "\" of required type \"" +
                             arg_type.to_string() + "\" was provided the variable \"$" +
                             std::string(variable_name) +
                             "\" which was not provided a runtime value.");
        }
        continue;
      }
      is_null = found->is_null();
    }
    if (is_null && arg_type.is_non_null()) {
      return located(doc, literal,
                     "Argument \"" + definition.name + "\" of non-null type \"" +
                         arg_type.to_string() + "\" must not be null.");
    }
    bool too_long = false;
    auto value = value_from_ast(literal, arg_type, &variables, &too_long);
    if (!value) {
      if (too_long) {
        return located(doc, literal,
                       "Argument \"" + definition.name + "\" got invalid value; " +
                           std::string(k_list_too_long_message));
      }
      return located(
          doc, literal,
          "Argument \"" + definition.name + "\" has invalid value " + print_value(literal) + ".");
    }
    coerced[definition.name] = std::move(*value);
  }
  return std::nullopt;
}

}  // namespace chat::graphql
