// SingleFieldSubscriptionsRule: a subscription selects exactly one, non-introspection, root field.
// Each event answers one source stream, and one root field defines that stream.
// Spec section 5.2.3.1, "Single Root Field".
//
// graphql-js 16 collects the root fields as execution would (fragments followed, type
// conditions applied) with no variable values, so `@skip` and `@include` with a literal
// argument are honoured and one with a variable cannot be evaluated: graphql-js's
// `validate` then throws the argument coercion error instead of returning errors. This
// rule ends validation with that error alone (message and location as thrown).
//
// graphql-js 16.15 also charges this work to the per-validation "fragment work" budget
// it shares with the context's fragment and variable look-ups
// (validation_context::spend_fragment_work), charged here exactly as graphql-js does.

#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "graphql/type/value_printer.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

/// What graphql-js throws out of `validate` from inside this rule: the error of a
/// `@skip`/`@include` argument that cannot be coerced.
struct thrown_error {
  std::string message;
  const node* at = nullptr;
};

/// Root fields grouped by response key, in the order collect_fields meets them.
struct grouped_fields {
  std::vector<std::pair<std::string_view, std::vector<const field_node*>>> groups;
  std::unordered_map<std::string_view, std::size_t> index;  // response key → group

  void add(const field_node& field) {
    const auto [at, inserted] = index.try_emplace(field.response_key(), groups.size());
    if (inserted) {
      groups.emplace_back(field.response_key(), std::vector<const field_node*>{&field});
    } else {
      groups[at->second].second.push_back(&field);
    }
  }
};

class single_field_subscriptions_rule final : public validation_rule {
 public:
  using validation_rule::validation_rule;

  visit_action enter(const node& n) override {
    const auto* op = node_cast<operation_definition_node>(&n);
    if (op == nullptr || op->operation != operation_type::subscription) {
      return visit_action::proceed;
    }
    const object_type* subscription_type = schema().subscription_type();
    if (subscription_type == nullptr || op->selection_set == nullptr) {
      return visit_action::proceed;
    }
    if (!fragments_counted_) {
      // graphql-js indexes the fragments once, charging one unit per definition.
      fragments_counted_ = true;
      context().spend_fragment_work(context().doc().root().definitions.size());
    }
    grouped_fields fields;
    std::set<std::string_view, std::less<>> visited_fragments;
    if (auto failure =
            collect_fields(*subscription_type, *op->selection_set, fields, visited_fragments)) {
      context().throw_error(std::move(failure->message), {failure->at});
    }
    const std::string subject = op->name.empty()
                                    ? std::string("Anonymous Subscription")
                                    : "Subscription \"" + std::string(op->name.value) + "\"";
    if (fields.groups.size() > 1) {
      std::vector<const node*> extra;
      for (std::size_t i = 1; i < fields.groups.size(); ++i) {
        extra.insert(extra.end(), fields.groups[i].second.begin(), fields.groups[i].second.end());
      }
      context().report(subject + " must select only one top level field.", extra);
    }
    for (const auto& [key, nodes] : fields.groups) {
      if (!nodes.front()->name.value.starts_with("__")) continue;
      const std::vector<const node*> at(nodes.begin(), nodes.end());
      context().report(subject + " must not select an introspection top level field.", at);
    }
    return visit_action::proceed;
  }

 private:
  /// Spec CollectFields (graphql-js `collectFields`) with no variable values.
  std::optional<thrown_error> collect_fields(const object_type& runtime_type,
                                             const selection_set_node& set, grouped_fields& fields,
                                             std::set<std::string_view, std::less<>>& visited) {
    reserve_selection_set_work(set);
    for (const selection_node* selection : set.selections) {
      if (const auto* field = node_cast<field_node>(selection)) {
        bool include = false;
        if (auto failure = should_include(*field, include)) return failure;
        if (!include) continue;
        fields.add(*field);
      } else if (const auto* inline_fragment = node_cast<inline_fragment_node>(selection)) {
        bool include = false;
        if (auto failure = should_include(*inline_fragment, include)) return failure;
        if (!include || !condition_matches(inline_fragment->type_condition, runtime_type)) {
          continue;
        }
        if (auto failure =
                collect_fields(runtime_type, *inline_fragment->selection_set, fields, visited)) {
          return failure;
        }
      } else if (const auto* spread = node_cast<fragment_spread_node>(selection)) {
        const std::string_view name = spread->name.value;
        if (visited.contains(name)) continue;
        bool include = false;
        if (auto failure = should_include(*spread, include)) return failure;
        if (!include) continue;
        visited.insert(name);
        const fragment_definition_node* fragment = context().fragment(name);
        if (fragment == nullptr || !condition_matches(fragment->type_condition, runtime_type)) {
          continue;
        }
        if (auto failure =
                collect_fields(runtime_type, *fragment->selection_set, fields, visited)) {
          return failure;
        }
      }
    }
    return std::nullopt;
  }

  /// graphql-js's charge for each selection set collected: its selections, their
  /// directives, and the arguments of their `@skip` and `@include`.
  void reserve_selection_set_work(const selection_set_node& set) {
    context().spend_fragment_work(set.selections.size());
    for (const selection_node* selection : set.selections) {
      context().spend_fragment_work(selection->directives.size());
      for (const directive_node* directive : selection->directives) {
        if (directive->name.value != "skip" && directive->name.value != "include") continue;
        context().spend_fragment_work(directive->arguments.size());
      }
    }
  }

  /// graphql-js `doesFragmentConditionMatch`.
  bool condition_matches(const named_type_node* condition, const object_type& runtime_type) const {
    if (condition == nullptr) return true;
    const type* condition_type = type_info::type_from_ast(schema(), *condition);
    if (condition_type == nullptr) return false;
    if (condition_type == &runtime_type) return true;
    if (condition_type->is_abstract()) {
      return schema().is_sub_type(condition_type->named(), runtime_type);
    }
    return false;
  }

  /// graphql-js `shouldIncludeNode`: `@skip(if: true)` or `@include(if: false)` leave
  /// the selection out; `@skip` is read first.
  static std::optional<thrown_error> should_include(const selection_node& selection,
                                                    bool& include) {
    include = true;
    bool value = false;
    if (const directive_node* skip = find_directive(selection, "skip")) {
      if (auto failure = if_argument(*skip, value)) return failure;
      if (value) {
        include = false;
        return std::nullopt;
      }
    }
    if (const directive_node* include_directive = find_directive(selection, "include")) {
      if (auto failure = if_argument(*include_directive, value)) return failure;
      if (!value) include = false;
    }
    return std::nullopt;
  }

  static const directive_node* find_directive(const selection_node& selection,
                                              std::string_view name) {
    for (const directive_node* directive : selection.directives) {
      if (directive->name.value == name) return directive;
    }
    return nullptr;
  }

  /// graphql-js `getArgumentValues` for `if: Boolean!` of `@skip` / `@include` with no
  /// variable values: only a Boolean literal gives a value.
  static std::optional<thrown_error> if_argument(const directive_node& directive, bool& value) {
    const argument_node* argument = nullptr;
    for (const argument_node* candidate : directive.arguments) {
      if (candidate->name.value == "if") argument = candidate;  // the last one wins
    }
    if (argument == nullptr) {
      return thrown_error{"Argument \"if\" of required type \"Boolean!\" was not provided.",
                          &directive};
    }
    const value_node* given = argument->value;
    if (const auto* variable = node_cast<variable_node>(given)) {
      return thrown_error{
          "Argument \"if\" of required type \"Boolean!\" was provided the "
          "variable \"$" +
              std::string(variable->name.value) + "\" which was not provided a runtime value.",
          given};
    }
    if (given->kind == node_kind::null_value) {
      return thrown_error{"Argument \"if\" of non-null type \"Boolean!\" must not be null.", given};
    }
    if (const auto* literal = node_cast<boolean_value_node>(given)) {
      value = literal->value;
      return std::nullopt;
    }
    return thrown_error{"Argument \"if\" has invalid value " + print_value(*given) + ".", given};
  }

  bool fragments_counted_ = false;
};

}  // namespace

std::unique_ptr<validation_rule> single_field_subscriptions(validation_context& context) {
  return std::make_unique<single_field_subscriptions_rule>(context);
}

}  // namespace chat::graphql::rules
