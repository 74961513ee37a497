// KnownDirectivesRule (spec 5.7.1 Directives Are Defined, 5.7.2 Directives Are In Valid
// Locations): every case of graphql-js 16.15 `KnownDirectivesRule-test.ts`, with its
// messages and locations. graphql-js runs the "within SDL" cases through `validateSDL`;
// here they run through `validate` against a schema with the same directives, which the
// rule cannot tell apart.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;
using testing::schema_from;

const schema& directives_schema() {
  static const auto built = schema_from(R"(
  type Query {
    dummy: String
  }

  directive @onQuery on QUERY
  directive @onMutation on MUTATION
  directive @onSubscription on SUBSCRIPTION
  directive @onField on FIELD
  directive @onFragmentDefinition on FRAGMENT_DEFINITION
  directive @onFragmentSpread on FRAGMENT_SPREAD
  directive @onInlineFragment on INLINE_FRAGMENT
  directive @onVariableDefinition on VARIABLE_DEFINITION
)");
  return *built;
}

// graphql-js's schemaWithSDLDirectives, plus the query type a valid schema needs.
const schema& sdl_directives_schema() {
  static const auto built = schema_from(R"(
  type Query {
    dummy: String
  }

  directive @onSchema on SCHEMA
  directive @onScalar on SCALAR
  directive @onObject on OBJECT
  directive @onFieldDefinition on FIELD_DEFINITION
  directive @onArgumentDefinition on ARGUMENT_DEFINITION
  directive @onInterface on INTERFACE
  directive @onUnion on UNION
  directive @onEnum on ENUM
  directive @onEnumValue on ENUM_VALUE
  directive @onInputObject on INPUT_OBJECT
  directive @onInputFieldDefinition on INPUT_FIELD_DEFINITION
)");
  return *built;
}

// Stands for graphql-js's "no schema" (the specified directives only).
const schema& specified_directives_schema() {
  static const auto built = schema_from(R"(
        type Query {
          foo: String
        }
)");
  return *built;
}

const schema& test_directive_schema() {
  static const auto built = schema_from(R"(
        directive @test on OBJECT

        type Query {
          foo: String
        }
)");
  return *built;
}

TEST(KnownDirectivesRule, WithNoDirectives) {
  expect_valid(known_directives, R"(
      query Foo {
        name
        ...Frag
      }

      fragment Frag on Dog {
        name
      }
    )",
               &directives_schema());
}

TEST(KnownDirectivesRule, WithStandardDirectives) {
  expect_valid(known_directives, R"(
      {
        human @skip(if: false) {
          name
          pets {
            ... on Dog @include(if: true) {
              name
            }
          }
        }
      }
    )",
               &directives_schema());
}

TEST(KnownDirectivesRule, WithUnknownDirective) {
  expect_errors(known_directives, R"(
      {
        human @unknown(directive: "value") {
          name
        }
      }
    )",
                {{"Unknown directive \"@unknown\".", {{3, 15}}}}, &directives_schema());
}

TEST(KnownDirectivesRule, WithManyUnknownDirectives) {
  expect_errors(known_directives, R"(
      {
        __typename @unknown
        human @unknown {
          name
          pets @unknown {
            name
          }
        }
      }
    )",
                {{"Unknown directive \"@unknown\".", {{3, 20}}},
                 {"Unknown directive \"@unknown\".", {{4, 15}}},
                 {"Unknown directive \"@unknown\".", {{6, 16}}}},
                &directives_schema());
}

TEST(KnownDirectivesRule, WithWellPlacedDirectives) {
  expect_valid(known_directives, R"(
      query ($var: Boolean @onVariableDefinition) @onQuery {
        human @onField {
          ...Frag @onFragmentSpread
          ... @onInlineFragment {
            name @onField
          }
        }
      }

      mutation @onMutation {
        someField @onField
      }

      subscription @onSubscription {
        someField @onField
      }

      fragment Frag on Human @onFragmentDefinition {
        name @onField
      }
    )",
               &directives_schema());
}

TEST(KnownDirectivesRule, WithMisplacedDirectives) {
  expect_errors(known_directives, R"(
      query ($var: Boolean @onQuery) @onMutation {
        human @onQuery {
          ...Frag @onQuery
          ... @onQuery {
            name @onQuery
          }
        }
      }

      mutation @onQuery {
        someField @onQuery
      }

      subscription @onQuery {
        someField @onQuery
      }

      fragment Frag on Human @onQuery {
        name @onQuery
      }
    )",
                {{"Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION.", {{2, 28}}},
                 {"Directive \"@onMutation\" may not be used on QUERY.", {{2, 38}}},
                 {"Directive \"@onQuery\" may not be used on FIELD.", {{3, 15}}},
                 {"Directive \"@onQuery\" may not be used on FRAGMENT_SPREAD.", {{4, 19}}},
                 {"Directive \"@onQuery\" may not be used on INLINE_FRAGMENT.", {{5, 15}}},
                 {"Directive \"@onQuery\" may not be used on FIELD.", {{6, 18}}},
                 {"Directive \"@onQuery\" may not be used on MUTATION.", {{11, 16}}},
                 {"Directive \"@onQuery\" may not be used on FIELD.", {{12, 19}}},
                 {"Directive \"@onQuery\" may not be used on SUBSCRIPTION.", {{15, 20}}},
                 {"Directive \"@onQuery\" may not be used on FIELD.", {{16, 19}}},
                 {"Directive \"@onQuery\" may not be used on FRAGMENT_DEFINITION.", {{19, 30}}},
                 {"Directive \"@onQuery\" may not be used on FIELD.", {{20, 14}}}},
                &directives_schema());
}

// ---- within SDL ----

TEST(KnownDirectivesRule, WithinSdlWithDirectiveDefinedInsideSdl) {
  expect_valid(known_directives, R"(
        type Query {
          foo: String @test
        }

        directive @test on FIELD_DEFINITION
      )",
               &specified_directives_schema());
}

TEST(KnownDirectivesRule, WithinSdlWithStandardDirective) {
  expect_valid(known_directives, R"(
        type Query {
          foo: String @deprecated
        }
      )",
               &specified_directives_schema());
}

TEST(KnownDirectivesRule, WithinSdlWithOverriddenStandardDirective) {
  expect_valid(known_directives, R"(
        schema @deprecated {
          query: Query
        }
        directive @deprecated on SCHEMA
      )",
               &specified_directives_schema());
}

TEST(KnownDirectivesRule, WithinSdlWithDirectiveDefinedInSchemaExtension) {
  expect_valid(known_directives, R"(
          directive @test on OBJECT

          extend type Query @test
        )",
               &specified_directives_schema());
}

TEST(KnownDirectivesRule, WithinSdlWithDirectiveUsedInSchemaExtension) {
  expect_valid(known_directives, R"(
          extend type Query @test
        )",
               &test_directive_schema());
}

TEST(KnownDirectivesRule, WithinSdlWithUnknownDirectiveInSchemaExtension) {
  expect_errors(known_directives, R"(
          extend type Query @unknown
        )",
                {{"Unknown directive \"@unknown\".", {{2, 29}}}}, &specified_directives_schema());
}

TEST(KnownDirectivesRule, WithinSdlWithWellPlacedDirectives) {
  expect_valid(known_directives, R"(
          type MyObj implements MyInterface @onObject {
            myField(myArg: Int @onArgumentDefinition): String @onFieldDefinition
          }

          extend type MyObj @onObject

          scalar MyScalar @onScalar

          extend scalar MyScalar @onScalar

          interface MyInterface @onInterface {
            myField(myArg: Int @onArgumentDefinition): String @onFieldDefinition
          }

          extend interface MyInterface @onInterface

          union MyUnion @onUnion = MyObj | Other

          extend union MyUnion @onUnion

          enum MyEnum @onEnum {
            MY_VALUE @onEnumValue
          }

          extend enum MyEnum @onEnum

          input MyInput @onInputObject {
            myField: Int @onInputFieldDefinition
          }

          extend input MyInput @onInputObject

          schema @onSchema {
            query: MyQuery
          }

          extend schema @onSchema
        )",
               &sdl_directives_schema());
}

TEST(KnownDirectivesRule, WithinSdlWithMisplacedDirectives) {
  expect_errors(
      known_directives, R"(
          type MyObj implements MyInterface @onInterface {
            myField(myArg: Int @onInputFieldDefinition): String @onInputFieldDefinition
          }

          scalar MyScalar @onEnum

          interface MyInterface @onObject {
            myField(myArg: Int @onInputFieldDefinition): String @onInputFieldDefinition
          }

          union MyUnion @onEnumValue = MyObj | Other

          enum MyEnum @onScalar {
            MY_VALUE @onUnion
          }

          input MyInput @onEnum {
            myField: Int @onArgumentDefinition
          }

          schema @onObject {
            query: MyQuery
          }

          extend schema @onObject
        )",
      {{"Directive \"@onInterface\" may not be used on OBJECT.", {{2, 45}}},
       {"Directive \"@onInputFieldDefinition\" may not be used on ARGUMENT_DEFINITION.", {{3, 32}}},
       {"Directive \"@onInputFieldDefinition\" may not be used on FIELD_DEFINITION.", {{3, 65}}},
       {"Directive \"@onEnum\" may not be used on SCALAR.", {{6, 27}}},
       {"Directive \"@onObject\" may not be used on INTERFACE.", {{8, 33}}},
       {"Directive \"@onInputFieldDefinition\" may not be used on ARGUMENT_DEFINITION.", {{9, 32}}},
       {"Directive \"@onInputFieldDefinition\" may not be used on FIELD_DEFINITION.", {{9, 65}}},
       {"Directive \"@onEnumValue\" may not be used on UNION.", {{12, 25}}},
       {"Directive \"@onScalar\" may not be used on ENUM.", {{14, 23}}},
       {"Directive \"@onUnion\" may not be used on ENUM_VALUE.", {{15, 22}}},
       {"Directive \"@onEnum\" may not be used on INPUT_OBJECT.", {{18, 25}}},
       {"Directive \"@onArgumentDefinition\" may not be used on INPUT_FIELD_DEFINITION.",
        {{19, 26}}},
       {"Directive \"@onObject\" may not be used on SCHEMA.", {{22, 18}}},
       {"Directive \"@onObject\" may not be used on SCHEMA.", {{26, 25}}}},
      &sdl_directives_schema());
}

// Not in graphql-js's file (checked against graphql-js 16.15): graphql-js calls an input
// field of an input object *extension*, and an argument of a directive definition,
// ARGUMENT_DEFINITION; directives on extensions of every kind are located like the
// definitions'.
TEST(KnownDirectivesRule, WithinSdlInputFieldsOfExtensionsAreArgumentDefinitions) {
  expect_errors(
      known_directives, R"(
          extend input MyInput @onInputObject {
            extraField: Int @onInputFieldDefinition
            otherField: Int @onArgumentDefinition
          }
          directive @custom(arg: Int @onArgumentDefinition @onInputFieldDefinition) on FIELD
          extend interface MyInterface @onObject
          extend union MyUnion @onEnum
          extend enum MyEnum @onEnum { OTHER @onEnumValue @onEnum }
          extend scalar MyScalar @onObject
        )",
      {{"Directive \"@onInputFieldDefinition\" may not be used on ARGUMENT_DEFINITION.", {{3, 29}}},
       {"Directive \"@onInputFieldDefinition\" may not be used on ARGUMENT_DEFINITION.", {{6, 60}}},
       {"Directive \"@onObject\" may not be used on INTERFACE.", {{7, 40}}},
       {"Directive \"@onEnum\" may not be used on UNION.", {{8, 32}}},
       {"Directive \"@onEnum\" may not be used on ENUM_VALUE.", {{9, 59}}},
       {"Directive \"@onObject\" may not be used on SCALAR.", {{10, 34}}}},
      &sdl_directives_schema());
}

TEST(KnownDirectivesRule, ReportsUnknownDirectivesInEveryLocation) {
  expect_errors(known_directives, R"(
      query Q($v: Int @a) @b { f @c ...F @d ... @e { g } }
      fragment F on Query @f { h }
      type T @g { f(a: Int @h): Int @i }
    )",
                {{"Unknown directive \"@a\".", {{2, 23}}},
                 {"Unknown directive \"@b\".", {{2, 27}}},
                 {"Unknown directive \"@c\".", {{2, 34}}},
                 {"Unknown directive \"@d\".", {{2, 42}}},
                 {"Unknown directive \"@e\".", {{2, 49}}},
                 {"Unknown directive \"@f\".", {{3, 27}}},
                 {"Unknown directive \"@g\".", {{4, 14}}},
                 {"Unknown directive \"@h\".", {{4, 28}}},
                 {"Unknown directive \"@i\".", {{4, 37}}}},
                &directives_schema());
}

}  // namespace
}  // namespace chat::graphql::rules
