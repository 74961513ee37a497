#pragma once
/// The recursive-descent parser behind `parse` (internal to libs/graphql/language): its
/// token stream, list and error helpers, and one method per production. The productions
/// are split by concept between parser.cpp (executable documents, values, types) and
/// type_system_parser.cpp (spec section 3's definitions and extensions).
///
/// Thread-safety: a parser belongs to one `parse` call.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "graphql/language/arena.hpp"
#include "graphql/language/ast.hpp"
#include "graphql/language/lexer.hpp"
#include "graphql/language/parser.hpp"

namespace chat::graphql::detail {

/// Lists are collected on per-type stacks reused by every parse on a thread, then copied
/// into the document's arena at their final size: no heap traffic per list.
template <typename... Ts>
struct scratch_stacks {
  std::tuple<std::vector<Ts>...> stacks;
  std::string string_buffer;

  void clear() {
    std::apply([](auto&... s) { (s.clear(), ...); }, stacks);
  }
};

using scratch =
    scratch_stacks<definition_node*, selection_node*, argument_node*, directive_node*, value_node*,
                   object_field_node*, variable_definition_node*, named_type_node*,
                   field_definition_node*, input_value_definition_node*,
                   enum_value_definition_node*, operation_type_definition_node*, name>;

/// Recursive descent over the grammar of spec section 2 and the type system of section 3,
/// one method per graphql-js `Parser` method so errors and locations agree with it.
///
/// Errors do not throw: the first one is recorded, the current token becomes an `error`
/// token that no production accepts, and every method returns null (or false) up the
/// stack. A method that succeeded while a later token failed to lex leaves that sticky
/// token behind, so the next expectation fails and the error surfaces.
class parser {
 public:
  parser(std::string_view text, graphql::arena& arena, const parse_options& options,
         scratch& buffers)
      : text_(text),
        lexer_(text),
        arena_(arena),
        max_tokens_(options.max_tokens),
        max_nesting_(options.max_nesting),
        scratch_(buffers) {}

  document_node* parse_document();

  bool failed() const noexcept { return failed_; }
  std::uint32_t error_offset() const noexcept { return error_offset_; }
  std::string take_error_message() { return std::move(error_message_); }
  std::size_t token_count() const noexcept { return token_count_; }

 private:
  // ---- token stream ----

  void fail(std::uint32_t offset, std::string description) {
    if (!failed_) {
      failed_ = true;
      error_offset_ = offset;
      error_message_ = "Syntax Error: " + std::move(description);
    }
    token_ = {token_kind::error, false, token_.start, token_.start};
  }

  /// graphql-js `advanceLexer`: every token read counts against the limit; here comments
  /// count too (GQL-5), which graphql-js's `maxTokens` does not do.
  bool advance() {
    last_end_ = token_.end;
    for (;;) {
      const token next = lexer_.next();
      if (next.kind == token_kind::error) {
        fail(next.start, lexer_.error());
        return false;
      }
      if (next.kind != token_kind::eof && ++token_count_ > max_tokens_ && max_tokens_ != 0) {
        // graphql-js 16's wording, "that" included.
        fail(next.start, "Document contains more that " + std::to_string(max_tokens_) +
                             " tokens. Parsing aborted.");
        return false;
      }
      if (next.kind != token_kind::comment) {
        token_ = next;
        return true;
      }
    }
  }

  /// The token after the current one, without consuming anything (graphql-js
  /// `lexer.lookahead()`): it is lexed again when reached.
  bool lookahead(token& out) {
    const std::uint32_t saved = lexer_.position();
    token next;
    do {
      next = lexer_.next();
    } while (next.kind == token_kind::comment);
    lexer_.reset(saved);
    if (next.kind == token_kind::error) {
      fail(next.start, lexer_.error());
      return false;
    }
    out = next;
    return true;
  }

  bool peek(token_kind kind) const noexcept { return token_.kind == kind; }

  bool peek_keyword(std::string_view keyword) const noexcept {
    return token_.kind == token_kind::name && token_.text(text_) == keyword;
  }

  bool expect(token_kind kind) {
    if (token_.kind == kind) return advance();
    fail(token_.start,
         "Expected " + std::string(describe(kind)) + ", found " + describe(token_, text_) + ".");
    return false;
  }

  /// True when the token was there (and consumed, even if reading the next one failed:
  /// the sticky error token then stops the caller).
  bool expect_optional(token_kind kind) {
    if (token_.kind != kind) return false;
    advance();
    return true;
  }

  bool expect_keyword(std::string_view keyword) {
    if (peek_keyword(keyword)) return advance();
    fail(token_.start,
         "Expected \"" + std::string(keyword) + "\", found " + describe(token_, text_) + ".");
    return false;
  }

  bool expect_optional_keyword(std::string_view keyword) {
    if (!peek_keyword(keyword)) return false;
    advance();
    return true;
  }

  void unexpected(const token& at) { fail(at.start, "Unexpected " + describe(at, text_) + "."); }
  void unexpected() { unexpected(token_); }

  /// graphql-js compares `token.value`, which strings have too: `fragment "on"` is
  /// refused as `Unexpected String "on".`
  bool token_value_is(std::string_view value) const {
    if (token_.kind == token_kind::name) return token_.text(text_) == value;
    if (token_.kind == token_kind::string || token_.kind == token_kind::block_string) {
      return token_value(token_, text_) == value;
    }
    return false;
  }

  // ---- nodes and lists ----

  template <typename T>
  T* make(node_kind kind, std::uint32_t start) {
    T* n = arena_.make<T>();
    n->kind = kind;
    n->loc = {start, last_end_};  // graphql-js: first token's start to last token's end
    return n;
  }

  template <typename T>
  std::vector<T>& stack() {
    return std::get<std::vector<T>>(scratch_.stacks);
  }

  template <typename T>
  std::span<T const> take(std::size_t mark) {
    std::vector<T>& s = stack<T>();
    const auto items = arena_.copy(std::span<const T>(s.data() + mark, s.size() - mark));
    s.resize(mark);
    return items;
  }

  /// graphql-js `many`: open, one or more items, close.
  template <typename T, typename F>
  bool many(token_kind open, F parse_item, token_kind close, std::span<T const>& out) {
    if (!expect(open)) return false;
    const std::size_t mark = stack<T>().size();
    do {
      T item = parse_item();
      if (!item) return false;
      stack<T>().push_back(item);
    } while (!expect_optional(close));
    out = take<T>(mark);
    return true;
  }

  /// graphql-js `optionalMany`: nothing, or open, one or more items, close.
  template <typename T, typename F>
  bool optional_many(token_kind open, F parse_item, token_kind close, std::span<T const>& out) {
    if (!peek(open)) return true;
    return many(open, parse_item, close, out);
  }

  /// graphql-js `any`: open, zero or more items, close.
  template <typename T, typename F>
  bool any(token_kind open, F parse_item, token_kind close, std::span<T const>& out) {
    if (!expect(open)) return false;
    const std::size_t mark = stack<T>().size();
    while (!expect_optional(close)) {
      T item = parse_item();
      if (!item) return false;
      stack<T>().push_back(item);
    }
    out = take<T>(mark);
    return true;
  }

  /// graphql-js `delimitedMany`: an optional leading delimiter, then items separated by it.
  template <typename T, typename F>
  bool delimited_many(token_kind delimiter, F parse_item, std::span<T const>& out) {
    expect_optional(delimiter);
    const std::size_t mark = stack<T>().size();
    do {
      T item = parse_item();
      if (!item) return false;
      stack<T>().push_back(item);
    } while (expect_optional(delimiter));
    out = take<T>(mark);
    return true;
  }

  /// Selection sets, list and object values and list types recurse; the depth is capped so
  /// a hostile document cannot exhaust the stack (REL-1). graphql-js has no such limit.
  class nesting {
   public:
    nesting(parser& p, const token& at) : parser_(p) {
      if (++parser_.depth_ > parser_.max_nesting_ && parser_.max_nesting_ != 0) {
        parser_.fail(at.start, "Document nesting exceeds " + std::to_string(parser_.max_nesting_) +
                                   " levels.");
      }
    }
    ~nesting() { --parser_.depth_; }
    nesting(const nesting&) = delete;
    nesting& operator=(const nesting&) = delete;
    bool ok() const noexcept { return !parser_.failed_; }

   private:
    parser& parser_;
  };

  // ---- productions ----

  bool parse_name(name& out);
  definition_node* parse_definition();
  operation_definition_node* parse_operation_definition();
  bool parse_operation_type(operation_type& out);
  bool parse_variable_definitions(std::span<variable_definition_node* const>& out);
  variable_definition_node* parse_variable_definition();
  variable_node* parse_variable();
  selection_set_node* parse_selection_set();
  selection_node* parse_selection();
  field_node* parse_field();
  bool parse_arguments(bool is_const, std::span<argument_node* const>& out);
  argument_node* parse_argument(bool is_const);
  selection_node* parse_fragment();
  fragment_definition_node* parse_fragment_definition();
  bool parse_fragment_name(name& out);
  value_node* parse_value_literal(bool is_const);
  string_value_node* parse_string_literal();
  list_value_node* parse_list(bool is_const);
  object_value_node* parse_object(bool is_const);
  object_field_node* parse_object_field(bool is_const);
  bool parse_directives(bool is_const, std::span<directive_node* const>& out);
  directive_node* parse_directive(bool is_const);
  type_node* parse_type_reference();
  named_type_node* parse_named_type();
  bool peek_description() const noexcept {
    return peek(token_kind::string) || peek(token_kind::block_string);
  }
  string_value_node* parse_description() {
    return peek_description() ? parse_string_literal() : nullptr;
  }
  schema_definition_node* parse_schema_definition();
  operation_type_definition_node* parse_operation_type_definition();
  scalar_type_definition_node* parse_scalar_type_definition();
  object_type_definition_node* parse_object_type_definition(node_kind kind,
                                                            std::string_view keyword);
  bool parse_implements_interfaces(std::span<named_type_node* const>& out);
  bool parse_fields_definition(std::span<field_definition_node* const>& out);
  field_definition_node* parse_field_definition();
  bool parse_argument_defs(std::span<input_value_definition_node* const>& out);
  input_value_definition_node* parse_input_value_def();
  union_type_definition_node* parse_union_type_definition();
  bool parse_union_member_types(std::span<named_type_node* const>& out);
  enum_type_definition_node* parse_enum_type_definition();
  bool parse_enum_values_definition(std::span<enum_value_definition_node* const>& out);
  enum_value_definition_node* parse_enum_value_definition();
  input_object_type_definition_node* parse_input_object_type_definition();
  bool parse_input_fields_definition(std::span<input_value_definition_node* const>& out);
  definition_node* parse_type_system_extension();
  schema_definition_node* parse_schema_extension();
  scalar_type_definition_node* parse_scalar_type_extension();
  object_type_definition_node* parse_object_type_extension(node_kind kind,
                                                           std::string_view keyword);
  union_type_definition_node* parse_union_type_extension();
  enum_type_definition_node* parse_enum_type_extension();
  input_object_type_definition_node* parse_input_object_type_extension();
  directive_definition_node* parse_directive_definition();
  bool parse_directive_location(name& out);

  std::string_view text_;
  lexer lexer_;
  graphql::arena& arena_;
  std::size_t max_tokens_;
  std::size_t max_nesting_;
  scratch& scratch_;

  token token_;                 // the current token (graphql-js `lexer.token`); starts as <SOF>
  std::uint32_t last_end_ = 0;  // end of the last consumed token (`lexer.lastToken.end`)
  std::size_t token_count_ = 0;
  std::size_t depth_ = 0;

  bool failed_ = false;
  std::uint32_t error_offset_ = 0;
  std::string error_message_;
};

}  // namespace chat::graphql::detail
