// Tests for correlation ids (SPEC OBS-2).

#include "observability/correlation_id.hpp"

#include <gtest/gtest.h>

#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using chat::obs::correlation_id_from;
using chat::obs::is_valid_correlation_id;
using chat::obs::k_max_correlation_id_length;
using chat::obs::make_uuid_v4;

bool looks_like_uuid_v4(const std::string& id) {
  static const std::regex k_uuid_v4(
      "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  return std::regex_match(id, k_uuid_v4);
}

TEST(CorrelationId, Obs2AcceptsLettersDigitsDotsUnderscoresAndDashes) {
  EXPECT_TRUE(is_valid_correlation_id("abc"));
  EXPECT_TRUE(is_valid_correlation_id("ABC-xyz_019.test"));
  EXPECT_TRUE(is_valid_correlation_id("0"));
  EXPECT_TRUE(is_valid_correlation_id("._-"));
  EXPECT_TRUE(is_valid_correlation_id("3f2b1c7e-8a9d-4e0f-b1a2-c3d4e5f60718"));
}

TEST(CorrelationId, Obs2AcceptsExactly128CharactersAndRefuses129) {
  EXPECT_EQ(k_max_correlation_id_length, 128U);
  EXPECT_TRUE(is_valid_correlation_id(std::string(128, 'a')));
  EXPECT_FALSE(is_valid_correlation_id(std::string(129, 'a')));
}

TEST(CorrelationId, Obs2RefusesAnEmptyId) {
  EXPECT_FALSE(is_valid_correlation_id(""));
}

TEST(CorrelationId, Obs2RefusesSpacesControlCharactersAndPunctuation) {
  for (const char* bad : {"has space", "tab\there", "new\nline", "cr\rlf", "quote\"", "back\\slash",
                          "slash/", "colon:", "semi;", "a+b", "a=b", "a,b", "<script>", "{json}",
                          "percent%20", "at@host", "hash#"}) {
    EXPECT_FALSE(is_valid_correlation_id(bad)) << bad;
  }
}

TEST(CorrelationId, Obs2RefusesNonAsciiAndNulBytes) {
  EXPECT_FALSE(is_valid_correlation_id("caf\xC3\xA9"));  // café
  EXPECT_FALSE(is_valid_correlation_id("\xFF\xFE"));
  EXPECT_FALSE(is_valid_correlation_id(std::string("a\0b", 3)));
}

TEST(MakeUuidV4, ProducesLowerCaseCanonicalVersion4Uuids) {
  for (int i = 0; i < 1000; ++i) {
    const std::string id = make_uuid_v4();
    ASSERT_EQ(id.size(), 36U) << id;
    EXPECT_TRUE(looks_like_uuid_v4(id)) << id;
  }
}

TEST(MakeUuidV4, ProducesIdsThatAreThemselvesValidCorrelationIds) {
  EXPECT_TRUE(is_valid_correlation_id(make_uuid_v4()));
}

TEST(MakeUuidV4, NeverRepeatsInTenThousandCalls) {
  std::set<std::string> seen;
  for (int i = 0; i < 10'000; ++i)
    seen.insert(make_uuid_v4());
  EXPECT_EQ(seen.size(), 10'000U);
}

TEST(MakeUuidV4, NeverRepeatsAcrossThreads) {
  constexpr int k_threads = 4;
  constexpr int k_per_thread = 2'000;
  std::mutex mutex;
  std::set<std::string> seen;
  std::vector<std::thread> threads;
  for (int t = 0; t < k_threads; ++t) {
    threads.emplace_back([&] {
      std::vector<std::string> mine;
      mine.reserve(k_per_thread);
      for (int i = 0; i < k_per_thread; ++i)
        mine.push_back(make_uuid_v4());
      const std::lock_guard lock(mutex);
      seen.insert(mine.begin(), mine.end());
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(k_threads * k_per_thread));
}

TEST(CorrelationIdFrom, Obs2KeepsAWellFormedHeader) {
  EXPECT_EQ(correlation_id_from("req-42.abc_DEF"), "req-42.abc_DEF");
  const std::string longest(128, 'z');
  EXPECT_EQ(correlation_id_from(longest), longest);
}

TEST(CorrelationIdFrom, Obs2ReplacesAMissingHeaderWithAUuidV4) {
  EXPECT_TRUE(looks_like_uuid_v4(correlation_id_from("")));
}

TEST(CorrelationIdFrom, Obs2ReplacesAMalformedHeaderWithAUuidV4) {
  for (const std::string& bad : {std::string("has space"), std::string("line\nbreak"),
                                 std::string(129, 'a'), std::string("\"quoted\"")}) {
    const std::string id = correlation_id_from(bad);
    EXPECT_NE(id, bad);
    EXPECT_TRUE(looks_like_uuid_v4(id)) << id;
  }
}

TEST(CorrelationIdFrom, Obs2GivesEachMalformedRequestADifferentId) {
  EXPECT_NE(correlation_id_from("bad id"), correlation_id_from("bad id"));
}

}  // namespace
