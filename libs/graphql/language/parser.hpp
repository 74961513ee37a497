#pragma once
/// Parsing GraphQL documents (spec section 2 and the type system grammar of section 3),
/// with graphql-js's syntax error messages and locations, and a token limit against
/// denial of service (SPEC GQL-5).
///
/// Thread-safety: `parse` may run concurrently; a `document` is immutable and may be
/// shared between threads.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "graphql/error/graphql_error.hpp"
#include "graphql/language/arena.hpp"
#include "graphql/language/ast.hpp"
#include "graphql/language/source.hpp"

namespace chat::graphql {

/// A parsed document: its source text, the arena its nodes live in, and the root.
/// Created only by `parse` and never moved (nodes point into it).
class document {
 public:
  document(const document&) = delete;
  document& operator=(const document&) = delete;

  const document_node& root() const noexcept { return *root_; }
  std::string_view text() const noexcept { return text_; }
  source_position position(std::uint32_t offset) const noexcept {
    return position_of(text_, offset);
  }
  /// Tokens read, comments included (what the token limit counted).
  std::size_t token_count() const noexcept { return token_count_; }

  /// For the parser only.
  struct private_tag {};
  document(private_tag, std::string text) : text_(std::move(text)) {}
  graphql::arena& arena() noexcept { return arena_; }
  void set_root(document_node* root, std::size_t token_count) noexcept {
    root_ = root;
    token_count_ = token_count;
  }

 private:
  std::string text_;
  graphql::arena arena_;
  document_node* root_ = nullptr;
  std::size_t token_count_ = 0;
};

struct parse_options {
  /// Most tokens a document may have, comments included (GQL-5). 0 = unlimited.
  std::size_t max_tokens = 15'000;
  /// Deepest nesting of selection sets, lists, objects and type wrappers the parser
  /// follows before refusing the document (protects the stack; REL-1). 0 = unlimited.
  std::size_t max_nesting = 256;
};

struct parse_result {
  std::shared_ptr<const document> doc;  // null when parsing failed
  std::optional<graphql_error> error;   // "Syntax Error: …" with one location
};

/// Parses an executable or type system document (or a mix, as graphql-js `parse`).
parse_result parse(std::string_view text, const parse_options& options = {});

/// Prints a document in graphql-js `print` format (used for tests and diagnostics).
std::string print(const document_node& root);

}  // namespace chat::graphql
