// UniqueDirectivesPerLocationRule (spec 5.7.3 Directives Are Unique Per Location): every
// case of graphql-js 16.15 `UniqueDirectivesPerLocationRule-test.ts`, with its messages
// and locations. graphql-js runs the "SDL" cases through `validateSDL` without a schema;
// here they run through `validate` against a schema with only the specified directives,
// which the rule cannot tell apart.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;
using testing::schema_from;

// graphql-js extends its test schema with these directives; the rule reads only the
// schema's directives, so a small query type stands in for the test schema's types.
const schema& directives_schema() {
  static const auto built = schema_from(R"(
  type Query {
    dummy: String
  }

  directive @onField on FIELD

  directive @directive on FIELD | FRAGMENT_DEFINITION
  directive @directiveA on FIELD | FRAGMENT_DEFINITION
  directive @directiveB on FIELD | FRAGMENT_DEFINITION
  directive @repeatable repeatable on FIELD | FRAGMENT_DEFINITION
)");
  return *built;
}

const schema& specified_directives_schema() {
  static const auto built = schema_from(R"(
  type Query {
    dummy: String
  }
)");
  return *built;
}

TEST(UniqueDirectivesPerLocationRule, NoDirectives) {
  expect_valid(unique_directives_per_location, R"(
      fragment Test on Type {
        field
      }
    )",
               &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, UniqueDirectivesInDifferentLocations) {
  expect_valid(unique_directives_per_location, R"(
      fragment Test on Type @directiveA {
        field @directiveB
      }
    )",
               &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, UniqueDirectivesInSameLocations) {
  expect_valid(unique_directives_per_location, R"(
      fragment Test on Type @directiveA @directiveB {
        field @directiveA @directiveB
      }
    )",
               &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, SameDirectivesInDifferentLocations) {
  expect_valid(unique_directives_per_location, R"(
      fragment Test on Type @directiveA {
        field @directiveA
      }
    )",
               &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, SameDirectivesInSimilarLocations) {
  expect_valid(unique_directives_per_location, R"(
      fragment Test on Type {
        field @directive
        field @directive
      }
    )",
               &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, RepeatableDirectivesInSameLocation) {
  expect_valid(unique_directives_per_location, R"(
      fragment Test on Type @repeatable @repeatable {
        field @repeatable @repeatable
      }
    )",
               &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, UnknownDirectivesMustBeIgnored) {
  expect_valid(unique_directives_per_location, R"(
      type Test @unknown @unknown {
        field: String! @unknown @unknown
      }

      extend type Test @unknown {
        anotherField: String!
      }
    )",
               &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, DuplicateDirectivesInOneLocation) {
  expect_errors(unique_directives_per_location, R"(
      fragment Test on Type {
        field @directive @directive
      }
    )",
                {{"The directive \"@directive\" can only be used once at this location.",
                  {{3, 15}, {3, 26}}}},
                &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, ManyDuplicateDirectivesInOneLocation) {
  expect_errors(
      unique_directives_per_location, R"(
      fragment Test on Type {
        field @directive @directive @directive
      }
    )",
      {{"The directive \"@directive\" can only be used once at this location.", {{3, 15}, {3, 26}}},
       {"The directive \"@directive\" can only be used once at this location.",
        {{3, 15}, {3, 37}}}},
      &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, DifferentDuplicateDirectivesInOneLocation) {
  expect_errors(unique_directives_per_location, R"(
      fragment Test on Type {
        field @directiveA @directiveB @directiveA @directiveB
      }
    )",
                {{"The directive \"@directiveA\" can only be used once at this location.",
                  {{3, 15}, {3, 39}}},
                 {"The directive \"@directiveB\" can only be used once at this location.",
                  {{3, 27}, {3, 51}}}},
                &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, DuplicateDirectivesInManyLocations) {
  expect_errors(
      unique_directives_per_location, R"(
      fragment Test on Type @directive @directive {
        field @directive @directive
      }
    )",
      {{"The directive \"@directive\" can only be used once at this location.", {{2, 29}, {2, 40}}},
       {"The directive \"@directive\" can only be used once at this location.",
        {{3, 15}, {3, 26}}}},
      &directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, DuplicateDirectivesOnSdlDefinitions) {
  expect_errors(unique_directives_per_location, R"(
      directive @nonRepeatable on
        SCHEMA | SCALAR | OBJECT | INTERFACE | UNION | INPUT_OBJECT

      schema @nonRepeatable @nonRepeatable { query: Dummy }

      scalar TestScalar @nonRepeatable @nonRepeatable
      type TestObject @nonRepeatable @nonRepeatable
      interface TestInterface @nonRepeatable @nonRepeatable
      union TestUnion @nonRepeatable @nonRepeatable
      input TestInput @nonRepeatable @nonRepeatable
    )",
                {{"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{5, 14}, {5, 29}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{7, 25}, {7, 40}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{8, 23}, {8, 38}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{9, 31}, {9, 46}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{10, 23}, {10, 38}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{11, 23}, {11, 38}}}},
                &specified_directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, DuplicateDirectivesOnSdlExtensions) {
  expect_errors(unique_directives_per_location, R"(
      directive @nonRepeatable on
        SCHEMA | SCALAR | OBJECT | INTERFACE | UNION | INPUT_OBJECT

      extend schema @nonRepeatable @nonRepeatable

      extend scalar TestScalar @nonRepeatable @nonRepeatable
      extend type TestObject @nonRepeatable @nonRepeatable
      extend interface TestInterface @nonRepeatable @nonRepeatable
      extend union TestUnion @nonRepeatable @nonRepeatable
      extend input TestInput @nonRepeatable @nonRepeatable
    )",
                {{"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{5, 21}, {5, 36}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{7, 32}, {7, 47}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{8, 30}, {8, 45}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{9, 38}, {9, 53}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{10, 30}, {10, 45}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{11, 30}, {11, 45}}}},
                &specified_directives_schema());
}

TEST(UniqueDirectivesPerLocationRule, DuplicateDirectivesBetweenSdlDefinitionsAndExtensions) {
  expect_errors(unique_directives_per_location, R"(
      directive @nonRepeatable on SCHEMA

      schema @nonRepeatable { query: Dummy }
      extend schema @nonRepeatable
    )",
                {{"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{4, 14}, {5, 21}}}},
                &specified_directives_schema());

  expect_errors(unique_directives_per_location, R"(
      directive @nonRepeatable on SCALAR

      scalar TestScalar @nonRepeatable
      extend scalar TestScalar @nonRepeatable
      scalar TestScalar @nonRepeatable
    )",
                {{"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{4, 25}, {5, 32}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{4, 25}, {6, 25}}}},
                &specified_directives_schema());

  expect_errors(unique_directives_per_location, R"(
      directive @nonRepeatable on OBJECT

      extend type TestObject @nonRepeatable
      type TestObject @nonRepeatable
      extend type TestObject @nonRepeatable
    )",
                {{"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{4, 30}, {5, 23}}},
                 {"The directive \"@nonRepeatable\" can only be used once at this location.",
                  {{4, 30}, {6, 30}}}},
                &specified_directives_schema());
}

// Not in graphql-js's file (checked against graphql-js 16.15): the specified directives
// are not repeatable, a document's definition overrides the schema's (here making
// @skip repeatable), and every other location (operations, variables, spreads, fields,
// arguments, enum values) is checked on its own, when the node carrying the directives
// is entered (an operation's before its variables', a field's before its arguments').
TEST(UniqueDirectivesPerLocationRule, ChecksEveryLocationAndHonoursDocumentDefinitions) {
  expect_errors(
      unique_directives_per_location, R"(
      query Q($v: Boolean @directive @directive) @directive @directive {
        ...F @include(if: true) @include(if: false) @skip(if: true) @skip(if: false)
        ... @deprecated @deprecated { f }
      }
      directive @skip(if: Boolean!) repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
      type T { f(a: Int @deprecated @deprecated): Int @deprecated @deprecated }
      enum E { V @deprecated @deprecated }
      input I { f: Int @deprecated @deprecated }
    )",
      {{"The directive \"@directive\" can only be used once at this location.", {{2, 50}, {2, 61}}},
       {"The directive \"@directive\" can only be used once at this location.", {{2, 27}, {2, 38}}},
       {"The directive \"@include\" can only be used once at this location.", {{3, 14}, {3, 33}}},
       {"The directive \"@deprecated\" can only be used once at this location.",
        {{4, 13}, {4, 25}}},
       {"The directive \"@deprecated\" can only be used once at this location.",
        {{7, 55}, {7, 67}}},
       {"The directive \"@deprecated\" can only be used once at this location.",
        {{7, 25}, {7, 37}}},
       {"The directive \"@deprecated\" can only be used once at this location.",
        {{8, 18}, {8, 30}}},
       {"The directive \"@deprecated\" can only be used once at this location.",
        {{9, 24}, {9, 36}}}},
      &directives_schema());
}

}  // namespace
}  // namespace chat::graphql::rules
