// graphql-js `validateSDL` (validation/validate.ts) with `specifiedSDLRules`, for a
// document that builds a new schema (no schema to extend). graphql-js runs the rules in
// parallel over one traversal; each node below calls the rules that watch it in
// `specifiedSDLRules` order, and children are visited in graphql-js's key order, so
// errors appear in the same order.
#include "graphql/type/validate_sdl.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "graphql/error/suggestions.hpp"
#include "graphql/type/introspection.hpp"
#include "graphql/type/value_printer.hpp"

namespace chat::graphql::detail {

namespace {

using name_set = std::unordered_set<std::string_view>;

// What the directive rules know of a directive: graphql-js's specified directives, then
// the document's own definitions (a later definition replaces an earlier one).
struct directive_facts {
  std::vector<std::string_view> locations;
  std::vector<std::string_view> arguments;
  std::vector<std::pair<std::string_view, std::string>> required;  // name, type as written
  bool unique = true;
};

std::string_view extension_kind_name(node_kind kind) {
  switch (kind) {
    case node_kind::scalar_type_extension:
      return "scalar";
    case node_kind::object_type_extension:
      return "object";
    case node_kind::interface_type_extension:
      return "interface";
    case node_kind::union_type_extension:
      return "union";
    case node_kind::enum_type_extension:
      return "enum";
    default:
      return "input object";
  }
}

node_kind extension_kind_of(node_kind definition_kind) {
  switch (definition_kind) {
    case node_kind::scalar_type_definition:
      return node_kind::scalar_type_extension;
    case node_kind::object_type_definition:
      return node_kind::object_type_extension;
    case node_kind::interface_type_definition:
      return node_kind::interface_type_extension;
    case node_kind::union_type_definition:
      return node_kind::union_type_extension;
    case node_kind::enum_type_definition:
      return node_kind::enum_type_extension;
    default:
      return node_kind::input_object_type_extension;
  }
}

std::string_view location_of_type_node(node_kind kind) {
  switch (kind) {
    case node_kind::scalar_type_definition:
    case node_kind::scalar_type_extension:
      return "SCALAR";
    case node_kind::object_type_definition:
    case node_kind::object_type_extension:
      return "OBJECT";
    case node_kind::interface_type_definition:
    case node_kind::interface_type_extension:
      return "INTERFACE";
    case node_kind::union_type_definition:
    case node_kind::union_type_extension:
      return "UNION";
    case node_kind::enum_type_definition:
    case node_kind::enum_type_extension:
      return "ENUM";
    default:
      return "INPUT_OBJECT";
  }
}

std::vector<std::string> as_strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

class sdl_validator {
 public:
  explicit sdl_validator(const document_node& document) : document_(document) { prepare(); }

  std::vector<std::string> run() {
    for (const definition_node* definition : document_.definitions) {
      in_sdl_definition_ =
          is_type_system_definition(definition->kind) || is_type_system_extension(definition->kind);
      visit_definition(*definition);
    }
    return std::move(errors_);
  }

 private:
  // ---- set-up (what graphql-js rules compute when created) ----

  void prepare() {
    for (const specified_directive_info& info : specified_directive_infos()) {
      directive_facts facts;
      for (const directive_location location : info.locations) {
        facts.locations.push_back(to_string(location));
      }
      facts.arguments = info.arguments;
      for (const auto& [arg, type_text] : info.required) {
        facts.required.emplace_back(arg, std::string(type_text));
      }
      facts.unique = !info.repeatable;
      directives_[info.name] = std::move(facts);
    }
    for (const definition_node* definition : document_.definitions) {
      if (const auto* directive = node_cast<directive_definition_node>(definition)) {
        directive_facts facts;
        for (const graphql::name& location : directive->locations) {
          facts.locations.push_back(location.value);
        }
        for (const input_value_definition_node* arg : directive->arguments) {
          if (std::find(facts.arguments.begin(), facts.arguments.end(), arg->name.value) ==
              facts.arguments.end()) {
            facts.arguments.push_back(arg->name.value);
          }
          if (arg->type->kind == node_kind::non_null_type && arg->default_value == nullptr) {
            facts.required.emplace_back(arg->name.value, print_type_node(*arg->type));
          }
        }
        facts.unique = !directive->repeatable;
        directives_[directive->name.value] = std::move(facts);
      } else if (is_type_definition(definition->kind)) {
        const auto& type_def = static_cast<const type_definition_node&>(*definition);
        if (defined_types_.insert(type_def.name.value).second) {
          defined_type_order_.push_back(type_def.name.value);
        }
        last_type_definition_[type_def.name.value] = definition;
      }
    }
  }

  void report(std::string message) { errors_.push_back(std::move(message)); }

  // ---- traversal ----

  void visit_definition(const definition_node& definition) {
    switch (definition.kind) {
      case node_kind::schema_definition:
      case node_kind::schema_extension:
        visit_schema(static_cast<const schema_definition_node&>(definition));
        return;
      case node_kind::directive_definition:
        visit_directive_definition(static_cast<const directive_definition_node&>(definition));
        return;
      case node_kind::operation_definition:
        visit_operation(static_cast<const operation_definition_node&>(definition));
        return;
      case node_kind::fragment_definition: {
        const auto& fragment = static_cast<const fragment_definition_node&>(definition);
        unique_directives_per_location(fragment.directives, nullptr);
        if (fragment.type_condition != nullptr) known_type_name(*fragment.type_condition);
        visit_directives(fragment.directives, "FRAGMENT_DEFINITION");
        visit_selection_set(fragment.selection_set);
        return;
      }
      default:
        if (is_type_definition(definition.kind) || is_type_extension(definition.kind)) {
          visit_type(static_cast<const type_definition_node&>(definition));
        }
        return;
    }
  }

  void visit_schema(const schema_definition_node& schema_node) {
    if (schema_node.kind == node_kind::schema_definition) lone_schema_definition();
    unique_operation_types(schema_node);
    unique_directives_per_location(schema_node.directives, &schema_directives_);
    visit_directives(schema_node.directives, "SCHEMA");
    for (const operation_type_definition_node* operation : schema_node.operation_types) {
      known_type_name(*operation->type);
    }
  }

  void visit_type(const type_definition_node& type_node) {
    const std::string_view type_name = type_node.name.value;
    const bool is_extension = is_type_extension(type_node.kind);
    if (!is_extension) unique_type_name(type_node);
    if (const auto* enum_node = node_cast<enum_type_definition_node>(&type_node)) {
      unique_enum_value_names(*enum_node);
    }
    const auto* fields_node = node_cast<object_type_definition_node>(&type_node);
    const auto* input_node = node_cast<input_object_type_definition_node>(&type_node);
    if (fields_node != nullptr) {
      unique_field_names(type_name, fields_node->fields);
      unique_argument_definition_names(*fields_node);
    } else if (input_node != nullptr) {
      unique_field_names(type_name, input_node->fields);
    }
    unique_directives_per_location(type_node.directives, &type_directives_[type_name]);
    if (is_extension) possible_type_extension(type_node);

    // Children, in graphql-js key order (interfaces before directives; union members and
    // enum values after them).
    if (fields_node != nullptr) {
      for (const named_type_node* iface : fields_node->interfaces)
        known_type_name(*iface);
    }
    visit_directives(type_node.directives, location_of_type_node(type_node.kind));
    if (fields_node != nullptr) {
      for (const field_definition_node* field : fields_node->fields)
        visit_field_definition(*field);
    } else if (input_node != nullptr) {
      // graphql-js calls an input field's directive location INPUT_FIELD_DEFINITION only
      // inside a definition; inside an extension it says ARGUMENT_DEFINITION.
      const std::string_view location = type_node.kind == node_kind::input_object_type_definition
                                            ? "INPUT_FIELD_DEFINITION"
                                            : "ARGUMENT_DEFINITION";
      for (const input_value_definition_node* field : input_node->fields) {
        visit_input_value(*field, location);
      }
    } else if (const auto* union_node = node_cast<union_type_definition_node>(&type_node)) {
      for (const named_type_node* member : union_node->types)
        known_type_name(*member);
    } else if (const auto* enum_node = node_cast<enum_type_definition_node>(&type_node)) {
      for (const enum_value_definition_node* value : enum_node->values) {
        unique_directives_per_location(value->directives, nullptr);
        visit_directives(value->directives, "ENUM_VALUE");
      }
    }
  }

  void visit_field_definition(const field_definition_node& field) {
    unique_directives_per_location(field.directives, nullptr);
    for (const input_value_definition_node* arg : field.arguments) {
      visit_input_value(*arg, "ARGUMENT_DEFINITION");
    }
    visit_type_reference(*field.type);
    visit_directives(field.directives, "FIELD_DEFINITION");
  }

  void visit_input_value(const input_value_definition_node& value, std::string_view location) {
    unique_directives_per_location(value.directives, nullptr);
    visit_type_reference(*value.type);
    if (value.default_value != nullptr) visit_value(*value.default_value);
    visit_directives(value.directives, location);
  }

  void visit_directive_definition(const directive_definition_node& directive) {
    check_argument_uniqueness("@" + std::string(directive.name.value), directive.arguments);
    unique_directive_name(directive);
    for (const input_value_definition_node* arg : directive.arguments) {
      visit_input_value(*arg, "ARGUMENT_DEFINITION");
    }
  }

  void visit_operation(const operation_definition_node& operation) {
    unique_directives_per_location(operation.directives, nullptr);
    for (const variable_definition_node* variable : operation.variable_definitions) {
      unique_directives_per_location(variable->directives, nullptr);
      visit_type_reference(*variable->type);
      if (variable->default_value != nullptr) visit_value(*variable->default_value);
      visit_directives(variable->directives, "VARIABLE_DEFINITION");
    }
    std::string location(to_string(operation.operation));
    for (char& c : location)
      c = static_cast<char>(c - 'a' + 'A');
    visit_directives(operation.directives, location);
    visit_selection_set(operation.selection_set);
  }

  void visit_selection_set(const selection_set_node* selection_set) {
    if (selection_set == nullptr) return;
    for (const selection_node* selection : selection_set->selections) {
      unique_directives_per_location(selection->directives, nullptr);
      if (const auto* field = node_cast<field_node>(selection)) {
        check_argument_names_unique(field->arguments);
        for (const argument_node* arg : field->arguments)
          visit_value(*arg->value);
        visit_directives(field->directives, "FIELD");
        visit_selection_set(field->selection_set);
      } else if (const auto* spread = node_cast<fragment_spread_node>(selection)) {
        visit_directives(spread->directives, "FRAGMENT_SPREAD");
      } else if (const auto* inline_fragment = node_cast<inline_fragment_node>(selection)) {
        if (inline_fragment->type_condition != nullptr) {
          known_type_name(*inline_fragment->type_condition);
        }
        visit_directives(inline_fragment->directives, "INLINE_FRAGMENT");
        visit_selection_set(inline_fragment->selection_set);
      }
    }
  }

  void visit_type_reference(const type_node& type) {
    if (const auto* named = node_cast<named_type_node>(&type)) {
      known_type_name(*named);
    } else if (const auto* list = node_cast<list_type_node>(&type)) {
      visit_type_reference(*list->type);
    } else if (const auto* non_null = node_cast<non_null_type_node>(&type)) {
      visit_type_reference(*non_null->type);
    }
  }

  void visit_directives(std::span<directive_node* const> directives, std::string_view location) {
    for (const directive_node* directive : directives) {
      known_directive(*directive, location);
      known_argument_names_on_directive(*directive);
      check_argument_names_unique(directive->arguments);
      for (const argument_node* arg : directive->arguments)
        visit_value(*arg->value);
      provided_required_arguments_on_directive(*directive);  // on leave
    }
  }

  void visit_value(const value_node& value) {
    if (const auto* list = node_cast<list_value_node>(&value)) {
      for (const value_node* item : list->values)
        visit_value(*item);
    } else if (const auto* object = node_cast<object_value_node>(&value)) {
      // UniqueInputFieldNamesRule: names are unique per object literal.
      std::unordered_map<std::string_view, bool> known;
      for (const object_field_node* field : object->fields) {
        if (!known.emplace(field->name.value, true).second) {
          report("There can be only one input field named \"" + std::string(field->name.value) +
                 "\".");
        }
        visit_value(*field->value);
      }
    }
  }

  // ---- the rules ----

  // LoneSchemaDefinitionRule
  void lone_schema_definition() {
    if (schema_definitions_ > 0) report("Must provide only one schema definition.");
    ++schema_definitions_;
  }

  // UniqueOperationTypesRule
  void unique_operation_types(const schema_definition_node& schema_node) {
    for (const operation_type_definition_node* operation : schema_node.operation_types) {
      if (!defined_operation_types_.insert(operation->operation).second) {
        report("There can be only one " + std::string(to_string(operation->operation)) +
               " type in schema.");
      }
    }
  }

  // UniqueTypeNamesRule
  void unique_type_name(const type_definition_node& type_node) {
    if (!known_type_names_.insert(type_node.name.value).second) {
      report("There can be only one type named \"" + std::string(type_node.name.value) + "\".");
    }
  }

  // UniqueEnumValueNamesRule
  void unique_enum_value_names(const enum_type_definition_node& enum_node) {
    name_set& known = known_enum_values_[enum_node.name.value];
    for (const enum_value_definition_node* value : enum_node.values) {
      if (!known.insert(value->name.value).second) {
        report("Enum value \"" + std::string(enum_node.name.value) + "." +
               std::string(value->name.value) + "\" can only be defined once.");
      }
    }
  }

  // UniqueFieldDefinitionNamesRule
  template <typename Field>
  void unique_field_names(std::string_view type_name, std::span<Field* const> fields) {
    name_set& known = known_field_names_[type_name];
    for (const Field* field : fields) {
      if (!known.insert(field->name.value).second) {
        report("Field \"" + std::string(type_name) + "." + std::string(field->name.value) +
               "\" can only be defined once.");
      }
    }
  }

  // UniqueArgumentDefinitionNamesRule
  void unique_argument_definition_names(const object_type_definition_node& type_node) {
    for (const field_definition_node* field : type_node.fields) {
      check_argument_uniqueness(
          std::string(type_node.name.value) + "." + std::string(field->name.value),
          field->arguments);
    }
  }

  void check_argument_uniqueness(const std::string& parent,
                                 std::span<input_value_definition_node* const> arguments) {
    for (const std::string_view name : repeated_names(arguments)) {
      report("Argument \"" + parent + "(" + std::string(name) + ":)\" can only be defined once.");
    }
  }

  // Names given more than once, in order of first appearance (graphql-js groupBy).
  template <typename Node>
  static std::vector<std::string_view> repeated_names(std::span<Node* const> nodes) {
    std::vector<std::pair<std::string_view, std::size_t>> counts;
    for (const Node* n : nodes) {
      const auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& entry) {
        return entry.first == n->name.value;
      });
      if (found == counts.end()) {
        counts.emplace_back(n->name.value, 1);
      } else {
        ++found->second;
      }
    }
    std::vector<std::string_view> repeated;
    for (const auto& [name, count] : counts) {
      if (count > 1) repeated.push_back(name);
    }
    return repeated;
  }

  // UniqueDirectiveNamesRule
  void unique_directive_name(const directive_definition_node& directive) {
    if (!known_directive_names_.insert(directive.name.value).second) {
      report("There can be only one directive named \"@" + std::string(directive.name.value) +
             "\".");
    }
  }

  // KnownTypeNamesRule
  void known_type_name(const named_type_node& named) {
    const std::string_view type_name = named.name.value;
    if (defined_types_.contains(type_name)) return;
    const auto standard = standard_type_names();
    const bool is_standard =
        std::find(standard.begin(), standard.end(), type_name) != standard.end();
    if (in_sdl_definition_ && is_standard) return;
    std::vector<std::string> options;
    if (in_sdl_definition_) options.assign(standard.begin(), standard.end());
    options.insert(options.end(), defined_type_order_.begin(), defined_type_order_.end());
    report("Unknown type \"" + std::string(type_name) + "\"." +
           did_you_mean(suggestion_list(type_name, options)));
  }

  // KnownDirectivesRule
  void known_directive(const directive_node& directive, std::string_view location) {
    const auto found = directives_.find(directive.name.value);
    if (found == directives_.end()) {
      report("Unknown directive \"@" + std::string(directive.name.value) + "\".");
      return;
    }
    const auto& locations = found->second.locations;
    if (std::find(locations.begin(), locations.end(), location) == locations.end()) {
      report("Directive \"@" + std::string(directive.name.value) + "\" may not be used on " +
             std::string(location) + ".");
    }
  }

  // UniqueDirectivesPerLocationRule: `seen` persists across a type's definition and
  // extensions (and across schema definitions); null means a fresh set for this node.
  void unique_directives_per_location(std::span<directive_node* const> directives, name_set* seen) {
    name_set fresh;
    name_set& known = seen != nullptr ? *seen : fresh;
    for (const directive_node* directive : directives) {
      const auto facts = directives_.find(directive->name.value);
      if (facts == directives_.end() || !facts->second.unique) continue;
      if (!known.insert(directive->name.value).second) {
        report("The directive \"@" + std::string(directive->name.value) +
               "\" can only be used once at this location.");
      }
    }
  }

  // PossibleTypeExtensionsRule
  void possible_type_extension(const type_definition_node& extension) {
    const std::string_view type_name = extension.name.value;
    const auto found = last_type_definition_.find(type_name);
    if (found != last_type_definition_.end()) {
      if (extension_kind_of(found->second->kind) != extension.kind) {
        report("Cannot extend non-" + std::string(extension_kind_name(extension.kind)) +
               " type \"" + std::string(type_name) + "\".");
      }
      return;
    }
    report("Cannot extend type \"" + std::string(type_name) + "\" because it is not defined." +
           did_you_mean(suggestion_list(type_name, as_strings(defined_type_order_))));
  }

  // KnownArgumentNamesOnDirectivesRule
  void known_argument_names_on_directive(const directive_node& directive) {
    const auto found = directives_.find(directive.name.value);
    if (found == directives_.end()) return;
    const auto& known = found->second.arguments;
    for (const argument_node* arg : directive.arguments) {
      if (std::find(known.begin(), known.end(), arg->name.value) != known.end()) continue;
      report("Unknown argument \"" + std::string(arg->name.value) + "\" on directive \"@" +
             std::string(directive.name.value) + "\"." +
             did_you_mean(suggestion_list(arg->name.value, as_strings(known))));
    }
  }

  // UniqueArgumentNamesRule
  void check_argument_names_unique(std::span<argument_node* const> arguments) {
    for (const std::string_view name : repeated_names(arguments)) {
      report("There can be only one argument named \"" + std::string(name) + "\".");
    }
  }

  // ProvidedRequiredArgumentsOnDirectivesRule
  void provided_required_arguments_on_directive(const directive_node& directive) {
    const auto found = directives_.find(directive.name.value);
    if (found == directives_.end()) return;
    for (const auto& [arg_name, type_text] : found->second.required) {
      const bool provided =
          std::any_of(directive.arguments.begin(), directive.arguments.end(),
                      [&wanted = arg_name](const argument_node* arg) {
                        return arg->name.value == wanted;  // clang 14 cannot capture a binding
                      });
      if (!provided) {
        report("Directive \"@" + std::string(directive.name.value) + "\" argument \"" +
               std::string(arg_name) + "\" of type \"" + type_text +
               "\" is required, but it was not provided.");
      }
    }
  }

  const document_node& document_;
  std::vector<std::string> errors_;
  bool in_sdl_definition_ = false;

  std::unordered_map<std::string_view, directive_facts> directives_;
  name_set defined_types_;
  std::vector<std::string_view> defined_type_order_;
  std::unordered_map<std::string_view, const definition_node*> last_type_definition_;

  int schema_definitions_ = 0;
  std::set<operation_type> defined_operation_types_;
  name_set known_type_names_;
  std::unordered_map<std::string_view, name_set> known_enum_values_;
  std::unordered_map<std::string_view, name_set> known_field_names_;
  name_set known_directive_names_;
  name_set schema_directives_;
  std::unordered_map<std::string_view, name_set> type_directives_;
};

}  // namespace

std::vector<std::string> validate_sdl(const document_node& document) {
  return sdl_validator(document).run();
}

}  // namespace chat::graphql::detail
