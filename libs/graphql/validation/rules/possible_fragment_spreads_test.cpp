// PossibleFragmentSpreadsRule (spec 5.5.2.3 Fragment Spread Is Possible): every case of
// graphql-js 16.15 `PossibleFragmentSpreadsRule-test.ts`, against its own schema.

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql::rules {
namespace {

using testing::expect_errors;
using testing::expect_valid;
using testing::schema_from;

// The schema of graphql-js's test file.
const schema& spreads_schema() {
  static const auto built = schema_from(R"(
  interface Being {
    name: String
  }

  interface Pet implements Being {
    name: String
  }

  type Dog implements Being & Pet {
    name: String
    barkVolume: Int
  }

  type Cat implements Being & Pet {
    name: String
    meowVolume: Int
  }

  union CatOrDog = Cat | Dog

  interface Intelligent {
    iq: Int
  }

  type Human implements Being & Intelligent {
    name: String
    pets: [Pet]
    iq: Int
  }

  type Alien implements Being & Intelligent {
    name: String
    iq: Int
  }

  union DogOrHuman = Dog | Human

  union HumanOrAlien = Human | Alien

  type Query {
    catOrDog: CatOrDog
    dogOrHuman: DogOrHuman
    humanOrAlien: HumanOrAlien
  }
)");
  return *built;
}

TEST(PossibleFragmentSpreadsRule, OfTheSameObject) {
  expect_valid(possible_fragment_spreads, R"(
      fragment objectWithinObject on Dog { ...dogFragment }
      fragment dogFragment on Dog { barkVolume }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, OfTheSameObjectWithInlineFragment) {
  expect_valid(possible_fragment_spreads, R"(
      fragment objectWithinObjectAnon on Dog { ... on Dog { barkVolume } }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, ObjectIntoAnImplementedInterface) {
  expect_valid(possible_fragment_spreads, R"(
      fragment objectWithinInterface on Pet { ...dogFragment }
      fragment dogFragment on Dog { barkVolume }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, ObjectIntoContainingUnion) {
  expect_valid(possible_fragment_spreads, R"(
      fragment objectWithinUnion on CatOrDog { ...dogFragment }
      fragment dogFragment on Dog { barkVolume }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, UnionIntoContainedObject) {
  expect_valid(possible_fragment_spreads, R"(
      fragment unionWithinObject on Dog { ...catOrDogFragment }
      fragment catOrDogFragment on CatOrDog { __typename }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, UnionIntoOverlappingInterface) {
  expect_valid(possible_fragment_spreads, R"(
      fragment unionWithinInterface on Pet { ...catOrDogFragment }
      fragment catOrDogFragment on CatOrDog { __typename }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, UnionIntoOverlappingUnion) {
  expect_valid(possible_fragment_spreads, R"(
      fragment unionWithinUnion on DogOrHuman { ...catOrDogFragment }
      fragment catOrDogFragment on CatOrDog { __typename }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, InterfaceIntoImplementedObject) {
  expect_valid(possible_fragment_spreads, R"(
      fragment interfaceWithinObject on Dog { ...petFragment }
      fragment petFragment on Pet { name }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, InterfaceIntoOverlappingInterface) {
  expect_valid(possible_fragment_spreads, R"(
      fragment interfaceWithinInterface on Pet { ...beingFragment }
      fragment beingFragment on Being { name }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, InterfaceIntoOverlappingInterfaceInInlineFragment) {
  expect_valid(possible_fragment_spreads, R"(
      fragment interfaceWithinInterface on Pet { ... on Being { name } }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, InterfaceIntoOverlappingUnion) {
  expect_valid(possible_fragment_spreads, R"(
      fragment interfaceWithinUnion on CatOrDog { ...petFragment }
      fragment petFragment on Pet { name }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, IgnoresIncorrectTypeCaughtByFragmentsOnCompositeTypesRule) {
  expect_valid(possible_fragment_spreads, R"(
      fragment petFragment on Pet { ...badInADifferentWay }
      fragment badInADifferentWay on String { name }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, IgnoresUnknownFragmentsCaughtByKnownFragmentNamesRule) {
  expect_valid(possible_fragment_spreads, R"(
      fragment petFragment on Pet { ...UnknownFragment }
    )",
               &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, DifferentObjectIntoObject) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidObjectWithinObject on Cat { ...dogFragment }
      fragment dogFragment on Dog { barkVolume }
    )",
                {{"Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" "
                  "can never be of type \"Dog\".",
                  {{2, 51}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, DifferentObjectIntoObjectInInlineFragment) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidObjectWithinObjectAnon on Cat {
        ... on Dog { barkVolume }
      }
    )",
                {{"Fragment cannot be spread here as objects of type \"Cat\" can never be of "
                  "type \"Dog\".",
                  {{3, 9}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, ObjectIntoNotImplementingInterface) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidObjectWithinInterface on Pet { ...humanFragment }
      fragment humanFragment on Human { pets { name } }
    )",
                {{"Fragment \"humanFragment\" cannot be spread here as objects of type \"Pet\" "
                  "can never be of type \"Human\".",
                  {{2, 54}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, ObjectIntoNotContainingUnion) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidObjectWithinUnion on CatOrDog { ...humanFragment }
      fragment humanFragment on Human { pets { name } }
    )",
                {{"Fragment \"humanFragment\" cannot be spread here as objects of type "
                  "\"CatOrDog\" can never be of type \"Human\".",
                  {{2, 55}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, UnionIntoNotContainedObject) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidUnionWithinObject on Human { ...catOrDogFragment }
      fragment catOrDogFragment on CatOrDog { __typename }
    )",
                {{"Fragment \"catOrDogFragment\" cannot be spread here as objects of type "
                  "\"Human\" can never be of type \"CatOrDog\".",
                  {{2, 52}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, UnionIntoNonOverlappingInterface) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidUnionWithinInterface on Pet { ...humanOrAlienFragment }
      fragment humanOrAlienFragment on HumanOrAlien { __typename }
    )",
                {{"Fragment \"humanOrAlienFragment\" cannot be spread here as objects of type "
                  "\"Pet\" can never be of type \"HumanOrAlien\".",
                  {{2, 53}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, UnionIntoNonOverlappingUnion) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidUnionWithinUnion on CatOrDog { ...humanOrAlienFragment }
      fragment humanOrAlienFragment on HumanOrAlien { __typename }
    )",
                {{"Fragment \"humanOrAlienFragment\" cannot be spread here as objects of type "
                  "\"CatOrDog\" can never be of type \"HumanOrAlien\".",
                  {{2, 54}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, InterfaceIntoNonImplementingObject) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidInterfaceWithinObject on Cat { ...intelligentFragment }
      fragment intelligentFragment on Intelligent { iq }
    )",
                {{"Fragment \"intelligentFragment\" cannot be spread here as objects of type "
                  "\"Cat\" can never be of type \"Intelligent\".",
                  {{2, 54}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, InterfaceIntoNonOverlappingInterface) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidInterfaceWithinInterface on Pet {
        ...intelligentFragment
      }
      fragment intelligentFragment on Intelligent { iq }
    )",
                {{"Fragment \"intelligentFragment\" cannot be spread here as objects of type "
                  "\"Pet\" can never be of type \"Intelligent\".",
                  {{3, 9}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, InterfaceIntoNonOverlappingInterfaceInInlineFragment) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidInterfaceWithinInterfaceAnon on Pet {
        ...on Intelligent { iq }
      }
    )",
                {{"Fragment cannot be spread here as objects of type \"Pet\" can never be of "
                  "type \"Intelligent\".",
                  {{3, 9}}}},
                &spreads_schema());
}

TEST(PossibleFragmentSpreadsRule, InterfaceIntoNonOverlappingUnion) {
  expect_errors(possible_fragment_spreads, R"(
      fragment invalidInterfaceWithinUnion on HumanOrAlien { ...petFragment }
      fragment petFragment on Pet { name }
    )",
                {{"Fragment \"petFragment\" cannot be spread here as objects of type "
                  "\"HumanOrAlien\" can never be of type \"Pet\".",
                  {{2, 62}}}},
                &spreads_schema());
}

// Not in graphql-js's file (checked against graphql-js 16.15): inside an operation the
// parent type comes from the field, an inline fragment without a type condition takes
// its parent's type, and unknown types stay silent.
TEST(PossibleFragmentSpreadsRule, ChecksSpreadsInsideOperations) {
  expect_errors(possible_fragment_spreads, R"(
      {
        catOrDog { ... on Human { name } ...humanFragment ... { __typename } }
        humanOrAlien { ... on Unknown { name } ...unknownType }
      }
      fragment humanFragment on Human { name }
      fragment unknownType on Unknown { name }
    )",
                {{"Fragment cannot be spread here as objects of type \"CatOrDog\" can never be "
                  "of type \"Human\".",
                  {{3, 20}}},
                 {"Fragment \"humanFragment\" cannot be spread here as objects of type "
                  "\"CatOrDog\" can never be of type \"Human\".",
                  {{3, 42}}}},
                &spreads_schema());
}

}  // namespace
}  // namespace chat::graphql::rules
