// libFuzzer entry point for the parser and printer (not part of the default build):
//
//   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -I libs \
//     libs/graphql/language/{parser_fuzz,source,ast,lexer,parser,type_system_parser,printer}.cpp \
//     -o parser_fuzz
//   ./parser_fuzz -max_total_time=120 corpus/
//
// Properties checked on every input:
//   - parsing never crashes, whatever the bytes (ASan/UBSan watch memory and overflow);
//   - a failure is one "Syntax Error: …" with exactly one location;
//   - a parsed document prints, the print parses again, and prints the same text.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "graphql/language/parser.hpp"

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "parser_fuzz: %s\n%.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace chat::graphql;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const parse_result first = parse(text);
  if (first.error) {
    if (first.doc != nullptr) fail("an error came with a document", first.error->message);
    if (first.error->message.rfind("Syntax Error: ", 0) != 0) {
      fail("an error without the graphql-js prefix", first.error->message);
    }
    if (first.error->locations.size() != 1) fail("not exactly one location", first.error->message);
    if (first.error->locations[0].line == 0) fail("a line 0 location", first.error->message);
    return 0;
  }
  const std::string printed = print(first.doc->root());
  const parse_result second = parse(printed);
  if (second.error)
    fail("the printed document does not parse", printed + "\n" + second.error->message);
  const std::string reprinted = print(second.doc->root());
  if (reprinted != printed) fail("printing is not stable", printed + "\n----\n" + reprinted);
  return 0;
}
