// Ports graphql-js 16 `src/validation/__tests__/FieldsOnCorrectTypeRule-test.ts`, which
// uses its own small schema. Spec section 5.3.1, "Field Selections".

#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"

namespace chat::graphql {
namespace {

using testing::run_rule;
using testing::schema_from;

const schema& pets_schema() {
  static const auto k_schema = schema_from(R"(
  interface Pet {
    name: String
  }

  type Dog implements Pet {
    name: String
    nickname: String
    barkVolume: Int
  }

  type Cat implements Pet {
    name: String
    nickname: String
    meowVolume: Int
  }

  union CatOrDog = Cat | Dog

  type Human {
    name: String
    pets: [Pet]
  }

  type Query {
    human: Human
  }
)");
  return *k_schema;
}

void expect_valid(std::string_view document) {
  testing::expect_valid(rules::fields_on_correct_type, document, &pets_schema());
}

void expect_errors(std::string_view document, const std::vector<testing::expected_error>& errors) {
  testing::expect_errors(rules::fields_on_correct_type, document, errors, &pets_schema());
}

/// The one error graphql-js's "error message" cases expect, for `document` against `sdl`.
std::string only_message(std::string_view sdl, std::string_view document) {
  const auto s = schema_from(sdl);
  const auto errors = run_rule(rules::fields_on_correct_type, document, s.get());
  EXPECT_EQ(errors.size(), 1U);
  return errors.empty() ? std::string() : errors.front().message;
}

TEST(FieldsOnCorrectTypeRule, AcceptsObjectFieldSelections) {
  expect_valid(R"(
      fragment objectFieldSelection on Dog {
        __typename
        name
      }
    )");
}

TEST(FieldsOnCorrectTypeRule, AcceptsAliasedObjectFieldSelections) {
  expect_valid(R"(
      fragment aliasedObjectFieldSelection on Dog {
        tn : __typename
        otherName : name
      }
    )");
}

TEST(FieldsOnCorrectTypeRule, AcceptsInterfaceFieldSelections) {
  expect_valid(R"(
      fragment interfaceFieldSelection on Pet {
        __typename
        name
      }
    )");
}

TEST(FieldsOnCorrectTypeRule, AcceptsAliasedInterfaceFieldSelections) {
  expect_valid(R"(
      fragment interfaceFieldSelection on Pet {
        otherName : name
      }
    )");
}

TEST(FieldsOnCorrectTypeRule, AcceptsALyingAlias) {
  expect_valid(R"(
      fragment lyingAliasSelection on Dog {
        name : nickname
      }
    )");
}

TEST(FieldsOnCorrectTypeRule, IgnoresFieldsOnUnknownTypes) {
  expect_valid(R"(
      fragment unknownSelection on UnknownType {
        unknownField
      }
    )");
}

TEST(FieldsOnCorrectTypeRule, ReportsErrorsWhenTheTypeIsKnownAgain) {
  expect_errors(R"(
      fragment typeKnownAgain on Pet {
        unknown_pet_field {
          ... on Cat {
            unknown_cat_field
          }
        }
      }
    )",
                {{"Cannot query field \"unknown_pet_field\" on type \"Pet\".", {{3, 9}}},
                 {"Cannot query field \"unknown_cat_field\" on type \"Cat\".", {{5, 13}}}});
}

TEST(FieldsOnCorrectTypeRule, ReportsAFieldNotDefinedOnTheFragmentType) {
  expect_errors(R"(
      fragment fieldNotDefined on Dog {
        meowVolume
      }
    )",
                {{"Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?",
                  {{3, 9}}}});
}

TEST(FieldsOnCorrectTypeRule, IgnoresDeeplyUnknownFields) {
  expect_errors(R"(
      fragment deepFieldNotDefined on Dog {
        unknown_field {
          deeper_unknown_field
        }
      }
    )",
                {{"Cannot query field \"unknown_field\" on type \"Dog\".", {{3, 9}}}});
}

TEST(FieldsOnCorrectTypeRule, ReportsASubFieldNotDefined) {
  expect_errors(R"(
      fragment subFieldNotDefined on Human {
        pets {
          unknown_field
        }
      }
    )",
                {{"Cannot query field \"unknown_field\" on type \"Pet\".", {{4, 11}}}});
}

TEST(FieldsOnCorrectTypeRule, ReportsAFieldNotDefinedOnAnInlineFragment) {
  expect_errors(R"(
      fragment fieldNotDefined on Pet {
        ... on Dog {
          meowVolume
        }
      }
    )",
                {{"Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?",
                  {{4, 11}}}});
}

TEST(FieldsOnCorrectTypeRule, ReportsAnAliasedFieldTargetNotDefined) {
  expect_errors(R"(
      fragment aliasedFieldTargetNotDefined on Dog {
        volume : mooVolume
      }
    )",
                {{"Cannot query field \"mooVolume\" on type \"Dog\". Did you mean \"barkVolume\"?",
                  {{3, 9}}}});
}

TEST(FieldsOnCorrectTypeRule, ReportsAnAliasedLyingFieldTargetNotDefined) {
  expect_errors(R"(
      fragment aliasedLyingFieldTargetNotDefined on Dog {
        barkVolume : kawVolume
      }
    )",
                {{"Cannot query field \"kawVolume\" on type \"Dog\". Did you mean \"barkVolume\"?",
                  {{3, 9}}}});
}

TEST(FieldsOnCorrectTypeRule, ReportsAFieldNotDefinedOnAnInterface) {
  expect_errors(R"(
      fragment notDefinedOnInterface on Pet {
        tailLength
      }
    )",
                {{"Cannot query field \"tailLength\" on type \"Pet\".", {{3, 9}}}});
}

TEST(FieldsOnCorrectTypeRule, SuggestsImplementorsForAFieldMissingOnTheInterface) {
  expect_errors(R"(
      fragment definedOnImplementorsButNotInterface on Pet {
        nickname
      }
    )",
                {{"Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline "
                  "fragment on \"Cat\" or \"Dog\"?",
                  {{3, 9}}}});
}

TEST(FieldsOnCorrectTypeRule, AcceptsAMetaFieldSelectionOnAUnion) {
  expect_valid(R"(
      fragment directFieldSelectionOnUnion on CatOrDog {
        __typename
      }
    )");
}

TEST(FieldsOnCorrectTypeRule, ReportsADirectFieldSelectionOnAUnion) {
  expect_errors(R"(
      fragment directFieldSelectionOnUnion on CatOrDog {
        directField
      }
    )",
                {{"Cannot query field \"directField\" on type \"CatOrDog\".", {{3, 9}}}});
}

TEST(FieldsOnCorrectTypeRule, SuggestsInterfacesAndMembersForAFieldQueriedOnAUnion) {
  expect_errors(R"(
      fragment definedOnImplementorsQueriedOnUnion on CatOrDog {
        name
      }
    )",
                {{"Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline "
                  "fragment on \"Pet\", \"Cat\", or \"Dog\"?",
                  {{3, 9}}}});
}

TEST(FieldsOnCorrectTypeRule, AcceptsAValidFieldInAnInlineFragment) {
  expect_valid(R"(
      fragment objectFieldSelection on Pet {
        ... on Dog {
          name
        }
        ... {
          name
        }
      }
    )");
}

TEST(FieldsOnCorrectTypeRule, MessageWorksWithNoSuggestions) {
  EXPECT_EQ(only_message(R"(
        type T {
          fieldWithVeryLongNameThatWillNeverBeSuggested: String
        }
        type Query { t: T }
      )",
                         "{ t { f } }"),
            "Cannot query field \"f\" on type \"T\".");
}

TEST(FieldsOnCorrectTypeRule, MessageWorksWithSmallNumbersOfTypeSuggestions) {
  EXPECT_EQ(only_message(R"(
        union T = A | B
        type Query { t: T }

        type A { f: String }
        type B { f: String }
      )",
                         "{ t { f } }"),
            "Cannot query field \"f\" on type \"T\". Did you mean to use an inline fragment on "
            "\"A\" or \"B\"?");
}

TEST(FieldsOnCorrectTypeRule, MessageWorksWithSmallNumbersOfFieldSuggestions) {
  EXPECT_EQ(only_message(R"(
        type T {
          y: String
          z: String
        }
        type Query { t: T }
      )",
                         "{ t { f } }"),
            "Cannot query field \"f\" on type \"T\". Did you mean \"y\" or \"z\"?");
}

TEST(FieldsOnCorrectTypeRule, MessageShowsOneSetOfSuggestionsPreferringTypes) {
  EXPECT_EQ(only_message(R"(
        interface T {
          y: String
          z: String
        }
        type Query { t: T }

        type A implements T {
          f: String
          y: String
          z: String
        }
        type B implements T {
          f: String
          y: String
          z: String
        }
      )",
                         "{ t { f } }"),
            "Cannot query field \"f\" on type \"T\". Did you mean to use an inline fragment on "
            "\"A\" or \"B\"?");
}

TEST(FieldsOnCorrectTypeRule, MessageSortsTypeSuggestionsByInheritanceOrder) {
  EXPECT_EQ(only_message(R"(
        interface T { bar: String }
        type Query { t: T }

        interface Z implements T {
          foo: String
          bar: String
        }

        interface Y implements Z & T {
          foo: String
          bar: String
        }

        type X implements Y & Z & T {
          foo: String
          bar: String
        }
      )",
                         "{ t { foo } }"),
            "Cannot query field \"foo\" on type \"T\". Did you mean to use an inline fragment on "
            "\"Z\", \"Y\", or \"X\"?");

  EXPECT_EQ(only_message(R"(
        interface Animal { name: String }
        interface Mammal implements Animal { name: String }

        interface Canine implements Animal & Mammal { name: String }
        type Dog implements Animal & Mammal & Canine { name: String }

        interface Feline implements Animal & Mammal { name: String }
        type Cat implements Animal & Mammal & Feline { name: String }

        union CatOrDog = Cat | Dog
        type Query { catOrDog: CatOrDog }
      )",
                         "{ catOrDog { name } }"),
            "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline "
            "fragment on \"Animal\", \"Mammal\", \"Canine\", \"Dog\", or \"Feline\"?");
}

TEST(FieldsOnCorrectTypeRule, MessageLimitsLotsOfTypeSuggestions) {
  EXPECT_EQ(only_message(R"(
        union T = A | B | C | D | E | F
        type Query { t: T }

        type A { f: String }
        type B { f: String }
        type C { f: String }
        type D { f: String }
        type E { f: String }
        type F { f: String }
      )",
                         "{ t { f } }"),
            "Cannot query field \"f\" on type \"T\". Did you mean to use an inline fragment on "
            "\"A\", \"B\", \"C\", \"D\", or \"E\"?");
}

TEST(FieldsOnCorrectTypeRule, MessageLimitsLotsOfFieldSuggestions) {
  EXPECT_EQ(only_message(R"(
        type T {
          u: String
          v: String
          w: String
          x: String
          y: String
          z: String
        }
        type Query { t: T }
      )",
                         "{ t { f } }"),
            "Cannot query field \"f\" on type \"T\". Did you mean \"u\", \"v\", \"w\", \"x\", or "
            "\"y\"?");
}

// Not in graphql-js's tests (checked against graphql-js 16.15): when inheritance and
// name order disagree, the order is whatever V8's sort makes of graphql-js's comparator,
// and so depends on the order of the union's members.
TEST(FieldsOnCorrectTypeRule, MessageOrdersContradictoryTypeSuggestionsAsGraphqlJs) {
  const auto s = schema_from(R"(
    interface Zeta { f: String }
    type Alpha implements Zeta { f: String }
    interface Beta { f: String }
    type Gamma implements Beta { f: String }
    union U = Alpha | Gamma
    union V = Gamma | Alpha
    type Query { u: U v: V }
  )");
  testing::expect_errors(rules::fields_on_correct_type, "{ u { f } v { f } }",
                         {{"Cannot query field \"f\" on type \"U\". Did you mean to use an inline "
                           "fragment on \"Beta\", \"Gamma\", \"Zeta\", or \"Alpha\"?",
                           {{1, 7}}},
                          {"Cannot query field \"f\" on type \"V\". Did you mean to use an inline "
                           "fragment on \"Zeta\", \"Alpha\", \"Beta\", or \"Gamma\"?",
                           {{1, 15}}}},
                         s.get());
}

}  // namespace
}  // namespace chat::graphql
