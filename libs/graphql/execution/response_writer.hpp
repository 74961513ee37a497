#pragma once
/// Writing GraphQL responses straight into an output buffer (no JSON DOM): a small JSON
/// writer that tracks commas, and the error format of spec 7.1.2 / SPEC ERR-1.
///
/// Thread-safety: a writer belongs to one response.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/error/graphql_error.hpp"

namespace chat::graphql {

class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// `"name":` inside an object; the next value belongs to it.
  void key(std::string_view name);
  void string(std::string_view value);
  void integer(std::int64_t value);
  /// Finite numbers as the shortest text that reads back the same (JSON has no NaN).
  void number(double value);
  void boolean(bool value);
  void null();
  /// A complete JSON value written as is (already valid JSON).
  void raw(std::string_view json);

  std::string& buffer() noexcept { return out_; }

 private:
  void before_value();

  std::string& out_;
  // One entry per open container: true once it holds a member (a comma is needed).
  std::vector<bool> has_member_;
  bool after_key_ = false;
};

/// Writes `[ {message, locations?, path?, extensions{code, timestamp, …}}, … ]`.
/// `timestamp` (ISO-8601) is added to every error's extensions (ERR-1).
void write_errors(json_writer& writer, std::span<const graphql_error> errors,
                  std::string_view timestamp);

/// `{"errors":[…]}`: the whole response of a request that never reached execution.
std::string errors_document(std::span<const graphql_error> errors, std::string_view timestamp);

}  // namespace chat::graphql
