// Ports graphql-js 16 `src/validation/__tests__/KnownTypeNamesRule-test.ts`.
// Spec section 5.5.1.2, "Fragment Spread Type Existence", and 5.8.2.
//
// graphql-js runs the "within SDL" cases through `validateSDL` (the SDL builder's own
// KnownTypeNames check lives in type/validate_sdl.cpp). Here the same documents go
// through `validate` against a small schema, which is how a type system definition sent
// for execution meets this rule; the expectations are graphql-js 16.15's answers for
// exactly that, and match its `validateSDL` answers.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;
using testing::schema_from;

TEST(KnownTypeNamesRule, AcceptsKnownTypeNames) {
  expect_valid(rules::known_type_names, R"(
      query Foo(
        $var: String
        $required: [Int!]!
        $introspectionType: __EnumValue
      ) {
        user(id: 4) {
          pets { ... on Pet { name }, ...PetFields, ... { name } }
        }
      }

      fragment PetFields on Pet {
        name
      }
    )");
}

TEST(KnownTypeNamesRule, ReportsUnknownTypeNamesWithSuggestions) {
  expect_errors(rules::known_type_names, R"(
      query Foo($var: [JumbledUpLetters!]!) {
        user(id: 4) {
          name
          pets { ... on Badger { name }, ...PetFields }
        }
      }
      fragment PetFields on Peat {
        name
      }
    )",
                {{"Unknown type \"JumbledUpLetters\".", {{2, 24}}},
                 {"Unknown type \"Badger\".", {{5, 25}}},
                 {"Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", {{8, 29}}}});
}

TEST(KnownTypeNamesRule, ReportsStandardScalarsTheSchemaDoesNotReference) {
  const auto schema = schema_from("type Query { foo: String }");
  expect_errors(rules::known_type_names, R"(
      query ($id: ID, $float: Float, $int: Int) {
        __typename
      }
    )",
                {{"Unknown type \"ID\".", {{2, 19}}},
                 {"Unknown type \"Float\".", {{2, 31}}},
                 {"Unknown type \"Int\".", {{2, 44}}}},
                schema.get());
}

TEST(KnownTypeNamesRule, WithinSdlAcceptsStandardTypes) {
  const auto schema = schema_from("type Query { dummy: String }");
  expect_valid(rules::known_type_names, R"(
        type Query {
          string: String
          int: Int
          float: Float
          boolean: Boolean
          id: ID
          introspectionType: __EnumValue
        }
      )",
               schema.get());
}

TEST(KnownTypeNamesRule, WithinSdlAcceptsTypesDefinedInTheSameDocument) {
  const auto schema = schema_from("type Query { dummy: String }");
  expect_valid(rules::known_type_names, R"(
        union SomeUnion = SomeObject | AnotherObject

        type SomeObject implements SomeInterface {
          someScalar(arg: SomeInputObject): SomeScalar
        }

        type AnotherObject {
          foo(arg: SomeInputObject): String
        }

        type SomeInterface {
          someScalar(arg: SomeInputObject): SomeScalar
        }

        input SomeInputObject {
          someScalar: SomeScalar
        }

        scalar SomeScalar

        type RootQuery {
          someInterface: SomeInterface
          someUnion: SomeUnion
          someScalar: SomeScalar
          someObject: SomeObject
        }

        schema {
          query: RootQuery
        }
      )",
               schema.get());
}

TEST(KnownTypeNamesRule, WithinSdlReportsUnknownTypeReferences) {
  const auto schema = schema_from("type Query { dummy: String }");
  expect_errors(rules::known_type_names, R"(
        type A
        type B

        type SomeObject implements C {
          e(d: D): E
        }

        union SomeUnion = F | G

        interface SomeInterface {
          i(h: H): I
        }

        input SomeInput {
          j: J
        }

        directive @SomeDirective(k: K) on QUERY

        schema {
          query: L
          mutation: M
          subscription: N
        }
      )",
                {{"Unknown type \"C\". Did you mean \"A\" or \"B\"?", {{5, 36}}},
                 {"Unknown type \"D\". Did you mean \"A\", \"B\", or \"ID\"?", {{6, 16}}},
                 {"Unknown type \"E\". Did you mean \"A\" or \"B\"?", {{6, 20}}},
                 {"Unknown type \"F\". Did you mean \"A\" or \"B\"?", {{9, 27}}},
                 {"Unknown type \"G\". Did you mean \"A\" or \"B\"?", {{9, 31}}},
                 {"Unknown type \"H\". Did you mean \"A\" or \"B\"?", {{12, 16}}},
                 {"Unknown type \"I\". Did you mean \"A\", \"B\", or \"ID\"?", {{12, 20}}},
                 {"Unknown type \"J\". Did you mean \"A\" or \"B\"?", {{16, 14}}},
                 {"Unknown type \"K\". Did you mean \"A\" or \"B\"?", {{19, 37}}},
                 {"Unknown type \"L\". Did you mean \"A\" or \"B\"?", {{22, 18}}},
                 {"Unknown type \"M\". Did you mean \"A\" or \"B\"?", {{23, 21}}},
                 {"Unknown type \"N\". Did you mean \"A\" or \"B\"?", {{24, 25}}}},
                schema.get());
}

TEST(KnownTypeNamesRule, WithinSdlDoesNotConsiderNonTypeDefinitions) {
  const auto schema = schema_from("type Query { dummy: String }");
  expect_errors(rules::known_type_names, R"(
        query Foo { __typename }
        fragment Foo on Query { __typename }
        directive @Foo on QUERY

        type Query {
          foo: Foo
        }
      )",
                {{"Unknown type \"Foo\".", {{7, 16}}}}, schema.get());
}

TEST(KnownTypeNamesRule, WithinSdlAcceptsStandardTypesBesideAnExistingSchema) {
  const auto schema = schema_from("type Query { foo: Foo } type Foo { bar: String }");
  expect_valid(rules::known_type_names, R"(
        type SomeType {
          string: String
          int: Int
          float: Float
          boolean: Boolean
          id: ID
          introspectionType: __EnumValue
        }
      )",
               schema.get());
}

TEST(KnownTypeNamesRule, WithinSdlAcceptsTypesOfTheSchemaAndOfTheDocument) {
  const auto schema = schema_from("type Query { foo: Foo } type Foo { bar: String }");
  expect_valid(rules::known_type_names, R"(
        type QueryRoot {
          foo: Foo
          bar: Bar
        }

        scalar Bar

        schema {
          query: QueryRoot
        }
      )",
               schema.get());
}

TEST(KnownTypeNamesRule, WithinSdlSuggestsTypesOfTheSchemaAndOfTheDocument) {
  const auto schema = schema_from("type Query { a: A } type A { b: String }");
  expect_errors(rules::known_type_names, R"(
        type B

        type SomeObject implements C {
          e(d: D): E
        }

        union SomeUnion = F | G

        interface SomeInterface {
          i(h: H): I
        }

        input SomeInput {
          j: J
        }

        directive @SomeDirective(k: K) on QUERY

        schema {
          query: L
          mutation: M
          subscription: N
        }
      )",
                {{"Unknown type \"C\". Did you mean \"A\" or \"B\"?", {{4, 36}}},
                 {"Unknown type \"D\". Did you mean \"A\", \"B\", or \"ID\"?", {{5, 16}}},
                 {"Unknown type \"E\". Did you mean \"A\" or \"B\"?", {{5, 20}}},
                 {"Unknown type \"F\". Did you mean \"A\" or \"B\"?", {{8, 27}}},
                 {"Unknown type \"G\". Did you mean \"A\" or \"B\"?", {{8, 31}}},
                 {"Unknown type \"H\". Did you mean \"A\" or \"B\"?", {{11, 16}}},
                 {"Unknown type \"I\". Did you mean \"A\", \"B\", or \"ID\"?", {{11, 20}}},
                 {"Unknown type \"J\". Did you mean \"A\" or \"B\"?", {{15, 14}}},
                 {"Unknown type \"K\". Did you mean \"A\" or \"B\"?", {{18, 37}}},
                 {"Unknown type \"L\". Did you mean \"A\" or \"B\"?", {{21, 18}}},
                 {"Unknown type \"M\". Did you mean \"A\" or \"B\"?", {{22, 21}}},
                 {"Unknown type \"N\". Did you mean \"A\" or \"B\"?", {{23, 25}}}},
                schema.get());
}

// Not in graphql-js's tests (checked against graphql-js 16.15): standard scalars the
// schema lacks are unknown to operations but allowed in type system definitions, and
// operations are not offered the standard names (only the document's and schema's).
TEST(KnownTypeNamesRule, AllowsStandardScalarsOnlyInsideTypeSystemDefinitions) {
  const auto schema = schema_from("type Query { foo: String }");
  expect_errors(rules::known_type_names, R"(
      query ($a: Floa, $b: Int) { foo }
      type T { a: Float, b: Int, c: Floa }
      extend type Query { d: ID }
    )",
                {{"Unknown type \"Floa\".", {{2, 18}}},
                 {"Unknown type \"Int\". Did you mean \"T\"?", {{2, 28}}},
                 {"Unknown type \"Floa\". Did you mean \"Float\"?", {{3, 37}}}},
                schema.get());
}

}  // namespace
}  // namespace chat::graphql
