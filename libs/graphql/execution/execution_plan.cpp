// Plans are built depth first from the operation's root type, the way execution would
// meet the selections (spec ExecuteSelectionSet, CollectFields, CollectSubfields), except
// that every possible type of an abstract field gets its plan up front (the executor
// needs them anyway to know whether anything below may suspend).
#include "graphql/execution/execution_plan.hpp"

#include <algorithm>

#include "graphql/execution/coerce_values.hpp"
#include "text/json_text.hpp"

namespace chat::graphql {

namespace detail {

const object_plan* planned_field::plan_for(const object_type& runtime_type) const noexcept {
  if (child != nullptr) return child->type == &runtime_type ? child : nullptr;
  for (const auto& [type, plan] : children) {
    if (type == &runtime_type) return plan;
  }
  return nullptr;
}

bool operation_plan::holds_for(const boost::json::object& variables) const noexcept {
  for (const auto& [name, truth] : reads) {
    const auto* found = variables.if_contains(name);
    const bool now = found != nullptr && found->is_bool() && found->get_bool();
    if (now != truth) return false;
  }
  return true;
}

}  // namespace detail

namespace {

using detail::field_kind;
using detail::object_plan;
using detail::operation_plan;
using detail::planned_field;

bool uses_variables(const value_node& literal) {
  switch (literal.kind) {
    case node_kind::variable:
      return true;
    case node_kind::list_value:
      for (const value_node* item : static_cast<const list_value_node&>(literal).values) {
        if (uses_variables(*item)) return true;
      }
      return false;
    case node_kind::object_value:
      for (const object_field_node* field : static_cast<const object_value_node&>(literal).fields) {
        if (uses_variables(*field->value)) return true;
      }
      return false;
    default:
      return false;
  }
}

bool uses_variables(std::span<argument_node* const> arguments) {
  return std::any_of(arguments.begin(), arguments.end(),
                     [](const argument_node* a) { return uses_variables(*a->value); });
}

class plan_builder {
 public:
  plan_builder(const schema& served, const document& doc, const boost::json::object& variables,
               operation_plan& out)
      : served_(served), doc_(doc), fragments_(doc.root()), variables_(variables), out_(out) {}

  const object_plan& build_root(const object_type& t, const selection_set_node& selection_set) {
    grouped_field_set fields;
    collect_fields(served_, fragments_, t, selection_set, variables_, fields, &out_.reads);
    return build(t, std::move(fields));
  }

 private:
  const object_plan& build_sub(const object_type& t, std::span<const field_node* const> nodes) {
    return build(t, collect_subfields(served_, fragments_, t, nodes, variables_, &out_.reads));
  }

  const object_plan& build(const object_type& t, grouped_field_set fields) {
    object_plan& plan = out_.plans.emplace_back();
    plan.type = &t;
    plan.fields.reserve(fields.size());
    const bool introspection = detail::is_introspection_type(t);
    for (collected_field& field : fields) {
      const field_node& node = *field.nodes.front();
      const std::string_view name = node.name.value;
      planned_field p;
      p.parent_type = &t;
      if (name == "__typename") {
        p.def = &served_.typename_meta_field();
        p.kind = field_kind::typename_field;
      } else if (name == "__schema" && &t == served_.query_type()) {
        p.def = &served_.schema_meta_field();
        p.kind = field_kind::schema_field;
      } else if (name == "__type" && &t == served_.query_type()) {
        p.def = &served_.type_meta_field();
        p.kind = field_kind::type_field;
      } else {
        p.def = t.find_field(name);
        if (p.def == nullptr) continue;  // graphql-js skips unknown fields
        if (introspection) {
          p.kind = field_kind::introspection;
          p.introspection = detail::find_introspection_field(t.name(), name);
        } else if (out_.resolvers != nullptr &&
                   (p.entry = out_.resolvers->find(t.name(), name)) != nullptr &&
                   p.entry->resolves()) {
          p.kind = p.entry->async ? field_kind::async_resolver : field_kind::sync_resolver;
        }
      }
      p.key_json.reserve(field.response_key.size() + 4);
      p.key_json += ',';
      text::append_json_string(p.key_json, field.response_key);
      p.key_json += ':';
      if (!p.def->arguments.empty()) {
        if (uses_variables(node.arguments)) {
          p.arguments_use_variables = true;
          p.argument_slot = out_.argument_slots++;
        } else {
          p.arguments.error = coerce_argument_values(p.def->arguments, node.arguments, node,
                                                     variables_, doc_, p.arguments.values);
          if (p.arguments.error) p.arguments.error->code = error_code::bad_user_input;
        }
      }
      const named_type& named = p.def->field_type->named();
      if (named.kind() == type_kind::scalar) p.builtin = find_builtin_scalar(named.name());
      if (named.kind() == type_kind::object) {
        p.child = &build_sub(static_cast<const object_type&>(named), field.nodes);
        p.subtree_may_suspend = p.child->may_suspend;
      } else if (named.is_abstract()) {
        for (const object_type* possible : served_.possible_types(named)) {
          const object_plan& sub = build_sub(*possible, field.nodes);
          p.children.emplace_back(possible, &sub);
          p.subtree_may_suspend = p.subtree_may_suspend || sub.may_suspend;
        }
      }
      p.field = std::move(field);
      plan.may_suspend = plan.may_suspend || p.may_suspend();
      plan.fields.push_back(std::move(p));
    }
    return plan;
  }

  const schema& served_;
  const document& doc_;
  fragment_map fragments_;
  const boost::json::object& variables_;
  operation_plan& out_;
};

}  // namespace

std::shared_ptr<const detail::operation_plan> build_operation_plan(
    const schema& served, const document& doc, const operation_definition_node& operation,
    const resolver_map* resolvers, const boost::json::object& variables) {
  auto plan = std::make_shared<operation_plan>();
  plan->served = &served;
  plan->operation = &operation;
  plan->resolvers = resolvers;
  if (const object_type* root = served.root_type(operation.operation)) {
    plan_builder builder(served, doc, variables, *plan);
    plan->root = &builder.build_root(*root, *operation.selection_set);
  }
  return plan;
}

std::shared_ptr<const detail::operation_plan> execution_plans::get(
    const schema& served, const document& doc, const operation_definition_node& operation,
    const resolver_map* resolvers, const boost::json::object& variables) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& plan : plans_) {
      if (plan->operation == &operation && plan->served == &served &&
          plan->resolvers == resolvers && plan->holds_for(variables)) {
        return plan;
      }
    }
  }
  // Built outside the lock: two threads missing together both build, and both plans are
  // equally good (the second is kept only if there is still room).
  auto plan = build_operation_plan(served, doc, operation, resolvers, variables);
  std::lock_guard lock(mutex_);
  if (plans_.size() < k_max_plans) plans_.push_back(plan);
  return plan;
}

std::size_t execution_plans::size() const {
  std::lock_guard lock(mutex_);
  return plans_.size();
}

}  // namespace chat::graphql
