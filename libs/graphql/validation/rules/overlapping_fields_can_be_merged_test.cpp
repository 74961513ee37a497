// OverlappingFieldsCanBeMergedRule tests (spec section 5.3.2 "Field Selection Merging"):
// graphql-js 16.15 `src/validation/__tests__/OverlappingFieldsCanBeMergedRule-test.ts`, case by
// case, then cases for what 16.15 added around them (argument comparison by value, bounded
// messages and locations, the complexity budget).
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;
using testing::schema_from;

const schema& some_field_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
      type Query {
        someField(a: String, b: String): String
      }
    )gql");
  return *k_schema;
}

const schema& some_input_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
      input SomeInput {
        a: String
        b: String
      }

      type Query {
        someField(arg: SomeInput): String
      }
    )gql");
  return *k_schema;
}

const schema& box_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
      interface SomeBox {
        deepBox: SomeBox
        unrelatedField: String
      }

      type StringBox implements SomeBox {
        scalar: String
        deepBox: StringBox
        unrelatedField: String
        listStringBox: [StringBox]
        stringBox: StringBox
        intBox: IntBox
      }

      type IntBox implements SomeBox {
        scalar: Int
        deepBox: IntBox
        unrelatedField: String
        listStringBox: [StringBox]
        stringBox: StringBox
        intBox: IntBox
      }

      interface NonNullStringBox1 {
        scalar: String!
      }

      type NonNullStringBox1Impl implements SomeBox & NonNullStringBox1 {
        scalar: String!
        unrelatedField: String
        deepBox: SomeBox
      }

      interface NonNullStringBox2 {
        scalar: String!
      }

      type NonNullStringBox2Impl implements SomeBox & NonNullStringBox2 {
        scalar: String!
        unrelatedField: String
        deepBox: SomeBox
      }

      type Connection {
        edges: [Edge]
      }

      type Edge {
        node: Node
      }

      type Node {
        id: ID
        name: String
      }

      type Query {
        someBox: SomeBox
        connection: Connection
      }
    )gql");
  return *k_schema;
}

const schema& keywords_schema() {
  static const std::shared_ptr<const schema> k_schema = schema_from(R"gql(
        type Foo {
          constructor: String
        }

        type Query {
          foo: Foo
        }
      )gql");
  return *k_schema;
}

// graphql-js: "unique fields"
TEST(OverlappingFieldsCanBeMergedRule, UniqueFields) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment uniqueFields on Dog {
        name
        nickname
      }
    )gql");
}

// graphql-js: "identical fields"
TEST(OverlappingFieldsCanBeMergedRule, IdenticalFields) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment mergeIdenticalFields on Dog {
        name
        name
      }
    )gql");
}

// graphql-js: "identical fields with identical args"
TEST(OverlappingFieldsCanBeMergedRule, IdenticalFieldsWithIdenticalArgs) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand(dogCommand: SIT)
      }
    )gql");
}

// graphql-js: "identical fields with identical directives"
TEST(OverlappingFieldsCanBeMergedRule, IdenticalFieldsWithIdenticalDirectives) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment mergeSameFieldsWithSameDirectives on Dog {
        name @include(if: true)
        name @include(if: true)
      }
    )gql");
}

// graphql-js: "different args with different aliases"
TEST(OverlappingFieldsCanBeMergedRule, DifferentArgsWithDifferentAliases) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment differentArgsWithDifferentAliases on Dog {
        knowsSit: doesKnowCommand(dogCommand: SIT)
        knowsDown: doesKnowCommand(dogCommand: DOWN)
      }
    )gql");
}

// graphql-js: "different directives with different aliases"
TEST(OverlappingFieldsCanBeMergedRule, DifferentDirectivesWithDifferentAliases) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment differentDirectivesWithDifferentAliases on Dog {
        nameIfTrue: name @include(if: true)
        nameIfFalse: name @include(if: false)
      }
    )gql");
}

// graphql-js: "different skip/include directives accepted"
// Differing skip/include directives don't create an ambiguous return value and are
// acceptable where differing runtime values may have the same desired effect.
TEST(OverlappingFieldsCanBeMergedRule, DifferentSkipIncludeDirectivesAccepted) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment differentDirectivesWithDifferentAliases on Dog {
        name @include(if: true)
        name @include(if: false)
      }
    )gql");
}

// graphql-js: "Same aliases with different field targets"
TEST(OverlappingFieldsCanBeMergedRule, SameAliasesWithDifferentFieldTargets) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
      fragment sameAliasesWithDifferentFieldTargets on Dog {
        fido: name
        fido: nickname
      }
    )gql",
      {{"Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use "
        "different aliases on the fields to fetch both if this was intentional.",
        {{3, 9}, {4, 9}}}});
}

// graphql-js: "Same aliases allowed on non-overlapping fields"
// No object can be both a "Dog" and a "Cat", so these fields never overlap.
TEST(OverlappingFieldsCanBeMergedRule, SameAliasesAllowedOnNonOverlappingFields) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment sameAliasesWithDifferentFieldTargets on Pet {
        ... on Dog {
          name
        }
        ... on Cat {
          name: nickname
        }
      }
    )gql");
}

// graphql-js: "Alias masking direct field access"
TEST(OverlappingFieldsCanBeMergedRule, AliasMaskingDirectFieldAccess) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
      fragment aliasMaskingDirectFieldAccess on Dog {
        name: nickname
        name
      }
    )gql",
      {{"Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use "
        "different aliases on the fields to fetch both if this was intentional.",
        {{3, 9}, {4, 9}}}});
}

// graphql-js: "different args, second adds an argument"
TEST(OverlappingFieldsCanBeMergedRule, DifferentArgsSecondAddsAnArgument) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      fragment conflictingArgs on Dog {
        doesKnowCommand
        doesKnowCommand(dogCommand: HEEL)
      }
    )gql",
                {{"Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{3, 9}, {4, 9}}}});
}

// graphql-js: "different args, second missing an argument"
TEST(OverlappingFieldsCanBeMergedRule, DifferentArgsSecondMissingAnArgument) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      fragment conflictingArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand
      }
    )gql",
                {{"Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{3, 9}, {4, 9}}}});
}

// graphql-js: "conflicting arg values"
TEST(OverlappingFieldsCanBeMergedRule, ConflictingArgValues) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      fragment conflictingArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
        doesKnowCommand(dogCommand: HEEL)
      }
    )gql",
                {{"Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{3, 9}, {4, 9}}}});
}

// graphql-js: "conflicting arg names"
TEST(OverlappingFieldsCanBeMergedRule, ConflictingArgNames) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      fragment conflictingArgs on Dog {
        isAtLocation(x: 0)
        isAtLocation(y: 0)
      }
    )gql",
                {{"Fields \"isAtLocation\" conflict because they have differing arguments. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{3, 9}, {4, 9}}}});
}

// graphql-js: "allows different args where no conflict is possible"
// No object can be both a "Dog" and a "Cat", so these fields never overlap.
TEST(OverlappingFieldsCanBeMergedRule, AllowsDifferentArgsWhereNoConflictIsPossible) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      fragment conflictingArgs on Pet {
        ... on Dog {
          name(surname: true)
        }
        ... on Cat {
          name
        }
      }
    )gql");
}

// graphql-js: "allows different order of args"
// Arguments are unordered (spec "Arguments are unordered").
TEST(OverlappingFieldsCanBeMergedRule, AllowsDifferentOrderOfArgs) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
        {
          someField(a: null, b: null)
          someField(b: null, a: null)
        }
      )gql",
               &some_field_schema());
}

// graphql-js: "allows different order of input object fields in arg values"
// Input object fields are unordered.
TEST(OverlappingFieldsCanBeMergedRule, AllowsDifferentOrderOfInputObjectFieldsInArgValues) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
        {
          someField(arg: { a: null, b: null })
          someField(arg: { b: null, a: null })
        }
      )gql",
               &some_input_schema());
}

// graphql-js: "encounters conflict in fragments"
TEST(OverlappingFieldsCanBeMergedRule, EncountersConflictInFragments) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        ...A
        ...B
      }
      fragment A on Type {
        x: a
      }
      fragment B on Type {
        x: b
      }
    )gql",
                {{"Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{7, 9}, {10, 9}}}});
}

// graphql-js: "reports each conflict once"
TEST(OverlappingFieldsCanBeMergedRule, ReportsEachConflictOnce) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        f1 {
          ...A
          ...B
        }
        f2 {
          ...B
          ...A
        }
        f3 {
          ...A
          ...B
          x: c
        }
      }
      fragment A on Type {
        x: a
      }
      fragment B on Type {
        x: b
      }
    )gql",
                {{"Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{18, 9}, {21, 9}}},
                 {"Fields \"x\" conflict because \"c\" and \"a\" are different fields. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{14, 11}, {18, 9}}},
                 {"Fields \"x\" conflict because \"c\" and \"b\" are different fields. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{14, 11}, {21, 9}}}});
}

// graphql-js: "deep conflict"
TEST(OverlappingFieldsCanBeMergedRule, DeepConflict) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        field {
          x: a
        },
        field {
          x: b
        }
      }
    )gql",
                {{"Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and "
                  "\"b\" are different fields. Use different aliases on the fields to fetch both "
                  "if this was intentional.",
                  {{3, 9}, {4, 11}, {6, 9}, {7, 11}}}});
}

// graphql-js: "deep conflict with multiple issues"
TEST(OverlappingFieldsCanBeMergedRule, DeepConflictWithMultipleIssues) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
      {
        field {
          x: a
          y: c
        },
        field {
          x: b
          y: d
        }
      }
    )gql",
      {{"Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are "
        "different fields and subfields \"y\" conflict because \"c\" and \"d\" are different "
        "fields. Use different aliases on the fields to fetch both if this was intentional.",
        {{3, 9}, {4, 11}, {5, 11}, {7, 9}, {8, 11}, {9, 11}}}});
}

// graphql-js: "very deep conflict"
TEST(OverlappingFieldsCanBeMergedRule, VeryDeepConflict) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        field {
          deepField {
            x: a
          }
        },
        field {
          deepField {
            x: b
          }
        }
      }
    )gql",
                {{"Fields \"field\" conflict because subfields \"deepField\" conflict because "
                  "subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{3, 9}, {4, 11}, {5, 13}, {8, 9}, {9, 11}, {10, 13}}}});
}

// graphql-js: "reports deep conflict to nearest common ancestor"
TEST(OverlappingFieldsCanBeMergedRule, ReportsDeepConflictToNearestCommonAncestor) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        field {
          deepField {
            x: a
          }
          deepField {
            x: b
          }
        },
        field {
          deepField {
            y
          }
        }
      }
    )gql",
                {{"Fields \"deepField\" conflict because subfields \"x\" conflict because \"a\" "
                  "and \"b\" are different fields. Use different aliases on the fields to fetch "
                  "both if this was intentional.",
                  {{4, 11}, {5, 13}, {7, 11}, {8, 13}}}});
}

// graphql-js: "reports deep conflict to nearest common ancestor in fragments"
TEST(OverlappingFieldsCanBeMergedRule, ReportsDeepConflictToNearestCommonAncestorInFragments) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        field {
          ...F
        }
        field {
          ...F
        }
      }
      fragment F on T {
        deepField {
          deeperField {
            x: a
          }
          deeperField {
            x: b
          }
        },
        deepField {
          deeperField {
            y
          }
        }
      }
    )gql",
                {{"Fields \"deeperField\" conflict because subfields \"x\" conflict because \"a\" "
                  "and \"b\" are different fields. Use different aliases on the fields to fetch "
                  "both if this was intentional.",
                  {{12, 11}, {13, 13}, {15, 11}, {16, 13}}}});
}

// graphql-js: "reports deep conflict in nested fragments"
TEST(OverlappingFieldsCanBeMergedRule, ReportsDeepConflictInNestedFragments) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
      {
        field {
          ...F
        }
        field {
          ...I
        }
      }
      fragment F on T {
        x: a
        ...G
      }
      fragment G on T {
        y: c
      }
      fragment I on T {
        y: d
        ...J
      }
      fragment J on T {
        x: b
      }
    )gql",
      {{"Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are "
        "different fields and subfields \"y\" conflict because \"c\" and \"d\" are different "
        "fields. Use different aliases on the fields to fetch both if this was intentional.",
        {{3, 9}, {11, 9}, {15, 9}, {6, 9}, {22, 9}, {18, 9}}}});
}

// graphql-js: "ignores unknown fragments"
TEST(OverlappingFieldsCanBeMergedRule, IgnoresUnknownFragments) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      {
        field
        ...Unknown
        ...Known
      }

      fragment Known on T {
        field
        ...OtherUnknown
      }
    )gql");
}

// graphql-js: "conflicting return types which potentially overlap"
// An object could be both the object type IntBox and the interface NonNullStringBox1:
// not in this schema, but it could grow to allow it.
TEST(OverlappingFieldsCanBeMergedRule, ConflictingReturnTypesWhichPotentiallyOverlap) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ...on IntBox {
                scalar
              }
              ...on NonNullStringBox1 {
                scalar
              }
            }
          }
        )gql",
      {{"Fields \"scalar\" conflict because they return conflicting types \"Int\" and \"String!\". "
        "Use different aliases on the fields to fetch both if this was intentional.",
        {{5, 17}, {8, 17}}}},
      &box_schema());
}

// graphql-js: "compatible return shapes on different return types"
// `deepBox` returns `SomeBox` in the first usage and `StringBox` in the second: the
// return types differ but their shapes are compatible.
TEST(OverlappingFieldsCanBeMergedRule, CompatibleReturnShapesOnDifferentReturnTypes) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on SomeBox {
                deepBox {
                  unrelatedField
                }
              }
              ... on StringBox {
                deepBox {
                  unrelatedField
                }
              }
            }
          }
        )gql",
               &box_schema());
}

// graphql-js: "disallows differing return types despite no overlap"
TEST(OverlappingFieldsCanBeMergedRule, DisallowsDifferingReturnTypesDespiteNoOverlap) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on IntBox {
                scalar
              }
              ... on StringBox {
                scalar
              }
            }
          }
        )gql",
      {{"Fields \"scalar\" conflict because they return conflicting types \"Int\" and \"String\". "
        "Use different aliases on the fields to fetch both if this was intentional.",
        {{5, 17}, {8, 17}}}},
      &box_schema());
}

// graphql-js: "reports correctly when a non-exclusive follows an exclusive"
TEST(OverlappingFieldsCanBeMergedRule, ReportsCorrectlyWhenANonExclusiveFollowsAnExclusive) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on IntBox {
                deepBox {
                  ...X
                }
              }
            }
            someBox {
              ... on StringBox {
                deepBox {
                  ...Y
                }
              }
            }
            memoed: someBox {
              ... on IntBox {
                deepBox {
                  ...X
                }
              }
            }
            memoed: someBox {
              ... on StringBox {
                deepBox {
                  ...Y
                }
              }
            }
            other: someBox {
              ...X
            }
            other: someBox {
              ...Y
            }
          }
          fragment X on SomeBox {
            scalar
          }
          fragment Y on SomeBox {
            scalar: unrelatedField
          }
        )gql",
                {{"Fields \"other\" conflict because subfields \"scalar\" conflict because "
                  "\"scalar\" and \"unrelatedField\" are different fields. Use different aliases "
                  "on the fields to fetch both if this was intentional.",
                  {{31, 13}, {39, 13}, {34, 13}, {42, 13}}}},
                &box_schema());
}

// graphql-js: "disallows differing return type nullability despite no overlap"
TEST(OverlappingFieldsCanBeMergedRule, DisallowsDifferingReturnTypeNullabilityDespiteNoOverlap) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on NonNullStringBox1 {
                scalar
              }
              ... on StringBox {
                scalar
              }
            }
          }
        )gql",
      {{"Fields \"scalar\" conflict because they return conflicting types \"String!\" and "
        "\"String\". Use different aliases on the fields to fetch both if this was intentional.",
        {{5, 17}, {8, 17}}}},
      &box_schema());
}

// graphql-js: "disallows differing return type list despite no overlap"
TEST(OverlappingFieldsCanBeMergedRule, DisallowsDifferingReturnTypeListDespiteNoOverlap) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on IntBox {
                box: listStringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: stringBox {
                  scalar
                }
              }
            }
          }
        )gql",
      {{"Fields \"box\" conflict because they return conflicting types \"[StringBox]\" and "
        "\"StringBox\". Use different aliases on the fields to fetch both if this was intentional.",
        {{5, 17}, {10, 17}}}},
      &box_schema());
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: listStringBox {
                  scalar
                }
              }
            }
          }
        )gql",
                {{"Fields \"box\" conflict because they return conflicting types \"StringBox\" and "
                  "\"[StringBox]\". Use different aliases on the fields to fetch both if this was "
                  "intentional.",
                  {{5, 17}, {10, 17}}}},
                &box_schema());
}

// graphql-js: "disallows differing subfields"
TEST(OverlappingFieldsCanBeMergedRule, DisallowsDifferingSubfields) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  val: scalar
                  val: unrelatedField
                }
              }
              ... on StringBox {
                box: stringBox {
                  val: scalar
                }
              }
            }
          }
        )gql",
      {{"Fields \"val\" conflict because \"scalar\" and \"unrelatedField\" are different fields. "
        "Use different aliases on the fields to fetch both if this was intentional.",
        {{6, 19}, {7, 19}}}},
      &box_schema());
}

// graphql-js: "disallows differing deep return types despite no overlap"
TEST(OverlappingFieldsCanBeMergedRule, DisallowsDifferingDeepReturnTypesDespiteNoOverlap) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on IntBox {
                box: stringBox {
                  scalar
                }
              }
              ... on StringBox {
                box: intBox {
                  scalar
                }
              }
            }
          }
        )gql",
                {{"Fields \"box\" conflict because subfields \"scalar\" conflict because they "
                  "return conflicting types \"String\" and \"Int\". Use different aliases on the "
                  "fields to fetch both if this was intentional.",
                  {{5, 17}, {6, 19}, {10, 17}, {11, 19}}}},
                &box_schema());
}

// graphql-js: "allows non-conflicting overlapping types"
TEST(OverlappingFieldsCanBeMergedRule, AllowsNonConflictingOverlappingTypes) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ... on IntBox {
                scalar: unrelatedField
              }
              ... on StringBox {
                scalar
              }
            }
          }
        )gql",
               &box_schema());
}

// graphql-js: "same wrapped scalar return types"
TEST(OverlappingFieldsCanBeMergedRule, SameWrappedScalarReturnTypes) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ...on NonNullStringBox1 {
                scalar
              }
              ...on NonNullStringBox2 {
                scalar
              }
            }
          }
        )gql",
               &box_schema());
}

// graphql-js: "allows inline fragments without type condition"
TEST(OverlappingFieldsCanBeMergedRule, AllowsInlineFragmentsWithoutTypeCondition) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
          {
            a
            ... {
              a
            }
          }
        )gql",
               &box_schema());
}

// graphql-js: "compares deep types including list"
TEST(OverlappingFieldsCanBeMergedRule, ComparesDeepTypesIncludingList) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
          {
            connection {
              ...edgeID
              edges {
                node {
                  id: name
                }
              }
            }
          }

          fragment edgeID on Connection {
            edges {
              node {
                id
              }
            }
          }
        )gql",
                {{"Fields \"edges\" conflict because subfields \"node\" conflict because subfields "
                  "\"id\" conflict because \"name\" and \"id\" are different fields. Use different "
                  "aliases on the fields to fetch both if this was intentional.",
                  {{5, 15}, {6, 17}, {7, 19}, {14, 13}, {15, 15}, {16, 17}}}},
                &box_schema());
}

// graphql-js: "ignores unknown types"
TEST(OverlappingFieldsCanBeMergedRule, IgnoresUnknownTypes) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
          {
            someBox {
              ...on UnknownType {
                scalar
              }
              ...on NonNullStringBox2 {
                scalar
              }
            }
          }
        )gql",
               &box_schema());
}

// graphql-js: "works for field names that are JS keywords"
TEST(OverlappingFieldsCanBeMergedRule, WorksForFieldNamesThatAreJSKeywords) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
          {
            foo {
              constructor
            }
          }
        )gql",
               &keywords_schema());
}

// graphql-js: "does not infinite loop on recursive fragment"
TEST(OverlappingFieldsCanBeMergedRule, DoesNotInfiniteLoopOnRecursiveFragment) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      {
        ...fragA
      }

      fragment fragA on Human { name, relatives { name, ...fragA } }
    )gql");
}

// graphql-js: "does not infinite loop on immediately recursive fragment"
TEST(OverlappingFieldsCanBeMergedRule, DoesNotInfiniteLoopOnImmediatelyRecursiveFragment) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      {
        ...fragA
      }

      fragment fragA on Human { name, ...fragA }
    )gql");
}

// graphql-js: "does not infinite loop on recursive fragment with a field named after fragment"
TEST(OverlappingFieldsCanBeMergedRule,
     DoesNotInfiniteLoopOnRecursiveFragmentWithAFieldNamedAfterFragment) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      {
        ...fragA
        fragA
      }

      fragment fragA on Query { ...fragA }
    )gql");
}

// graphql-js: "finds invalid cases even with field named after fragment"
TEST(OverlappingFieldsCanBeMergedRule, FindsInvalidCasesEvenWithFieldNamedAfterFragment) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        fragA
        ...fragA
      }

      fragment fragA on Type {
        fragA: b
      }
    )gql",
                {{"Fields \"fragA\" conflict because \"fragA\" and \"b\" are different fields. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{3, 9}, {8, 9}}}});
}

// graphql-js: "does not infinite loop on transitively recursive fragment"
TEST(OverlappingFieldsCanBeMergedRule, DoesNotInfiniteLoopOnTransitivelyRecursiveFragment) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      {
        ...fragA
        fragB
      }

      fragment fragA on Human { name, ...fragB }
      fragment fragB on Human { name, ...fragC }
      fragment fragC on Human { name, ...fragA }
    )gql");
}

// graphql-js: "finds invalid case even with immediately recursive fragment"
TEST(OverlappingFieldsCanBeMergedRule, FindsInvalidCaseEvenWithImmediatelyRecursiveFragment) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
      fragment sameAliasesWithDifferentFieldTargets on Dog {
        ...sameAliasesWithDifferentFieldTargets
        fido: name
        fido: nickname
      }
    )gql",
      {{"Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use "
        "different aliases on the fields to fetch both if this was intentional.",
        {{4, 9}, {5, 9}}}});
}

// graphql-js: "does not infinite loop on recursive fragments separated by fields"
TEST(OverlappingFieldsCanBeMergedRule, DoesNotInfiniteLoopOnRecursiveFragmentsSeparatedByFields) {
  expect_valid(rules::overlapping_fields_can_be_merged, R"gql(
      {
        ...fragA
        ...fragB
      }

      fragment fragA on T {
        x {
          ...fragA
          x {
            ...fragA
          }
        }
      }

      fragment fragB on T {
        x {
          ...fragB
          x {
            ...fragB
          }
        }
      }
    )gql");
}

// ---- Beyond graphql-js's own tests: expectations taken from graphql-js 16.15 run on the
// same documents.

TEST(OverlappingFieldsCanBeMergedRule, ABlockStringAndAQuotedStringWithTheSameTextDiffer) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        complicatedArgs {
          stringArgField(stringArg: "a")
          stringArgField(stringArg: """a""")
        }
      }
    )gql",
                {{"Fields \"stringArgField\" conflict because they have differing arguments. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{4, 11}, {5, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRule, AnIntAndAFloatLiteralOfTheSameNumberDiffer) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        complicatedArgs {
          floatArgField(floatArg: 1)
          floatArgField(floatArg: 1.0)
        }
      }
    )gql",
                {{"Fields \"floatArgField\" conflict because they have differing arguments. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{4, 11}, {5, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRule, SameVariablesAndSameListsAreTheSameArguments) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      query ($v: [String], $w: [String]) {
        complicatedArgs {
          stringListArgField(stringListArg: $v)
          stringListArgField(stringListArg: $v)
          a: stringListArgField(stringListArg: ["x", null])
          a: stringListArgField(stringListArg: ["x", null])
          b: stringListArgField(stringListArg: $v)
          b: stringListArgField(stringListArg: $w)
        }
      }
    )gql",
                {{"Fields \"b\" conflict because they have differing arguments. Use different "
                  "aliases on the fields to fetch both if this was intentional.",
                  {{8, 11}, {9, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRule, NestedInputObjectsAreComparedWithTheirFieldsSorted) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        complicatedArgs {
          complexArgField(complexArg: { requiredField: true, stringListField: ["a"], intField: 1 })
          complexArgField(complexArg: { intField: 1, requiredField: true, stringListField: ["a"] })
          other: complexArgField(complexArg: { requiredField: true, intField: 1 })
          other: complexArgField(complexArg: { requiredField: true, intField: 2 })
        }
      }
    )gql",
                {{"Fields \"other\" conflict because they have differing arguments. Use different "
                  "aliases on the fields to fetch both if this was intentional.",
                  {{6, 11}, {7, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRule, ARepeatedArgumentComparesByItsLastValue) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        dog {
          doesKnowCommand(dogCommand: SIT, dogCommand: HEEL)
          doesKnowCommand(dogCommand: SIT, dogCommand: HEEL)
        }
      }
    )gql",
                {{"Fields \"doesKnowCommand\" conflict because they have differing arguments. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{4, 11}, {5, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRule, TypenameMergesWithItselfButNotWithAnotherField) {
  expect_errors(
      rules::overlapping_fields_can_be_merged, R"gql(
      {
        dog {
          __typename
          __typename
          name: __typename
          name
        }
      }
    )gql",
      {{"Fields \"name\" conflict because \"__typename\" and \"name\" are different fields. Use "
        "different aliases on the fields to fetch both if this was intentional.",
        {{6, 11}, {7, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRule, UnknownFieldsWithTheSameNameAndNoArgumentsMerge) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        dog {
          unknown
          unknown
          other: unknown(a: 1)
          other: unknown(a: 2)
        }
      }
    )gql",
                {{"Fields \"other\" conflict because they have differing arguments. Use different "
                  "aliases on the fields to fetch both if this was intentional.",
                  {{6, 11}, {7, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRule,
     ConflictsInsideAnInlineFragmentAreReportedAtTheEnclosingSelectionSet) {
  expect_errors(rules::overlapping_fields_can_be_merged, R"gql(
      {
        dog {
          ... on Dog {
            x: name
            x: nickname
          }
          ... {
            x: barks
          }
        }
      }
    )gql",
                {{"Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. "
                  "Use different aliases on the fields to fetch both if this was intentional.",
                  {{5, 13}, {6, 13}}},
                 {"Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use "
                  "different aliases on the fields to fetch both if this was intentional.",
                  {{5, 13}, {9, 13}}},
                 {"Fields \"x\" conflict because \"nickname\" and \"barks\" are different fields. "
                  "Use different aliases on the fields to fetch both if this was intentional.",
                  {{6, 13}, {9, 13}}}});
}

// `count` lines, each `make(i)`, joined with newlines.
template <typename Make>
std::string lines(int count, Make make) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    if (i != 0) out += '\n';
    out += make(i);
  }
  return out;
}

TEST(OverlappingFieldsCanBeMergedRule, LongResponseNamesAreAbbreviatedInTheMessage) {
  const std::string name = "f" + std::string(1100, 'x');
  const std::string doc = "\n      {\n        dog {\n          " + name + ": name\n          " +
                          name + ": nickname\n        }\n      }\n    ";
  expect_errors(rules::overlapping_fields_can_be_merged, doc,
                {{"Fields \"f" + std::string(999, 'x') +
                      "...\" conflict because \"name\" and \"nickname\" are different fields. Use "
                      "different aliases on the fields to fetch both if this was intentional.",
                  {{4, 11}, {5, 11}}}});
}

TEST(OverlappingFieldsCanBeMergedRule,
     LongListsOfSubfieldConflictsAreCutAndKeepTwentyLocationsASide) {
  const std::string doc =
      "\n      {\n        dog {\n" +
      lines(25, [](int i) { return "          s" + std::to_string(i) + ": name"; }) +
      "\n        }\n        dog {\n" +
      lines(25, [](int i) { return "          s" + std::to_string(i) + ": nickname"; }) +
      "\n        }\n      }\n    ";
  std::vector<source_position> locations{{3, 9}};
  for (std::uint32_t line = 4; line <= 22; ++line)
    locations.push_back({line, 11});
  locations.push_back({30, 9});
  for (std::uint32_t line = 31; line <= 49; ++line)
    locations.push_back({line, 11});
  expect_errors(
      rules::overlapping_fields_can_be_merged, doc,
      {{"Fields \"dog\" conflict because subfields \"s0\" conflict because \"name\" and \"nickna"
        "me\" are different fields and subfields \"s1\" conflict because \"name\" and \"nicknam"
        "e\" are different fields and subfields \"s2\" conflict because \"name\" and \"nickname"
        "\" are different fields and subfields \"s3\" conflict because \"name\" and \"nickname\""
        " are different fields and subfields \"s4\" conflict because \"name\" and \"nickname\" "
        "are different fields and subfields \"s5\" conflict because \"name\" and \"nickname\" a"
        "re different fields and subfields \"s6\" conflict because \"name\" and \"nickname\" ar"
        "e different fields and subfields \"s7\" conflict because \"name\" and \"nickname\" are"
        " different fields and subfields \"s8\" conflict because \"name\" and \"nickname\" are "
        "different fields and subfields \"s9\" conflict because \"name\" and \"nickname\" are d"
        "ifferent fields and subfields \"s10\" conflict because \"name\" and \"nickname\" are d"
        "ifferent fields and subfields \"s11\" conflict because \"name\" and \"nickname\" are d"
        "ifferent fields and subfields \"s12\" conflict because \"name\" and \"nickn.... Use d"
        "ifferent aliases on the fields to fetch both if this was intentional.",
        locations}});
}

// 800 fields of one name make 319,600 pairs at 2 each: past graphql-js's budget of 500,000.
// graphql-js drops that selection set's conflicts, adds "Validation aborted." and stops; the
// conflicts reported before stay.
TEST(OverlappingFieldsCanBeMergedRule, WorkBeyondTheComplexityBudgetAbortsValidation) {
  const std::string doc =
      "\n      {\n        cat {\n          x: name\n          x: nickname\n        }\n"
      "        dog {\n" +
      lines(800, [](int) { return std::string("          name"); }) +
      "\n        }\n        human {\n          y: name\n          y: pets\n        }\n      }\n   "
      " ";
  expect_errors(
      rules::overlapping_fields_can_be_merged, doc,
      {{"Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use "
        "different aliases on the fields to fetch both if this was intentional.",
        {{4, 11}, {5, 11}}},
       {"Validation aborted.", {}}});
}
}  // namespace
}  // namespace chat::graphql
