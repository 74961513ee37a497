#include "logger.hpp"

#include <fmt/format.h>
#include <spdlog/async.h>
#include <spdlog/async_logger.h>
#include <spdlog/details/null_mutex.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

#include "json_text.hpp"

namespace chat::obs {
namespace {

/// stdout without spdlog's flush after every line: lines collect in stdio's buffer and
/// reach the device in large writes, flushed every 100 ms and at once for errors. Only
/// the asynchronous logger's single worker thread calls it, hence the null mutex.
class buffered_stdout_sink final : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
 public:
  buffered_stdout_sink() { std::setvbuf(stdout, nullptr, _IOFBF, 64 * 1024); }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    std::fwrite(msg.payload.data(), 1, msg.payload.size(), stdout);
    std::fputc('\n', stdout);
  }
  void flush_() override { std::fflush(stdout); }
};

struct logger_state {
  log_options options;
  std::shared_ptr<spdlog::logger> sink_logger;

  // Flushes buffered lines every 100 ms, only when something was logged since the last
  // flush, so an idle server does not wake up for nothing.
  std::atomic<bool> dirty{false};
  std::mutex flusher_mutex;
  std::condition_variable flusher_wake;
  bool stopping = false;
  std::thread flusher;

  void start_flusher() {
    flusher = std::thread([this] {
      std::unique_lock lock(flusher_mutex);
      while (!stopping) {
        flusher_wake.wait_for(lock, std::chrono::milliseconds(100));
        if (dirty.exchange(false)) sink_logger->flush();
      }
    });
  }

  ~logger_state() {
    if (flusher.joinable()) {
      {
        std::lock_guard lock(flusher_mutex);
        stopping = true;
      }
      flusher_wake.notify_one();
      flusher.join();
    }
  }
};

std::atomic<log_level> g_level{log_level::info};
logger_state* g_state = nullptr;  // set once by init_logging, read-only afterwards

constexpr std::array<std::string_view, 6> k_level_names = {"trace", "debug", "info",
                                                           "warn",  "error", "off"};

void append_timestamp(std::string& out) {
  append_iso8601_utc(out, std::chrono::system_clock::now());
}

std::string_view bounded(std::string_view value, std::size_t max_bytes, bool& cut) {
  cut = value.size() > max_bytes;
  return cut ? value.substr(0, utf8_safe_prefix(value, max_bytes)) : value;
}

void append_number(std::string& out, double value) {
  if (std::isfinite(value)) {
    fmt::format_to(std::back_inserter(out), "{}", value);
  } else {
    out += "null";  // JSON has no NaN or infinity
  }
}

void append_json_value(std::string& out, const log_field::value_type& value,
                       std::size_t max_bytes) {
  if (const auto* s = std::get_if<std::string_view>(&value)) {
    bool cut = false;
    out += '"';
    append_json_escaped(out, bounded(*s, max_bytes, cut));
    if (cut) out += "\xE2\x80\xA6";  // …
    out += '"';
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    fmt::format_to(std::back_inserter(out), "{}", *i);
  } else if (const auto* u = std::get_if<std::uint64_t>(&value)) {
    fmt::format_to(std::back_inserter(out), "{}", *u);
  } else if (const auto* d = std::get_if<double>(&value)) {
    append_number(out, *d);
  } else {
    out += std::get<bool>(value) ? "true" : "false";
  }
}

// Pretty values are JSON-escaped too (without quotes unless needed), so a value can
// never break the one-line-per-event rule.
void append_pretty_value(std::string& out, const log_field::value_type& value,
                         std::size_t max_bytes) {
  if (const auto* s = std::get_if<std::string_view>(&value)) {
    const bool needs_quotes = s->empty() || s->find_first_of(" \"=") != std::string_view::npos;
    if (needs_quotes) {
      append_json_value(out, value, max_bytes);
    } else {
      bool cut = false;
      append_json_escaped(out, bounded(*s, max_bytes, cut));
      if (cut) out += "\xE2\x80\xA6";
    }
  } else {
    append_json_value(out, value, max_bytes);
  }
}

std::string format_json(const log_options& options, log_level level, std::string_view context,
                        std::string_view message, std::string_view correlation_id,
                        std::initializer_list<log_field> fields) {
  std::string out;
  out.reserve(256);
  out += R"({"timestamp":")";
  append_timestamp(out);
  out += R"(","level":")";
  out += k_level_names[static_cast<std::size_t>(level)];
  out += R"(","service":)";
  append_json_string(out, options.service);
  out += R"(,"context":)";
  append_json_string(out, context);
  out += R"(,"message":)";
  append_json_value(out, message, options.max_value_bytes);
  if (!correlation_id.empty()) {
    out += R"(,"correlationId":)";
    append_json_value(out, correlation_id, options.max_value_bytes);
  }
  for (const auto& field : fields) {
    out += ',';
    append_json_string(out, field.key);
    out += ':';
    append_json_value(out, field.value, options.max_value_bytes);
  }
  out += '}';
  return out;
}

std::string format_pretty(const log_options& options, log_level level, std::string_view context,
                          std::string_view message, std::string_view correlation_id,
                          std::initializer_list<log_field> fields) {
  static constexpr std::array<std::string_view, 6> k_tags = {"TRACE", "DEBUG", "INFO ",
                                                             "WARN ", "ERROR", "OFF  "};
  std::string out;
  out.reserve(192);
  append_timestamp(out);
  out += ' ';
  out += k_tags[static_cast<std::size_t>(level)];
  out += " [";
  append_json_escaped(out, context);
  out += "] ";
  bool cut = false;
  append_json_escaped(out, bounded(message, options.max_value_bytes, cut));
  if (cut) out += "\xE2\x80\xA6";  // …
  for (const auto& field : fields) {
    out += ' ';
    append_json_escaped(out, field.key);
    out += '=';
    append_pretty_value(out, field.value, options.max_value_bytes);
  }
  if (!correlation_id.empty()) {
    out += " cid=";
    append_pretty_value(out, correlation_id, options.max_value_bytes);
  }
  return out;
}

}  // namespace

bool parse_log_level(std::string_view text, log_level& out) noexcept {
  for (std::size_t i = 0; i < k_level_names.size(); ++i) {
    if (text == k_level_names[i]) {
      out = static_cast<log_level>(i);
      return true;
    }
  }
  if (text == "warning") {
    out = log_level::warn;
    return true;
  }
  if (text == "fatal") {
    out = log_level::error;
    return true;
  }
  return false;
}

std::string_view to_string(log_level level) noexcept {
  return k_level_names[static_cast<std::size_t>(level)];
}

std::string format_log_line(const log_options& options, log_level level, std::string_view context,
                            std::string_view message, std::string_view correlation_id,
                            std::initializer_list<log_field> fields) {
  return options.format == log_format::json
             ? format_json(options, level, context, message, correlation_id, fields)
             : format_pretty(options, level, context, message, correlation_id, fields);
}

void init_logging(const log_options& options) {
  auto state = std::make_unique<logger_state>();
  state->options = options;
  if (options.stream != nullptr) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(*options.stream, true);
    state->sink_logger = std::make_shared<spdlog::logger>("chat", std::move(sink));
  } else {
    // One background writer; when it falls behind, the oldest lines are dropped (and
    // counted) rather than blocking a network thread.
    // The queue is preallocated (about 300 bytes a slot): 8192 slots absorb bursts without
    // costing the idle process more than a few megabytes.
    spdlog::init_thread_pool(8192, 1);
    auto sink = std::make_shared<buffered_stdout_sink>();
    state->sink_logger =
        std::make_shared<spdlog::async_logger>("chat", std::move(sink), spdlog::thread_pool(),
                                               spdlog::async_overflow_policy::overrun_oldest);
  }
  state->sink_logger->set_pattern("%v");
  state->sink_logger->set_level(spdlog::level::trace);
  state->sink_logger->flush_on(spdlog::level::err);
  if (options.stream == nullptr) state->start_flusher();
  delete g_state;
  g_state = state.release();
  g_level.store(options.level, std::memory_order_release);
}

void shutdown_logging() {
  if (g_state == nullptr) return;
  g_state->sink_logger->flush();
  g_level.store(log_level::off, std::memory_order_release);
  const bool async = g_state->options.stream == nullptr;
  delete g_state;
  g_state = nullptr;
  if (async) spdlog::shutdown();
}

bool log_enabled(log_level level) noexcept {
  return level != log_level::off && level >= g_level.load(std::memory_order_acquire) &&
         g_state != nullptr;
}

void log(log_level level, std::string_view context, std::string_view message,
         std::string_view correlation_id, std::initializer_list<log_field> fields) {
  if (!log_enabled(level)) return;
  const std::string line =
      format_log_line(g_state->options, level, context, message, correlation_id, fields);
  g_state->sink_logger->log(level >= log_level::error ? spdlog::level::err : spdlog::level::info,
                            std::string_view(line));
  g_state->dirty.store(true, std::memory_order_relaxed);
}

void flush_logs() {
  if (g_state != nullptr) g_state->sink_logger->flush();
}

std::uint64_t dropped_log_lines() noexcept {
  if (g_state == nullptr || g_state->options.stream != nullptr) return 0;
  auto pool = spdlog::thread_pool();
  return pool ? pool->overrun_counter() : 0;
}

}  // namespace chat::obs
