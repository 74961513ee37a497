#pragma once
/// JavaScript's view of JSON values, for messages that must read exactly as graphql-js
/// writes them (a JavaScript library formats numbers and values its own way).
///
/// Thread-safety: pure functions.

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace chat::graphql {

/// graphql-js `inspect(value)` of a value parsed from JSON: strings JSON-quoted, numbers
/// as JavaScript prints them, `[1, 2]`, `{ a: 1 }` (keys bare, integer-like keys first as
/// JavaScript orders them), `[Array]` / `[Object]` below depth 2, at most 10 list items.
std::string inspect(const boost::json::value& value);

/// JavaScript `String(number)`: `1`, `1.5`, `1e+21`, `1e-7`, `NaN`, `-Infinity`.
std::string js_number_to_string(double number);

/// JavaScript `Number(text)` (StringToNumber): trims JavaScript white space; "" → 0;
/// decimal, `Infinity`, and `0x` / `0o` / `0b` forms; anything else is NaN.
double js_string_to_number(std::string_view text);

/// The JavaScript number a JSON number stands for (JSON.parse reads every number as a
/// double); nullopt when `value` is not a number.
std::optional<double> js_number(const boost::json::value& value) noexcept;

/// JavaScript `Number.isInteger`.
bool js_is_integer(double number) noexcept;

/// `JSON.stringify` of a string: `"a\"b\n"` (control characters as `\u00XX`, lowercase).
std::string js_quote(std::string_view text);

}  // namespace chat::graphql
