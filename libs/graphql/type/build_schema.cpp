// build_schema: SDL text → schema, as graphql-js `buildSchema` (utilities/buildASTSchema.ts
// and extendSchema.ts's extendSchemaImpl) followed by `validateSchema` (SPEC GQL-2).
//
// The phases: parse; validateSDL; make every named type (a definition and its
// extensions, merged in document order); fill fields, interfaces, members and values;
// directives; root types; the type map in graphql-js order; schema validation.
#include <algorithm>
#include <unordered_map>

#include "graphql/language/parser.hpp"
#include "graphql/type/introspection.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/type/schema_builder.hpp"
#include "graphql/type/validate_schema.hpp"
#include "graphql/type/validate_sdl.hpp"
#include "graphql/type/value_printer.hpp"

namespace chat::graphql {

namespace {

// graphql-js throws these from getDirectiveValues while building; the first one ends the
// build with its message.
struct build_failure {
  std::string message;
};

std::string description_of(const string_value_node* description) {
  return description == nullptr ? std::string() : std::string(description->value);
}

const directive_node* find_directive_node(std::span<directive_node* const> directives,
                                          std::string_view name) {
  for (const directive_node* directive : directives) {
    if (directive->name.value == name) return directive;
  }
  return nullptr;
}

const argument_node* find_argument_node(const directive_node& directive, std::string_view name) {
  const argument_node* found = nullptr;
  for (const argument_node* arg : directive.arguments) {
    if (arg->name.value == name) found = arg;  // graphql-js keyMap: the last one wins
  }
  return found;
}

// graphql-js getDeprecationReason: `@deprecated(reason: String = "No longer supported")`.
// `reason: null` leaves the element not deprecated (its reason is null).
deprecation deprecation_of(std::span<directive_node* const> directives) {
  deprecation result;
  const directive_node* directive = find_directive_node(directives, "deprecated");
  if (directive == nullptr) return result;
  const argument_node* reason = find_argument_node(*directive, "reason");
  if (reason == nullptr) {
    result.deprecated = true;
    result.reason = detail::k_default_deprecation_reason;
    return result;
  }
  if (reason->value->kind == node_kind::null_value) return result;
  if (reason->value->kind != node_kind::string_value) {
    throw build_failure{"Argument \"reason\" has invalid value " + print_value(*reason->value) +
                        "."};
  }
  result.deprecated = true;
  result.reason = static_cast<const string_value_node&>(*reason->value).value;
  return result;
}

// graphql-js getSpecifiedByURL: `@specifiedBy(url: String!)`.
std::string specified_by_url_of(std::span<directive_node* const> directives) {
  const directive_node* directive = find_directive_node(directives, "specifiedBy");
  if (directive == nullptr) return {};
  const argument_node* url = find_argument_node(*directive, "url");
  if (url == nullptr) {
    throw build_failure{"Argument \"url\" of required type \"String!\" was not provided."};
  }
  if (url->value->kind == node_kind::null_value) {
    throw build_failure{"Argument \"url\" of non-null type \"String!\" must not be null."};
  }
  if (url->value->kind != node_kind::string_value) {
    throw build_failure{"Argument \"url\" has invalid value " + print_value(*url->value) + "."};
  }
  return std::string(static_cast<const string_value_node&>(*url->value).value);
}

// A JavaScript Set's order under delete-then-add: what graphql-js's GraphQLSchema
// constructor uses to order its type map.
class ordered_type_set {
 public:
  bool contains(const named_type* type) const { return position_.contains(type); }
  void add(const named_type* type) {
    position_[type] = order_.size();
    order_.push_back(type);
  }
  void erase(const named_type* type) {
    const auto found = position_.find(type);
    if (found == position_.end()) return;
    order_[found->second] = nullptr;
    position_.erase(found);
  }
  std::vector<const named_type*> take() {
    std::vector<const named_type*> result;
    for (const named_type* type : order_) {
      if (type != nullptr) result.push_back(type);
    }
    return result;
  }

 private:
  std::vector<const named_type*> order_;
  std::unordered_map<const named_type*, std::size_t> position_;
};

class sdl_schema_builder {
 public:
  sdl_schema_builder(std::shared_ptr<const document> doc, const build_options& options)
      : doc_(std::move(doc)), options_(options) {}

  build_result build() {
    build_result result;
    builder_.keep_document(doc_);
    std_types_ = detail::add_standard_types(builder_);
    try {
      collect_definitions();
      make_types();
      make_directives();
      fill_types();
    } catch (const build_failure& failure) {
      result.errors.push_back(failure.message);
      return result;
    }
    choose_root_types();
    order_types();
    result.errors = detail::validate_schema(draft_);
    if (!result.errors.empty()) return result;
    result.built = builder_.finish();
    return result;
  }

 private:
  struct made_type {
    const named_type* type = nullptr;
    named_type* own = nullptr;  // the same type when this document defines it
    /// The definition then its extensions (empty for a standard type).
    std::vector<const type_definition_node*> nodes;
  };

  void collect_definitions() {
    for (const definition_node* definition : doc_->root().definitions) {
      if (definition->kind == node_kind::schema_definition) {
        schema_definition_ = static_cast<const schema_definition_node*>(definition);
      } else if (definition->kind == node_kind::schema_extension) {
        schema_extensions_.push_back(static_cast<const schema_definition_node*>(definition));
      } else if (is_type_definition(definition->kind)) {
        type_definitions_.push_back(static_cast<const type_definition_node*>(definition));
      } else if (is_type_extension(definition->kind)) {
        const auto* extension = static_cast<const type_definition_node*>(definition);
        extensions_[extension->name.value].push_back(extension);
      } else if (definition->kind == node_kind::directive_definition) {
        directive_definitions_.push_back(static_cast<const directive_definition_node*>(definition));
      }
    }
  }

  // graphql-js typeMap: each definition's name, the standard type when the name is one.
  void make_types() {
    for (const type_definition_node* definition : type_definitions_) {
      const std::string_view name = definition->name.value;
      made_type made;
      made.type = std_types_.find(name);
      if (made.type == nullptr) {
        made.nodes.push_back(definition);
        const auto extensions = extensions_.find(name);
        if (extensions != extensions_.end()) {
          made.nodes.insert(made.nodes.end(), extensions->second.begin(), extensions->second.end());
        }
        made.own = &make_shell(*definition, made.nodes);
        made.type = made.own;
        for (const type_definition_node* node : made.nodes) {
          schema_builder::add_ast_node(*made.own, node);
        }
      }
      const auto existing = type_index_.find(name);
      if (existing != type_index_.end()) {
        type_map_[existing->second] = made;
      } else {
        type_index_[name] = type_map_.size();
        type_map_.push_back(made);
      }
    }
  }

  // A type with what graphql-js gives it at creation: scalars their @specifiedBy and enums
  // their values (the rest comes from thunks, filled later).
  named_type& make_shell(const type_definition_node& definition,
                         std::span<const type_definition_node* const> nodes) {
    std::string name(definition.name.value);
    std::string description = description_of(definition.description);
    switch (definition.kind) {
      case node_kind::scalar_type_definition: {
        const auto custom = options_.scalars.find(name);
        scalar_coercion coercion =
            custom != options_.scalars.end() ? custom->second : accept_any_coercion();
        // Only the definition's @specifiedBy counts (graphql-js buildType).
        std::string url = specified_by_url_of(definition.directives);
        return builder_.make_type<scalar_type>(std::move(name), std::move(description),
                                               std::move(coercion), std::move(url));
      }
      case node_kind::object_type_definition:
        return builder_.make_type<object_type>(std::move(name), std::move(description));
      case node_kind::interface_type_definition:
        return builder_.make_type<interface_type>(std::move(name), std::move(description));
      case node_kind::union_type_definition:
        return builder_.make_type<union_type>(std::move(name), std::move(description));
      case node_kind::enum_type_definition: {
        auto& made = builder_.make_type<enum_type>(std::move(name), std::move(description));
        fill_enum(made, nodes);
        return made;
      }
      default: {
        auto& made = builder_.make_type<input_object_type>(std::move(name), std::move(description));
        // Only the definition's @oneOf counts (graphql-js buildType).
        schema_builder::set_one_of(made,
                                   find_directive_node(definition.directives, "oneOf") != nullptr);
        return made;
      }
    }
  }

  const named_type* lookup(std::string_view name) const {
    if (const named_type* standard = std_types_.find(name)) return standard;
    const auto found = type_index_.find(name);
    return found == type_index_.end() ? nullptr : type_map_[found->second].type;
  }

  const type& resolve(const type_node& node) {
    switch (node.kind) {
      case node_kind::list_type:
        return builder_.list_of(resolve(*static_cast<const list_type_node&>(node).type));
      case node_kind::non_null_type:
        return builder_.non_null_of(resolve(*static_cast<const non_null_type_node&>(node).type));
      default: {
        const std::string_view name = static_cast<const named_type_node&>(node).name.value;
        const named_type* found = lookup(name);
        // Unreachable after validateSDL (KnownTypeNamesRule).
        if (found == nullptr) throw build_failure{"Unknown type: \"" + std::string(name) + "\"."};
        return *found;
      }
    }
  }

  input_value make_input_value(const input_value_definition_node& node) {
    input_value value;
    value.name = node.name.value;
    value.description = description_of(node.description);
    value.value_type = &resolve(*node.type);
    value.default_value = node.default_value;
    value.deprecated = deprecation_of(node.directives);
    value.ast = &node;
    return value;
  }

  void fill_enum(enum_type& type, std::span<const type_definition_node* const> nodes) {
    for (const type_definition_node* node : nodes) {
      for (const enum_value_definition_node* value_node :
           static_cast<const enum_type_definition_node*>(node)->values) {
        enum_value value;
        value.name = value_node->name.value;
        value.description = description_of(value_node->description);
        value.deprecated = deprecation_of(value_node->directives);
        value.ast = value_node;
        schema_builder::add_value(type, std::move(value));
      }
    }
  }

  void fill_types() {
    for (made_type& made : type_map_) {
      if (made.own == nullptr) continue;  // a standard type: complete already
      named_type& type = *made.own;
      switch (type.kind()) {
        case type_kind::object:
        case type_kind::interface:
          fill_fields(static_cast<fields_type&>(type), made.nodes);
          break;
        case type_kind::union_type: {
          auto& members = draft_.declared_members[&type];
          for (const type_definition_node* node : made.nodes) {
            for (const named_type_node* member :
                 static_cast<const union_type_definition_node*>(node)->types) {
              const named_type& resolved = static_cast<const named_type&>(resolve(*member));
              members.push_back(&resolved);
              if (resolved.kind() == type_kind::object) {
                schema_builder::add_member(static_cast<union_type&>(type),
                                           static_cast<const object_type&>(resolved));
              }
            }
          }
          break;
        }
        case type_kind::input_object:
          for (const type_definition_node* node : made.nodes) {
            for (const input_value_definition_node* field :
                 static_cast<const input_object_type_definition_node*>(node)->fields) {
              schema_builder::add_input_field(static_cast<input_object_type&>(type),
                                              make_input_value(*field));
            }
          }
          break;
        default:
          break;
      }
    }
  }

  void fill_fields(fields_type& type, std::span<const type_definition_node* const> nodes) {
    auto& interfaces = draft_.declared_interfaces[&type];
    for (const type_definition_node* node : nodes) {
      const auto& fields_node = static_cast<const object_type_definition_node&>(*node);
      for (const named_type_node* iface : fields_node.interfaces) {
        const named_type& resolved = static_cast<const named_type&>(resolve(*iface));
        interfaces.push_back(&resolved);
        if (resolved.kind() == type_kind::interface) {
          schema_builder::add_interface(type, static_cast<const interface_type&>(resolved));
        }
      }
    }
    for (const type_definition_node* node : nodes) {
      for (const field_definition_node* field_node :
           static_cast<const object_type_definition_node*>(node)->fields) {
        field_definition field;
        field.name = field_node->name.value;
        field.description = description_of(field_node->description);
        field.field_type = &resolve(*field_node->type);
        for (const input_value_definition_node* arg : field_node->arguments) {
          field.arguments.push_back(make_input_value(*arg));
        }
        field.deprecated = deprecation_of(field_node->directives);
        field.ast = field_node;
        schema_builder::add_field(type, std::move(field));
      }
    }
  }

  // The document's directives first, then the specified ones it does not redefine.
  void make_directives() {
    std::vector<const directive_definition*> directives;
    for (const directive_definition_node* node : directive_definitions_) {
      directive_definition& directive = builder_.make_directive();
      directive.name = node->name.value;
      directive.description = description_of(node->description);
      for (const graphql::name& location : node->locations) {
        if (const auto parsed = parse_directive_location(location.value)) {
          directive.locations.push_back(*parsed);
        }
      }
      directive.repeatable = node->repeatable;
      for (const input_value_definition_node* arg : node->arguments) {
        directive.arguments.push_back(make_input_value(*arg));
      }
      directive.ast = node;
      directives.push_back(&directive);
    }
    for (const directive_definition* standard :
         detail::add_specified_directives(builder_, std_types_)) {
      const bool redefined =
          std::any_of(directives.begin(), directives.end(),
                      [&](const directive_definition* own) { return own->name == standard->name; });
      if (!redefined) directives.push_back(standard);
    }
    draft_.directives = directives;
    builder_.set_directives(std::move(directives));
  }

  void choose_root_types() {
    const auto apply = [&](const schema_definition_node& node) {
      for (const operation_type_definition_node* operation : node.operation_types) {
        const named_type* root = lookup(operation->type->name.value);
        switch (operation->operation) {
          case operation_type::query:
            draft_.query = root;
            break;
          case operation_type::mutation:
            draft_.mutation = root;
            break;
          case operation_type::subscription:
            draft_.subscription = root;
            break;
        }
      }
    };
    if (schema_definition_ != nullptr) {
      apply(*schema_definition_);
      builder_.set_description(description_of(schema_definition_->description));
    }
    for (const schema_definition_node* extension : schema_extensions_)
      apply(*extension);
    if (schema_definition_ == nullptr) {
      // Without `schema { }`, the conventional names decide (after any `extend schema`).
      for (const made_type& made : type_map_) {
        const std::string& name = made.type->name();
        if (name == "Query") draft_.query = made.type;
        if (name == "Mutation") draft_.mutation = made.type;
        if (name == "Subscription") draft_.subscription = made.type;
      }
    }
    const auto as_object = [](const named_type* root) {
      return root != nullptr && root->kind() == type_kind::object
                 ? static_cast<const object_type*>(root)
                 : nullptr;
    };
    builder_.set_roots(as_object(draft_.query), as_object(draft_.mutation),
                       as_object(draft_.subscription));
  }

  // graphql-js collectReferencedTypes, depth first from each type.
  void collect(const type& reference, ordered_type_set& set) {
    const named_type* named = &reference.named();
    if (set.contains(named)) return;
    set.add(named);
    switch (named->kind()) {
      case type_kind::union_type:
        for (const named_type* member : members_of(*named))
          collect(*member, set);
        break;
      case type_kind::object:
      case type_kind::interface: {
        for (const named_type* iface : interfaces_of(*named))
          collect(*iface, set);
        for (const field_definition& field : static_cast<const fields_type*>(named)->fields()) {
          collect(*field.field_type, set);
          for (const input_value& arg : field.arguments)
            collect(*arg.value_type, set);
        }
        break;
      }
      case type_kind::input_object:
        for (const input_value& field : static_cast<const input_object_type*>(named)->fields()) {
          collect(*field.value_type, set);
        }
        break;
      default:
        break;
    }
  }

  // The declared lists for the SDL's own types; the built ones for standard types.
  std::vector<const named_type*> interfaces_of(const named_type& type) const {
    const auto found = draft_.declared_interfaces.find(&type);
    if (found != draft_.declared_interfaces.end()) return found->second;
    const auto interfaces = static_cast<const fields_type&>(type).interfaces();
    return {interfaces.begin(), interfaces.end()};
  }
  std::vector<const named_type*> members_of(const named_type& type) const {
    const auto found = draft_.declared_members.find(&type);
    if (found != draft_.declared_members.end()) return found->second;
    const auto members = static_cast<const union_type&>(type).members();
    return {members.begin(), members.end()};
  }

  // graphql-js GraphQLSchema's constructor: the SDL's types (each moved to the end as it
  // is processed, its new references after it), the roots, directive arguments, __Schema.
  void order_types() {
    ordered_type_set set;
    for (const made_type& made : type_map_)
      set.add(made.type);
    for (const made_type& made : type_map_) {
      set.erase(made.type);
      collect(*made.type, set);
    }
    for (const named_type* root : {draft_.query, draft_.mutation, draft_.subscription}) {
      if (root != nullptr) collect(*root, set);
    }
    for (const directive_definition* directive : draft_.directives) {
      for (const input_value& arg : directive->arguments)
        collect(*arg.value_type, set);
    }
    collect(std_types_.schema_type(), set);

    draft_.built = &builder_.target();
    draft_.types = set.take();
    draft_.introspection_types.assign(std_types_.introspection.begin(),
                                      std_types_.introspection.end());
    builder_.set_types(draft_.types);
  }

  std::shared_ptr<const document> doc_;
  const build_options& options_;
  schema_builder builder_;
  detail::standard_types std_types_;
  detail::schema_draft draft_;

  const schema_definition_node* schema_definition_ = nullptr;
  std::vector<const schema_definition_node*> schema_extensions_;
  std::vector<const type_definition_node*> type_definitions_;
  std::unordered_map<std::string_view, std::vector<const type_definition_node*>> extensions_;
  std::vector<const directive_definition_node*> directive_definitions_;
  std::vector<made_type> type_map_;
  std::unordered_map<std::string_view, std::size_t> type_index_;
};

}  // namespace

build_result build_schema(std::string_view sdl, const build_options& options) {
  parse_options parsing;
  parsing.max_tokens = 0;  // the schema is ours, not a client's: no token limit
  parse_result parsed = parse(sdl, parsing);
  if (!parsed.doc) {
    build_result result;
    if (parsed.error) result.errors.push_back(parsed.error->message);
    return result;
  }
  std::vector<std::string> sdl_errors = detail::validate_sdl(parsed.doc->root());
  if (!sdl_errors.empty()) {
    build_result result;
    result.errors = std::move(sdl_errors);
    return result;
  }
  return sdl_schema_builder(std::move(parsed.doc), options).build();
}

}  // namespace chat::graphql
