// Tests for the metrics registry and its Prometheus text exposition (SPEC OBS-4).

#include "observability/metrics.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using chat::obs::counter;
using chat::obs::gauge;
using chat::obs::histogram;
using chat::obs::metrics_registry;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

/// The value of the sample line `name value`, failing the test when there is none.
double sample_value(const std::string& text, const std::string& name) {
  for (const auto& line : lines_of(text)) {
    if (line.starts_with(name + " ")) return std::stod(line.substr(name.size() + 1));
  }
  ADD_FAILURE() << "no sample " << name << " in:\n" << text;
  return -1;
}

// ---- counters ----

TEST(MetricsRegistry, Obs4RendersAnUnlabelledCounterExactly) {
  metrics_registry registry;
  auto& requests = registry.counter_family("chat_requests_total", "Requests served.");
  requests.with({}).inc();
  requests.with({}).inc(2);
  EXPECT_EQ(registry.render(),
            "# HELP chat_requests_total Requests served.\n"
            "# TYPE chat_requests_total counter\n"
            "chat_requests_total 3\n");
}

TEST(MetricsRegistry, Obs4RendersALabelledCounterWithOneLinePerLabelSet) {
  metrics_registry registry;
  auto& requests = registry.counter_family("chat_http_requests_total", "HTTP requests by status.",
                                           {"method", "status"});
  requests.with({"POST", "500"}).inc(2);
  requests.with({"GET", "200"}).inc();
  requests.with({"GET", "200"}).inc(4);
  EXPECT_EQ(registry.render(),
            "# HELP chat_http_requests_total HTTP requests by status.\n"
            "# TYPE chat_http_requests_total counter\n"
            "chat_http_requests_total{method=\"GET\",status=\"200\"} 5\n"
            "chat_http_requests_total{method=\"POST\",status=\"500\"} 2\n");
}

TEST(MetricsRegistry, Obs4RendersOnlyTheHeaderOfAFamilyWithNoChildrenYet) {
  metrics_registry registry;
  registry.counter_family("chat_events_total", "Events.", {"kind"});
  EXPECT_EQ(registry.render(),
            "# HELP chat_events_total Events.\n"
            "# TYPE chat_events_total counter\n");
}

TEST(MetricsRegistry, ReturnsTheSameChildForTheSameLabelValues) {
  metrics_registry registry;
  auto& family = registry.counter_family("chat_x_total", "X.", {"a"});
  counter& first = family.with({"v"});
  counter& again = family.with({"v"});
  counter& other = family.with({"w"});
  EXPECT_EQ(&first, &again);
  EXPECT_NE(&first, &other);
  first.inc(7);
  EXPECT_EQ(again.value(), 7U);
  EXPECT_EQ(other.value(), 0U);
}

TEST(MetricsRegistry, KeepsDistinctLabelValueListsApartEvenWhenValuesHoldSeparators) {
  // Two different label value lists must never share one child.
  metrics_registry registry;
  auto& family = registry.counter_family("chat_pairs_total", "Pairs.", {"a", "b"});
  counter& one = family.with({"x\x1f", "y"});
  counter& two = family.with({"x", "\x1fy"});
  EXPECT_NE(&one, &two);
}

// ---- gauges ----

TEST(MetricsRegistry, Obs4RendersGaugesThatGoUpAndDownIncludingNegativeValues) {
  metrics_registry registry;
  auto& open = registry.gauge_family("chat_websocket_connections", "Open WebSocket connections.");
  auto& per_room = registry.gauge_family("chat_room_members", "Members online per room.", {"room"});
  open.with({}).add(5);
  open.with({}).add(-2);
  per_room.with({"a"}).set(-4);
  per_room.with({"b"}).set(10);
  per_room.with({"b"}).add(1);
  EXPECT_EQ(registry.render(),
            "# HELP chat_websocket_connections Open WebSocket connections.\n"
            "# TYPE chat_websocket_connections gauge\n"
            "chat_websocket_connections 3\n"
            "# HELP chat_room_members Members online per room.\n"
            "# TYPE chat_room_members gauge\n"
            "chat_room_members{room=\"a\"} -4\n"
            "chat_room_members{room=\"b\"} 11\n");
}

// ---- histograms ----

TEST(MetricsRegistry, Obs4RendersAnUnlabelledHistogramWithCumulativeBucketsSumAndCount) {
  metrics_registry registry;
  auto& latency =
      registry.histogram_family("chat_db_seconds", "Database round trips.", {}, {0.5, 1, 2.5});
  auto& h = latency.with({});
  for (const double v : {0.25, 0.5, 0.75, 2.0, 4.0})
    h.observe(v);
  EXPECT_EQ(registry.render(),
            "# HELP chat_db_seconds Database round trips.\n"
            "# TYPE chat_db_seconds histogram\n"
            "chat_db_seconds_bucket{le=\"0.5\"} 2\n"
            "chat_db_seconds_bucket{le=\"1\"} 3\n"
            "chat_db_seconds_bucket{le=\"2.5\"} 4\n"
            "chat_db_seconds_bucket{le=\"+Inf\"} 5\n"
            "chat_db_seconds_sum 7.5\n"
            "chat_db_seconds_count 5\n");
}

TEST(MetricsRegistry, Obs4RendersALabelledHistogramWithLeAfterTheLabels) {
  metrics_registry registry;
  auto& ops = registry.histogram_family("chat_graphql_duration_seconds", "GraphQL operations.",
                                        {"type", "name"}, {0.1, 1});
  ops.with({"query", "Rooms"}).observe(0.0625);
  ops.with({"query", "Rooms"}).observe(3);
  EXPECT_EQ(registry.render(),
            "# HELP chat_graphql_duration_seconds GraphQL operations.\n"
            "# TYPE chat_graphql_duration_seconds histogram\n"
            "chat_graphql_duration_seconds_bucket{type=\"query\",name=\"Rooms\",le=\"0.1\"} 1\n"
            "chat_graphql_duration_seconds_bucket{type=\"query\",name=\"Rooms\",le=\"1\"} 1\n"
            "chat_graphql_duration_seconds_bucket{type=\"query\",name=\"Rooms\",le=\"+Inf\"} 2\n"
            "chat_graphql_duration_seconds_sum{type=\"query\",name=\"Rooms\"} 3.0625\n"
            "chat_graphql_duration_seconds_count{type=\"query\",name=\"Rooms\"} 2\n");
}

TEST(MetricsRegistry, Obs4RendersAnEmptyHistogramWithZeros) {
  metrics_registry registry;
  registry.histogram_family("chat_h", "H.", {}, {1}).with({});
  EXPECT_EQ(registry.render(),
            "# HELP chat_h H.\n"
            "# TYPE chat_h histogram\n"
            "chat_h_bucket{le=\"1\"} 0\n"
            "chat_h_bucket{le=\"+Inf\"} 0\n"
            "chat_h_sum 0\n"
            "chat_h_count 0\n");
}

TEST(Histogram, CountsAValueEqualToABoundInThatBucket) {
  histogram h({1, 2});
  h.observe(1);
  h.observe(2);
  const auto snap = h.read();
  ASSERT_EQ(snap.cumulative.size(), 3U);
  EXPECT_EQ(snap.cumulative[0], 1U);
  EXPECT_EQ(snap.cumulative[1], 2U);
  EXPECT_EQ(snap.cumulative[2], 2U);
  EXPECT_EQ(snap.count, 2U);
  EXPECT_DOUBLE_EQ(snap.sum, 3.0);
}

TEST(Histogram, CountsValuesAboveTheLastBoundOnlyInInf) {
  histogram h({1});
  h.observe(1e9);
  const auto snap = h.read();
  EXPECT_EQ(snap.cumulative[0], 0U);
  EXPECT_EQ(snap.cumulative[1], 1U);
  EXPECT_EQ(snap.count, 1U);
}

TEST(Histogram, RefusesBoundsThatDoNotStrictlyIncrease) {
  EXPECT_THROW(histogram({1, 1}), std::invalid_argument);
  EXPECT_THROW(histogram({2, 1}), std::invalid_argument);
  EXPECT_NO_THROW(histogram({}));
  EXPECT_NO_THROW(histogram({0.1, 0.2}));
}

TEST(MetricsRegistry, RefusesAHistogramFamilyWithBoundsThatDoNotIncrease) {
  metrics_registry registry;
  EXPECT_THROW(registry.histogram_family("chat_bad", "Bad.", {}, {1, 0.5}), std::invalid_argument);
}

TEST(LatencyBuckets, RangeFromATenthOfAMillisecondToTenSecondsAndIncrease) {
  const auto bounds = chat::obs::latency_buckets();
  ASSERT_FALSE(bounds.empty());
  EXPECT_DOUBLE_EQ(bounds.front(), 0.0001);
  EXPECT_DOUBLE_EQ(bounds.back(), 10);
  for (std::size_t i = 1; i < bounds.size(); ++i)
    EXPECT_LT(bounds[i - 1], bounds[i]);
}

TEST(MetricsRegistry, Obs4RendersALatencyHistogramWithOneBucketPerBoundPlusInf) {
  metrics_registry registry;
  registry.histogram_family("chat_lat", "L.", {}, chat::obs::latency_buckets())
      .with({})
      .observe(0.003);
  const std::string text = registry.render();
  std::size_t buckets = 0;
  for (const auto& line : lines_of(text)) {
    if (line.starts_with("chat_lat_bucket{")) ++buckets;
  }
  EXPECT_EQ(buckets, chat::obs::latency_buckets().size() + 1);
  EXPECT_NE(text.find("chat_lat_bucket{le=\"0.0025\"} 0\n"), std::string::npos) << text;
  EXPECT_NE(text.find("chat_lat_bucket{le=\"0.005\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("chat_lat_bucket{le=\"10\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("chat_lat_bucket{le=\"+Inf\"} 1\n"), std::string::npos) << text;
}

// ---- callbacks ----

TEST(MetricsRegistry, Obs4RendersCallbackGaugesAndCountersReadAtScrapeTime) {
  metrics_registry registry;
  double state = 1.5;
  registry.callback_gauge("chat_redis_up", "Redis connection state.", [&] { return state; });
  registry.callback_counter("chat_dropped_total", "Dropped lines.", [] { return 42.0; });
  const std::string expected_tail =
      "# HELP chat_dropped_total Dropped lines.\n"
      "# TYPE chat_dropped_total counter\n"
      "chat_dropped_total 42\n";
  EXPECT_EQ(registry.render(),
            "# HELP chat_redis_up Redis connection state.\n"
            "# TYPE chat_redis_up gauge\n"
            "chat_redis_up 1.5\n" +
                expected_tail);
  state = 0;
  EXPECT_EQ(registry.render(),
            "# HELP chat_redis_up Redis connection state.\n"
            "# TYPE chat_redis_up gauge\n"
            "chat_redis_up 0\n" +
                expected_tail);
}

TEST(MetricsRegistry, RendersNonFiniteCallbackValuesAsPrometheusSpellsThem) {
  metrics_registry registry;
  registry.callback_gauge("chat_nan", "N.", [] { return std::nan(""); });
  registry.callback_gauge("chat_inf", "I.", [] { return HUGE_VAL; });
  registry.callback_gauge("chat_ninf", "M.", [] { return -HUGE_VAL; });
  const std::string text = registry.render();
  EXPECT_NE(text.find("\nchat_nan NaN\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nchat_inf +Inf\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\nchat_ninf -Inf\n"), std::string::npos) << text;
}

// ---- escaping ----

TEST(MetricsRegistry, Obs4EscapesBackslashQuoteAndNewlineInLabelValues) {
  metrics_registry registry;
  registry.counter_family("chat_ops_total", "Ops.", {"name"}).with({"a\"b\\c\nd"}).inc();
  EXPECT_EQ(registry.render(),
            "# HELP chat_ops_total Ops.\n"
            "# TYPE chat_ops_total counter\n"
            "chat_ops_total{name=\"a\\\"b\\\\c\\nd\"} 1\n");
}

TEST(MetricsRegistry, Obs4EscapesBackslashAndNewlineInHelpText) {
  metrics_registry registry;
  registry.counter_family("chat_h_total", "first\nsecond \\ \"kept\"");
  EXPECT_EQ(registry.render(),
            "# HELP chat_h_total first\\nsecond \\\\ \"kept\"\n"
            "# TYPE chat_h_total counter\n");
}

TEST(MetricsRegistry, KeepsUtf8LabelValuesAsTheyAre) {
  metrics_registry registry;
  registry.counter_family("chat_u_total", "U.", {"room"})
      .with({"f\xC3\xBAtbol \xE2\x9A\xBD"})
      .inc();
  EXPECT_NE(registry.render().find("chat_u_total{room=\"f\xC3\xBAtbol \xE2\x9A\xBD\"} 1\n"),
            std::string::npos);
}

// ---- refusals ----

TEST(MetricsRegistry, RefusesInvalidMetricNames) {
  for (const char* bad : {"", "1starts_with_digit", "has-dash", "has space", "dot.ted",
                          "caf\xC3\xA9", "new\nline", "quote\""}) {
    metrics_registry registry;
    EXPECT_THROW(registry.counter_family(bad, "h"), std::invalid_argument) << bad;
    EXPECT_THROW(registry.gauge_family(bad, "h"), std::invalid_argument) << bad;
    EXPECT_THROW(registry.histogram_family(bad, "h", {}, {1}), std::invalid_argument) << bad;
    EXPECT_THROW(registry.callback_gauge(bad, "h", [] { return 0.0; }), std::invalid_argument)
        << bad;
    EXPECT_THROW(registry.callback_counter(bad, "h", [] { return 0.0; }), std::invalid_argument)
        << bad;
  }
}

TEST(MetricsRegistry, AcceptsNamesWithLettersDigitsUnderscoresAndColons) {
  metrics_registry registry;
  EXPECT_NO_THROW(registry.counter_family("a", "h"));
  EXPECT_NO_THROW(registry.counter_family("_private", "h"));
  EXPECT_NO_THROW(registry.counter_family("job:rule:rate5m", "h"));
  EXPECT_NO_THROW(registry.counter_family("Chat_Total_2", "h"));
}

TEST(MetricsRegistry, RefusesRegisteringANameTwiceWhateverTheType) {
  metrics_registry registry;
  registry.counter_family("chat_dup", "h");
  EXPECT_THROW(registry.counter_family("chat_dup", "h"), std::invalid_argument);
  EXPECT_THROW(registry.gauge_family("chat_dup", "h"), std::invalid_argument);
  EXPECT_THROW(registry.histogram_family("chat_dup", "h", {}, {1}), std::invalid_argument);
  EXPECT_THROW(registry.callback_gauge("chat_dup", "h", [] { return 0.0; }), std::invalid_argument);
  EXPECT_THROW(registry.callback_counter("chat_dup", "h", [] { return 0.0; }),
               std::invalid_argument);
}

TEST(MetricsRegistry, RefusesTheWrongNumberOfLabelValues) {
  metrics_registry registry;
  auto& two = registry.counter_family("chat_two_total", "h", {"a", "b"});
  auto& none = registry.gauge_family("chat_none", "h");
  auto& hist = registry.histogram_family("chat_hist", "h", {"op"}, {1});
  EXPECT_THROW(two.with({}), std::invalid_argument);
  EXPECT_THROW(two.with({"x"}), std::invalid_argument);
  EXPECT_THROW(two.with({"x", "y", "z"}), std::invalid_argument);
  EXPECT_THROW(none.with({"x"}), std::invalid_argument);
  EXPECT_THROW(hist.with({}), std::invalid_argument);
  EXPECT_NO_THROW(two.with({"x", "y"}));
}

// ---- concurrency ----

TEST(MetricsRegistry, ConcurrentUpdatesFromFourThreadsAddUp) {
  metrics_registry registry;
  auto& hits = registry.counter_family("chat_hits_total", "h", {"kind"});
  auto& plain = registry.counter_family("chat_plain_total", "h");
  auto& level = registry.gauge_family("chat_level", "h");
  auto& sizes = registry.histogram_family("chat_sizes", "h", {}, {0.5, 1.5});
  constexpr int k_threads = 4;
  constexpr int k_per_thread = 100'000;
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&, t] {
      counter& mine = plain.with({});
      for (int i = 0; i < k_per_thread; ++i) {
        hits.with({i % 2 == 0 ? "even" : "odd"}).inc();  // looks up the child every time
        mine.inc();
        level.with({}).add(t % 2 == 0 ? 2 : -1);
        sizes.with({}).observe(1.0);
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  const std::uint64_t total = static_cast<std::uint64_t>(k_threads) * k_per_thread;
  EXPECT_EQ(hits.with({"even"}).value() + hits.with({"odd"}).value(), total);
  EXPECT_EQ(hits.with({"even"}).value(), total / 2);
  EXPECT_EQ(plain.with({}).value(), total);
  EXPECT_EQ(level.with({}).value(), 2 * k_per_thread * 2 - k_per_thread * 2);
  const auto snap = sizes.with({}).read();
  EXPECT_EQ(snap.count, total);
  EXPECT_EQ(snap.cumulative[0], 0U);
  EXPECT_EQ(snap.cumulative[1], total);
  EXPECT_DOUBLE_EQ(snap.sum, static_cast<double>(total));
  const std::string text = registry.render();
  EXPECT_NE(text.find("chat_plain_total 400000\n"), std::string::npos) << text;
  EXPECT_NE(text.find("chat_sizes_count 400000\n"), std::string::npos) << text;
}

TEST(MetricsRegistry, RendersWhileOtherThreadsUpdate) {
  metrics_registry registry;
  auto& hits = registry.counter_family("chat_busy_total", "h", {"n"});
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    for (int i = 0; !stop.load(); i = (i + 1) % 1000)
      hits.with({std::to_string(i)}).inc();
  });
  for (int i = 0; i < 50; ++i)
    EXPECT_FALSE(registry.render().empty());
  stop = true;
  writer.join();
}

// ---- process metrics ----

TEST(ProcessMetrics, Obs4ResidentMemoryIsAboveZero) {
  EXPECT_GT(chat::obs::resident_memory_bytes(), 0U);
}

TEST(ProcessMetrics, Obs4StandardProcessMetricsAreRendered) {
  metrics_registry registry;
  chat::obs::register_process_metrics(registry);
  const std::string text = registry.render();
  for (const char* type_line :
       {"# TYPE process_resident_memory_bytes gauge", "# TYPE process_virtual_memory_bytes gauge",
        "# TYPE process_open_fds gauge", "# TYPE process_cpu_seconds_total counter",
        "# TYPE process_start_time_seconds gauge"}) {
    EXPECT_NE(text.find(std::string(type_line) + "\n"), std::string::npos) << type_line << "\n"
                                                                           << text;
  }
  const double resident = sample_value(text, "process_resident_memory_bytes");
  EXPECT_GT(resident, 0);
  EXPECT_GE(sample_value(text, "process_virtual_memory_bytes"), resident);
  EXPECT_GE(sample_value(text, "process_open_fds"), 1);
  EXPECT_GE(sample_value(text, "process_cpu_seconds_total"), 0);
  const double start = sample_value(text, "process_start_time_seconds");
  const double now = static_cast<double>(std::time(nullptr));
  EXPECT_LE(start, now + 2);
  EXPECT_GT(start, now - 24 * 3600) << "the test process started less than a day ago";
}

TEST(ProcessMetrics, CannotBeRegisteredTwiceInOneRegistry) {
  metrics_registry registry;
  chat::obs::register_process_metrics(registry);
  EXPECT_THROW(chat::obs::register_process_metrics(registry), std::invalid_argument);
}

TEST(ProcessMetrics, OpenFdsFollowsFilesOpenedByTheProcess) {
  metrics_registry registry;
  chat::obs::register_process_metrics(registry);
  const double before = sample_value(registry.render(), "process_open_fds");
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  ASSERT_NE(f, nullptr);
  const double during = sample_value(registry.render(), "process_open_fds");
  std::fclose(f);
  EXPECT_EQ(during, before + 1);
}

}  // namespace

namespace chat::obs {
namespace {

TEST(MetricsRegistry, ACallbackCounterFamilyRendersOneLabelledSeriesPerSample) {
  metrics_registry registry;
  int calls = 0;
  registry.callback_counter_family("chat_cache_requests_total", "Cache lookups.",
                                   {"kind", "result"}, [&calls] {
                                     ++calls;
                                     return metrics_registry::labelled_samples{
                                         {{"chatroom", "hit"}, 3}, {{"chatroom", "miss"}, 1}};
                                   });
  const std::string text = registry.render();
  EXPECT_NE(text.find("# TYPE chat_cache_requests_total counter"), std::string::npos) << text;
  EXPECT_NE(text.find("chat_cache_requests_total{kind=\"chatroom\",result=\"hit\"} 3"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("chat_cache_requests_total{kind=\"chatroom\",result=\"miss\"} 1"),
            std::string::npos)
      << text;
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace chat::obs
