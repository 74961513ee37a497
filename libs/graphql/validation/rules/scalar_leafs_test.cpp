// Ports graphql-js 16 `src/validation/__tests__/ScalarLeafsRule-test.ts`.
// Spec section 5.3.3, "Leaf Field Selections".

#include <memory>
#include <vector>

#include "graphql/language/parser.hpp"
#include "graphql/testing/rule_harness.hpp"
#include "graphql/validation/rules/rules.hpp"
#include "graphql/validation/validate.hpp"

namespace chat::graphql {
namespace {

using testing::expect_errors;
using testing::expect_valid;

TEST(ScalarLeafsRule, AcceptsAScalarSelection) {
  expect_valid(rules::scalar_leafs, R"(
      fragment scalarSelection on Dog {
        barks
      }
    )");
}

TEST(ScalarLeafsRule, ReportsAnObjectTypeWithoutSelections) {
  expect_errors(rules::scalar_leafs, R"(
      query directQueryOnObjectWithoutSubFields {
        human
      }
    )",
                {{"Field \"human\" of type \"Human\" must have a selection of subfields. Did you "
                  "mean \"human { ... }\"?",
                  {{3, 9}}}});
}

// `{ human {} }` does not parse, so graphql-js builds this syntax tree by hand; so do we.
// graphql-js's hand-built tree has no locations, ours points at offset 0.
TEST(ScalarLeafsRule, ReportsAnObjectTypeWithAnEmptySelectionSet) {
  auto doc = std::make_shared<document>(document::private_tag{}, std::string{});
  arena& nodes = doc->arena();
  auto* empty = nodes.make<selection_set_node>();
  empty->kind = node_kind::selection_set;
  auto* human = nodes.make<field_node>();
  human->kind = node_kind::field;
  human->name.value = "human";
  human->selection_set = empty;
  auto* root_selections = nodes.make<selection_set_node>();
  root_selections->kind = node_kind::selection_set;
  root_selections->selections = nodes.copy(std::vector<selection_node*>{human});
  auto* query = nodes.make<operation_definition_node>();
  query->kind = node_kind::operation_definition;
  query->selection_set = root_selections;
  auto* root = nodes.make<document_node>();
  root->kind = node_kind::document;
  root->definitions = nodes.copy(std::vector<definition_node*>{query});
  doc->set_root(root, 0);

  const rule_factory rule[] = {rules::scalar_leafs};
  const auto errors = validate_with(testing::test_schema(), *doc, rule);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].message,
            "Field \"human\" of type \"Human\" must have at least one field selected.");
  EXPECT_EQ(errors[0].locations, (std::vector<source_position>{{1, 1}}));
}

TEST(ScalarLeafsRule, ReportsAnInterfaceListWithoutSelections) {
  expect_errors(rules::scalar_leafs, R"(
      {
        human { pets }
      }
    )",
                {{"Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you "
                  "mean \"pets { ... }\"?",
                  {{3, 17}}}});
}

TEST(ScalarLeafsRule, AcceptsAScalarSelectionWithArguments) {
  expect_valid(rules::scalar_leafs, R"(
      fragment scalarSelectionWithArgs on Dog {
        doesKnowCommand(dogCommand: SIT)
      }
    )");
}

TEST(ScalarLeafsRule, ReportsASelectionOnBoolean) {
  expect_errors(rules::scalar_leafs, R"(
      fragment scalarSelectionsNotAllowedOnBoolean on Dog {
        barks { sinceWhen }
      }
    )",
                {{"Field \"barks\" must not have a selection since type \"Boolean\" has no "
                  "subfields.",
                  {{3, 15}}}});
}

TEST(ScalarLeafsRule, ReportsASelectionOnAnEnum) {
  expect_errors(rules::scalar_leafs, R"(
      fragment scalarSelectionsNotAllowedOnEnum on Cat {
        furColor { inHexDec }
      }
    )",
                {{"Field \"furColor\" must not have a selection since type \"FurColor\" has no "
                  "subfields.",
                  {{3, 18}}}});
}

TEST(ScalarLeafsRule, ReportsASelectionOnAScalarWithArguments) {
  expect_errors(rules::scalar_leafs, R"(
      fragment scalarSelectionsNotAllowedWithArgs on Dog {
        doesKnowCommand(dogCommand: SIT) { sinceWhen }
      }
    )",
                {{"Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has "
                  "no subfields.",
                  {{3, 42}}}});
}

TEST(ScalarLeafsRule, ReportsASelectionOnAScalarWithDirectives) {
  expect_errors(rules::scalar_leafs, R"(
      fragment scalarSelectionsNotAllowedWithDirectives on Dog {
        name @include(if: true) { isAlsoHumanName }
      }
    )",
                {{"Field \"name\" must not have a selection since type \"String\" has no "
                  "subfields.",
                  {{3, 33}}}});
}

TEST(ScalarLeafsRule, ReportsASelectionOnAScalarWithDirectivesAndArguments) {
  expect_errors(rules::scalar_leafs, R"(
      fragment scalarSelectionsNotAllowedWithDirectivesAndArgs on Dog {
        doesKnowCommand(dogCommand: SIT) @include(if: true) { sinceWhen }
      }
    )",
                {{"Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has "
                  "no subfields.",
                  {{3, 61}}}});
}

// Not in graphql-js's tests (checked against graphql-js 16.15): the type is printed with
// its wrappers, and unknown fields are left to FieldsOnCorrectTypeRule.
TEST(ScalarLeafsRule, PrintsWrappedTypesAndIgnoresUnknownFields) {
  expect_errors(rules::scalar_leafs, R"(
      {
        human { relatives unknown { a } }
        dog { nickname { a } }
      }
    )",
                {{"Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. "
                  "Did you mean \"relatives { ... }\"?",
                  {{3, 17}}},
                 {"Field \"nickname\" must not have a selection since type \"String\" has no "
                  "subfields.",
                  {{4, 24}}}});
}

}  // namespace
}  // namespace chat::graphql
