// The document cache (SPEC GQL-4).

#include "graphql/execution/document_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace chat::graphql {
namespace {

document_cache counting_cache(std::atomic<int>& prepared, std::size_t entries = 1024,
                              std::size_t max_bytes = 64 * 1024) {
  return document_cache(
      [&prepared](std::string_view text) {
        ++prepared;
        prepared_document doc;
        graphql_error marker;
        marker.message = std::string(text);  // remember what was prepared
        doc.errors.push_back(marker);
        return doc;
      },
      entries, max_bytes);
}

TEST(DocumentCache, Gql4PreparesARepeatedDocumentOnlyOnce) {
  std::atomic<int> prepared{0};
  auto cache = counting_cache(prepared);
  const auto first = cache.get("{ hello }");
  const auto second = cache.get(std::string("{ hello }"));
  EXPECT_EQ(prepared.load(), 1);
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(cache.hits(), 1U);
  EXPECT_EQ(cache.misses(), 1U);
}

TEST(DocumentCache, ValidDocumentsCarryTheirExecutionPlansAndInvalidOnesNone) {
  document_cache cache([](std::string_view text) {
    prepared_document doc;
    auto parsed = parse(text);
    doc.doc = parsed.doc;
    if (parsed.error) doc.errors.push_back(*parsed.error);
    return doc;
  });
  const auto valid = cache.get("{ hello }");
  ASSERT_TRUE(valid->valid());
  EXPECT_NE(valid->plans, nullptr);
  EXPECT_EQ(cache.get("{ hello }")->plans, valid->plans);  // kept with the document
  EXPECT_EQ(cache.get("{ hello")->plans, nullptr);
}

TEST(DocumentCache, Gql4KeysByTheExactText) {
  std::atomic<int> prepared{0};
  auto cache = counting_cache(prepared);
  EXPECT_EQ(cache.get("{ hello }")->errors[0].message, "{ hello }");
  EXPECT_EQ(cache.get("{hello}")->errors[0].message, "{hello}");
  EXPECT_EQ(prepared.load(), 2);
}

TEST(DocumentCache, EvictsTheLeastRecentlyUsedBeyondItsBound) {
  std::atomic<int> prepared{0};
  auto cache = counting_cache(prepared, 16);  // one entry per shard
  for (int i = 0; i < 200; ++i)
    cache.get("{ f" + std::to_string(i) + " }");
  EXPECT_LE(cache.size(), 16U);
  EXPECT_EQ(prepared.load(), 200);
}

TEST(DocumentCache, NeverStoresOversizedDocuments) {
  std::atomic<int> prepared{0};
  auto cache = counting_cache(prepared, 1024, 10);
  cache.get("{ a_long_document }");
  cache.get("{ a_long_document }");
  EXPECT_EQ(prepared.load(), 2);
  EXPECT_EQ(cache.size(), 0U);
}

TEST(DocumentCache, ServesManyThreadsAtOnce) {
  std::atomic<int> prepared{0};
  auto cache = counting_cache(prepared);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string text = "{ f" + std::to_string((i + t) % 50) + " }";
        ASSERT_EQ(cache.get(text)->errors[0].message, text);
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_LE(prepared.load(), 50 * 4);  // a racing miss may prepare twice, never more
  EXPECT_EQ(cache.size(), 50U);
}

}  // namespace
}  // namespace chat::graphql
