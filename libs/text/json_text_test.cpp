// Tests for JSON string escaping, UTF-8 repair and ISO-8601 timestamps, which keep every
// log line one valid JSON object whatever bytes a client sent (SPEC OBS-1, OBS-3).

#include "text/json_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using chat::text::append_iso8601_utc;
using chat::text::append_json_escaped;
using chat::text::append_json_string;
using chat::text::utf8_safe_prefix;

constexpr std::string_view k_fffd = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER

std::string escaped(std::string_view text) {
  std::string out;
  append_json_escaped(out, text);
  return out;
}

std::string repeat_fffd(int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += k_fffd;
  return out;
}

/// `text` with every U+FFFD removed.
std::string without_fffd(std::string text) {
  for (auto pos = text.find(k_fffd); pos != std::string::npos; pos = text.find(k_fffd)) {
    text.erase(pos, k_fffd.size());
  }
  return text;
}

/// A strict UTF-8 validator (RFC 3629), written independently of the code under test.
bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    if ((b0 & 0xE0U) == 0xC0U) {
      n = 2;
      cp = b0 & 0x1FU;
    } else if ((b0 & 0xF0U) == 0xE0U) {
      n = 3;
      cp = b0 & 0x0FU;
    } else if ((b0 & 0xF8U) == 0xF0U) {
      n = 4;
      cp = b0 & 0x07U;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0U) != 0x80U) return false;
      cp = (cp << 6U) | (b & 0x3FU);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (cp > 0x10FFFF) return false;
    i += n;
  }
  return true;
}

/// True when the escaped text contains no raw control character, quote or lone backslash
/// that would end or break a JSON string.
bool safe_inside_json_string(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20U || c == '"') return false;
    if (c == '\\') {
      if (i + 1 == s.size()) return false;
      ++i;  // the escaped character
    }
  }
  return is_valid_utf8(s);
}

std::chrono::system_clock::time_point at_ms(std::int64_t ms_since_epoch) {
  return std::chrono::system_clock::time_point{std::chrono::milliseconds{ms_since_epoch}};
}

std::string iso(std::chrono::system_clock::time_point t) {
  std::string out;
  append_iso8601_utc(out, t);
  return out;
}

// ---- escaping ----

TEST(AppendJsonEscaped, CopiesPlainAsciiUnchanged) {
  EXPECT_EQ(escaped("Hello, world! 0123 /path?x=1&y=2 ~"), "Hello, world! 0123 /path?x=1&y=2 ~");
  EXPECT_EQ(escaped(""), "");
}

TEST(AppendJsonEscaped, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(escaped(R"(say "hi")"), R"(say \"hi\")");
  EXPECT_EQ(escaped(R"(C:\temp\x)"), R"(C:\\temp\\x)");
  EXPECT_EQ(escaped(R"(\")"), R"(\\\")");
}

TEST(AppendJsonEscaped, EscapesCommonControlCharactersWithShortForms) {
  EXPECT_EQ(escaped("a\nb"), R"(a\nb)");
  EXPECT_EQ(escaped("a\rb"), R"(a\rb)");
  EXPECT_EQ(escaped("a\tb"), R"(a\tb)");
  EXPECT_EQ(escaped("a\bb"), R"(a\bb)");
  EXPECT_EQ(escaped("a\fb"), R"(a\fb)");
}

TEST(AppendJsonEscaped, EscapesOtherControlCharactersAsLowerCaseUnicodeEscapes) {
  EXPECT_EQ(escaped(std::string_view("\0", 1)), R"(\u0000)");
  EXPECT_EQ(escaped("\x01"), R"(\u0001)");
  EXPECT_EQ(escaped("\x0B"), R"(\u000b)");
  EXPECT_EQ(escaped("\x1B[31m"), R"(\u001b[31m)");
  EXPECT_EQ(escaped("\x1F"), R"(\u001f)");
}

TEST(AppendJsonEscaped, EscapesEveryControlCharacterSoNoRawOneRemains) {
  std::string all;
  for (int c = 0; c < 0x20; ++c)
    all += static_cast<char>(c);
  const std::string out = escaped(all);
  EXPECT_TRUE(safe_inside_json_string(out)) << out;
  EXPECT_EQ(out.find('\n'), std::string::npos);
}

TEST(AppendJsonEscaped, LeavesDeleteAndSlashAsTheyAre) {
  // Neither needs escaping in JSON.
  EXPECT_EQ(escaped("\x7F"), "\x7F");
  EXPECT_EQ(escaped("a/b"), "a/b");
}

TEST(AppendJsonEscaped, AppendsToWhatIsAlreadyInTheOutput) {
  std::string out = "prefix:";
  append_json_escaped(out, "a\"b");
  EXPECT_EQ(out, R"(prefix:a\"b)");
}

TEST(AppendJsonString, WrapsTheEscapedTextInQuotes) {
  std::string out;
  append_json_string(out, "line1\nline2 \"q\"");
  EXPECT_EQ(out, R"("line1\nline2 \"q\"")");
  out.clear();
  append_json_string(out, "");
  EXPECT_EQ(out, R"("")");
}

// ---- UTF-8 ----

TEST(AppendJsonEscaped, KeepsValidMultiByteSequences) {
  const std::string_view valid[] = {
      "\xC2\x80",                                    // U+0080, smallest two-byte
      "caf\xC3\xA9",                                 // café
      "\xDF\xBF",                                    // U+07FF, largest two-byte
      "\xE0\xA0\x80",                                // U+0800, smallest three-byte
      "\xE2\x82\xAC",                                // €
      "\xED\x9F\xBF",                                // U+D7FF, just below the surrogates
      "\xEE\x80\x80",                                // U+E000, just above the surrogates
      "\xEF\xBF\xBF",                                // U+FFFF
      "\xF0\x90\x80\x80",                            // U+10000, smallest four-byte
      "\xF0\x9F\x98\x80",                            // 😀
      "\xF4\x8F\xBF\xBF",                            // U+10FFFF, the largest code point
      "\xE2\x9A\xBD gol \xF0\x9F\xA5\x85 \xC3\xB1",  // ⚽ gol 🥅 ñ
  };
  for (const auto text : valid)
    EXPECT_EQ(escaped(text), text);
}

TEST(AppendJsonEscaped, KeepsAnExistingReplacementCharacter) {
  EXPECT_EQ(escaped(k_fffd), k_fffd);
}

TEST(AppendJsonEscaped, ReplacesALoneContinuationByte) {
  EXPECT_EQ(escaped("a\x80z"), "a" + repeat_fffd(1) + "z");
  EXPECT_EQ(escaped("\xBF"), repeat_fffd(1));
}

TEST(AppendJsonEscaped, ReplacesBytesThatCanNeverAppearInUtf8) {
  for (const char* bad : {"\xC0", "\xC1", "\xF5", "\xF8", "\xFE", "\xFF"}) {
    EXPECT_EQ(escaped(bad), repeat_fffd(1)) << static_cast<int>(static_cast<unsigned char>(*bad));
  }
}

TEST(AppendJsonEscaped, ReplacesOverlongEncodings) {
  // '/' encoded in two, three and four bytes; NUL in two bytes (modified UTF-8).
  EXPECT_EQ(escaped("\xC0\xAF"), repeat_fffd(2));
  EXPECT_EQ(escaped("\xC0\x80"), repeat_fffd(2));
  EXPECT_EQ(escaped("\xC1\xBF"), repeat_fffd(2));
  EXPECT_EQ(escaped("\xE0\x80\xAF"), repeat_fffd(3));
  EXPECT_EQ(escaped("\xE0\x9F\xBF"), repeat_fffd(3));  // U+07FF in three bytes
  EXPECT_EQ(escaped("\xF0\x80\x80\xAF"), repeat_fffd(4));
  EXPECT_EQ(escaped("\xF0\x8F\xBF\xBF"), repeat_fffd(4));  // U+FFFF in four bytes
}

TEST(AppendJsonEscaped, ReplacesEncodedSurrogates) {
  EXPECT_EQ(escaped("\xED\xA0\x80"), repeat_fffd(3));  // U+D800
  EXPECT_EQ(escaped("\xED\xBF\xBF"), repeat_fffd(3));  // U+DFFF
  // A CESU-8 style surrogate pair for U+1F600.
  EXPECT_EQ(escaped("\xED\xA0\xBD\xED\xB8\x80"), repeat_fffd(6));
}

TEST(AppendJsonEscaped, ReplacesCodePointsAboveU10FFFF) {
  EXPECT_EQ(escaped("\xF4\x90\x80\x80"), repeat_fffd(4));  // U+110000
}

TEST(AppendJsonEscaped, ReplacesTruncatedSequencesAndKeepsWhatFollows) {
  // However many U+FFFD a cut sequence becomes, the text around it survives and the
  // result is valid UTF-8.
  const struct {
    std::string_view input;
    std::string_view ascii_left;
  } cases[] = {
      {"a\xC3", "a"},                      // two-byte lead at the end
      {"a\xE2\x82", "a"},                  // € missing its last byte
      {"a\xE2\x82z", "az"},                // € cut short by ASCII
      {"\xF0\x9F\x98", ""},                // 😀 missing its last byte
      {"\xF0\x9F\x98z\xF0\x9F", "z"},      // two cut emoji
      {"x\xE2\x82\xC3\xA9", "x\xC3\xA9"},  // cut € followed by a valid é
  };
  for (const auto& c : cases) {
    const std::string out = escaped(c.input);
    EXPECT_TRUE(is_valid_utf8(out)) << out;
    EXPECT_NE(out.find(k_fffd), std::string::npos) << out;
    EXPECT_EQ(without_fffd(out), c.ascii_left) << out;
  }
}

TEST(AppendJsonEscaped, ReplacesATruncatedSequenceWithOneReplacementPerByte) {
  // The behaviour as written: each byte that does not start a valid sequence becomes
  // one U+FFFD.
  EXPECT_EQ(escaped("\xE2\x82"), repeat_fffd(2));
  EXPECT_EQ(escaped("\xF0\x9F\x98"), repeat_fffd(3));
}

TEST(AppendJsonEscaped, AlwaysProducesSafeJsonStringContentForEveryByte) {
  std::string all_bytes;
  for (int b = 0; b < 256; ++b)
    all_bytes += static_cast<char>(b);
  const std::string out = escaped(all_bytes);
  EXPECT_TRUE(safe_inside_json_string(out)) << out;
}

TEST(AppendJsonEscaped, AlwaysProducesSafeJsonStringContentForEveryTwoByteCombination) {
  for (int a = 0x80; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const char pair[] = {static_cast<char>(a), static_cast<char>(b)};
      const std::string out = escaped(std::string_view(pair, 2));
      ASSERT_TRUE(safe_inside_json_string(out)) << a << " " << b;
    }
  }
}

// Plain runs are scanned eight bytes at a time: a byte needing attention must be found
// at every position of a word, and every byte value must be treated as one at a time.
TEST(AppendJsonEscaped, FindsEveryByteValueAtEveryPositionOfALongPlainRun) {
  const std::string plain = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t at = 0; at < plain.size(); ++at) {
      std::string text = plain;
      text[at] = static_cast<char>(byte);
      std::string expected = escaped(text.substr(0, at)) + escaped(std::string_view(&text[at], 1)) +
                             escaped(text.substr(at + 1));
      ASSERT_EQ(escaped(text), expected) << byte << " at " << at;
    }
  }
}

// ---- utf8_safe_prefix ----

TEST(Utf8SafePrefix, ReturnsTheWholeTextWhenItFits) {
  EXPECT_EQ(utf8_safe_prefix("hello", 5), 5U);
  EXPECT_EQ(utf8_safe_prefix("hello", 100), 5U);
  EXPECT_EQ(utf8_safe_prefix("", 0), 0U);
  EXPECT_EQ(utf8_safe_prefix("\xE2\x82\xAC", 3), 3U);
}

TEST(Utf8SafePrefix, CutsAsciiAtExactlyMaxBytes) {
  EXPECT_EQ(utf8_safe_prefix("hello", 3), 3U);
  EXPECT_EQ(utf8_safe_prefix("hello", 0), 0U);
}

TEST(Utf8SafePrefix, StepsBackRatherThanCutATwoByteSequence) {
  // "h" "é" "llo": é is bytes 1..2.
  EXPECT_EQ(utf8_safe_prefix("h\xC3\xA9llo", 1), 1U);
  EXPECT_EQ(utf8_safe_prefix("h\xC3\xA9llo", 2), 1U);
  EXPECT_EQ(utf8_safe_prefix("h\xC3\xA9llo", 3), 3U);
}

TEST(Utf8SafePrefix, StepsBackRatherThanCutAThreeOrFourByteSequence) {
  EXPECT_EQ(utf8_safe_prefix("\xE2\x82\xAC!", 1), 0U);
  EXPECT_EQ(utf8_safe_prefix("\xE2\x82\xAC!", 2), 0U);
  EXPECT_EQ(utf8_safe_prefix("\xE2\x82\xAC!", 3), 3U);
  for (std::size_t max = 1; max <= 4; ++max) {
    EXPECT_EQ(utf8_safe_prefix("a\xF0\x9F\x98\x80"
                               "b",
                               max),
              1U)
        << max;
  }
  EXPECT_EQ(utf8_safe_prefix("a\xF0\x9F\x98\x80"
                             "b",
                             5),
            5U);
}

TEST(Utf8SafePrefix, NeverEndsInsideASequenceForAnyLimit) {
  const std::string text =
      "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z\xE2\x9A\xBD\xC3\xB1\xF4\x8F\xBF\xBF.";
  for (std::size_t max = 0; max <= text.size() + 1; ++max) {
    const std::size_t n = utf8_safe_prefix(text, max);
    EXPECT_LE(n, max) << max;
    EXPECT_GE(n + 3, std::min(max, text.size())) << max;  // loses at most 3 bytes
    EXPECT_TRUE(is_valid_utf8(std::string_view(text).substr(0, n))) << max;
  }
}

// ---- ISO-8601 ----

TEST(AppendIso8601Utc, FormatsTheEpoch) {
  EXPECT_EQ(iso(at_ms(0)), "1970-01-01T00:00:00.000Z");
}

TEST(AppendIso8601Utc, FormatsAKnownInstant) {
  EXPECT_EQ(iso(at_ms(1'762'804'800'000)), "2025-11-10T20:00:00.000Z");
}

TEST(AppendIso8601Utc, FormatsMilliseconds) {
  EXPECT_EQ(iso(at_ms(1'762'804'800'123)), "2025-11-10T20:00:00.123Z");
  EXPECT_EQ(iso(at_ms(1'762'804'800'007)), "2025-11-10T20:00:00.007Z");
  EXPECT_EQ(iso(at_ms(1'762'804'800'999)), "2025-11-10T20:00:00.999Z");
}

TEST(AppendIso8601Utc, FormatsALeapDayAndTheLastMillisecondOfADay) {
  EXPECT_EQ(iso(at_ms(951'868'799'999)), "2000-02-29T23:59:59.999Z");
  EXPECT_EQ(iso(at_ms(4'102'444'799'999)), "2099-12-31T23:59:59.999Z");
}

TEST(AppendIso8601Utc, DropsSubMillisecondPrecisionAfter1970) {
  using namespace std::chrono;
  const auto t = system_clock::time_point{milliseconds{1'762'804'800'123}} + microseconds{999};
  EXPECT_EQ(iso(t), "2025-11-10T20:00:00.123Z");
}

TEST(AppendIso8601Utc, FormatsInstantsBefore1970ByFlooring) {
  EXPECT_EQ(iso(at_ms(-1)), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(iso(at_ms(-999)), "1969-12-31T23:59:59.001Z");
  EXPECT_EQ(iso(at_ms(-1000)), "1969-12-31T23:59:59.000Z");
  EXPECT_EQ(iso(at_ms(-1001)), "1969-12-31T23:59:58.999Z");
  EXPECT_EQ(iso(at_ms(-86'400'000)), "1969-12-31T00:00:00.000Z");
  EXPECT_EQ(iso(at_ms(-14'182'940'000)), "1969-07-20T20:17:40.000Z");
  EXPECT_EQ(iso(at_ms(-2'208'988'800'000)), "1900-01-01T00:00:00.000Z");
}

TEST(AppendIso8601Utc, FloorsSubMillisecondInstantsBefore1970) {
  // An instant half a millisecond before the epoch lies in the last millisecond of 1969.
  using namespace std::chrono;
  EXPECT_EQ(iso(system_clock::time_point{} - microseconds{500}), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(iso(system_clock::time_point{milliseconds{-1}} - microseconds{500}),
            "1969-12-31T23:59:59.998Z");
}

TEST(AppendIso8601Utc, AppendsToWhatIsAlreadyInTheOutput) {
  std::string out = "at ";
  append_iso8601_utc(out, at_ms(0));
  EXPECT_EQ(out, "at 1970-01-01T00:00:00.000Z");
}

TEST(AppendIso8601Utc, FormatsNowWithTheFixedWidthShape) {
  const std::string now = iso(std::chrono::system_clock::now());
  ASSERT_EQ(now.size(), 24U) << now;
  EXPECT_EQ(now[4], '-');
  EXPECT_EQ(now[7], '-');
  EXPECT_EQ(now[10], 'T');
  EXPECT_EQ(now[13], ':');
  EXPECT_EQ(now[16], ':');
  EXPECT_EQ(now[19], '.');
  EXPECT_EQ(now[23], 'Z');
}

}  // namespace

namespace chat::text {
namespace {

TEST(Utf8Length, CountsCodePointsNotBytes) {
  EXPECT_EQ(utf8_length(""), 0U);
  EXPECT_EQ(utf8_length("abc"), 3U);
  EXPECT_EQ(utf8_length("é"), 1U);
  EXPECT_EQ(utf8_length("¡Vamos ⚽!"), 9U);
  EXPECT_EQ(utf8_length("\xF0\x9F\x98\x80"), 1U);  // one emoji, four bytes
}

}  // namespace
}  // namespace chat::text
