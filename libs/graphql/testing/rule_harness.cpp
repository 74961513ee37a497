#include "graphql/testing/rule_harness.hpp"

#include <fstream>
#include <sstream>

#include "graphql/language/parser.hpp"

namespace chat::graphql::testing {
namespace {

std::string read_file(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string describe(const std::vector<graphql_error>& errors) {
  std::string out;
  for (const auto& e : errors) {
    out += "  " + e.message;
    for (const auto& l : e.locations) {
      out += " (" + std::to_string(l.line) + ":" + std::to_string(l.column) + ")";
    }
    out += "\n";
  }
  return out.empty() ? "  (none)\n" : out;
}

}  // namespace

std::shared_ptr<const schema> schema_from(std::string_view sdl) {
  auto built = build_schema(sdl);
  EXPECT_TRUE(built.errors.empty()) << "schema errors: " << built.errors.front();
  return built.built;
}

const schema& test_schema() {
  static const std::shared_ptr<const schema> k_schema =
      schema_from(read_file(CHAT_GRAPHQL_TEST_SCHEMA_PATH));
  return *k_schema;
}

std::vector<graphql_error> run_rule(const rule_factory& rule, std::string_view document,
                                    const schema* s) {
  auto parsed = parse(document);
  if (!parsed.doc) {
    ADD_FAILURE() << "the test document does not parse: " << parsed.error->message;
    return {};
  }
  const rule_factory rules[] = {rule};
  return validate_with(s != nullptr ? *s : test_schema(), *parsed.doc, rules);
}

void expect_valid(const rule_factory& rule, std::string_view document, const schema* s) {
  const auto errors = run_rule(rule, document, s);
  EXPECT_TRUE(errors.empty()) << "expected no errors for:\n"
                              << document << "\ngot:\n"
                              << describe(errors);
}

void expect_errors(const rule_factory& rule, std::string_view document,
                   const std::vector<expected_error>& expected, const schema* s) {
  const auto errors = run_rule(rule, document, s);
  bool same = errors.size() == expected.size();
  for (std::size_t i = 0; same && i < errors.size(); ++i) {
    same = errors[i].message == expected[i].message && errors[i].locations == expected[i].locations;
  }
  if (!same) {
    std::vector<graphql_error> wanted;
    for (const auto& e : expected) {
      graphql_error g;
      g.message = e.message;
      g.locations = e.locations;
      wanted.push_back(g);
    }
    ADD_FAILURE() << "for document:\n"
                  << document << "\nexpected:\n"
                  << describe(wanted) << "got:\n"
                  << describe(errors);
  }
}

}  // namespace chat::graphql::testing
