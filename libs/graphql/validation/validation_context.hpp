#pragma once
/// What a validation rule can ask while the validator walks a document (graphql-js
/// `ValidationContext`): the schema and document, the type information at the current
/// node, fragment and variable lookups computed once and cached, and `report` for
/// errors.
///
/// Thread-safety: one instance per validation.

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/error/graphql_error.hpp"
#include "graphql/language/parser.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/validation/type_info.hpp"

namespace chat::graphql {

/// A variable used somewhere, with the input type expected where it stands.
struct variable_usage {
  const variable_node* variable = nullptr;
  const type* expected_type = nullptr;        // null when unknown
  const value_node* default_value = nullptr;  // of the argument or input field
  const type* parent_type = nullptr;          // the input type holding the position
};

class validation_context {
 public:
  validation_context(const graphql::schema& s, const document& doc, const type_info& info,
                     std::size_t max_errors);

  const graphql::schema& schema() const noexcept { return schema_; }
  const document& doc() const noexcept { return doc_; }
  /// Type information at the node being visited.
  const type_info& types() const noexcept { return info_; }

  /// Adds an error pointing at `nodes` (their start positions, in order).
  void report(std::string message, std::initializer_list<const node*> nodes);
  void report(std::string message, std::span<const node* const> nodes);
  const std::vector<graphql_error>& errors() const noexcept { return errors_; }

  /// graphql-js 16.15's budget for fragment bookkeeping: every fragment, spread and
  /// variable usage looked at costs one unit of 50 000. Running out stops validation with
  /// the error "Validation aborted." (a document crafted to make validation slow).
  void spend_fragment_work(std::size_t cost);
  /// Stops validation with this error as its only one, where graphql-js's `validate`
  /// throws it instead of returning errors (the `@skip`/`@include` arguments
  /// SingleFieldSubscriptionsRule cannot evaluate without variable values).
  [[noreturn]] void throw_error(std::string message, std::initializer_list<const node*> nodes);
  /// True once `max_errors` errors were reported (validation then stops).
  bool error_limit_reached() const noexcept { return limit_reached_; }

  const fragment_definition_node* fragment(std::string_view name) const;
  /// The fragment spreads directly inside `set` (not inside the fragments they name).
  std::span<const fragment_spread_node* const> fragment_spreads(const selection_set_node& set);
  /// Every fragment `op` uses, directly or through other fragments, each once, in the
  /// order graphql-js 16.15 finds them (its direct spreads, then theirs, breadth first).
  std::span<const fragment_definition_node* const> recursively_referenced_fragments(
      const operation_definition_node& op);
  /// The same for several operations at once (NoUnusedFragmentsRule).
  std::vector<const fragment_definition_node*> recursively_referenced_fragments_for(
      std::span<const operation_definition_node* const> operations);
  /// The variables used inside `n` (an operation or fragment definition).
  std::span<const variable_usage> variable_usages(const node& n);
  /// The variables an operation uses, through its fragments too.
  std::span<const variable_usage> recursive_variable_usages(const operation_definition_node& op);

 private:
  const graphql::schema& schema_;
  const document& doc_;
  const type_info& info_;
  std::size_t max_errors_;
  bool limit_reached_ = false;
  std::int64_t remaining_fragment_work_ = 50'000;
  std::vector<graphql_error> errors_;

  graphql_error make_error(std::string message, std::span<const node* const> nodes) const;

  std::map<std::string_view, const fragment_definition_node*, std::less<>> fragments_;
  std::unordered_map<const node*, std::vector<const fragment_spread_node*>> spreads_;
  using fragment_list = std::vector<const fragment_definition_node*>;
  /// graphql-js 16.15 getRecursivelyReferencedFragmentsForOperations: the fragments reached
  /// from the direct spreads `names` (distinct, in spread order), computed once per *set*
  /// of names (its SetMap): operations spreading the same fragments share one list.
  const fragment_list& referenced_fragments(std::vector<std::string_view> names);
  std::vector<std::string_view> direct_spread_names(
      std::span<const operation_definition_node* const> operations);

  std::map<std::vector<std::string_view>, fragment_list> fragments_by_spreads_;  // sorted keys
  std::unordered_map<const node*, const fragment_list*> recursive_fragments_;
  /// The variable usages inside a fragment list, keyed by the list (graphql-js keys them by
  /// the array, so operations sharing a list share these and spend no work on them).
  std::unordered_map<const fragment_list*, std::vector<variable_usage>> fragment_usages_;
  std::unordered_map<const node*, std::vector<variable_usage>> usages_;
  std::unordered_map<const node*, std::vector<variable_usage>> recursive_usages_;
};

/// Thrown by `spend_fragment_work` when the budget is spent; `validate` catches it and
/// reports "Validation aborted.".
struct validation_aborted {};

/// Thrown by `throw_error`; `validate` catches it and answers its error alone.
struct validation_thrown {
  graphql_error error;
};

/// What a rule's `enter` asks of the walk.
enum class visit_action : std::uint8_t {
  proceed,  // visit the children
  skip,     // do not visit this node's children (for this rule only)
};

/// One validation rule (spec section 5): a visitor over the document. Rules are created
/// per validation and see every node once, in document order, with `enter` before the
/// children and `leave` after.
class validation_rule {
 public:
  explicit validation_rule(validation_context& context) : context_(context) {}
  virtual ~validation_rule() = default;
  validation_rule(const validation_rule&) = delete;
  validation_rule& operator=(const validation_rule&) = delete;

  virtual visit_action enter(const node& n) {
    (void)n;
    return visit_action::proceed;
  }
  virtual void leave(const node& n) { (void)n; }

 protected:
  validation_context& context() noexcept { return context_; }
  const graphql::schema& schema() const noexcept { return context_.schema(); }
  const type_info& types() const noexcept { return context_.types(); }
  void report(std::string message, std::initializer_list<const node*> nodes) {
    context_.report(std::move(message), nodes);
  }

 private:
  validation_context& context_;
};

using rule_factory = std::function<std::unique_ptr<validation_rule>(validation_context&)>;

}  // namespace chat::graphql
