// print(): graphql-js 16 `print` output, byte for byte.
//
// graphql-js prints bottom-up: every node becomes a string built from its children's
// strings with three helpers (`join` skips empty parts, `wrap` adds text around a
// non-empty part, `block` indents lines inside braces). The same shape is kept here so
// the output, including its corner cases, stays recognisably the same algorithm.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/language/parser.hpp"
#include "graphql/language/utf8.hpp"

namespace chat::graphql {

namespace {

// graphql-js wraps a field's arguments one per line when the line would exceed this many
// UTF-16 code units.
constexpr std::size_t k_max_line_length = 80;

std::string join(const std::vector<std::string>& parts, std::string_view separator = "") {
  std::string out;
  bool first = true;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!first) out += separator;
    out += part;
    first = false;
  }
  return out;
}

std::string wrap(std::string_view start, const std::string& part, std::string_view end = "") {
  if (part.empty()) return {};
  std::string out;
  out.reserve(start.size() + part.size() + end.size());
  out += start;
  out += part;
  out += end;
  return out;
}

// Every line, empty ones included, gains two spaces (graphql-js `indent`).
std::string indent(const std::string& text) {
  if (text.empty()) return {};
  std::string out = "  ";
  for (const char c : text) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

std::string block(const std::vector<std::string>& parts) {
  return wrap("{\n", indent(join(parts, "\n")), "\n}");
}

bool has_multiline_items(const std::vector<std::string>& parts) {
  for (const std::string& part : parts) {
    if (part.find('\n') != std::string::npos) return true;
  }
  return false;
}

bool is_white_space(char c) {
  return c == ' ' || c == '\t';
}

// graphql-js `printString`: JSON-like, escaping C0 and C1 controls, `"` and `\`.
std::string print_string(std::string_view value) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    switch (c) {
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
    // U+0080..U+009F are C2 80..C2 9F in UTF-8.
    const bool c1 = c == 0xC2 && i + 1 < value.size() &&
                    static_cast<unsigned char>(value[i + 1]) <= 0x9F &&
                    static_cast<unsigned char>(value[i + 1]) >= 0x80;
    if (c < 0x20 || c == 0x7F || c1) {
      const unsigned code = c1 ? static_cast<unsigned char>(value[++i]) : c;
      out += "\\u00";
      out += k_hex[code >> 4];
      out += k_hex[code & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

// graphql-js `printBlockString` (without the `minimize` option).
std::string print_block_string(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value.compare(i, 3, "\"\"\"") == 0) {
      escaped += "\\\"\"\"";
      i += 2;
    } else {
      escaped += value[i];
    }
  }
  // Lines of the escaped value, split at "\r\n", "\n" or "\r".
  std::vector<std::string_view> lines;
  {
    std::size_t begin = 0;
    std::size_t i = 0;
    for (; i < escaped.size(); ++i) {
      if (escaped[i] != '\n' && escaped[i] != '\r') continue;
      lines.push_back(std::string_view(escaped).substr(begin, i - begin));
      if (escaped[i] == '\r' && i + 1 < escaped.size() && escaped[i + 1] == '\n') ++i;
      begin = i + 1;
    }
    lines.push_back(std::string_view(escaped).substr(begin));
  }
  const bool is_single_line = lines.size() == 1;
  bool force_leading_new_line = lines.size() > 1;
  for (std::size_t i = 1; i < lines.size() && force_leading_new_line; ++i) {
    force_leading_new_line = lines[i].empty() || is_white_space(lines[i][0]);
  }
  const bool has_trailing_triple_quotes = escaped.ends_with("\\\"\"\"");
  const bool has_trailing_quote = value.ends_with('"') && !has_trailing_triple_quotes;
  const bool has_trailing_slash = value.ends_with('\\');
  const bool force_trailing_new_line = has_trailing_quote || has_trailing_slash;
  const bool print_as_multiple_lines = !is_single_line || utf8::utf16_length(value) > 70 ||
                                       force_trailing_new_line || force_leading_new_line ||
                                       has_trailing_triple_quotes;
  const bool skip_leading_new_line = is_single_line && !value.empty() && is_white_space(value[0]);
  std::string out = "\"\"\"";
  if ((print_as_multiple_lines && !skip_leading_new_line) || force_leading_new_line) out += '\n';
  out += escaped;
  if (print_as_multiple_lines || force_trailing_new_line) out += '\n';
  out += "\"\"\"";
  return out;
}

class printer {
 public:
  std::string document(const document_node& doc) {
    return join(all(doc.definitions, [this](const definition_node* d) { return definition(*d); }),
                "\n\n");
  }

 private:
  template <typename T, typename F>
  static std::vector<std::string> all(std::span<T* const> items, F print_item) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const T* item : items)
      out.push_back(print_item(item));
    return out;
  }

  std::vector<std::string> directives(std::span<directive_node* const> items) {
    return all(items, [this](const directive_node* d) { return directive(*d); });
  }
  std::vector<std::string> arguments(std::span<argument_node* const> items) {
    return all(items, [this](const argument_node* a) { return argument(*a); });
  }
  std::vector<std::string> input_values(std::span<input_value_definition_node* const> items) {
    return all(items, [this](const input_value_definition_node* v) { return input_value(*v); });
  }
  std::vector<std::string> named_types(std::span<named_type_node* const> items) {
    return all(items, [](const named_type_node* t) { return std::string(t->name.value); });
  }

  std::string description(const string_value_node* d) {
    return d == nullptr ? std::string() : wrap("", value(*d), "\n");
  }

  // Field arguments of a definition: one per line when any of them spans lines.
  std::string argument_definitions(std::span<input_value_definition_node* const> items) {
    const std::vector<std::string> args = input_values(items);
    if (has_multiline_items(args)) return wrap("(\n", indent(join(args, "\n")), "\n)");
    return wrap("(", join(args, ", "), ")");
  }

  std::string definition(const definition_node& d) {
    switch (d.kind) {
      case node_kind::operation_definition:
        return operation(static_cast<const operation_definition_node&>(d));
      case node_kind::fragment_definition:
        return fragment_definition(static_cast<const fragment_definition_node&>(d));
      case node_kind::schema_definition:
      case node_kind::schema_extension:
        return schema(static_cast<const schema_definition_node&>(d));
      case node_kind::scalar_type_definition:
      case node_kind::scalar_type_extension: {
        const auto& t = static_cast<const scalar_type_definition_node&>(d);
        return join(
            {description(t.description), join({head(d.kind, "scalar"), std::string(t.name.value),
                                               join(directives(t.directives), " ")},
                                              " ")});
      }
      case node_kind::object_type_definition:
      case node_kind::object_type_extension:
      case node_kind::interface_type_definition:
      case node_kind::interface_type_extension: {
        const auto& t = static_cast<const object_type_definition_node&>(d);
        const bool is_object = d.kind == node_kind::object_type_definition ||
                               d.kind == node_kind::object_type_extension;
        return join(
            {description(t.description),
             join({head(d.kind, is_object ? "type" : "interface"), std::string(t.name.value),
                   wrap("implements ", join(named_types(t.interfaces), " & ")),
                   join(directives(t.directives), " "),
                   block(all(t.fields,
                             [this](const field_definition_node* f) { return field_def(*f); }))},
                  " ")});
      }
      case node_kind::union_type_definition:
      case node_kind::union_type_extension: {
        const auto& t = static_cast<const union_type_definition_node&>(d);
        return join(
            {description(t.description), join({head(d.kind, "union"), std::string(t.name.value),
                                               join(directives(t.directives), " "),
                                               wrap("= ", join(named_types(t.types), " | "))},
                                              " ")});
      }
      case node_kind::enum_type_definition:
      case node_kind::enum_type_extension: {
        const auto& t = static_cast<const enum_type_definition_node&>(d);
        return join({description(t.description),
                     join({head(d.kind, "enum"), std::string(t.name.value),
                           join(directives(t.directives), " "),
                           block(all(t.values,
                                     [this](const enum_value_definition_node* v) {
                                       return join({description(v->description),
                                                    join({std::string(v->name.value),
                                                          join(directives(v->directives), " ")},
                                                         " ")});
                                     }))},
                          " ")});
      }
      case node_kind::input_object_type_definition:
      case node_kind::input_object_type_extension: {
        const auto& t = static_cast<const input_object_type_definition_node&>(d);
        return join({description(t.description),
                     join({head(d.kind, "input"), std::string(t.name.value),
                           join(directives(t.directives), " "), block(input_values(t.fields))},
                          " ")});
      }
      case node_kind::directive_definition: {
        const auto& t = static_cast<const directive_definition_node&>(d);
        std::vector<std::string> locations;
        locations.reserve(t.locations.size());
        for (const name& location : t.locations)
          locations.emplace_back(location.value);
        return join({description(t.description), "directive @", std::string(t.name.value),
                     argument_definitions(t.arguments), t.repeatable ? " repeatable" : "", " on ",
                     join(locations, " | ")});
      }
      default:
        return {};
    }
  }

  // The keyword of a type definition, with "extend " for an extension.
  static std::string head(node_kind kind, std::string_view keyword) {
    std::string out = is_type_extension(kind) ? "extend " : "";
    out += keyword;
    return out;
  }

  std::string operation(const operation_definition_node& op) {
    const auto variable_definitions =
        all(op.variable_definitions,
            [this](const variable_definition_node* v) { return variable_def(*v); });
    const std::string variables = has_multiline_items(variable_definitions)
                                      ? wrap("(\n", join(variable_definitions, "\n"), "\n)")
                                      : wrap("(", join(variable_definitions, ", "), ")");
    const std::string keyword(to_string(op.operation));
    const std::string prefix = join(
        {description(op.description), join({keyword, join({std::string(op.name.value), variables}),
                                            join(directives(op.directives), " ")},
                                           " ")});
    // Anonymous queries with no directives or variable definitions use the short form.
    const bool shorthand = op.operation == operation_type::query && prefix == keyword;
    return join({shorthand ? std::string() : join({prefix, " "}), selection_set(op.selection_set)});
  }

  std::string variable_def(const variable_definition_node& v) {
    return join({description(v.description), "$" + std::string(v.variable->name.value), ": ",
                 type(*v.type), v.default_value ? wrap(" = ", value(*v.default_value)) : "",
                 wrap(" ", join(directives(v.directives), " "))});
  }

  std::string fragment_definition(const fragment_definition_node& f) {
    return join({description(f.description), "fragment ", std::string(f.name.value), " on ",
                 std::string(f.type_condition->name.value), " ",
                 wrap("", join(directives(f.directives), " "), " "),
                 selection_set(f.selection_set)});
  }

  std::string selection_set(const selection_set_node* set) {
    if (set == nullptr) return {};
    return block(all(set->selections, [this](const selection_node* s) { return selection(*s); }));
  }

  std::string selection(const selection_node& s) {
    switch (s.kind) {
      case node_kind::field: {
        const auto& f = static_cast<const field_node&>(s);
        const std::string prefix =
            join({wrap("", std::string(f.alias.value), ": "), std::string(f.name.value)});
        std::string line = prefix;
        if (!f.arguments.empty()) {
          const std::vector<std::string> args = arguments(f.arguments);
          const std::string one_line = join(args, ", ");
          // graphql-js measures the printed text in UTF-16 code units.
          if (utf8::utf16_length(prefix) + utf8::utf16_length(one_line) + 2 > k_max_line_length) {
            line += wrap("(\n", indent(join(args, "\n")), "\n)");
          } else {
            line += wrap("(", one_line, ")");
          }
        }
        return join({line, wrap(" ", join(directives(f.directives), " ")),
                     wrap(" ", selection_set(f.selection_set))});
      }
      case node_kind::fragment_spread: {
        const auto& f = static_cast<const fragment_spread_node&>(s);
        return join(
            {"...", std::string(f.name.value), wrap(" ", join(directives(f.directives), " "))});
      }
      case node_kind::inline_fragment: {
        const auto& f = static_cast<const inline_fragment_node&>(s);
        return join(
            {"...", f.type_condition ? wrap("on ", std::string(f.type_condition->name.value)) : "",
             join(directives(f.directives), " "), selection_set(f.selection_set)},
            " ");
      }
      default:
        return {};
    }
  }

  std::string argument(const argument_node& a) {
    return join({std::string(a.name.value), ": ", value(*a.value)});
  }

  std::string directive(const directive_node& d) {
    return join(
        {"@", std::string(d.name.value), wrap("(", join(arguments(d.arguments), ", "), ")")});
  }

  std::string value(const value_node& v) {
    switch (v.kind) {
      case node_kind::variable:
        return "$" + std::string(static_cast<const variable_node&>(v).name.value);
      case node_kind::int_value:
        return std::string(static_cast<const int_value_node&>(v).value);
      case node_kind::float_value:
        return std::string(static_cast<const float_value_node&>(v).value);
      case node_kind::string_value: {
        const auto& s = static_cast<const string_value_node&>(v);
        return s.block ? print_block_string(s.value) : print_string(s.value);
      }
      case node_kind::boolean_value:
        return static_cast<const boolean_value_node&>(v).value ? "true" : "false";
      case node_kind::null_value:
        return "null";
      case node_kind::enum_value:
        return std::string(static_cast<const enum_value_node&>(v).value);
      case node_kind::list_value: {
        const auto& l = static_cast<const list_value_node&>(v);
        return "[" + join(all(l.values, [this](const value_node* i) { return value(*i); }), ", ") +
               "]";
      }
      case node_kind::object_value: {
        const auto& o = static_cast<const object_value_node&>(v);
        return "{" +
               join(all(o.fields,
                        [this](const object_field_node* f) {
                          return join({std::string(f->name.value), ": ", value(*f->value)});
                        }),
                    ", ") +
               "}";
      }
      default:
        return {};
    }
  }

  std::string type(const type_node& t) {
    switch (t.kind) {
      case node_kind::named_type:
        return std::string(static_cast<const named_type_node&>(t).name.value);
      case node_kind::list_type:
        return "[" + type(*static_cast<const list_type_node&>(t).type) + "]";
      case node_kind::non_null_type:
        return type(*static_cast<const non_null_type_node&>(t).type) + "!";
      default:
        return {};
    }
  }

  std::string schema(const schema_definition_node& s) {
    const auto operation_types =
        all(s.operation_types, [](const operation_type_definition_node* o) {
          return std::string(to_string(o->operation)) + ": " + std::string(o->type->name.value);
        });
    const bool extension = s.kind == node_kind::schema_extension;
    return join({description(s.description),
                 join({extension ? "extend schema" : "schema", join(directives(s.directives), " "),
                       block(operation_types)},
                      " ")});
  }

  std::string field_def(const field_definition_node& f) {
    return join({description(f.description), std::string(f.name.value),
                 argument_definitions(f.arguments), ": ", type(*f.type),
                 wrap(" ", join(directives(f.directives), " "))});
  }

  std::string input_value(const input_value_definition_node& v) {
    return join({description(v.description), std::string(v.name.value), ": ", type(*v.type),
                 v.default_value ? wrap(" = ", value(*v.default_value)) : "",
                 wrap(" ", join(directives(v.directives), " "))});
  }
};

}  // namespace

std::string print(const document_node& root) {
  return printer{}.document(root);
}

}  // namespace chat::graphql
