#pragma once
/// What a Redis command answers: a reply value, or an error (DESIGN principle 4: results
/// are values, never exceptions).
///
/// A top-level error reply (`-ERR …`, `-WRONGTYPE …`) is the error `reply_error` with
/// the server's message; an error nested in an array (a script's or EXEC's) stays a value
/// of kind `error`.
///
/// Thread-safety: plain values.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace chat::adapters::redis {

/// One RESP2 value.
struct redis_value {
  enum class kind : std::uint8_t { nil, integer, string, status, error, array };

  kind type = kind::nil;
  std::int64_t integer = 0;           // kind::integer
  std::string text;                   // kind::string (binary-safe), status, error
  std::vector<redis_value> elements;  // kind::array

  static redis_value nil() { return {}; }
  static redis_value of_integer(std::int64_t v) { return {kind::integer, v, {}, {}}; }
  static redis_value of_string(std::string s) { return {kind::string, 0, std::move(s), {}}; }
  static redis_value of_status(std::string s) { return {kind::status, 0, std::move(s), {}}; }
  static redis_value of_error(std::string s) { return {kind::error, 0, std::move(s), {}}; }
  static redis_value of_array(std::vector<redis_value> v) {
    return {kind::array, 0, {}, std::move(v)};
  }

  bool is_nil() const noexcept { return type == kind::nil; }
  bool is_integer() const noexcept { return type == kind::integer; }
  bool is_string() const noexcept { return type == kind::string; }
  bool is_status() const noexcept { return type == kind::status; }
  bool is_error() const noexcept { return type == kind::error; }
  bool is_array() const noexcept { return type == kind::array; }

  friend bool operator==(const redis_value&, const redis_value&) = default;
};

enum class redis_errc : std::uint8_t {
  unavailable,  // not connected, or the connection was lost before the answer
  timeout,      // no answer within the command timeout (the connection is then reset)
  reply_error,  // Redis answered with an error reply; `detail` is its message
};

/// `"unavailable"`, `"timeout"`, `"reply_error"` (logs, metrics).
std::string_view name_of(redis_errc code) noexcept;

struct redis_error {
  redis_errc code = redis_errc::unavailable;
  /// For `reply_error` the server's message (`WRONGTYPE Operation against a key …`);
  /// otherwise why, for the log. Never contains a password.
  std::string detail;

  friend bool operator==(const redis_error&, const redis_error&) = default;
};

/// A `redis_value` or a `redis_error` (std::expected is C++23).
class redis_result {
 public:
  /// No answer (yet): `unavailable` (lets a result be a completion handler's argument).
  redis_result()
      : data_(std::in_place_index<1>, redis_error{redis_errc::unavailable, "no result"}) {}
  redis_result(redis_value value) : data_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  redis_result(redis_error error) : data_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const noexcept { return data_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  redis_value& value() & { return std::get<0>(data_); }
  const redis_value& value() const& { return std::get<0>(data_); }
  redis_value&& value() && { return std::get<0>(std::move(data_)); }
  redis_value& operator*() & { return value(); }
  const redis_value& operator*() const& { return value(); }
  redis_value* operator->() { return &value(); }
  const redis_value* operator->() const { return &value(); }
  const redis_error& error() const { return std::get<1>(data_); }

  /// True for an error of code `code`.
  bool failed_with(redis_errc code) const noexcept {
    return data_.index() == 1 && std::get<1>(data_).code == code;
  }

 private:
  std::variant<redis_value, redis_error> data_;
};

}  // namespace chat::adapters::redis
