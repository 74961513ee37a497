// Value literals printed as graphql-js `print` prints them (`language/printer.ts`,
// `printString.ts`, `blockString.ts`).
#include "graphql/type/value_printer.hpp"

#include <vector>

namespace chat::graphql {

namespace {

void print_into(const value_node& value, std::string& out) {
  switch (value.kind) {
    case node_kind::variable:
      out += '$';
      out += static_cast<const variable_node&>(value).name.value;
      return;
    case node_kind::int_value:
      out += static_cast<const int_value_node&>(value).value;
      return;
    case node_kind::float_value:
      out += static_cast<const float_value_node&>(value).value;
      return;
    case node_kind::string_value: {
      const auto& text = static_cast<const string_value_node&>(value);
      out += text.block ? print_block_string(text.value) : print_string_literal(text.value);
      return;
    }
    case node_kind::boolean_value:
      out += static_cast<const boolean_value_node&>(value).value ? "true" : "false";
      return;
    case node_kind::null_value:
      out += "null";
      return;
    case node_kind::enum_value:
      out += static_cast<const enum_value_node&>(value).value;
      return;
    case node_kind::list_value: {
      out += '[';
      bool first = true;
      for (const value_node* item : static_cast<const list_value_node&>(value).values) {
        if (!first) out += ", ";
        first = false;
        print_into(*item, out);
      }
      out += ']';
      return;
    }
    case node_kind::object_value: {
      out += '{';
      bool first = true;
      for (const object_field_node* field : static_cast<const object_value_node&>(value).fields) {
        if (!first) out += ", ";
        first = false;
        out += field->name.value;
        out += ": ";
        print_into(*field->value, out);
      }
      out += '}';
      return;
    }
    default:
      return;
  }
}

// UTF-16 length, as JavaScript's `string.length` counts.
std::size_t utf16_length(std::string_view text) {
  std::size_t length = 0;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    length += byte >= 0xF0 ? 2 : 1;
  }
  return length;
}

bool is_white_space(char c) {
  return c == ' ' || c == '\t';
}

}  // namespace

std::string print_value(const value_node& value) {
  std::string out;
  print_into(value, out);
  return out;
}

std::string print_type_node(const type_node& type) {
  switch (type.kind) {
    case node_kind::named_type:
      return std::string(static_cast<const named_type_node&>(type).name.value);
    case node_kind::list_type:
      return "[" + print_type_node(*static_cast<const list_type_node&>(type).type) + "]";
    case node_kind::non_null_type:
      return print_type_node(*static_cast<const non_null_type_node&>(type).type) + "!";
    default:
      return {};
  }
}

std::string print_string_literal(std::string_view value) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() + 2);
  out += '"';
  const auto escape_code = [&](unsigned code) {
    out += "\\u00";
    out += k_hex[code >> 4];
    out += k_hex[code & 0xF];
  };
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto byte = static_cast<unsigned char>(value[i]);
    switch (byte) {
      case '\b':
        out += "\\b";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\f':
        out += "\\f";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      default:
        break;
    }
    if (byte < 0x20 || byte == 0x7F) {
      escape_code(byte);
    } else if (byte == 0xC2 && i + 1 < value.size() &&
               static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(value[i + 1]) <= 0x9F) {
      // U+0080..U+009F (C1 controls), two bytes in UTF-8.
      escape_code(static_cast<unsigned char>(value[i + 1]));
      ++i;
    } else {
      out += value[i];
    }
  }
  out += '"';
  return out;
}

std::string print_block_string(std::string_view value) {
  std::string escaped;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.substr(i, 3) == "\"\"\"") {
      escaped += "\\\"\"\"";
      i += 2;
    } else {
      escaped += value[i];
    }
  }
  // Split into lines at \r\n, \n or \r.
  std::vector<std::string_view> lines;
  {
    const std::string_view text = escaped;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n' || text[i] == '\r') {
        lines.push_back(text.substr(start, i - start));
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
      }
    }
    lines.push_back(text.substr(start));
  }
  const bool is_single_line = lines.size() == 1;
  bool force_leading_new_line = lines.size() > 1;
  for (std::size_t i = 1; i < lines.size() && force_leading_new_line; ++i) {
    if (!lines[i].empty() && !is_white_space(lines[i][0])) force_leading_new_line = false;
  }
  const bool has_trailing_triple_quotes = std::string_view(escaped).ends_with("\\\"\"\"");
  const bool has_trailing_quote = value.ends_with('"') && !has_trailing_triple_quotes;
  const bool has_trailing_slash = value.ends_with('\\');
  const bool force_trailing_new_line = has_trailing_quote || has_trailing_slash;
  const bool print_as_multiple_lines = !is_single_line || utf16_length(value) > 70 ||
                                       force_trailing_new_line || force_leading_new_line ||
                                       has_trailing_triple_quotes;
  const bool skip_leading_new_line =
      is_single_line && !value.empty() && is_white_space(value.front());

  std::string result;
  if ((print_as_multiple_lines && !skip_leading_new_line) || force_leading_new_line) {
    result += '\n';
  }
  result += escaped;
  if (print_as_multiple_lines || force_trailing_new_line) result += '\n';
  return "\"\"\"" + result + "\"\"\"";
}

}  // namespace chat::graphql
