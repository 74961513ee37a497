#pragma once
/// Structured logging (SPEC OBS-1, OBS-3).
///
/// Each call formats one complete line (JSON object or a readable "pretty" line) on the
/// calling thread and appends it to a shared batch; a writer thread hands batches to a
/// spdlog sink (stdout) every 50 ms, or at once for errors, so network threads never
/// wait on the output device or wake another thread per line. String values are sanitised: escaped,
/// cut to a bounded length and made valid UTF-8, so untrusted input can never inject lines.
///
/// Thread-safety: `log()` and `enabled()` may be called from any thread once
/// `init_logging()` has returned; `init_logging()` and `shutdown_logging()` are called
/// once each from the main thread.

#include <cstdint>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

namespace chat::obs {

enum class log_level : std::uint8_t { trace, debug, info, warn, error, off };
enum class log_format : std::uint8_t { json, pretty };

/// Parses `trace|debug|info|warn|error|off` (also `warning`, `fatal` → error).
bool parse_log_level(std::string_view text, log_level& out) noexcept;
std::string_view to_string(log_level level) noexcept;

/// One key/value of a log line. Values are borrowed for the duration of the call.
struct log_field {
  using value_type = std::variant<std::string_view, std::int64_t, std::uint64_t, double, bool>;
  std::string_view key;
  value_type value;

  log_field(std::string_view k, std::string_view v) : key(k), value(v) {}
  log_field(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  log_field(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  log_field(std::string_view k, bool v) : key(k), value(v) {}
  log_field(std::string_view k, double v) : key(k), value(v) {}
  template <typename Int>
  requires(std::is_integral_v<Int>&& std::is_signed_v<Int>) log_field(std::string_view k, Int v)
      : key(k), value(static_cast<std::int64_t>(v)) {}
  template <typename Int>
  requires(std::is_integral_v<Int>&& std::is_unsigned_v<Int> && !std::is_same_v<Int, bool>)
      log_field(std::string_view k, Int v)
      : key(k), value(static_cast<std::uint64_t>(v)) {}
};

struct log_options {
  std::string service = "chatd";
  log_level level = log_level::info;
  log_format format = log_format::json;
  /// When set, lines go synchronously to this stream (tests); otherwise asynchronously
  /// to stdout.
  std::ostream* stream = nullptr;
  /// Longest string value written before it is cut (with a trailing "…").
  std::size_t max_value_bytes = 2048;
};

void init_logging(const log_options& options);
/// Flushes pending lines and stops the background writer.
void shutdown_logging();

/// True when a line at `level` would be written; check before building costly fields.
bool log_enabled(log_level level) noexcept;

/// Writes one line. `context` names the subsystem ("http", "app"); `correlation_id`
/// may be empty for lines that belong to no request.
void log(log_level level, std::string_view context, std::string_view message,
         std::string_view correlation_id = {}, std::initializer_list<log_field> fields = {});

/// Formats one line exactly as `log()` would write it, without the trailing newline.
std::string format_log_line(const log_options& options, log_level level, std::string_view context,
                            std::string_view message, std::string_view correlation_id,
                            std::initializer_list<log_field> fields);

/// Asks for every line logged so far to be written out now (without waiting for it).
void flush_logs();

/// Lines dropped because the asynchronous queue was full (exported as a metric).
std::uint64_t dropped_log_lines() noexcept;

}  // namespace chat::obs
