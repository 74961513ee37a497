// libFuzzer target `graphql_parser_fuzz`: the lexer, the parser (executable and type
// system documents), the printer and, for SDL, `build_schema`. Built by the `fuzz`
// preset and run by `make fuzz` (scripts/fuzz.sh; seeds in fuzz/corpus/parser).
//
// Properties checked on every input, with ASan and UBSan watching memory and overflow:
//   - a failure is one "Syntax Error: …" with exactly one location inside the text,
//     and no document;
//   - every node of a parsed document has a location inside the text and inside its
//     parent's;
//   - the printed document parses again and prints the same text (a document whose
//     shorthand query follows a bodiless type is printed with its queries first: see
//     the one ambiguity of printing below);
//   - a document with type system definitions goes through `build_schema` (SDL
//     validation, schema building and validation): a refusal says why, and every type
//     of a built schema is found by its name.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/language/parser.hpp"
#include "graphql/language/visitor.hpp"
#include "graphql/type/schema.hpp"

namespace {

using namespace chat::graphql;

[[noreturn]] void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "graphql_parser_fuzz: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

/// Checks the syntax error's shape; `last` is the position of the end of the text.
void check_error(const graphql_error& error, source_position last) {
  if (error.message.rfind("Syntax Error: ", 0) != 0) {
    fail("an error without the graphql-js prefix", error.message);
  }
  if (error.locations.size() != 1) fail("not exactly one location", error.message);
  const source_position at = error.locations[0];
  if (at.line == 0 || at.column == 0) fail("a line or column 0", error.message);
  if (at.line > last.line) fail("a location past the last line", error.message);
}

/// Walks the tree: every node inside the text and inside its parent.
void check_tree(const document& doc) {
  const auto size = static_cast<std::uint32_t>(doc.text().size());
  std::vector<const node*> stack{&doc.root()};
  std::vector<const node*> children;
  while (!stack.empty()) {
    const node* parent = stack.back();
    stack.pop_back();
    if (parent->loc.start > parent->loc.end || parent->loc.end > size) {
      fail("a node outside the text", kind_name(parent->kind));
    }
    if (kind_name(parent->kind).empty()) fail("a node without a kind name", "");
    children.clear();
    append_children(*parent, children);
    for (const node* child : children) {
      if (child == nullptr) fail("a null child", kind_name(parent->kind));
      if (child->loc.start < parent->loc.start || child->loc.end > parent->loc.end) {
        fail("a child outside its parent", kind_name(child->kind));
      }
      stack.push_back(child);
    }
  }
}

/// The printed document parses again and prints the same text.
void check_round_trip(const std::string& printed) {
  const parse_result again = parse(printed);
  if (!again.doc) {
    fail("the printed document does not parse",
         printed + "\n----\n" + (again.error ? again.error->message : ""));
  }
  const std::string reprinted = print(again.doc->root());
  if (reprinted != printed) fail("printing is not stable", printed + "\n----\n" + reprinted);
}

bool has_type_system(const document_node& root) {
  for (const auto* def : root.definitions) {
    if (is_type_system_definition(def->kind) || is_type_system_extension(def->kind)) return true;
  }
  return false;
}

/// An operation printed as the `{ … }` shorthand (graphql-js prints an anonymous query
/// without variables, directives or description that way).
bool has_shorthand_query(const document_node& root) {
  for (const auto* def : root.definitions) {
    if (def->kind != node_kind::operation_definition) continue;
    const auto& op = static_cast<const operation_definition_node&>(*def);
    if (op.operation == operation_type::query && op.name.value.empty() &&
        op.variable_definitions.empty() && op.directives.empty() && op.description == nullptr) {
      return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const parse_result first = parse(text);
  if (!first.doc) {
    if (!first.error) fail("neither a document nor an error", text);
    check_error(*first.error, position_of(text, static_cast<std::uint32_t>(size)));
    return 0;
  }
  if (first.error) fail("an error came with a document", first.error->message);
  check_tree(*first.doc);

  const document_node& root = first.doc->root();
  if (has_type_system(root) && has_shorthand_query(root)) {
    // graphql-js prints `type Query` + `query { a }` as `type Query\n\n{\n  a\n}`, which
    // reads back as the type's fields, or fails to parse when the selections are not
    // field definitions: the one ambiguity of printing (graphql-js 16.15 does the same).
    // Such a document is checked with its shorthand queries printed first, where the
    // ambiguity cannot arise.
    std::vector<definition_node*> definitions;
    for (auto* def : root.definitions) {
      if (def->kind == node_kind::operation_definition) definitions.push_back(def);
    }
    for (auto* def : root.definitions) {
      if (def->kind != node_kind::operation_definition) definitions.push_back(def);
    }
    document_node reordered = root;
    reordered.definitions = definitions;
    check_round_trip(print(reordered));
  } else {
    check_round_trip(print(root));
  }

  if (has_type_system(first.doc->root())) {
    const build_result built = build_schema(text);
    if (!built.built && built.errors.empty()) fail("a schema refused without an error", text);
    if (built.built) {
      for (const named_type* type : built.built->types()) {
        if (built.built->find_type(type->name()) != type) fail("a type not found by name", text);
      }
    }
  }
  return 0;
}
