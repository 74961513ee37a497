#include "graphql/validation/custom/limits.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace chat::graphql::limits {
namespace {

bool is_introspection_root(const field_node& field) noexcept {
  return field.name.value == "__schema" || field.name.value == "__type";
}

/// Measures an operation's selections with fragments expanded: the deepest nesting
/// and the number of aliased fields it would execute. Each fragment is measured once
/// and remembered, so documents that spread fragments into each other many times (a
/// "fragment bomb") cost linear time; a fragment met again while being measured (a
/// cycle, which NoFragmentCyclesRule reports) counts as empty. Alias counts saturate
/// just above any sane limit instead of overflowing.
class selection_meter {
 public:
  explicit selection_meter(validation_context& context) : context_(context) {}

  struct result {
    std::size_t depth = 0;  // selection sets nested, this one included
    std::size_t aliases = 0;
  };

  result measure(const selection_set_node& set) { return walk(set); }

 private:
  static constexpr std::size_t k_saturation = 1'000'000;

  static std::size_t add(std::size_t a, std::size_t b) { return std::min(a + b, k_saturation); }

  result walk(const selection_set_node& set) {
    result r{1, 0};
    for (const selection_node* selection : set.selections) {
      result inner{0, 0};
      bool nested = false;
      if (const auto* field = node_cast<field_node>(selection)) {
        if (!field->alias.empty()) r.aliases = add(r.aliases, 1);
        if (field->selection_set != nullptr && !is_introspection_root(*field)) {
          inner = walk(*field->selection_set);
          nested = true;
        }
      } else if (const auto* inline_fragment = node_cast<inline_fragment_node>(selection)) {
        if (inline_fragment->selection_set != nullptr) {
          inner = walk(*inline_fragment->selection_set);
        }
      } else if (const auto* spread = node_cast<fragment_spread_node>(selection)) {
        inner = fragment_result(spread->name.value);
      }
      // A field's selection set is one level deeper; a fragment's is the same level.
      r.depth = std::max(r.depth, nested ? inner.depth + 1 : inner.depth);
      r.aliases = add(r.aliases, inner.aliases);
    }
    return r;
  }

  result fragment_result(std::string_view name) {
    const fragment_definition_node* fragment = context_.fragment(name);
    if (fragment == nullptr || fragment->selection_set == nullptr) return {};
    auto [it, inserted] = memo_.try_emplace(fragment, std::optional<result>{});
    if (!inserted) return it->second.value_or(result{});  // known, or a cycle in progress
    const result r = walk(*fragment->selection_set);
    memo_[fragment] = r;
    return r;
  }

  validation_context& context_;
  std::unordered_map<const fragment_definition_node*, std::optional<result>> memo_;
};

std::string operation_label(const operation_definition_node& op) {
  std::string label(to_string(op.operation));
  label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

class max_depth_rule final : public validation_rule {
 public:
  max_depth_rule(validation_context& context, std::size_t limit)
      : validation_rule(context), limit_(limit) {}

  visit_action enter(const node& n) override {
    const auto* op = node_cast<operation_definition_node>(&n);
    if (op == nullptr) return visit_action::proceed;
    if (op->selection_set != nullptr) {
      const auto measured = selection_meter(context()).measure(*op->selection_set);
      if (measured.depth > limit_) {
        report(operation_label(*op) + " depth " + std::to_string(measured.depth) +
                   " exceeds the maximum of " + std::to_string(limit_) + ".",
               {op});
      }
    }
    return visit_action::skip;
  }

 private:
  std::size_t limit_;
};

class max_aliases_rule final : public validation_rule {
 public:
  max_aliases_rule(validation_context& context, std::size_t limit)
      : validation_rule(context), limit_(limit) {}

  visit_action enter(const node& n) override {
    const auto* op = node_cast<operation_definition_node>(&n);
    if (op == nullptr) return visit_action::proceed;
    if (op->selection_set != nullptr) {
      const auto measured = selection_meter(context()).measure(*op->selection_set);
      if (measured.aliases > limit_) {
        report("Operation uses " + std::to_string(measured.aliases) +
                   " aliases, more than the maximum of " + std::to_string(limit_) + ".",
               {op});
      }
    }
    return visit_action::skip;
  }

 private:
  std::size_t limit_;
};

class max_root_fields_rule final : public validation_rule {
 public:
  max_root_fields_rule(validation_context& context, std::size_t limit)
      : validation_rule(context), limit_(limit) {}

  visit_action enter(const node& n) override {
    const auto* op = node_cast<operation_definition_node>(&n);
    if (op == nullptr) return visit_action::proceed;
    std::size_t count = 0;
    if (op->selection_set != nullptr) count_fields(*op->selection_set, count, 0);
    if (count > limit_) {
      report("Operation selects " + std::to_string(count) +
                 " root fields, more than the maximum of " + std::to_string(limit_) + ".",
             {op});
    }
    return visit_action::skip;
  }

 private:
  // Root fields through inline fragments and fragment spreads (bounded nesting of
  // fragments guards against cycles).
  void count_fields(const selection_set_node& set, std::size_t& count, std::size_t nesting) {
    if (nesting > 32) return;
    for (const selection_node* selection : set.selections) {
      if (node_cast<field_node>(selection) != nullptr) {
        ++count;
      } else if (const auto* inline_fragment = node_cast<inline_fragment_node>(selection)) {
        if (inline_fragment->selection_set != nullptr) {
          count_fields(*inline_fragment->selection_set, count, nesting + 1);
        }
      } else if (const auto* spread = node_cast<fragment_spread_node>(selection)) {
        const auto* fragment = context().fragment(spread->name.value);
        if (fragment != nullptr && fragment->selection_set != nullptr) {
          count_fields(*fragment->selection_set, count, nesting + 1);
        }
      }
    }
  }

  std::size_t limit_;
};

}  // namespace

rule_factory max_depth(std::size_t limit) {
  return [limit](validation_context& context) {
    return std::make_unique<max_depth_rule>(context, limit);
  };
}

rule_factory max_aliases(std::size_t limit) {
  return [limit](validation_context& context) {
    return std::make_unique<max_aliases_rule>(context, limit);
  };
}

rule_factory max_root_fields(std::size_t limit) {
  return [limit](validation_context& context) {
    return std::make_unique<max_root_fields_rule>(context, limit);
  };
}

std::vector<rule_factory> rules_for(const document_limits& limits) {
  return {max_depth(limits.max_depth), max_aliases(limits.max_aliases),
          max_root_fields(limits.max_root_fields)};
}

}  // namespace chat::graphql::limits
