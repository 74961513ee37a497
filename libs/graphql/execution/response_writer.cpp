#include "graphql/execution/response_writer.hpp"

#include <charconv>
#include <cmath>

#include "text/json_text.hpp"

namespace chat::graphql {

void json_writer::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_member_.empty()) {
    if (has_member_.back()) out_ += ',';
    has_member_.back() = true;
  }
}

void json_writer::begin_object() {
  before_value();
  out_ += '{';
  has_member_.push_back(false);
}

void json_writer::end_object() {
  out_ += '}';
  has_member_.pop_back();
}

void json_writer::begin_array() {
  before_value();
  out_ += '[';
  has_member_.push_back(false);
}

void json_writer::end_array() {
  out_ += ']';
  has_member_.pop_back();
}

void json_writer::key(std::string_view name) {
  before_value();
  text::append_json_string(out_, name);
  out_ += ':';
  after_key_ = true;
}

void json_writer::string(std::string_view value) {
  before_value();
  text::append_json_string(out_, value);
}

void json_writer::integer(std::int64_t value) {
  before_value();
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out_.append(digits, result.ptr);
}

void json_writer::number(double value) {
  before_value();
  if (!std::isfinite(value)) {
    out_ += "null";
    return;
  }
  char digits[32];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out_.append(digits, result.ptr);
}

void json_writer::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void json_writer::null() {
  before_value();
  out_ += "null";
}

void json_writer::raw(std::string_view json) {
  before_value();
  out_ += json;
}

void write_errors(json_writer& writer, std::span<const graphql_error> errors,
                  std::string_view timestamp) {
  writer.begin_array();
  for (const auto& error : errors) {
    writer.begin_object();
    writer.key("message");
    writer.string(error.message);
    if (!error.locations.empty()) {
      writer.key("locations");
      writer.begin_array();
      for (const auto& location : error.locations) {
        writer.begin_object();
        writer.key("line");
        writer.integer(location.line);
        writer.key("column");
        writer.integer(location.column);
        writer.end_object();
      }
      writer.end_array();
    }
    if (!error.path.empty()) {
      writer.key("path");
      writer.begin_array();
      for (const auto& segment : error.path) {
        if (const auto* key = std::get_if<std::string>(&segment)) {
          writer.string(*key);
        } else {
          writer.integer(std::get<std::int64_t>(segment));
        }
      }
      writer.end_array();
    }
    writer.key("extensions");
    writer.begin_object();
    if (!error.code.empty()) {
      writer.key("code");
      writer.string(error.code);
    }
    writer.key("timestamp");
    writer.string(timestamp);
    writer.end_object();
    if (!error.extra_extensions.empty()) {
      // Extra members go inside extensions: reopen it by dropping the closing brace.
      std::string& out = writer.buffer();
      out.pop_back();
      out += ',';
      out += error.extra_extensions;
      out += '}';
    }
    writer.end_object();
  }
  writer.end_array();
}

std::string errors_document(std::span<const graphql_error> errors, std::string_view timestamp) {
  std::string out;
  out.reserve(128 + errors.size() * 96);
  json_writer writer(out);
  writer.begin_object();
  writer.key("errors");
  write_errors(writer, errors, timestamp);
  writer.end_object();
  return out;
}

}  // namespace chat::graphql
