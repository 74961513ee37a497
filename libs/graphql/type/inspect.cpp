// JavaScript formatting of JSON values (graphql-js `jsutils/inspect.ts` and the
// ECMAScript Number::toString / StringToNumber algorithms).
#include "graphql/type/inspect.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <vector>

namespace chat::graphql {

namespace {

constexpr std::size_t k_max_array_length = 10;
constexpr std::size_t k_max_recursive_depth = 2;

// A canonical array index ("0", "17", never "017"; below 2^32 - 1): JavaScript lists
// such keys of an object first, in numeric order, before the others in insertion order.
std::optional<std::uint32_t> array_index(std::string_view key) {
  if (key.empty() || key.size() > 10) return std::nullopt;
  if (key.size() > 1 && key[0] == '0') return std::nullopt;
  std::uint64_t number = 0;
  for (const char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (number >= 4294967295ULL) return std::nullopt;
  return static_cast<std::uint32_t>(number);
}

void format_value(const boost::json::value& value, std::size_t depth, std::string& out);

void format_array(const boost::json::array& array, std::size_t depth, std::string& out) {
  if (array.empty()) {
    out += "[]";
    return;
  }
  if (depth > k_max_recursive_depth) {
    out += "[Array]";
    return;
  }
  const std::size_t shown = std::min(k_max_array_length, array.size());
  out += '[';
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    format_value(array[i], depth, out);
  }
  const std::size_t remaining = array.size() - shown;
  if (remaining == 1) {
    out += ", ... 1 more item";
  } else if (remaining > 1) {
    out += ", ... " + std::to_string(remaining) + " more items";
  }
  out += ']';
}

void format_object(const boost::json::object& object, std::size_t depth, std::string& out) {
  if (object.empty()) {
    out += "{}";
    return;
  }
  if (depth > k_max_recursive_depth) {
    out += "[Object]";
    return;
  }
  std::vector<std::pair<std::uint32_t, const boost::json::key_value_pair*>> indexed;
  std::vector<const boost::json::key_value_pair*> named;
  for (const boost::json::key_value_pair& entry : object) {
    if (const auto index = array_index(entry.key())) {
      indexed.emplace_back(*index, &entry);
    } else {
      named.push_back(&entry);
    }
  }
  std::stable_sort(indexed.begin(), indexed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  out += "{ ";
  bool first = true;
  const auto write = [&](const boost::json::key_value_pair& entry) {
    if (!first) out += ", ";
    first = false;
    out += entry.key();
    out += ": ";
    format_value(entry.value(), depth, out);
  };
  for (const auto& [index, entry] : indexed)
    write(*entry);
  for (const auto* entry : named)
    write(*entry);
  out += " }";
}

// `depth` counts the arrays and objects entered so far (graphql-js `seenValues.length`
// after adding the current one).
void format_value(const boost::json::value& value, std::size_t depth, std::string& out) {
  switch (value.kind()) {
    case boost::json::kind::null:
      out += "null";
      return;
    case boost::json::kind::bool_:
      out += value.get_bool() ? "true" : "false";
      return;
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_:
      out += js_number_to_string(*js_number(value));
      return;
    case boost::json::kind::string:
      out += js_quote(value.get_string());
      return;
    case boost::json::kind::array:
      format_array(value.get_array(), depth + 1, out);
      return;
    case boost::json::kind::object:
      format_object(value.get_object(), depth + 1, out);
      return;
  }
}

// Decodes one UTF-8 sequence at `text[i]` (advancing `i`); invalid bytes read as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  std::size_t length = 1;
  char32_t cp = lead;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
    cp = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0x80) {
    ++i;
    return 0xFFFD;
  }
  if (i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

// ECMAScript WhiteSpace and LineTerminator (what String.prototype.trim removes).
bool is_js_space(char32_t cp) {
  switch (cp) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

std::string_view js_trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t next = begin;
    if (!is_js_space(next_code_point(text, next))) break;
    begin = next;
  }
  std::size_t end = begin;
  std::size_t content_end = begin;
  while (end < text.size()) {
    const char32_t cp = next_code_point(text, end);
    if (!is_js_space(cp)) content_end = end;
  }
  return text.substr(begin, content_end - begin);
}

double parse_radix(std::string_view digits, int radix) {
  if (digits.empty()) return std::numeric_limits<double>::quiet_NaN();
  double number = 0;
  for (const char c : digits) {
    int digit = -1;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    }
    if (digit < 0 || digit >= radix) return std::numeric_limits<double>::quiet_NaN();
    number = number * radix + digit;
  }
  return number;
}

// StrUnsignedDecimalLiteral after an optional sign: digits [. digits] or . digits, then an
// optional exponent.
bool is_decimal_literal(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
      ++i;
    return i - start;
  };
  std::size_t mantissa = digits();
  if (i < text.size() && text[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

}  // namespace

std::string inspect(const boost::json::value& value) {
  std::string out;
  format_value(value, 0, out);
  return out;
}

std::string js_number_to_string(double number) {
  if (std::isnan(number)) return "NaN";
  if (number == 0) return "0";
  if (std::isinf(number)) return number < 0 ? "-Infinity" : "Infinity";
  std::string out;
  if (number < 0) {
    out += '-';
    number = -number;
  }
  // The shortest digits that read back as `number`, as "d.ddde±x".
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const std::size_t e = text.find('e');
  std::string digits(1, text[0]);
  if (e > 1) digits.append(text.substr(2, e - 2));
  std::string_view exponent_text = text.substr(e + 1);
  const bool negative_exponent = exponent_text.front() == '-';
  if (exponent_text.front() == '+' || exponent_text.front() == '-') exponent_text.remove_prefix(1);
  int exponent = 0;
  std::from_chars(exponent_text.data(), exponent_text.data() + exponent_text.size(), exponent);
  if (negative_exponent) exponent = -exponent;

  // ECMAScript Number::toString: k digits, decimal point position n.
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += n - 1 >= 0 ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

double js_string_to_number(std::string_view text) {
  const std::string_view trimmed = js_trim(text);
  if (trimmed.empty()) return 0;
  if (trimmed.size() > 2 && trimmed[0] == '0') {
    const char prefix = trimmed[1];
    if (prefix == 'x' || prefix == 'X') return parse_radix(trimmed.substr(2), 16);
    if (prefix == 'o' || prefix == 'O') return parse_radix(trimmed.substr(2), 8);
    if (prefix == 'b' || prefix == 'B') return parse_radix(trimmed.substr(2), 2);
  }
  std::string_view unsigned_part = trimmed;
  bool negative = false;
  if (unsigned_part.front() == '+' || unsigned_part.front() == '-') {
    negative = unsigned_part.front() == '-';
    unsigned_part.remove_prefix(1);
  }
  if (unsigned_part == "Infinity") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (!is_decimal_literal(trimmed)) return std::numeric_limits<double>::quiet_NaN();
  // strtod reads the validated literal with correct rounding, overflow to ±inf and
  // underflow to ±0, as JavaScript does.
  const std::string copy(trimmed);
  return std::strtod(copy.c_str(), nullptr);
}

std::optional<double> js_number(const boost::json::value& value) noexcept {
  switch (value.kind()) {
    case boost::json::kind::int64:
      return static_cast<double>(value.get_int64());
    case boost::json::kind::uint64:
      return static_cast<double>(value.get_uint64());
    case boost::json::kind::double_:
      return value.get_double();
    default:
      return std::nullopt;
  }
}

bool js_is_integer(double number) noexcept {
  return std::isfinite(number) && std::trunc(number) == number;
}

std::string js_quote(std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out += k_hex[byte >> 4];
          out += k_hex[byte & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace chat::graphql
