#include "text/json_text.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <iterator>

namespace chat::text {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t valid_utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  const std::size_t left = text.size() - i;
  const auto cont = [&](std::size_t k) { return k < left && (byte(k) & 0xC0U) == 0x80U; };
  if (lead < 0x80U) return 1;
  if (lead >= 0xC2U && lead <= 0xDFU) return cont(1) ? 2 : 0;
  if (lead >= 0xE0U && lead <= 0xEFU) {
    if (!cont(1) || !cont(2)) return 0;
    if (lead == 0xE0U && byte(1) < 0xA0U) return 0;   // overlong
    if (lead == 0xEDU && byte(1) >= 0xA0U) return 0;  // surrogate
    return 3;
  }
  if (lead >= 0xF0U && lead <= 0xF4U) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (lead == 0xF0U && byte(1) < 0x90U) return 0;   // overlong
    if (lead == 0xF4U && byte(1) >= 0x90U) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

// Printable ASCII other than '"' and '\\': copied as it is.
constexpr bool is_plain(unsigned char c) noexcept {
  return c >= 0x20U && c < 0x80U && c != '"' && c != '\\';
}

// The end of the run of plain bytes starting at `i`, eight bytes at a time: a word is
// plain when no byte is below 0x20, none has its high bit set, and none is '"' or '\\'
// (the usual "has a byte less than n" and "has a zero byte" word tests, exact for the
// question "is there any").
std::size_t plain_run_end(std::string_view text, std::size_t i) noexcept {
  constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
  constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t w) { return (w - k_ones) & ~w; };
  while (i + 8 <= text.size()) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, sizeof w);
    const std::uint64_t below_space = (w - k_ones * 0x20U) & ~w;
    const std::uint64_t quote = has_zero(w ^ (k_ones * static_cast<unsigned char>('"')));
    const std::uint64_t backslash = has_zero(w ^ (k_ones * static_cast<unsigned char>('\\')));
    if (((below_space | quote | backslash | w) & k_highs) != 0) break;
    i += 8;
  }
  while (i < text.size() && is_plain(static_cast<unsigned char>(text[i])))
    ++i;
  return i;
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view text) {
  static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_plain(c)) {
      // Copy the longest run of plain ASCII in one go.
      const std::size_t j = plain_run_end(text, i + 1);
      out.append(text.data() + i, j - i);
      i = j;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        ++i;
        continue;
      case '\\':
        out += "\\\\";
        ++i;
        continue;
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\r':
        out += "\\r";
        ++i;
        continue;
      case '\t':
        out += "\\t";
        ++i;
        continue;
      case '\b':
        out += "\\b";
        ++i;
        continue;
      case '\f':
        out += "\\f";
        ++i;
        continue;
      default:
        break;
    }
    if (c < 0x20U) {
      out += "\\u00";
      out += k_hex[c >> 4U];
      out += k_hex[c & 0xFU];
      ++i;
      continue;
    }
    const std::size_t n = valid_utf8_length(text, i);
    if (n == 0) {
      out += k_replacement;
      ++i;
    } else {
      out.append(text.data() + i, n);
      i += n;
    }
  }
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

std::size_t utf8_length(std::string_view text) noexcept {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
  }
  return n;
}

std::size_t utf8_safe_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  std::size_t end = max_bytes;
  // Step back over continuation bytes so the cut falls on a sequence boundary.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U)
    --end;
  return end;
}

void append_iso8601_utc(std::string& out, std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  // floor, not truncate: instants before 1970 round down like every other instant.
  const auto since_epoch = floor<milliseconds>(t.time_since_epoch()).count();
  auto ms = since_epoch % 1000;
  std::time_t seconds = static_cast<std::time_t>(since_epoch / 1000);
  if (ms < 0) {
    ms += 1000;
    --seconds;
  }
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                 ms);
}

}  // namespace chat::text
