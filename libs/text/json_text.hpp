#pragma once
/// JSON text helpers shared by the logger, the HTTP layer and the GraphQL response
/// writer: string escaping that always yields valid JSON, UTF-8-safe truncation, and
/// ISO-8601 timestamps.
///
/// Thread-safety: pure functions.

#include <chrono>
#include <string>
#include <string_view>

namespace chat::text {

/// Appends `text` to `out` as the *contents* of a JSON string (no surrounding quotes).
/// Control characters are escaped, and invalid UTF-8 sequences are replaced with
/// U+FFFD so the output is always valid JSON whatever bytes a client sent.
void append_json_escaped(std::string& out, std::string_view text);

/// Appends `"text"` (quoted and escaped) to `out`.
void append_json_string(std::string& out, std::string_view text);

/// Returns the length of the longest prefix of `text` that is at most `max_bytes` long
/// and does not end inside a UTF-8 sequence.
std::size_t utf8_safe_prefix(std::string_view text, std::size_t max_bytes);

/// The number of code points in UTF-8 `text` (continuation bytes are not counted):
/// what people call a string's length in characters.
std::size_t utf8_length(std::string_view text) noexcept;

/// Appends `t` as ISO-8601 UTC with milliseconds: `2025-11-10T20:00:00.000Z`
/// (SPEC GQL-3's DateTime format, also used in logs and error timestamps).
void append_iso8601_utc(std::string& out, std::chrono::system_clock::time_point t);

}  // namespace chat::text
