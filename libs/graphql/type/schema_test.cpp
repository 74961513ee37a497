// The type system's read side (spec section 3 "Type System", 3.5–3.12 "Types" and
// "Type References"; SPEC GQL-1): predicates, names, interned wrappers, lookups and the
// possible types of abstract types, as graphql-js `type/definition.ts` and
// `type/schema.ts` define them.
#include "graphql/type/schema.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace chat::graphql {
namespace {

constexpr std::string_view k_sdl = R"gql(
  interface Node { id: ID! }
  interface Named implements Node { id: ID! name: String }
  type User implements Named & Node { id: ID! name: String }
  type Team implements Node { id: ID! }
  type Bot { id: ID! }
  union Actor = User | Bot
  enum Color { RED }
  input Filter { color: Color }
  scalar Date
  type Query { node: Node actors: [Actor!]! color(f: Filter): Color date: Date }
)gql";

std::shared_ptr<const schema> test_schema() {
  static const std::shared_ptr<const schema> built = [] {
    build_result result = build_schema(k_sdl);
    EXPECT_TRUE(result.errors.empty()) << (result.errors.empty() ? "" : result.errors.front());
    return result.built;
  }();
  return built;
}

const named_type& find(std::string_view name) {
  const named_type* type = test_schema()->find_type(name);
  EXPECT_NE(type, nullptr) << name;
  return *type;
}

TEST(Schema, InternsListAndNonNullWrappers) {
  const schema& s = *test_schema();
  const named_type& user = find("User");
  EXPECT_EQ(&s.list_of(user), &s.list_of(user));
  EXPECT_EQ(&s.non_null_of(s.list_of(user)), &s.non_null_of(s.list_of(user)));
  EXPECT_NE(static_cast<const type*>(&s.list_of(user)),
            static_cast<const type*>(&s.non_null_of(user)));
  EXPECT_EQ(s.list_of(user).of_type(), &user);
}

TEST(Schema, FieldTypesUseTheInternedWrappers) {
  const schema& s = *test_schema();
  const field_definition* actors = s.query_type()->find_field("actors");
  ASSERT_NE(actors, nullptr);
  EXPECT_EQ(actors->field_type, &s.non_null_of(s.list_of(s.non_null_of(find("Actor")))));
}

TEST(Schema, InterningIsSafeFromManyThreads) {
  const schema& s = *test_schema();
  const named_type& date = find("Date");
  std::vector<const type*> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = &s.non_null_of(s.list_of(s.list_of(date))); });
  }
  for (std::thread& thread : threads)
    thread.join();
  for (const type* each : seen)
    EXPECT_EQ(each, seen.front());
}

TEST(Schema, PrintsTypesAsWrittenInGraphql) {
  const schema& s = *test_schema();
  const named_type& string = find("String");
  EXPECT_EQ(string.to_string(), "String");
  EXPECT_EQ(s.non_null_of(s.list_of(s.non_null_of(string))).to_string(), "[String!]!");
  EXPECT_EQ(s.list_of(s.list_of(string)).to_string(), "[[String]]");
}

TEST(Schema, NamedUnwrapsEveryWrapper) {
  const schema& s = *test_schema();
  const named_type& user = find("User");
  EXPECT_EQ(&s.non_null_of(s.list_of(s.non_null_of(user))).named(), &user);
  EXPECT_EQ(&user.named(), &user);
}

TEST(Schema, InputAndOutputTypesLookThroughWrappers) {
  const schema& s = *test_schema();
  EXPECT_TRUE(find("Filter").is_input_type());
  EXPECT_FALSE(find("Filter").is_output_type());
  EXPECT_TRUE(s.list_of(find("Filter")).is_input_type());
  EXPECT_TRUE(find("Color").is_input_type());
  EXPECT_TRUE(find("Color").is_output_type());
  EXPECT_TRUE(find("Date").is_input_type());
  EXPECT_FALSE(find("User").is_input_type());
  EXPECT_TRUE(s.non_null_of(find("Actor")).is_output_type());
}

TEST(Schema, LeafCompositeAndAbstractConcernTheTypeItself) {
  const schema& s = *test_schema();
  EXPECT_TRUE(find("Color").is_leaf());
  EXPECT_TRUE(find("Boolean").is_leaf());
  EXPECT_FALSE(s.non_null_of(find("Boolean")).is_leaf());
  EXPECT_TRUE(find("User").is_composite());
  EXPECT_TRUE(find("Actor").is_composite());
  EXPECT_FALSE(find("Filter").is_composite());
  EXPECT_TRUE(find("Node").is_abstract());
  EXPECT_TRUE(find("Actor").is_abstract());
  EXPECT_FALSE(find("User").is_abstract());
}

TEST(Schema, NamesKindsAsTypeKind) {
  EXPECT_EQ(to_string(type_kind::scalar), "SCALAR");
  EXPECT_EQ(to_string(type_kind::union_type), "UNION");
  EXPECT_EQ(to_string(type_kind::input_object), "INPUT_OBJECT");
  EXPECT_EQ(to_string(type_kind::non_null), "NON_NULL");
  EXPECT_EQ(find("Actor").kind(), type_kind::union_type);
  EXPECT_EQ(test_schema()->list_of(find("Actor")).kind(), type_kind::list);
}

TEST(Schema, PossibleTypesOfAUnionAreItsMembers) {
  const auto possible = test_schema()->possible_types(find("Actor"));
  ASSERT_EQ(possible.size(), 2u);
  EXPECT_EQ(possible[0]->name(), "User");
  EXPECT_EQ(possible[1]->name(), "Bot");
}

TEST(Schema, PossibleTypesOfAnInterfaceAreItsObjectsInTypeMapOrder) {
  const auto possible = test_schema()->possible_types(find("Node"));
  ASSERT_EQ(possible.size(), 2u);
  EXPECT_EQ(possible[0]->name(), "User");
  EXPECT_EQ(possible[1]->name(), "Team");
  EXPECT_TRUE(test_schema()->possible_types(find("User")).empty());
}

TEST(Schema, IsSubTypeCoversMembersImplementationsAndInterfaces) {
  const schema& s = *test_schema();
  EXPECT_TRUE(s.is_sub_type(find("Actor"), find("User")));
  EXPECT_FALSE(s.is_sub_type(find("Actor"), find("Team")));
  EXPECT_TRUE(s.is_sub_type(find("Node"), find("Team")));
  EXPECT_TRUE(s.is_sub_type(find("Node"), find("Named")));  // an interface implementing it
  EXPECT_FALSE(s.is_sub_type(find("Named"), find("Team")));
  EXPECT_FALSE(s.is_sub_type(find("Node"), find("Bot")));
  // The contract counts a type as its own subtype (graphql-js isSubType says no, but
  // every graphql-js caller tests equality first).
  EXPECT_TRUE(s.is_sub_type(find("Node"), find("Node")));
}

TEST(Schema, ImplementsListsDeclaredInterfaces) {
  const auto& user = static_cast<const object_type&>(find("User"));
  EXPECT_TRUE(user.implements(static_cast<const interface_type&>(find("Node"))));
  EXPECT_TRUE(user.implements(static_cast<const interface_type&>(find("Named"))));
  const auto& team = static_cast<const object_type&>(find("Team"));
  EXPECT_FALSE(team.implements(static_cast<const interface_type&>(find("Named"))));
  ASSERT_EQ(user.interfaces().size(), 2u);
  EXPECT_EQ(user.interfaces()[0]->name(), "Named");
}

TEST(Schema, LooksUpTypesFieldsArgumentsValuesAndDirectives) {
  const schema& s = *test_schema();
  EXPECT_EQ(s.find_type("Nope"), nullptr);
  EXPECT_EQ(s.find_type("Float"), nullptr);  // unreferenced: not in graphql-js's type map
  const field_definition* color = s.query_type()->find_field("color");
  ASSERT_NE(color, nullptr);
  ASSERT_NE(color->find_argument("f"), nullptr);
  EXPECT_EQ(color->find_argument("g"), nullptr);
  const auto& filter = static_cast<const input_object_type&>(find("Filter"));
  EXPECT_NE(filter.find_field("color"), nullptr);
  EXPECT_EQ(filter.find_field("size"), nullptr);
  const auto& color_enum = static_cast<const enum_type&>(find("Color"));
  EXPECT_NE(color_enum.find_value("RED"), nullptr);
  EXPECT_EQ(color_enum.find_value("BLUE"), nullptr);
  const directive_definition* skip = s.find_directive("skip");
  ASSERT_NE(skip, nullptr);
  EXPECT_NE(skip->find_argument("if"), nullptr);
  EXPECT_TRUE(skip->allowed_at(directive_location::inline_fragment));
  EXPECT_EQ(s.find_directive("nope"), nullptr);
}

TEST(Schema, RootTypesByOperation) {
  const schema& s = *test_schema();
  EXPECT_EQ(s.root_type(operation_type::query), s.query_type());
  EXPECT_EQ(s.root_type(operation_type::mutation), nullptr);
  EXPECT_EQ(s.root_type(operation_type::subscription), nullptr);
}

TEST(DirectiveLocation, ParsesAndPrintsEveryLocation) {
  const std::vector<std::string_view> names{"QUERY",
                                            "MUTATION",
                                            "SUBSCRIPTION",
                                            "FIELD",
                                            "FRAGMENT_DEFINITION",
                                            "FRAGMENT_SPREAD",
                                            "INLINE_FRAGMENT",
                                            "VARIABLE_DEFINITION",
                                            "SCHEMA",
                                            "SCALAR",
                                            "OBJECT",
                                            "FIELD_DEFINITION",
                                            "ARGUMENT_DEFINITION",
                                            "INTERFACE",
                                            "UNION",
                                            "ENUM",
                                            "ENUM_VALUE",
                                            "INPUT_OBJECT",
                                            "INPUT_FIELD_DEFINITION",
                                            "DIRECTIVE_DEFINITION"};
  for (const std::string_view name : names) {
    const auto parsed = parse_directive_location(name);
    ASSERT_TRUE(parsed) << name;
    EXPECT_EQ(to_string(*parsed), name);
  }
  EXPECT_FALSE(parse_directive_location("query"));
  EXPECT_FALSE(parse_directive_location("NOWHERE"));
}

}  // namespace
}  // namespace chat::graphql
