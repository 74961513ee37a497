#include "graphql/language/parser.hpp"

#include <string>

#include "graphql/language/parser_detail.hpp"

namespace chat::graphql {

namespace detail {

// ---- document ----

// Document :: Definition+
document_node* parser::parse_document() {
  std::span<definition_node* const> definitions;
  if (!many(
          token_kind::sof, [this] { return parse_definition(); }, token_kind::eof, definitions)) {
    return nullptr;
  }
  auto* doc = make<document_node>(node_kind::document, 0);
  doc->definitions = definitions;
  return doc;
}

// Definition :: ExecutableDefinition | TypeSystemDefinitionOrExtension
definition_node* parser::parse_definition() {
  if (peek(token_kind::brace_l)) return parse_operation_definition();
  // Many definitions begin with a description and need one token of lookahead.
  const bool has_description = peek_description();
  token keyword = token_;
  if (has_description && !lookahead(keyword)) return nullptr;
  if (has_description && keyword.kind == token_kind::brace_l) {
    fail(token_.start,
         "Unexpected description, descriptions are not supported on shorthand queries.");
    return nullptr;
  }
  if (keyword.kind == token_kind::name) {
    const std::string_view word = keyword.text(text_);
    if (word == "schema") return parse_schema_definition();
    if (word == "scalar") return parse_scalar_type_definition();
    if (word == "type") {
      return parse_object_type_definition(node_kind::object_type_definition, "type");
    }
    if (word == "interface") {
      return parse_object_type_definition(node_kind::interface_type_definition, "interface");
    }
    if (word == "union") return parse_union_type_definition();
    if (word == "enum") return parse_enum_type_definition();
    if (word == "input") return parse_input_object_type_definition();
    if (word == "directive") return parse_directive_definition();
    if (word == "query" || word == "mutation" || word == "subscription") {
      return parse_operation_definition();
    }
    if (word == "fragment") return parse_fragment_definition();
    if (has_description) {
      fail(token_.start, "Unexpected description, only GraphQL definitions support descriptions.");
      return nullptr;
    }
    if (word == "extend") return parse_type_system_extension();
  }
  unexpected(keyword);
  return nullptr;
}

bool parser::parse_name(name& out) {
  const token at = token_;
  if (!expect(token_kind::name)) return false;
  out = {at.text(text_), {at.start, at.end}};
  return true;
}

// ---- operations ----

// OperationDefinition :: Description? OperationType Name? VariableDefinitions? Directives?
//                        SelectionSet | SelectionSet
operation_definition_node* parser::parse_operation_definition() {
  const std::uint32_t start = token_.start;
  if (peek(token_kind::brace_l)) {
    selection_set_node* selection_set = parse_selection_set();
    if (selection_set == nullptr) return nullptr;
    auto* op = make<operation_definition_node>(node_kind::operation_definition, start);
    op->operation = operation_type::query;
    op->selection_set = selection_set;
    return op;
  }
  string_value_node* description = parse_description();
  operation_type operation = operation_type::query;
  if (!parse_operation_type(operation)) return nullptr;
  name op_name;
  if (peek(token_kind::name) && !parse_name(op_name)) return nullptr;
  std::span<variable_definition_node* const> variables;
  if (!parse_variable_definitions(variables)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(false, directives)) return nullptr;
  selection_set_node* selection_set = parse_selection_set();
  if (selection_set == nullptr) return nullptr;
  auto* op = make<operation_definition_node>(node_kind::operation_definition, start);
  op->description = description;
  op->operation = operation;
  op->name = op_name;
  op->variable_definitions = variables;
  op->directives = directives;
  op->selection_set = selection_set;
  return op;
}

// OperationType :: one of query mutation subscription
bool parser::parse_operation_type(operation_type& out) {
  const token at = token_;
  if (!expect(token_kind::name)) return false;
  const std::string_view word = at.text(text_);
  if (word == "query") {
    out = operation_type::query;
  } else if (word == "mutation") {
    out = operation_type::mutation;
  } else if (word == "subscription") {
    out = operation_type::subscription;
  } else {
    unexpected(at);
    return false;
  }
  return true;
}

// VariableDefinitions :: ( VariableDefinition+ )
bool parser::parse_variable_definitions(std::span<variable_definition_node* const>& out) {
  return optional_many(
      token_kind::paren_l, [this] { return parse_variable_definition(); }, token_kind::paren_r,
      out);
}

// VariableDefinition :: Description? Variable : Type DefaultValue? Directives[Const]?
variable_definition_node* parser::parse_variable_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  variable_node* variable = parse_variable();
  if (variable == nullptr || !expect(token_kind::colon)) return nullptr;
  type_node* type = parse_type_reference();
  if (type == nullptr) return nullptr;
  value_node* default_value = nullptr;
  if (expect_optional(token_kind::equals)) {
    default_value = parse_value_literal(true);
    if (default_value == nullptr) return nullptr;
  }
  std::span<directive_node* const> directives;
  if (!parse_directives(true, directives)) return nullptr;
  auto* def = make<variable_definition_node>(node_kind::variable_definition, start);
  def->description = description;
  def->variable = variable;
  def->type = type;
  def->default_value = default_value;
  def->directives = directives;
  return def;
}

// Variable :: $ Name
variable_node* parser::parse_variable() {
  const std::uint32_t start = token_.start;
  name var_name;
  if (!expect(token_kind::dollar) || !parse_name(var_name)) return nullptr;
  auto* var = make<variable_node>(node_kind::variable, start);
  var->name = var_name;
  return var;
}

// SelectionSet :: { Selection+ }
selection_set_node* parser::parse_selection_set() {
  const std::uint32_t start = token_.start;
  const nesting level(*this, token_);
  if (!level.ok()) return nullptr;
  std::span<selection_node* const> selections;
  if (!many(
          token_kind::brace_l, [this] { return parse_selection(); }, token_kind::brace_r,
          selections)) {
    return nullptr;
  }
  auto* set = make<selection_set_node>(node_kind::selection_set, start);
  set->selections = selections;
  return set;
}

// Selection :: Field | FragmentSpread | InlineFragment
selection_node* parser::parse_selection() {
  if (peek(token_kind::spread)) return parse_fragment();
  return parse_field();
}

// Field :: Alias? Name Arguments? Directives? SelectionSet?
field_node* parser::parse_field() {
  const std::uint32_t start = token_.start;
  name alias;
  name field_name;
  if (!parse_name(field_name)) return nullptr;
  if (expect_optional(token_kind::colon)) {
    alias = field_name;
    if (!parse_name(field_name)) return nullptr;
  }
  std::span<argument_node* const> arguments;
  if (!parse_arguments(false, arguments)) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(false, directives)) return nullptr;
  selection_set_node* selection_set = nullptr;
  if (peek(token_kind::brace_l)) {
    selection_set = parse_selection_set();
    if (selection_set == nullptr) return nullptr;
  }
  auto* field = make<field_node>(node_kind::field, start);
  field->alias = alias;
  field->name = field_name;
  field->arguments = arguments;
  field->directives = directives;
  field->selection_set = selection_set;
  return field;
}

// Arguments[Const] :: ( Argument[?Const]+ )
bool parser::parse_arguments(bool is_const, std::span<argument_node* const>& out) {
  return optional_many(
      token_kind::paren_l, [this, is_const] { return parse_argument(is_const); },
      token_kind::paren_r, out);
}

// Argument[Const] :: Name : Value[?Const]
argument_node* parser::parse_argument(bool is_const) {
  const std::uint32_t start = token_.start;
  name arg_name;
  if (!parse_name(arg_name) || !expect(token_kind::colon)) return nullptr;
  value_node* value = parse_value_literal(is_const);
  if (value == nullptr) return nullptr;
  auto* arg = make<argument_node>(node_kind::argument, start);
  arg->name = arg_name;
  arg->value = value;
  return arg;
}

// ---- fragments ----

// FragmentSpread :: ... FragmentName Directives?
// InlineFragment :: ... TypeCondition? Directives? SelectionSet
selection_node* parser::parse_fragment() {
  const std::uint32_t start = token_.start;
  if (!expect(token_kind::spread)) return nullptr;
  const bool has_type_condition = expect_optional_keyword("on");
  if (!has_type_condition && peek(token_kind::name)) {
    name fragment_name;
    if (!parse_fragment_name(fragment_name)) return nullptr;
    std::span<directive_node* const> directives;
    if (!parse_directives(false, directives)) return nullptr;
    auto* spread = make<fragment_spread_node>(node_kind::fragment_spread, start);
    spread->name = fragment_name;
    spread->directives = directives;
    return spread;
  }
  named_type_node* type_condition = nullptr;
  if (has_type_condition) {
    type_condition = parse_named_type();
    if (type_condition == nullptr) return nullptr;
  }
  std::span<directive_node* const> directives;
  if (!parse_directives(false, directives)) return nullptr;
  selection_set_node* selection_set = parse_selection_set();
  if (selection_set == nullptr) return nullptr;
  auto* inline_fragment = make<inline_fragment_node>(node_kind::inline_fragment, start);
  inline_fragment->type_condition = type_condition;
  inline_fragment->directives = directives;
  inline_fragment->selection_set = selection_set;
  return inline_fragment;
}

// FragmentDefinition :: Description? fragment FragmentName TypeCondition Directives?
//                       SelectionSet
fragment_definition_node* parser::parse_fragment_definition() {
  const std::uint32_t start = token_.start;
  string_value_node* description = parse_description();
  if (!expect_keyword("fragment")) return nullptr;
  name fragment_name;
  if (!parse_fragment_name(fragment_name) || !expect_keyword("on")) return nullptr;
  named_type_node* type_condition = parse_named_type();
  if (type_condition == nullptr) return nullptr;
  std::span<directive_node* const> directives;
  if (!parse_directives(false, directives)) return nullptr;
  selection_set_node* selection_set = parse_selection_set();
  if (selection_set == nullptr) return nullptr;
  auto* fragment = make<fragment_definition_node>(node_kind::fragment_definition, start);
  fragment->description = description;
  fragment->name = fragment_name;
  fragment->type_condition = type_condition;
  fragment->directives = directives;
  fragment->selection_set = selection_set;
  return fragment;
}

// FragmentName :: Name but not `on`
bool parser::parse_fragment_name(name& out) {
  if (token_value_is("on")) {
    unexpected();
    return false;
  }
  return parse_name(out);
}

// ---- values ----

// Value[Const] :: [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue
//                 | NullValue | EnumValue | ListValue[?Const] | ObjectValue[?Const]
value_node* parser::parse_value_literal(bool is_const) {
  const token at = token_;
  switch (at.kind) {
    case token_kind::bracket_l:
      return parse_list(is_const);
    case token_kind::brace_l:
      return parse_object(is_const);
    case token_kind::int_value: {
      advance();
      auto* value = make<int_value_node>(node_kind::int_value, at.start);
      value->value = at.text(text_);
      return value;
    }
    case token_kind::float_value: {
      advance();
      auto* value = make<float_value_node>(node_kind::float_value, at.start);
      value->value = at.text(text_);
      return value;
    }
    case token_kind::string:
    case token_kind::block_string:
      return parse_string_literal();
    case token_kind::name: {
      advance();
      const std::string_view word = at.text(text_);
      if (word == "true" || word == "false") {
        auto* value = make<boolean_value_node>(node_kind::boolean_value, at.start);
        value->value = word == "true";
        return value;
      }
      if (word == "null") return make<null_value_node>(node_kind::null_value, at.start);
      auto* value = make<enum_value_node>(node_kind::enum_value, at.start);
      value->value = word;
      return value;
    }
    case token_kind::dollar:
      if (is_const) {
        if (!expect(token_kind::dollar)) return nullptr;
        if (peek(token_kind::name)) {
          fail(at.start, "Unexpected variable \"$" + std::string(token_.text(text_)) +
                             "\" in constant value.");
        } else {
          unexpected(at);
        }
        return nullptr;
      }
      return parse_variable();
    default:
      unexpected();
      return nullptr;
  }
}

string_value_node* parser::parse_string_literal() {
  const token at = token_;
  advance();
  auto* value = make<string_value_node>(node_kind::string_value, at.start);
  value->block = at.kind == token_kind::block_string;
  if (at.plain) {
    value->value = text_.substr(at.start + 1, at.end - at.start - 2);
  } else {
    std::string& buffer = scratch_.string_buffer;
    buffer.clear();
    append_string_value(at, text_, buffer);
    value->value = arena_.copy(std::string_view(buffer));
  }
  return value;
}

// ListValue[Const] :: [ ] | [ Value[?Const]+ ]
list_value_node* parser::parse_list(bool is_const) {
  const std::uint32_t start = token_.start;
  const nesting level(*this, token_);
  if (!level.ok()) return nullptr;
  std::span<value_node* const> values;
  if (!any(
          token_kind::bracket_l, [this, is_const] { return parse_value_literal(is_const); },
          token_kind::bracket_r, values)) {
    return nullptr;
  }
  auto* list = make<list_value_node>(node_kind::list_value, start);
  list->values = values;
  return list;
}

// ObjectValue[Const] :: { } | { ObjectField[?Const]+ }
object_value_node* parser::parse_object(bool is_const) {
  const std::uint32_t start = token_.start;
  const nesting level(*this, token_);
  if (!level.ok()) return nullptr;
  std::span<object_field_node* const> fields;
  if (!any(
          token_kind::brace_l, [this, is_const] { return parse_object_field(is_const); },
          token_kind::brace_r, fields)) {
    return nullptr;
  }
  auto* object = make<object_value_node>(node_kind::object_value, start);
  object->fields = fields;
  return object;
}

// ObjectField[Const] :: Name : Value[?Const]
object_field_node* parser::parse_object_field(bool is_const) {
  const std::uint32_t start = token_.start;
  name field_name;
  if (!parse_name(field_name) || !expect(token_kind::colon)) return nullptr;
  value_node* value = parse_value_literal(is_const);
  if (value == nullptr) return nullptr;
  auto* field = make<object_field_node>(node_kind::object_field, start);
  field->name = field_name;
  field->value = value;
  return field;
}

// ---- directives ----

// Directives[Const] :: Directive[?Const]+
bool parser::parse_directives(bool is_const, std::span<directive_node* const>& out) {
  if (!peek(token_kind::at)) return true;
  const std::size_t mark = stack<directive_node*>().size();
  while (peek(token_kind::at)) {
    directive_node* directive = parse_directive(is_const);
    if (directive == nullptr) return false;
    stack<directive_node*>().push_back(directive);
  }
  out = take<directive_node*>(mark);
  return true;
}

// Directive[Const] :: @ Name Arguments[?Const]?
directive_node* parser::parse_directive(bool is_const) {
  const std::uint32_t start = token_.start;
  name directive_name;
  if (!expect(token_kind::at) || !parse_name(directive_name)) return nullptr;
  std::span<argument_node* const> arguments;
  if (!parse_arguments(is_const, arguments)) return nullptr;
  auto* directive = make<directive_node>(node_kind::directive, start);
  directive->name = directive_name;
  directive->arguments = arguments;
  return directive;
}

// ---- type references ----

// Type :: NamedType | ListType | NonNullType
type_node* parser::parse_type_reference() {
  const token at = token_;
  type_node* type = nullptr;
  if (peek(token_kind::bracket_l)) {
    const nesting level(*this, token_);
    if (!level.ok()) return nullptr;
    advance();
    type_node* inner = parse_type_reference();
    if (inner == nullptr || !expect(token_kind::bracket_r)) return nullptr;
    auto* list = make<list_type_node>(node_kind::list_type, at.start);
    list->type = inner;
    type = list;
  } else {
    type = parse_named_type();
    if (type == nullptr) return nullptr;
  }
  if (expect_optional(token_kind::bang)) {
    auto* non_null = make<non_null_type_node>(node_kind::non_null_type, at.start);
    non_null->type = type;
    return non_null;
  }
  return type;
}

// NamedType :: Name
named_type_node* parser::parse_named_type() {
  const std::uint32_t start = token_.start;
  name type_name;
  if (!parse_name(type_name)) return nullptr;
  auto* type = make<named_type_node>(node_kind::named_type, start);
  type->name = type_name;
  return type;
}

}  // namespace detail

parse_result parse(std::string_view text, const parse_options& options) {
  auto doc = std::make_shared<document>(document::private_tag{}, std::string(text));
  thread_local detail::scratch stacks;
  stacks.clear();
  detail::parser p(doc->text(), doc->arena(), options, stacks);
  document_node* root = p.parse_document();
  if (p.failed() || root == nullptr) {
    graphql_error error;
    error.message = p.take_error_message();
    error.locations.push_back(position_of(doc->text(), p.error_offset()));
    error.code = std::string(error_code::parse_failed);
    return {nullptr, std::move(error)};
  }
  doc->set_root(root, p.token_count());
  return {std::move(doc), std::nullopt};
}

}  // namespace chat::graphql
