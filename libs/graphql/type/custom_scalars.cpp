#include "graphql/type/custom_scalars.hpp"

#include <boost/json/object.hpp>
#include <chrono>
#include <cmath>

#include "graphql/type/inspect.hpp"
#include "graphql/type/value_printer.hpp"

namespace chat::graphql {

namespace {

using json = boost::json::value;
namespace chrono = std::chrono;

constexpr std::string_view k_upload_key = "__upload";
constexpr std::int64_t k_ms_per_day = 86'400'000;

std::optional<json> fail(std::string& error, std::string message) {
  error = std::move(message);
  return std::nullopt;
}

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// `count` digits at `pos` as a number; -1 when any is not a digit.
int digits(std::string_view text, std::size_t pos, std::size_t count) noexcept {
  if (pos + count > text.size()) return -1;
  int n = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(text[i])) return -1;
    n = n * 10 + (text[i] - '0');
  }
  return n;
}

std::string invalid_date_time(std::string_view quoted) {
  return "DateTime cannot represent an invalid date-time string: " + std::string(quoted) +
         " (expected RFC 3339, such as \"2025-11-10T20:00:00.000Z\")";
}

std::optional<json> parse_date_time_string(std::string_view text, std::string_view quoted,
                                           std::string& error) {
  const auto ms = parse_date_time(text);
  if (!ms) return fail(error, invalid_date_time(quoted));
  auto formatted = format_date_time(*ms);
  if (!formatted) return fail(error, invalid_date_time(quoted));
  return json(*formatted);
}

}  // namespace

std::optional<std::int64_t> parse_date_time(std::string_view text) noexcept {
  // full-date "T" partial-time time-offset (RFC 3339 section 5.6).
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() < 11 || (text[10] != 'T' && text[10] != 't')) return std::nullopt;
  const int hour = digits(text, 11, 2);
  const int minute = digits(text, 14, 2);
  const int second = digits(text, 17, 2);
  if (hour < 0 || minute < 0 || second < 0 || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  std::size_t pos = 19;
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t first = pos;
    while (pos < text.size() && is_digit(text[pos])) {
      if (pos - first < 3) millis = millis * 10 + (text[pos] - '0');
      ++pos;
    }
    if (pos == first) return std::nullopt;
    for (std::size_t n = pos - first; n < 3; ++n)
      millis *= 10;
  }
  if (pos >= text.size()) return std::nullopt;
  int offset_minutes = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int sign = text[pos] == '-' ? -1 : 1;
    const int off_hour = digits(text, pos + 1, 2);
    const int off_minute = digits(text, pos + 4, 2);
    if (off_hour < 0 || off_minute < 0 || text[pos + 3] != ':') return std::nullopt;
    if (off_hour > 23 || off_minute > 59) return std::nullopt;
    offset_minutes = sign * (off_hour * 60 + off_minute);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;

  const chrono::year_month_day date{chrono::year{year}, chrono::month{static_cast<unsigned>(month)},
                                    chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  const std::int64_t days = chrono::sys_days{date}.time_since_epoch().count();
  const std::int64_t seconds_of_day = hour * 3600 + minute * 60 + second - offset_minutes * 60;
  return days * k_ms_per_day + seconds_of_day * 1000 + millis;
}

std::optional<std::string> format_date_time(std::int64_t epoch_ms) {
  // 0000-01-01T00:00:00.000Z .. 9999-12-31T23:59:59.999Z
  constexpr std::int64_t k_min = -62'167'219'200'000;
  constexpr std::int64_t k_max = 253'402'300'799'999;
  if (epoch_ms < k_min || epoch_ms > k_max) return std::nullopt;
  std::int64_t days = epoch_ms / k_ms_per_day;
  std::int64_t ms_of_day = epoch_ms % k_ms_per_day;
  if (ms_of_day < 0) {
    ms_of_day += k_ms_per_day;
    --days;
  }
  const chrono::year_month_day date{chrono::sys_days{chrono::days{days}}};
  const auto two = [](std::string& out, std::int64_t n) {
    out += static_cast<char>('0' + n / 10);
    out += static_cast<char>('0' + n % 10);
  };
  std::string out;
  out.reserve(24);
  const int year = static_cast<int>(date.year());
  two(out, year / 100);
  two(out, year % 100);
  out += '-';
  two(out, static_cast<unsigned>(date.month()));
  out += '-';
  two(out, static_cast<unsigned>(date.day()));
  out += 'T';
  two(out, ms_of_day / 3'600'000);
  out += ':';
  two(out, ms_of_day / 60'000 % 60);
  out += ':';
  two(out, ms_of_day / 1000 % 60);
  out += '.';
  const std::int64_t millis = ms_of_day % 1000;
  out += static_cast<char>('0' + millis / 100);
  two(out, millis % 100);
  out += 'Z';
  return out;
}

scalar_coercion date_time_coercion() {
  scalar_coercion coercion;
  coercion.parse_value = [](const json& input, std::string& error) -> std::optional<json> {
    if (!input.is_string()) {
      return fail(error, "DateTime cannot represent a non-string value: " + inspect(input));
    }
    return parse_date_time_string(input.get_string(), inspect(input), error);
  };
  coercion.parse_literal = [](const value_node& literal,
                              std::string& error) -> std::optional<json> {
    if (literal.kind != node_kind::string_value) {
      return fail(error, "DateTime cannot represent a non-string value: " + print_value(literal));
    }
    return parse_date_time_string(static_cast<const string_value_node&>(literal).value,
                                  print_value(literal), error);
  };
  coercion.serialize = [](const json& result, std::string& error) -> std::optional<json> {
    if (result.is_string()) {
      return parse_date_time_string(result.get_string(), inspect(result), error);
    }
    std::optional<std::int64_t> ms;
    if (result.is_int64()) {
      ms = result.get_int64();
    } else if (result.is_uint64() && result.get_uint64() <= 253'402'300'799'999U) {
      ms = static_cast<std::int64_t>(result.get_uint64());
    } else if (result.is_double() && std::isfinite(result.get_double()) &&
               std::trunc(result.get_double()) == result.get_double() &&
               std::fabs(result.get_double()) < 1e15) {
      ms = static_cast<std::int64_t>(result.get_double());
    }
    if (!ms) return fail(error, "DateTime cannot represent value: " + inspect(result));
    auto formatted = format_date_time(*ms);
    if (!formatted) return fail(error, "DateTime cannot represent value: " + inspect(result));
    return json(*formatted);
  };
  return coercion;
}

json make_upload_reference(std::uint32_t index) {
  boost::json::object reference;
  reference[k_upload_key] = index;
  return json(std::move(reference));
}

std::optional<std::uint32_t> upload_index(const json& v) noexcept {
  const auto* object = v.if_object();
  if (object == nullptr || object->size() != 1) return std::nullopt;
  const json* index = object->if_contains(k_upload_key);
  if (index == nullptr) return std::nullopt;
  if (index->is_uint64() && index->get_uint64() <= UINT32_MAX) {
    return static_cast<std::uint32_t>(index->get_uint64());
  }
  if (index->is_int64() && index->get_int64() >= 0 && index->get_int64() <= UINT32_MAX) {
    return static_cast<std::uint32_t>(index->get_int64());
  }
  return std::nullopt;
}

scalar_coercion upload_coercion() {
  scalar_coercion coercion;
  coercion.parse_value = [](const json& input, std::string& error) -> std::optional<json> {
    if (!upload_index(input)) return fail(error, "Upload value invalid.");
    return input;
  };
  coercion.parse_literal = [](const value_node&, std::string& error) -> std::optional<json> {
    return fail(error, "Upload literal unsupported.");
  };
  coercion.serialize = [](const json&, std::string& error) -> std::optional<json> {
    return fail(error, "Upload serialization unsupported.");
  };
  return coercion;
}

}  // namespace chat::graphql
