// The type system's read side (graphql-js `type/definition.ts`, `type/schema.ts`):
// predicates, names, lookups and the interned list and non-null wrappers.
#include "graphql/type/schema.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "graphql/type/introspection.hpp"
#include "graphql/type/schema_builder.hpp"

namespace chat::graphql {

std::string_view to_string(type_kind kind) noexcept {
  switch (kind) {
    case type_kind::scalar:
      return "SCALAR";
    case type_kind::object:
      return "OBJECT";
    case type_kind::interface:
      return "INTERFACE";
    case type_kind::union_type:
      return "UNION";
    case type_kind::enum_type:
      return "ENUM";
    case type_kind::input_object:
      return "INPUT_OBJECT";
    case type_kind::list:
      return "LIST";
    case type_kind::non_null:
      return "NON_NULL";
  }
  return "";
}

// ---- type ----

const named_type& type::named() const noexcept {
  const type* current = this;
  while (current->of_type_ != nullptr)
    current = current->of_type_;
  return static_cast<const named_type&>(*current);
}

bool type::is_input_type() const noexcept {
  const type_kind k = named().kind();
  return k == type_kind::scalar || k == type_kind::enum_type || k == type_kind::input_object;
}

bool type::is_output_type() const noexcept {
  const type_kind k = named().kind();
  return k == type_kind::scalar || k == type_kind::object || k == type_kind::interface ||
         k == type_kind::union_type || k == type_kind::enum_type;
}

// As graphql-js isLeafType / isCompositeType / isAbstractType: the type itself, not the
// type inside its wrappers.
bool type::is_leaf() const noexcept {
  return kind_ == type_kind::scalar || kind_ == type_kind::enum_type;
}

bool type::is_composite() const noexcept {
  return kind_ == type_kind::object || kind_ == type_kind::interface ||
         kind_ == type_kind::union_type;
}

bool type::is_abstract() const noexcept {
  return kind_ == type_kind::interface || kind_ == type_kind::union_type;
}

std::string type::to_string() const {
  switch (kind_) {
    case type_kind::list:
      return "[" + of_type_->to_string() + "]";
    case type_kind::non_null:
      return of_type_->to_string() + "!";
    default:
      return static_cast<const named_type*>(this)->name();
  }
}

// ---- members of named types ----

const input_value* field_definition::find_argument(std::string_view arg_name) const noexcept {
  for (const input_value& arg : arguments) {
    if (arg.name == arg_name) return &arg;
  }
  return nullptr;
}

bool scalar_type::is_builtin() const noexcept {
  const std::string& n = name();
  return n == "Int" || n == "Float" || n == "String" || n == "Boolean" || n == "ID";
}

const field_definition* fields_type::find_field(std::string_view field_name) const noexcept {
  const auto found = field_index_.find(field_name);
  return found == field_index_.end() ? nullptr : &fields_[found->second];
}

bool fields_type::implements(const interface_type& iface) const noexcept {
  return std::find(interfaces_.begin(), interfaces_.end(), &iface) != interfaces_.end();
}

const enum_value* enum_type::find_value(std::string_view value_name) const noexcept {
  for (const enum_value& value : values_) {
    if (value.name == value_name) return &value;
  }
  return nullptr;
}

const input_value* input_object_type::find_field(std::string_view field_name) const noexcept {
  for (const input_value& field : fields_) {
    if (field.name == field_name) return &field;
  }
  return nullptr;
}

// ---- directives ----

namespace {

constexpr std::array<std::pair<directive_location, std::string_view>, 20> k_location_names{{
    {directive_location::query, "QUERY"},
    {directive_location::mutation, "MUTATION"},
    {directive_location::subscription, "SUBSCRIPTION"},
    {directive_location::field, "FIELD"},
    {directive_location::fragment_definition, "FRAGMENT_DEFINITION"},
    {directive_location::fragment_spread, "FRAGMENT_SPREAD"},
    {directive_location::inline_fragment, "INLINE_FRAGMENT"},
    {directive_location::variable_definition, "VARIABLE_DEFINITION"},
    {directive_location::schema, "SCHEMA"},
    {directive_location::scalar, "SCALAR"},
    {directive_location::object, "OBJECT"},
    {directive_location::field_definition, "FIELD_DEFINITION"},
    {directive_location::argument_definition, "ARGUMENT_DEFINITION"},
    {directive_location::interface, "INTERFACE"},
    {directive_location::union_type, "UNION"},
    {directive_location::enum_type, "ENUM"},
    {directive_location::enum_value, "ENUM_VALUE"},
    {directive_location::input_object, "INPUT_OBJECT"},
    {directive_location::input_field_definition, "INPUT_FIELD_DEFINITION"},
    {directive_location::directive_definition, "DIRECTIVE_DEFINITION"},
}};

}  // namespace

std::string_view to_string(directive_location location) noexcept {
  for (const auto& [value, text] : k_location_names) {
    if (value == location) return text;
  }
  return "";
}

std::optional<directive_location> parse_directive_location(std::string_view text) noexcept {
  for (const auto& [value, name] : k_location_names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

bool directive_definition::allowed_at(directive_location location) const noexcept {
  return std::find(locations.begin(), locations.end(), location) != locations.end();
}

const input_value* directive_definition::find_argument(std::string_view arg_name) const noexcept {
  for (const input_value& arg : arguments) {
    if (arg.name == arg_name) return &arg;
  }
  return nullptr;
}

// ---- schema ----

schema::schema() : impl_(std::make_unique<impl>()) {}
schema::~schema() = default;

const object_type* schema::root_type(operation_type operation) const noexcept {
  switch (operation) {
    case operation_type::query:
      return query_;
    case operation_type::mutation:
      return mutation_;
    case operation_type::subscription:
      return subscription_;
  }
  return nullptr;
}

const named_type* schema::find_type(std::string_view name) const noexcept {
  const auto found = impl_->types_by_name.find(name);
  return found == impl_->types_by_name.end() ? nullptr : found->second;
}

const directive_definition* schema::find_directive(std::string_view name) const noexcept {
  for (const directive_definition* directive : directive_list_) {
    if (directive->name == name) return directive;
  }
  return nullptr;
}

std::span<const object_type* const> schema::possible_types(const named_type& abstract) const {
  if (abstract.kind() == type_kind::union_type) {
    return static_cast<const union_type&>(abstract).members();
  }
  if (abstract.kind() == type_kind::interface) {
    const auto found = impl_->implementing_objects.find(&abstract);
    if (found != impl_->implementing_objects.end()) return found->second;
  }
  return {};
}

bool schema::is_sub_type(const named_type& abstract, const named_type& maybe_sub) const {
  if (&abstract == &maybe_sub) return true;
  if (abstract.kind() == type_kind::union_type) {
    const auto members = static_cast<const union_type&>(abstract).members();
    return std::find(members.begin(), members.end(), &maybe_sub) != members.end();
  }
  if (abstract.kind() != type_kind::interface) return false;
  if (maybe_sub.kind() == type_kind::object) {
    const auto objects = possible_types(abstract);
    return std::find(objects.begin(), objects.end(), &maybe_sub) != objects.end();
  }
  if (maybe_sub.kind() == type_kind::interface) {
    const auto found = impl_->implementing_interfaces.find(&abstract);
    if (found == impl_->implementing_interfaces.end()) return false;
    return std::find(found->second.begin(), found->second.end(), &maybe_sub) != found->second.end();
  }
  return false;
}

namespace {

// Finds or makes the wrapper of `of` in `wrappers`: a shared lock for the common hit, an
// exclusive one to insert.
template <typename Wrapper>
const Wrapper& intern(std::shared_mutex& mutex,
                      std::unordered_map<const type*, std::unique_ptr<Wrapper>>& wrappers,
                      const type& of) {
  {
    std::shared_lock lock(mutex);
    const auto found = wrappers.find(&of);
    if (found != wrappers.end()) return *found->second;
  }
  std::unique_lock lock(mutex);
  auto& slot = wrappers[&of];
  if (!slot) slot = std::make_unique<Wrapper>(of);
  return *slot;
}

}  // namespace

const list_type& schema::list_of(const type& of) const {
  return intern(impl_->wrappers_mutex, impl_->lists, of);
}

const non_null_type& schema::non_null_of(const type& of) const {
  return intern(impl_->wrappers_mutex, impl_->non_nulls, of);
}

const field_definition& schema::schema_meta_field() const noexcept {
  return impl_->schema_meta_field;
}
const field_definition& schema::type_meta_field() const noexcept {
  return impl_->type_meta_field;
}
const field_definition& schema::typename_meta_field() const noexcept {
  return impl_->typename_meta_field;
}

// ---- schema_builder ----

schema_builder::schema_builder() : schema_(new schema()) {}
schema_builder::~schema_builder() = default;

directive_definition& schema_builder::make_directive() {
  impl().owned_directives.push_back(std::make_unique<directive_definition>());
  return *impl().owned_directives.back();
}

void schema_builder::add_field(fields_type& type, field_definition field) {
  field.index = type.fields_.size();
  type.field_index_[field.name] = type.fields_.size();
  type.fields_.push_back(std::move(field));
}

void schema_builder::set_types(std::vector<const named_type*> types) {
  schema::impl& state = impl();
  state.types_by_name.clear();
  state.implementing_objects.clear();
  state.implementing_interfaces.clear();
  for (const named_type* named : types) {
    state.types_by_name.emplace(named->name(), named);
    if (named->kind() == type_kind::object || named->kind() == type_kind::interface) {
      const auto& fields = static_cast<const fields_type&>(*named);
      for (const interface_type* iface : fields.interfaces()) {
        if (iface->kind() != type_kind::interface) continue;
        if (named->kind() == type_kind::object) {
          state.implementing_objects[iface].push_back(static_cast<const object_type*>(named));
        } else {
          state.implementing_interfaces[iface].push_back(static_cast<const interface_type*>(named));
        }
      }
    }
  }
  schema_->type_list_ = std::move(types);
}

std::shared_ptr<const schema> schema_builder::finish() {
  return std::shared_ptr<const schema>(schema_.release());
}

}  // namespace chat::graphql
