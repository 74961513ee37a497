// libFuzzer target `graphql_validate_fuzz`: a request's document as the server prepares
// it (parse with the default limits, then `validate` with every specified rule and the
// GQL-5 limits) against the schema built from schema/chat.graphql (read from
// CHAT_SCHEMA_FILE, a path CMake gives; the engine knows no chat code). Built by the
// `fuzz` preset and run by `make fuzz` (scripts/fuzz.sh; seeds in fuzz/corpus/validate).
//
// Properties checked on every parsed input, with ASan and UBSan watching:
//   - validation terminates (libFuzzer's -timeout) without crashing;
//   - at most max_errors errors plus graphql-js's "Too many validation errors" one;
//   - every error has a message, code GRAPHQL_VALIDATION_FAILED and locations inside
//     the text.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "graphql/language/parser.hpp"
#include "graphql/type/schema.hpp"
#include "graphql/validation/custom/limits.hpp"
#include "graphql/validation/validate.hpp"

namespace {

using namespace chat::graphql;

[[noreturn]] void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "graphql_validate_fuzz: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

std::shared_ptr<const schema> load_schema() {
  std::ifstream in(CHAT_SCHEMA_FILE, std::ios::binary);
  if (!in) fail("cannot read the schema", CHAT_SCHEMA_FILE);
  const std::string sdl((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  build_result built = build_schema(sdl);
  if (!built.built) fail("the schema does not build", built.errors.empty() ? "" : built.errors[0]);
  return std::move(built.built);
}

struct fixture {
  std::shared_ptr<const schema> served = load_schema();
  validation_options options;
  fixture() { options.extra_rules = limits::rules_for(limits::document_limits{}); }
};

const fixture& the_fixture() {
  static const fixture instance;
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)the_fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fixture& f = the_fixture();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const parse_result parsed = parse(text);
  if (!parsed.doc) return 0;
  const std::vector<graphql_error> errors = validate(*f.served, *parsed.doc, f.options);
  if (errors.size() > f.options.max_errors + 1) fail("more errors than the limit", text);
  const source_position last = position_of(text, static_cast<std::uint32_t>(size));
  for (const graphql_error& error : errors) {
    if (error.message.empty()) fail("an error without a message", text);
    if (error.code != error_code::validation_failed)
      fail("an error without its code", error.message);
    for (const source_position& at : error.locations) {
      if (at.line == 0 || at.column == 0 || at.line > last.line) {
        fail("a location outside the text", error.message);
      }
    }
  }
  return 0;
}
