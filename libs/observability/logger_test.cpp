// Tests for structured logging (SPEC OBS-1, OBS-3): every line is one valid JSON object
// (or one readable pretty line) whatever the values contain.

#include "observability/logger.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <iomanip>
#include <limits>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace json = boost::json;
using chat::obs::format_log_line;
using chat::obs::log_field;
using chat::obs::log_format;
using chat::obs::log_level;
using chat::obs::log_options;

constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";  // …
constexpr std::string_view k_fffd = "\xEF\xBF\xBD";      // U+FFFD

log_options json_options() {
  return log_options{};
}

log_options pretty_options() {
  log_options options;
  options.format = log_format::pretty;
  return options;
}

/// Parses one line as a JSON object, failing the test when it is not one.
json::object parse_line(const std::string& line) {
  EXPECT_EQ(line.find('\n'), std::string::npos) << "line break inside: " << line;
  EXPECT_EQ(line.find('\r'), std::string::npos) << "carriage return inside: " << line;
  json::error_code ec;
  json::value value = json::parse(line, ec);
  EXPECT_FALSE(ec) << ec.message() << " in: " << line;
  if (ec || !value.is_object()) {
    ADD_FAILURE() << "not a JSON object: " << line;
    return {};
  }
  return value.as_object();
}

std::string string_at(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) {
    ADD_FAILURE() << "no string member " << key;
    return {};
  }
  return std::string(value->as_string());
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

bool is_iso8601_millis(const std::string& text) {
  static const std::regex k_shape(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$)");
  return std::regex_match(text, k_shape);
}

// ---- JSON lines (OBS-1) ----

TEST(FormatLogLine, Obs1JsonLineCarriesTheRequiredMembers) {
  log_options options = json_options();
  options.service = "chatd-test";
  const std::string line =
      format_log_line(options, log_level::info, "http", "request done", "req-123", {});
  const json::object object = parse_line(line);
  EXPECT_TRUE(is_iso8601_millis(string_at(object, "timestamp"))) << line;
  EXPECT_EQ(string_at(object, "level"), "info");
  EXPECT_EQ(string_at(object, "service"), "chatd-test");
  EXPECT_EQ(string_at(object, "context"), "http");
  EXPECT_EQ(string_at(object, "message"), "request done");
  EXPECT_EQ(string_at(object, "correlationId"), "req-123");
}

TEST(FormatLogLine, Obs1JsonLineStartsWithTheTimestampAndHasNoTrailingNewline) {
  const std::string line = format_log_line(json_options(), log_level::info, "app", "hello", "", {});
  EXPECT_TRUE(line.starts_with(R"({"timestamp":")")) << line;
  EXPECT_TRUE(line.ends_with("}")) << line;
}

TEST(FormatLogLine, Obs1TimestampIsTheCurrentTime) {
  using namespace std::chrono;
  const auto before = floor<seconds>(system_clock::now());
  const json::object object =
      parse_line(format_log_line(json_options(), log_level::info, "app", "now", "", {}));
  const auto after = ceil<seconds>(system_clock::now());
  const std::string timestamp = string_at(object, "timestamp");
  std::tm tm{};
  std::istringstream in(timestamp);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
  ASSERT_FALSE(in.fail()) << timestamp;
  const auto stamped = system_clock::from_time_t(timegm(&tm));
  EXPECT_GE(stamped, before) << timestamp;
  EXPECT_LE(stamped, after) << timestamp;
}

TEST(FormatLogLine, Obs1JsonLineNamesEachLevel) {
  const struct {
    log_level level;
    const char* name;
  } cases[] = {{log_level::trace, "trace"},
               {log_level::debug, "debug"},
               {log_level::info, "info"},
               {log_level::warn, "warn"},
               {log_level::error, "error"}};
  for (const auto& c : cases) {
    const json::object object =
        parse_line(format_log_line(json_options(), c.level, "app", "m", "", {}));
    EXPECT_EQ(string_at(object, "level"), c.name);
  }
}

TEST(FormatLogLine, Obs1OmitsCorrelationIdWhenThereIsNone) {
  const json::object object =
      parse_line(format_log_line(json_options(), log_level::info, "app", "start", "", {}));
  EXPECT_EQ(object.if_contains("correlationId"), nullptr);
}

TEST(FormatLogLine, Obs1CarriesOperationFieldsOfEveryType) {
  const std::string user_id = "user-7";
  const std::string line =
      format_log_line(json_options(), log_level::info, "graphql", "operation completed", "cid-1",
                      {{"operationName", "SendMessage"},
                       {"operationType", std::string_view("mutation")},
                       {"userId", user_id},
                       {"chatroomId", 42},
                       {"duration", 12.5},
                       {"cacheHit", false},
                       {"ok", true},
                       {"negative", std::int64_t{-9'000'000'000}},
                       {"unsigned", std::uint32_t{4'000'000'000U}},
                       {"short", static_cast<short>(-3)},
                       {"zero", 0.0}});
  const json::object object = parse_line(line);
  EXPECT_EQ(string_at(object, "operationName"), "SendMessage");
  EXPECT_EQ(string_at(object, "operationType"), "mutation");
  EXPECT_EQ(string_at(object, "userId"), "user-7");
  ASSERT_TRUE(object.at("chatroomId").is_int64()) << line;
  EXPECT_EQ(object.at("chatroomId").as_int64(), 42);
  ASSERT_TRUE(object.at("duration").is_double()) << line;
  EXPECT_DOUBLE_EQ(object.at("duration").as_double(), 12.5);
  ASSERT_TRUE(object.at("cacheHit").is_bool()) << line;
  EXPECT_FALSE(object.at("cacheHit").as_bool());
  EXPECT_TRUE(object.at("ok").as_bool());
  EXPECT_EQ(object.at("negative").as_int64(), -9'000'000'000);
  EXPECT_EQ(object.at("unsigned").as_int64(), 4'000'000'000);
  EXPECT_EQ(object.at("short").as_int64(), -3);
  EXPECT_EQ(object.at("zero").to_number<double>(), 0.0);
}

TEST(FormatLogLine, Obs1KeepsFieldsInTheOrderGiven) {
  const std::string line = format_log_line(json_options(), log_level::info, "app", "m", "",
                                           {{"b", 1}, {"a", 2}, {"c", 3}});
  EXPECT_LT(line.find(R"("b":1)"), line.find(R"("a":2)")) << line;
  EXPECT_LT(line.find(R"("a":2)"), line.find(R"("c":3)")) << line;
}

TEST(FormatLogLine, WritesIntegersExactlyAtTheLimitsOfInt64) {
  const std::string line = format_log_line(json_options(), log_level::info, "app", "m", "",
                                           {{"max", std::numeric_limits<std::int64_t>::max()},
                                            {"min", std::numeric_limits<std::int64_t>::min()}});
  const json::object object = parse_line(line);
  EXPECT_EQ(object.at("max").as_int64(), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(object.at("min").as_int64(), std::numeric_limits<std::int64_t>::min());
}

TEST(FormatLogLine, WritesNonFiniteNumbersAsNull) {
  const std::string line = format_log_line(json_options(), log_level::info, "app", "m", "",
                                           {{"nan", std::numeric_limits<double>::quiet_NaN()},
                                            {"inf", std::numeric_limits<double>::infinity()},
                                            {"ninf", -std::numeric_limits<double>::infinity()}});
  const json::object object = parse_line(line);
  EXPECT_TRUE(object.at("nan").is_null());
  EXPECT_TRUE(object.at("inf").is_null());
  EXPECT_TRUE(object.at("ninf").is_null());
}

TEST(FormatLogLine, WritesVeryLargeAndSmallDoublesAsValidNumbers) {
  const std::string line = format_log_line(json_options(), log_level::info, "app", "m", "",
                                           {{"big", 1e300}, {"tiny", 1.5e-300}, {"neg", -0.25}});
  const json::object object = parse_line(line);
  EXPECT_DOUBLE_EQ(object.at("big").to_number<double>(), 1e300);
  EXPECT_DOUBLE_EQ(object.at("tiny").to_number<double>(), 1.5e-300);
  EXPECT_DOUBLE_EQ(object.at("neg").to_number<double>(), -0.25);
}

// ---- hostile values (OBS-3: no injected lines) ----

TEST(FormatLogLine, Obs3NewlinesInValuesCannotInjectLines) {
  const std::string forged = "ok\n{\"level\":\"error\",\"message\":\"forged\"}\r\nmore";
  const std::string line = format_log_line(json_options(), log_level::info, "ctx\nx", forged, "",
                                           {{"value", forged}, {"key\nwith\nbreaks", "v"}});
  const json::object object = parse_line(line);
  EXPECT_EQ(string_at(object, "message"), forged);
  EXPECT_EQ(string_at(object, "value"), forged);
  EXPECT_EQ(string_at(object, "context"), "ctx\nx");
  EXPECT_EQ(string_at(object, "key\nwith\nbreaks"), "v");
  EXPECT_EQ(string_at(object, "level"), "info");
}

TEST(FormatLogLine, Obs3QuotesAndBackslashesCannotBreakTheObject) {
  const std::string nasty = R"(a"b\c","level":"error"}{"x":")";
  log_options options = json_options();
  options.service = R"(svc"\)";
  const json::object object =
      parse_line(format_log_line(options, log_level::info, nasty, nasty, "", {{nasty, nasty}}));
  EXPECT_EQ(string_at(object, "message"), nasty);
  EXPECT_EQ(string_at(object, "context"), nasty);
  EXPECT_EQ(string_at(object, "service"), R"(svc"\)");
  EXPECT_EQ(string_at(object, nasty), nasty);
  EXPECT_EQ(string_at(object, "level"), "info");
}

TEST(FormatLogLine, Obs3ControlCharactersAreEscaped) {
  const std::string controls = std::string(
      "nul\0bell\x07"
      "esc\x1B[2J",
      13);
  const json::object object =
      parse_line(format_log_line(json_options(), log_level::info, "app", controls, "", {}));
  EXPECT_EQ(string_at(object, "message"), controls);
}

TEST(FormatLogLine, Obs3InvalidUtf8BecomesReplacementCharacters) {
  const std::string bad = "bad \xFF\xC0\xAF \xED\xA0\x80 end \xE2\x82";
  const std::string line =
      format_log_line(json_options(), log_level::info, "app", bad, "", {{"value", bad}});
  const json::object object = parse_line(line);  // Boost.JSON rejects invalid UTF-8
  for (const char* key : {"message", "value"}) {
    const std::string text = string_at(object, key);
    EXPECT_TRUE(text.starts_with("bad ")) << text;
    EXPECT_NE(text.find(" end "), std::string::npos) << text;
    EXPECT_NE(text.find(k_fffd), std::string::npos) << text;
  }
}

TEST(FormatLogLine, Obs3ValidUtf8IsKept) {
  const std::string text = "\xE2\x9A\xBD gol de Mess\xC3\xAD \xF0\x9F\xA5\x85";
  const json::object object =
      parse_line(format_log_line(json_options(), log_level::info, "app", text, "", {}));
  EXPECT_EQ(string_at(object, "message"), text);
}

TEST(FormatLogLine, Obs3A100KilobyteValueIsCutToMaxValueBytes) {
  const std::string huge(100 * 1024, 'x');
  const log_options options = json_options();
  ASSERT_EQ(options.max_value_bytes, 2048U);
  const std::string line =
      format_log_line(options, log_level::info, "app", huge, "", {{"body", huge}});
  EXPECT_LT(line.size(), 3 * options.max_value_bytes) << "line not bounded";
  const json::object object = parse_line(line);
  for (const char* key : {"message", "body"}) {
    const std::string text = string_at(object, key);
    EXPECT_EQ(text, std::string(options.max_value_bytes, 'x') + std::string(k_ellipsis)) << key;
  }
}

TEST(FormatLogLine, Obs3CutsAtTheConfiguredLimitAndMarksTheCut) {
  log_options options = json_options();
  options.max_value_bytes = 8;
  const json::object object =
      parse_line(format_log_line(options, log_level::info, "app", "0123456789", "",
                                 {{"exact", "01234567"}, {"short", "0123"}}));
  EXPECT_EQ(string_at(object, "message"), "01234567" + std::string(k_ellipsis));
  EXPECT_EQ(string_at(object, "exact"), "01234567");  // at the limit: not cut
  EXPECT_EQ(string_at(object, "short"), "0123");
}

TEST(FormatLogLine, Obs3CutNeverSplitsAMultiByteCharacter) {
  log_options options = json_options();
  options.max_value_bytes = 15;
  std::string accents;
  for (int i = 0; i < 1000; ++i)
    accents += "\xC3\xA9";  // é
  const json::object object =
      parse_line(format_log_line(options, log_level::info, "app", accents, "", {{"v", accents}}));
  std::string expected;
  for (int i = 0; i < 7; ++i)
    expected += "\xC3\xA9";  // 14 bytes fit in 15
  expected += k_ellipsis;
  EXPECT_EQ(string_at(object, "message"), expected);
  EXPECT_EQ(string_at(object, "v"), expected);
}

TEST(FormatLogLine, Obs3ALongCorrelationIdIsCutToo) {
  log_options options = json_options();
  options.max_value_bytes = 16;
  const std::string long_id(10'000, 'c');
  const json::object object =
      parse_line(format_log_line(options, log_level::info, "app", "m", long_id, {}));
  EXPECT_EQ(string_at(object, "correlationId"), std::string(16, 'c') + std::string(k_ellipsis));
}

TEST(FormatLogLine, Obs3EveryHostileValueAtOnceStaysOneValidLine) {
  std::string hostile(100 * 1024, 'a');
  for (std::size_t i = 0; i < hostile.size(); i += 7)
    hostile[i] = '\n';
  for (std::size_t i = 3; i < hostile.size(); i += 11)
    hostile[i] = '"';
  for (std::size_t i = 5; i < hostile.size(); i += 13)
    hostile[i] = '\xFF';
  const std::string line = format_log_line(json_options(), log_level::error, hostile, hostile,
                                           hostile, {{"a", hostile}, {"b", hostile}});
  const json::object object = parse_line(line);
  EXPECT_EQ(string_at(object, "level"), "error");
}

// ---- pretty format (OBS-1) ----

TEST(FormatLogLine, Obs1PrettyLineIsReadable) {
  const std::string line =
      format_log_line(pretty_options(), log_level::warn, "auth", "sign-in failed", "cid-9",
                      {{"userId", "u1"}, {"attempts", 3}, {"locked", true}});
  EXPECT_TRUE(is_iso8601_millis(line.substr(0, 24))) << line;
  EXPECT_NE(line.find(" WARN  [auth] sign-in failed"), std::string::npos) << line;
  EXPECT_NE(line.find(" userId=u1"), std::string::npos) << line;
  EXPECT_NE(line.find(" attempts=3"), std::string::npos) << line;
  EXPECT_NE(line.find(" locked=true"), std::string::npos) << line;
  EXPECT_TRUE(line.ends_with(" cid=cid-9")) << line;
  EXPECT_EQ(line.find('{'), std::string::npos) << "pretty line looks like JSON: " << line;
}

TEST(FormatLogLine, Obs1PrettyLineTagsEachLevel) {
  const struct {
    log_level level;
    const char* tag;
  } cases[] = {{log_level::trace, " TRACE ["},
               {log_level::debug, " DEBUG ["},
               {log_level::info, " INFO  ["},
               {log_level::warn, " WARN  ["},
               {log_level::error, " ERROR ["}};
  for (const auto& c : cases) {
    const std::string line = format_log_line(pretty_options(), c.level, "app", "m", "", {});
    EXPECT_NE(line.find(c.tag), std::string::npos) << line;
  }
}

TEST(FormatLogLine, Obs3PrettyLineEscapesNewlinesAndStaysOneLine) {
  const std::string line =
      format_log_line(pretty_options(), log_level::info, "ctx\nx", "first\nsecond\r\nthird", "id",
                      {{"value", "a\nb"}, {"spaced", "has space\nand break"}});
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  EXPECT_EQ(line.find('\r'), std::string::npos) << line;
  EXPECT_NE(line.find(R"(first\nsecond\r\nthird)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"([ctx\nx])"), std::string::npos) << line;
  EXPECT_NE(line.find(R"( value=a\nb)"), std::string::npos) << line;
  EXPECT_NE(line.find(R"( spaced="has space\nand break")"), std::string::npos) << line;
}

TEST(FormatLogLine, Obs3PrettyLineQuotesValuesWithSpacesQuotesOrEquals) {
  const std::string line =
      format_log_line(pretty_options(), log_level::info, "app", "m", "",
                      {{"a", "two words"}, {"b", R"(say "x")"}, {"c", "k=v"}, {"d", ""}});
  EXPECT_NE(line.find(R"( a="two words")"), std::string::npos) << line;
  EXPECT_NE(line.find(R"( b="say \"x\"")"), std::string::npos) << line;
  EXPECT_NE(line.find(R"( c="k=v")"), std::string::npos) << line;
  EXPECT_NE(line.find(R"( d="")"), std::string::npos) << line;
}

TEST(FormatLogLine, Obs3PrettyLineReplacesInvalidUtf8) {
  const std::string line = format_log_line(pretty_options(), log_level::info, "app", "bad \xFF end",
                                           "", {{"v", "\xC0\xAF"}});
  EXPECT_NE(line.find("bad " + std::string(k_fffd) + " end"), std::string::npos) << line;
  EXPECT_EQ(line.find('\xFF'), std::string::npos) << line;
  EXPECT_EQ(line.find('\xC0'), std::string::npos) << line;
}

TEST(FormatLogLine, Obs3PrettyLineCutsLongValuesAndMarksTheCut) {
  log_options options = pretty_options();
  options.max_value_bytes = 8;
  const std::string huge(100 * 1024, 'y');
  const std::string line =
      format_log_line(options, log_level::info, "app", huge, "", {{"v", huge}});
  EXPECT_LT(line.size(), 200U) << line;
  EXPECT_NE(line.find(" v=yyyyyyyy" + std::string(k_ellipsis)), std::string::npos) << line;
}

TEST(FormatLogLine, Obs3PrettyLineMarksACutMessageLikeACutValue) {
  // log_options::max_value_bytes: "Longest string value written before it is cut (with a
  // trailing "…")" - the message is a string value like any other.
  log_options options = pretty_options();
  options.max_value_bytes = 8;
  const std::string line =
      format_log_line(options, log_level::info, "app", std::string(1000, 'm'), "", {});
  EXPECT_TRUE(line.ends_with("] mmmmmmmm" + std::string(k_ellipsis))) << line;
}

// ---- levels ----

TEST(ParseLogLevel, AcceptsEveryLevelName) {
  const struct {
    const char* text;
    log_level level;
  } cases[] = {{"trace", log_level::trace}, {"debug", log_level::debug}, {"info", log_level::info},
               {"warn", log_level::warn},   {"error", log_level::error}, {"off", log_level::off}};
  for (const auto& c : cases) {
    log_level parsed = log_level::off;
    if (c.level == log_level::off) parsed = log_level::info;
    EXPECT_TRUE(chat::obs::parse_log_level(c.text, parsed)) << c.text;
    EXPECT_EQ(parsed, c.level) << c.text;
    EXPECT_EQ(chat::obs::to_string(c.level), c.text);
  }
}

TEST(ParseLogLevel, AcceptsWarningAndFatalAsAliases) {
  log_level parsed = log_level::trace;
  EXPECT_TRUE(chat::obs::parse_log_level("warning", parsed));
  EXPECT_EQ(parsed, log_level::warn);
  EXPECT_TRUE(chat::obs::parse_log_level("fatal", parsed));
  EXPECT_EQ(parsed, log_level::error);
}

TEST(ParseLogLevel, RefusesUnknownTextAndLeavesTheOutputAlone) {
  for (const char* bad : {"", "verbose", "inf", "information", " info", "info ", "INFO", "3"}) {
    log_level parsed = log_level::debug;
    EXPECT_FALSE(chat::obs::parse_log_level(bad, parsed)) << bad;
    EXPECT_EQ(parsed, log_level::debug) << bad;
  }
}

// ---- init_logging / log / shutdown_logging ----

class LoggingTo : public ::testing::Test {
 protected:
  void start(log_level level, log_format format = log_format::json) {
    log_options options;
    options.service = "logger-test";
    options.level = level;
    options.format = format;
    options.stream = &out_;
    chat::obs::init_logging(options);
  }
  void TearDown() override { chat::obs::shutdown_logging(); }

  std::ostringstream out_;
};

TEST_F(LoggingTo, AStreamReceivesOneJsonObjectPerLine) {
  start(log_level::info);
  chat::obs::log(log_level::info, "app", "first", "cid-1", {{"n", 1}});
  chat::obs::log(log_level::error, "app", "second\nwith break", "", {{"ok", false}});
  chat::obs::shutdown_logging();
  const std::vector<std::string> lines = lines_of(out_.str());
  ASSERT_EQ(lines.size(), 2U) << out_.str();
  const json::object first = parse_line(lines[0]);
  EXPECT_EQ(string_at(first, "message"), "first");
  EXPECT_EQ(string_at(first, "correlationId"), "cid-1");
  EXPECT_EQ(string_at(first, "service"), "logger-test");
  EXPECT_EQ(first.at("n").as_int64(), 1);
  const json::object second = parse_line(lines[1]);
  EXPECT_EQ(string_at(second, "message"), "second\nwith break");
  EXPECT_EQ(string_at(second, "level"), "error");
  EXPECT_TRUE(out_.str().ends_with("\n"));
}

TEST_F(LoggingTo, TheLevelFilterDropsLinesBelowIt) {
  start(log_level::warn);
  EXPECT_FALSE(chat::obs::log_enabled(log_level::trace));
  EXPECT_FALSE(chat::obs::log_enabled(log_level::debug));
  EXPECT_FALSE(chat::obs::log_enabled(log_level::info));
  EXPECT_TRUE(chat::obs::log_enabled(log_level::warn));
  EXPECT_TRUE(chat::obs::log_enabled(log_level::error));
  EXPECT_FALSE(chat::obs::log_enabled(log_level::off));
  chat::obs::log(log_level::trace, "app", "trace line");
  chat::obs::log(log_level::debug, "app", "debug line");
  chat::obs::log(log_level::info, "app", "info line");
  chat::obs::log(log_level::warn, "app", "warn line");
  chat::obs::log(log_level::error, "app", "error line");
  chat::obs::log(log_level::off, "app", "off line");
  chat::obs::shutdown_logging();
  const std::vector<std::string> lines = lines_of(out_.str());
  ASSERT_EQ(lines.size(), 2U) << out_.str();
  EXPECT_EQ(string_at(parse_line(lines[0]), "message"), "warn line");
  EXPECT_EQ(string_at(parse_line(lines[1]), "message"), "error line");
}

TEST_F(LoggingTo, TraceLevelWritesEverything) {
  start(log_level::trace);
  for (const auto level :
       {log_level::trace, log_level::debug, log_level::info, log_level::warn, log_level::error}) {
    chat::obs::log(level, "app", chat::obs::to_string(level));
  }
  chat::obs::shutdown_logging();
  const std::vector<std::string> lines = lines_of(out_.str());
  ASSERT_EQ(lines.size(), 5U) << out_.str();
  EXPECT_EQ(string_at(parse_line(lines[0]), "level"), "trace");
  EXPECT_EQ(string_at(parse_line(lines[4]), "level"), "error");
}

TEST_F(LoggingTo, LevelOffWritesNothing) {
  start(log_level::off);
  chat::obs::log(log_level::error, "app", "not written");
  chat::obs::shutdown_logging();
  EXPECT_EQ(out_.str(), "");
}

TEST_F(LoggingTo, NothingIsWrittenAfterShutdown) {
  start(log_level::info);
  chat::obs::log(log_level::info, "app", "before");
  chat::obs::shutdown_logging();
  EXPECT_FALSE(chat::obs::log_enabled(log_level::error));
  chat::obs::log(log_level::error, "app", "after");
  const std::vector<std::string> lines = lines_of(out_.str());
  ASSERT_EQ(lines.size(), 1U) << out_.str();
  EXPECT_EQ(string_at(parse_line(lines[0]), "message"), "before");
}

TEST_F(LoggingTo, PrettyFormatWritesReadableLines) {
  start(log_level::info, log_format::pretty);
  chat::obs::log(log_level::info, "http", "listening", "", {{"port", 3000}});
  chat::obs::shutdown_logging();
  const std::vector<std::string> lines = lines_of(out_.str());
  ASSERT_EQ(lines.size(), 1U) << out_.str();
  EXPECT_NE(lines[0].find(" INFO  [http] listening port=3000"), std::string::npos) << lines[0];
}

TEST_F(LoggingTo, LogWritesExactlyWhatFormatLogLineFormats) {
  start(log_level::info);
  chat::obs::log(log_level::info, "app", "same", "cid", {{"k", "v"}});
  chat::obs::shutdown_logging();
  log_options options;
  options.service = "logger-test";
  const std::string expected =
      format_log_line(options, log_level::info, "app", "same", "cid", {{"k", "v"}});
  // The timestamps differ; everything after them must match.
  const std::string written = lines_of(out_.str()).at(0);
  const auto after_timestamp = [](const std::string& line) {
    return line.substr(line.find(R"(","level")"));
  };
  EXPECT_EQ(after_timestamp(written), after_timestamp(expected));
}

TEST(Logging, NoLineIsEnabledBeforeInitLogging) {
  EXPECT_FALSE(chat::obs::log_enabled(log_level::error));
  chat::obs::log(log_level::error, "app", "dropped silently");  // must not crash
}

TEST(Logging, DroppedLogLinesIsZeroForASynchronousStream) {
  std::ostringstream out;
  log_options options;
  options.stream = &out;
  chat::obs::init_logging(options);
  EXPECT_EQ(chat::obs::dropped_log_lines(), 0U);
  chat::obs::shutdown_logging();
}

}  // namespace
