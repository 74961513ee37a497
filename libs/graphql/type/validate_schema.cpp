// graphql-js `validateSchema` (type/validate.ts): the type system's own rules (spec
// section 3 "Type Validation" of each kind), with graphql-js's messages in its order.
#include "graphql/type/validate_schema.hpp"

#include <algorithm>
#include <unordered_set>

namespace chat::graphql::detail {

std::span<const named_type* const> schema_draft::interfaces_of(const named_type& type) const {
  const auto found = declared_interfaces.find(&type);
  if (found != declared_interfaces.end()) return found->second;
  return {};
}

std::span<const named_type* const> schema_draft::members_of(const named_type& type) const {
  const auto found = declared_members.find(&type);
  if (found != declared_members.end()) return found->second;
  return {};
}

namespace {

bool is_required(const input_value& value) {
  return value.value_type->is_non_null() && value.default_value == nullptr;
}

class schema_validator {
 public:
  explicit schema_validator(const schema_draft& draft) : draft_(draft) {}

  std::vector<std::string> run() {
    validate_root_types();
    validate_directives();
    validate_types();
    return std::move(errors_);
  }

 private:
  void report(std::string message) { errors_.push_back(std::move(message)); }

  void validate_name(const std::string& name) {
    if (name.starts_with("__")) {
      report("Name \"" + name +
             "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
    }
  }

  void validate_root_types() {
    if (draft_.query == nullptr) {
      report("Query root type must be provided.");
    } else if (draft_.query->kind() != type_kind::object) {
      report("Query root type must be Object type, it cannot be " + draft_.query->name() + ".");
    }
    if (draft_.mutation != nullptr && draft_.mutation->kind() != type_kind::object) {
      report("Mutation root type must be Object type if provided, it cannot be " +
             draft_.mutation->name() + ".");
    }
    if (draft_.subscription != nullptr && draft_.subscription->kind() != type_kind::object) {
      report("Subscription root type must be Object type if provided, it cannot be " +
             draft_.subscription->name() + ".");
    }
  }

  void validate_directives() {
    for (const directive_definition* directive : draft_.directives) {
      validate_name(directive->name);
      if (directive->locations.empty()) {
        report("Directive @" + directive->name + " must include 1 or more locations.");
      }
      for (const input_value& arg : directive->arguments) {
        validate_name(arg.name);
        if (!arg.value_type->is_input_type()) {
          report("The type of @" + directive->name + "(" + arg.name +
                 ":) must be Input Type but got: " + arg.value_type->to_string() + ".");
        }
        if (is_required(arg) && arg.deprecated.deprecated) {
          report("Required argument @" + directive->name + "(" + arg.name +
                 ":) cannot be deprecated.");
        }
      }
    }
  }

  void validate_types() {
    for (const named_type* type : draft_.types) {
      const bool is_introspection =
          std::find(draft_.introspection_types.begin(), draft_.introspection_types.end(), type) !=
          draft_.introspection_types.end();
      if (!is_introspection) validate_name(type->name());
      switch (type->kind()) {
        case type_kind::object:
        case type_kind::interface:
          validate_fields(static_cast<const fields_type&>(*type));
          validate_interfaces(static_cast<const fields_type&>(*type));
          break;
        case type_kind::union_type:
          validate_union_members(*type);
          break;
        case type_kind::enum_type:
          validate_enum_values(static_cast<const enum_type&>(*type));
          break;
        case type_kind::input_object:
          validate_input_fields(static_cast<const input_object_type&>(*type));
          detect_input_cycles(static_cast<const input_object_type&>(*type));
          break;
        default:
          break;
      }
    }
  }

  void validate_fields(const fields_type& type) {
    if (type.fields().empty()) {
      report("Type " + type.name() + " must define one or more fields.");
    }
    for (const field_definition& field : type.fields()) {
      validate_name(field.name);
      if (!field.field_type->is_output_type()) {
        report("The type of " + type.name() + "." + field.name +
               " must be Output Type but got: " + field.field_type->to_string() + ".");
      }
      for (const input_value& arg : field.arguments) {
        validate_name(arg.name);
        if (!arg.value_type->is_input_type()) {
          report("The type of " + type.name() + "." + field.name + "(" + arg.name +
                 ":) must be Input Type but got: " + arg.value_type->to_string() + ".");
        }
        if (is_required(arg) && arg.deprecated.deprecated) {
          report("Required argument " + type.name() + "." + field.name + "(" + arg.name +
                 ":) cannot be deprecated.");
        }
      }
    }
  }

  void validate_interfaces(const fields_type& type) {
    std::unordered_set<const named_type*> seen;
    for (const named_type* iface : draft_.interfaces_of(type)) {
      if (iface->kind() != type_kind::interface) {
        report("Type " + type.name() +
               " must only implement Interface types, it cannot implement " + iface->name() + ".");
        continue;
      }
      if (iface == &type) {
        report("Type " + type.name() +
               " cannot implement itself because it would create a circular reference.");
        continue;
      }
      if (!seen.insert(iface).second) {
        report("Type " + type.name() + " can only implement " + iface->name() + " once.");
        continue;
      }
      validate_implements_ancestors(type, *iface);
      validate_implements_interface(type, static_cast<const fields_type&>(*iface));
    }
  }

  // Spec IsValidImplementationFieldType via graphql-js isTypeSubTypeOf.
  bool is_type_sub_type_of(const type& maybe_sub, const type& super) const {
    if (&maybe_sub == &super) return true;
    if (super.is_non_null()) {
      return maybe_sub.is_non_null() && is_type_sub_type_of(*maybe_sub.of_type(), *super.of_type());
    }
    if (maybe_sub.is_non_null()) return is_type_sub_type_of(*maybe_sub.of_type(), super);
    if (super.is_list()) {
      return maybe_sub.is_list() && is_type_sub_type_of(*maybe_sub.of_type(), *super.of_type());
    }
    if (maybe_sub.is_list()) return false;
    return super.is_abstract() &&
           (maybe_sub.kind() == type_kind::interface || maybe_sub.kind() == type_kind::object) &&
           draft_.built->is_sub_type(static_cast<const named_type&>(super),
                                     static_cast<const named_type&>(maybe_sub));
  }

  void validate_implements_interface(const fields_type& type, const fields_type& iface) {
    for (const field_definition& iface_field : iface.fields()) {
      const std::string& field_name = iface_field.name;
      const field_definition* type_field = type.find_field(field_name);
      if (type_field == nullptr) {
        report("Interface field " + iface.name() + "." + field_name + " expected but " +
               type.name() + " does not provide it.");
        continue;
      }
      if (!is_type_sub_type_of(*type_field->field_type, *iface_field.field_type)) {
        report("Interface field " + iface.name() + "." + field_name + " expects type " +
               iface_field.field_type->to_string() + " but " + type.name() + "." + field_name +
               " is type " + type_field->field_type->to_string() + ".");
      }
      for (const input_value& iface_arg : iface_field.arguments) {
        const input_value* type_arg = type_field->find_argument(iface_arg.name);
        if (type_arg == nullptr) {
          report("Interface field argument " + iface.name() + "." + field_name + "(" +
                 iface_arg.name + ":) expected but " + type.name() + "." + field_name +
                 " does not provide it.");
          continue;
        }
        if (iface_arg.value_type != type_arg->value_type) {
          report("Interface field argument " + iface.name() + "." + field_name + "(" +
                 iface_arg.name + ":) expects type " + iface_arg.value_type->to_string() + " but " +
                 type.name() + "." + field_name + "(" + iface_arg.name + ":) is type " +
                 type_arg->value_type->to_string() + ".");
        }
      }
      for (const input_value& type_arg : type_field->arguments) {
        if (iface_field.find_argument(type_arg.name) == nullptr && is_required(type_arg)) {
          report("Object field " + type.name() + "." + field_name + " includes required argument " +
                 type_arg.name + " that is missing from the Interface field " + iface.name() + "." +
                 field_name + ".");
        }
      }
    }
  }

  void validate_implements_ancestors(const fields_type& type, const named_type& iface) {
    const auto type_interfaces = draft_.interfaces_of(type);
    for (const named_type* transitive : draft_.interfaces_of(iface)) {
      if (std::find(type_interfaces.begin(), type_interfaces.end(), transitive) !=
          type_interfaces.end()) {
        continue;
      }
      if (transitive == &type) {
        report("Type " + type.name() + " cannot implement " + iface.name() +
               " because it would create a circular reference.");
      } else {
        report("Type " + type.name() + " must implement " + transitive->name() +
               " because it is implemented by " + iface.name() + ".");
      }
    }
  }

  void validate_union_members(const named_type& union_node) {
    const auto members = draft_.members_of(union_node);
    if (members.empty()) {
      report("Union type " + union_node.name() + " must define one or more member types.");
    }
    std::unordered_set<const named_type*> seen;
    for (const named_type* member : members) {
      if (!seen.insert(member).second) {
        report("Union type " + union_node.name() + " can only include type " + member->name() +
               " once.");
        continue;
      }
      if (member->kind() != type_kind::object) {
        report("Union type " + union_node.name() +
               " can only include Object types, it cannot include " + member->name() + ".");
      }
    }
  }

  void validate_enum_values(const enum_type& type) {
    if (type.values().empty()) {
      report("Enum type " + type.name() + " must define one or more values.");
    }
    for (const enum_value& value : type.values())
      validate_name(value.name);
  }

  void validate_input_fields(const input_object_type& type) {
    if (type.fields().empty()) {
      report("Input Object type " + type.name() + " must define one or more fields.");
    }
    for (const input_value& field : type.fields()) {
      validate_name(field.name);
      if (!field.value_type->is_input_type()) {
        report("The type of " + type.name() + "." + field.name +
               " must be Input Type but got: " + field.value_type->to_string() + ".");
      }
      if (is_required(field) && field.deprecated.deprecated) {
        report("Required input field " + type.name() + "." + field.name + " cannot be deprecated.");
      }
      if (type.is_one_of()) {
        if (field.value_type->is_non_null()) {
          report("OneOf input field " + type.name() + "." + field.name + " must be nullable.");
        }
        if (field.default_value != nullptr) {
          report("OneOf input field " + type.name() + "." + field.name +
                 " cannot have a default value.");
        }
      }
    }
  }

  // Depth-first search for cycles of non-null input object fields; each type is explored
  // once, and every cycle found on the way is reported (graphql-js
  // createInputObjectCircularRefsValidator).
  void detect_input_cycles(const input_object_type& type) {
    if (!visited_inputs_.insert(&type).second) return;
    path_index_[&type] = field_path_.size();
    for (const input_value& field : type.fields()) {
      if (!field.value_type->is_non_null() ||
          field.value_type->of_type()->kind() != type_kind::input_object) {
        continue;
      }
      const auto& field_type = static_cast<const input_object_type&>(*field.value_type->of_type());
      field_path_.push_back(&field);
      const auto cycle = path_index_.find(&field_type);
      if (cycle == path_index_.end()) {
        detect_input_cycles(field_type);
      } else {
        std::string path;
        for (std::size_t i = cycle->second; i < field_path_.size(); ++i) {
          if (!path.empty()) path += '.';
          path += field_path_[i]->name;
        }
        report("Cannot reference Input Object \"" + field_type.name() +
               "\" within itself through a series of non-null fields: \"" + path + "\".");
      }
      field_path_.pop_back();
    }
    path_index_.erase(&type);
  }

  const schema_draft& draft_;
  std::vector<std::string> errors_;
  std::unordered_set<const input_object_type*> visited_inputs_;
  std::vector<const input_value*> field_path_;
  std::unordered_map<const input_object_type*, std::size_t> path_index_;
};

}  // namespace

std::vector<std::string> validate_schema(const schema_draft& draft) {
  return schema_validator(draft).run();
}

}  // namespace chat::graphql::detail
