// Built-in scalar coercion, rule for rule as graphql-js 16 `type/scalars.ts` (input
// values arrive as JSON, which JavaScript reads as doubles, so number checks are made on
// the double a JavaScript engine would see).
#include "graphql/type/scalars.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "graphql/type/inspect.hpp"
#include "graphql/type/value_printer.hpp"

namespace chat::graphql {

namespace {

constexpr double k_max_int = 2147483647.0;
constexpr double k_min_int = -2147483648.0;

using json = boost::json::value;

std::optional<json> fail(std::string& error, std::string message) {
  error = std::move(message);
  return std::nullopt;
}

double parse_float_literal(std::string_view text) {
  const std::string copy(text);
  return std::strtod(copy.c_str(), nullptr);
}

// JavaScript parseInt(text, 10) of an IntValue literal (an optional minus and digits).
json parse_int_literal(std::string_view text) {
  std::int64_t number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec == std::errc() && end == text.data() + text.size()) return json(number);
  return json(parse_float_literal(text));
}

// ---- parseValue ----

std::optional<json> int_parse_value(const json& input, std::string& error) {
  const auto number = js_number(input);
  if (!number || !js_is_integer(*number)) {
    return fail(error, "Int cannot represent non-integer value: " + inspect(input));
  }
  if (*number > k_max_int || *number < k_min_int) {
    return fail(error, "Int cannot represent non 32-bit signed integer value: " +
                           js_number_to_string(*number));
  }
  return json(static_cast<std::int64_t>(*number));
}

std::optional<json> float_parse_value(const json& input, std::string& error) {
  const auto number = js_number(input);
  if (!number || !std::isfinite(*number)) {
    return fail(error, "Float cannot represent non numeric value: " + inspect(input));
  }
  return json(*number);
}

std::optional<json> string_parse_value(const json& input, std::string& error) {
  if (!input.is_string()) {
    return fail(error, "String cannot represent a non string value: " + inspect(input));
  }
  return input;
}

std::optional<json> boolean_parse_value(const json& input, std::string& error) {
  if (!input.is_bool()) {
    return fail(error, "Boolean cannot represent a non boolean value: " + inspect(input));
  }
  return input;
}

std::optional<json> id_parse_value(const json& input, std::string& error) {
  if (input.is_string()) return input;
  const auto number = js_number(input);
  if (number && js_is_integer(*number)) return json(js_number_to_string(*number));
  return fail(error, "ID cannot represent value: " + inspect(input));
}

// ---- parseLiteral ----

std::optional<json> int_parse_literal(const value_node& literal, std::string& error) {
  if (literal.kind != node_kind::int_value) {
    return fail(error, "Int cannot represent non-integer value: " + print_value(literal));
  }
  const std::string_view text = static_cast<const int_value_node&>(literal).value;
  const json number = parse_int_literal(text);
  if (!number.is_int64() || number.get_int64() > 2147483647 || number.get_int64() < -2147483648LL) {
    return fail(error,
                "Int cannot represent non 32-bit signed integer value: " + std::string(text));
  }
  return number;
}

std::optional<json> float_parse_literal(const value_node& literal, std::string& error) {
  if (literal.kind == node_kind::int_value) {
    return json(parse_float_literal(static_cast<const int_value_node&>(literal).value));
  }
  if (literal.kind == node_kind::float_value) {
    return json(parse_float_literal(static_cast<const float_value_node&>(literal).value));
  }
  return fail(error, "Float cannot represent non numeric value: " + print_value(literal));
}

std::optional<json> string_parse_literal(const value_node& literal, std::string& error) {
  if (literal.kind != node_kind::string_value) {
    return fail(error, "String cannot represent a non string value: " + print_value(literal));
  }
  return json(static_cast<const string_value_node&>(literal).value);
}

std::optional<json> boolean_parse_literal(const value_node& literal, std::string& error) {
  if (literal.kind != node_kind::boolean_value) {
    return fail(error, "Boolean cannot represent a non boolean value: " + print_value(literal));
  }
  return json(static_cast<const boolean_value_node&>(literal).value);
}

std::optional<json> id_parse_literal(const value_node& literal, std::string& error) {
  if (literal.kind == node_kind::string_value) {
    return json(static_cast<const string_value_node&>(literal).value);
  }
  if (literal.kind == node_kind::int_value) {
    return json(static_cast<const int_value_node&>(literal).value);
  }
  return fail(error,
              "ID cannot represent a non-string and non-integer value: " + print_value(literal));
}

// ---- serialize ----

// Int and Float read booleans as 1 / 0 and non-empty strings as JavaScript Number(text).
std::optional<double> numeric_for_serialize(const json& value) {
  if (value.is_bool()) return value.get_bool() ? 1.0 : 0.0;
  if (value.is_string() && !value.get_string().empty()) {
    return js_string_to_number(value.get_string());
  }
  return js_number(value);
}

std::optional<json> int_serialize(const json& value, std::string& error) {
  const auto number = numeric_for_serialize(value);
  if (!number || !js_is_integer(*number)) {
    return fail(error, "Int cannot represent non-integer value: " + inspect(value));
  }
  if (*number > k_max_int || *number < k_min_int) {
    return fail(error, "Int cannot represent non 32-bit signed integer value: " + inspect(value));
  }
  return json(static_cast<std::int64_t>(*number));
}

std::optional<json> float_serialize(const json& value, std::string& error) {
  const auto number = numeric_for_serialize(value);
  if (!number || !std::isfinite(*number)) {
    return fail(error, "Float cannot represent non numeric value: " + inspect(value));
  }
  return json(*number);
}

std::optional<json> string_serialize(const json& value, std::string& error) {
  if (value.is_string()) return value;
  if (value.is_bool()) return json(value.get_bool() ? "true" : "false");
  const auto number = js_number(value);
  if (number && std::isfinite(*number)) return json(js_number_to_string(*number));
  return fail(error, "String cannot represent value: " + inspect(value));
}

std::optional<json> boolean_serialize(const json& value, std::string& error) {
  if (value.is_bool()) return value;
  const auto number = js_number(value);
  if (number && std::isfinite(*number)) return json(*number != 0);
  return fail(error, "Boolean cannot represent a non boolean value: " + inspect(value));
}

std::optional<json> id_serialize(const json& value, std::string& error) {
  if (value.is_string()) return value;
  const auto number = js_number(value);
  if (number && js_is_integer(*number)) return json(js_number_to_string(*number));
  return fail(error, "ID cannot represent value: " + inspect(value));
}

}  // namespace

std::optional<builtin_scalar> find_builtin_scalar(std::string_view name) noexcept {
  if (name == "Int") return builtin_scalar::int_type;
  if (name == "Float") return builtin_scalar::float_type;
  if (name == "String") return builtin_scalar::string_type;
  if (name == "Boolean") return builtin_scalar::boolean_type;
  if (name == "ID") return builtin_scalar::id_type;
  return std::nullopt;
}

std::string_view name_of(builtin_scalar scalar) noexcept {
  switch (scalar) {
    case builtin_scalar::int_type:
      return "Int";
    case builtin_scalar::float_type:
      return "Float";
    case builtin_scalar::string_type:
      return "String";
    case builtin_scalar::boolean_type:
      return "Boolean";
    case builtin_scalar::id_type:
      return "ID";
  }
  return "";
}

std::optional<json> parse_builtin_value(builtin_scalar scalar, const json& input,
                                        std::string& error) {
  switch (scalar) {
    case builtin_scalar::int_type:
      return int_parse_value(input, error);
    case builtin_scalar::float_type:
      return float_parse_value(input, error);
    case builtin_scalar::string_type:
      return string_parse_value(input, error);
    case builtin_scalar::boolean_type:
      return boolean_parse_value(input, error);
    case builtin_scalar::id_type:
      return id_parse_value(input, error);
  }
  return std::nullopt;
}

std::optional<json> parse_builtin_literal(builtin_scalar scalar, const value_node& literal,
                                          std::string& error) {
  switch (scalar) {
    case builtin_scalar::int_type:
      return int_parse_literal(literal, error);
    case builtin_scalar::float_type:
      return float_parse_literal(literal, error);
    case builtin_scalar::string_type:
      return string_parse_literal(literal, error);
    case builtin_scalar::boolean_type:
      return boolean_parse_literal(literal, error);
    case builtin_scalar::id_type:
      return id_parse_literal(literal, error);
  }
  return std::nullopt;
}

std::optional<json> serialize_builtin(builtin_scalar scalar, const json& result,
                                      std::string& error) {
  switch (scalar) {
    case builtin_scalar::int_type:
      return int_serialize(result, error);
    case builtin_scalar::float_type:
      return float_serialize(result, error);
    case builtin_scalar::string_type:
      return string_serialize(result, error);
    case builtin_scalar::boolean_type:
      return boolean_serialize(result, error);
    case builtin_scalar::id_type:
      return id_serialize(result, error);
  }
  return std::nullopt;
}

scalar_coercion builtin_scalar_coercion(builtin_scalar scalar) {
  return scalar_coercion{
      [scalar](const json& input, std::string& error) {
        return parse_builtin_value(scalar, input, error);
      },
      [scalar](const value_node& literal, std::string& error) {
        return parse_builtin_literal(scalar, literal, error);
      },
  };
}

std::optional<json> value_from_ast_untyped(const value_node& literal) {
  switch (literal.kind) {
    case node_kind::null_value:
      return json(nullptr);
    case node_kind::int_value:
      return parse_int_literal(static_cast<const int_value_node&>(literal).value);
    case node_kind::float_value:
      return json(parse_float_literal(static_cast<const float_value_node&>(literal).value));
    case node_kind::string_value:
      return json(static_cast<const string_value_node&>(literal).value);
    case node_kind::enum_value:
      return json(static_cast<const enum_value_node&>(literal).value);
    case node_kind::boolean_value:
      return json(static_cast<const boolean_value_node&>(literal).value);
    case node_kind::list_value: {
      boost::json::array items;
      for (const value_node* item : static_cast<const list_value_node&>(literal).values) {
        auto converted = value_from_ast_untyped(*item);
        items.push_back(converted ? std::move(*converted) : json(nullptr));
      }
      return json(std::move(items));
    }
    case node_kind::object_value: {
      boost::json::object fields;
      for (const object_field_node* field : static_cast<const object_value_node&>(literal).fields) {
        auto converted = value_from_ast_untyped(*field->value);
        if (converted) fields[field->name.value] = std::move(*converted);
      }
      return json(std::move(fields));
    }
    default:  // a variable: undefined without variable values
      return std::nullopt;
  }
}

scalar_coercion accept_any_coercion() {
  return scalar_coercion{
      [](const json& input, std::string&) -> std::optional<json> { return input; },
      [](const value_node& literal, std::string& error) {
        error.clear();
        return value_from_ast_untyped(literal);
      },
  };
}

}  // namespace chat::graphql
