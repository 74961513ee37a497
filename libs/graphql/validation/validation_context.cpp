#include "graphql/validation/validation_context.hpp"

#include <algorithm>
#include <unordered_set>

#include "graphql/language/visitor.hpp"

namespace chat::graphql {
namespace {

constexpr std::string_view k_too_many_errors =
    "Too many validation errors, error limit reached. Validation aborted.";

// Collects variable usages under a node with a fresh type_info, not descending into
// variable definitions (graphql-js getVariableUsages).
void collect_usages(const node& n, type_info& info, std::vector<variable_usage>& out,
                    std::vector<const node*>& scratch) {
  if (n.kind == node_kind::variable_definition) return;
  info.enter(n);
  if (n.kind == node_kind::variable) {
    out.push_back({static_cast<const variable_node*>(&n), info.input_type(), info.default_value(),
                   info.parent_input_type()});
  }
  const std::size_t first = scratch.size();
  append_children(n, scratch);
  const std::vector<const node*> children(scratch.begin() + static_cast<std::ptrdiff_t>(first),
                                          scratch.end());
  scratch.resize(first);
  for (const node* child : children)
    collect_usages(*child, info, out, scratch);
  info.leave(n);
}

}  // namespace

validation_context::validation_context(const graphql::schema& s, const document& doc,
                                       const type_info& info, std::size_t max_errors)
    : schema_(s), doc_(doc), info_(info), max_errors_(max_errors) {
  for (const definition_node* def : doc.root().definitions) {
    if (const auto* fragment = node_cast<fragment_definition_node>(def)) {
      fragments_[fragment->name.value] = fragment;  // the last of duplicates wins, as in graphql-js
    }
  }
}

void validation_context::report(std::string message, std::initializer_list<const node*> nodes) {
  report(std::move(message), std::span<const node* const>(nodes.begin(), nodes.size()));
}

void validation_context::report(std::string message, std::span<const node* const> nodes) {
  if (limit_reached_) return;
  if (errors_.size() >= max_errors_) {
    errors_.push_back(make_error(std::string(k_too_many_errors), {}));
    limit_reached_ = true;
    return;
  }
  errors_.push_back(make_error(std::move(message), nodes));
}

void validation_context::throw_error(std::string message,
                                     std::initializer_list<const node*> nodes) {
  throw validation_thrown{
      make_error(std::move(message), std::span<const node* const>(nodes.begin(), nodes.size()))};
}

graphql_error validation_context::make_error(std::string message,
                                             std::span<const node* const> nodes) const {
  graphql_error error;
  error.code = std::string(error_code::validation_failed);
  error.message = std::move(message);
  for (const node* n : nodes) {
    if (n != nullptr) error.locations.push_back(doc_.position(n->loc.start));
  }
  return error;
}

const fragment_definition_node* validation_context::fragment(std::string_view name) const {
  const auto it = fragments_.find(name);
  return it == fragments_.end() ? nullptr : it->second;
}

std::span<const fragment_spread_node* const> validation_context::fragment_spreads(
    const selection_set_node& set) {
  auto [it, inserted] = spreads_.try_emplace(&set);
  if (inserted) {
    std::vector<const selection_set_node*> to_visit{&set};
    while (!to_visit.empty()) {
      const selection_set_node* current = to_visit.back();
      to_visit.pop_back();
      for (const selection_node* selection : current->selections) {
        if (const auto* spread = node_cast<fragment_spread_node>(selection)) {
          it->second.push_back(spread);
        } else if (const auto* field = node_cast<field_node>(selection)) {
          if (field->selection_set != nullptr) to_visit.push_back(field->selection_set);
        } else if (const auto* inline_fragment = node_cast<inline_fragment_node>(selection)) {
          if (inline_fragment->selection_set != nullptr) {
            to_visit.push_back(inline_fragment->selection_set);
          }
        }
      }
    }
  }
  return it->second;
}

void validation_context::spend_fragment_work(std::size_t cost) {
  remaining_fragment_work_ -= static_cast<std::int64_t>(cost);
  if (remaining_fragment_work_ < 0) throw validation_aborted{};
}

std::vector<std::string_view> validation_context::direct_spread_names(
    std::span<const operation_definition_node* const> operations) {
  std::vector<std::string_view> names;
  std::unordered_set<std::string_view> seen;
  for (const operation_definition_node* op : operations) {
    if (op->selection_set == nullptr) continue;
    for (const fragment_spread_node* spread : fragment_spreads(*op->selection_set)) {
      if (seen.insert(spread->name.value).second) names.push_back(spread->name.value);
    }
  }
  return names;
}

const validation_context::fragment_list& validation_context::referenced_fragments(
    std::vector<std::string_view> names) {
  std::vector<std::string_view> key = names;
  std::sort(key.begin(), key.end());
  if (const auto found = fragments_by_spreads_.find(key); found != fragments_by_spreads_.end()) {
    return found->second;
  }
  // An insertion-ordered set of names: the direct spreads, then every fragment's spreads
  // appended as it is reached (breadth first).
  spend_fragment_work(names.size());
  std::unordered_set<std::string_view> collected(names.begin(), names.end());
  fragment_list fragments;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const fragment_definition_node* def = fragment(names[i]);
    if (def == nullptr) continue;
    fragments.push_back(def);
    if (def->selection_set == nullptr) continue;
    const auto spreads = fragment_spreads(*def->selection_set);
    spend_fragment_work(spreads.size());
    for (const fragment_spread_node* spread : spreads) {
      if (collected.insert(spread->name.value).second) names.push_back(spread->name.value);
    }
  }
  return fragments_by_spreads_.emplace(std::move(key), std::move(fragments)).first->second;
}

std::vector<const fragment_definition_node*>
validation_context::recursively_referenced_fragments_for(
    std::span<const operation_definition_node* const> operations) {
  return referenced_fragments(direct_spread_names(operations));
}

std::span<const fragment_definition_node* const>
validation_context::recursively_referenced_fragments(const operation_definition_node& op) {
  auto found = recursive_fragments_.find(&op);
  if (found != recursive_fragments_.end()) return *found->second;
  const operation_definition_node* const ops[] = {&op};
  const fragment_list& fragments = referenced_fragments(direct_spread_names(ops));
  recursive_fragments_.emplace(&op, &fragments);
  return fragments;
}

std::span<const variable_usage> validation_context::variable_usages(const node& n) {
  auto found = usages_.find(&n);
  if (found != usages_.end()) return found->second;
  std::vector<variable_usage> usages;
  type_info fresh(schema_);
  std::vector<const node*> scratch;
  collect_usages(n, fresh, usages, scratch);
  return usages_.emplace(&n, std::move(usages)).first->second;
}

std::span<const variable_usage> validation_context::recursive_variable_usages(
    const operation_definition_node& op) {
  auto found = recursive_usages_.find(&op);
  if (found != recursive_usages_.end()) return found->second;
  recursively_referenced_fragments(op);
  const fragment_list& fragments = *recursive_fragments_.at(&op);
  auto [cached, added] = fragment_usages_.try_emplace(&fragments);
  if (added) {
    spend_fragment_work(fragments.size());
    for (const fragment_definition_node* fragment_def : fragments) {
      const auto local = variable_usages(*fragment_def);
      spend_fragment_work(local.size());
      cached->second.insert(cached->second.end(), local.begin(), local.end());
    }
  }
  const std::vector<variable_usage>& fragment_usages = cached->second;
  spend_fragment_work(fragment_usages.size());
  const auto own = variable_usages(op);
  std::vector<variable_usage> usages(own.begin(), own.end());
  usages.insert(usages.end(), fragment_usages.begin(), fragment_usages.end());
  return recursive_usages_.emplace(&op, std::move(usages)).first->second;
}

}  // namespace chat::graphql
