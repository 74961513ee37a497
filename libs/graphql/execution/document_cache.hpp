#pragma once
/// Parsed and validated documents, cached by their text (SPEC GQL-4): a repeated
/// operation costs one hash lookup instead of lexing, parsing and validating again.
/// Documents that fail to parse or validate are cached too (with their errors), so a
/// client repeating a bad document costs as little.
///
/// A bounded LRU split into shards, each with its own lock, so concurrent lookups
/// rarely contend.
///
/// Thread-safety: every member may be called from any thread.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/error/graphql_error.hpp"
#include "graphql/language/parser.hpp"

namespace chat::graphql {

class execution_plans;  // execution_plan.hpp

/// A document as execution needs it: the tree, or the reason it cannot run.
struct prepared_document {
  std::shared_ptr<const document> doc;  // null when it did not parse
  /// Syntax error (one) or validation errors; empty when the document may execute.
  std::vector<graphql_error> errors;
  bool parse_failed = false;
  /// For `execution_request::plans`: the document's execution plans, kept between
  /// executions. The cache makes it for every valid document it returns.
  std::shared_ptr<execution_plans> plans;

  bool valid() const noexcept { return doc != nullptr && errors.empty(); }
};

class document_cache {
 public:
  using prepare_fn = std::function<prepared_document(std::string_view text)>;

  /// `prepare` parses and validates a text on a miss. Texts longer than
  /// `max_cached_bytes` are prepared every time, never stored.
  document_cache(prepare_fn prepare, std::size_t max_entries = 1024,
                 std::size_t max_cached_bytes = 64 * 1024);

  std::shared_ptr<const prepared_document> get(std::string_view text);

  std::uint64_t hits() const noexcept;
  std::uint64_t misses() const noexcept;
  std::size_t size() const;

 private:
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  struct shard {
    mutable std::mutex mutex;
    // Most recently used at the front.
    std::list<std::pair<std::string, std::shared_ptr<const prepared_document>>> order;
    std::unordered_map<std::string, decltype(order)::iterator, string_hash, std::equal_to<>> index;
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
  };
  static constexpr std::size_t k_shards = 16;

  prepare_fn prepare_;
  std::size_t max_per_shard_;
  std::size_t max_cached_bytes_;
  std::vector<shard> shards_;
};

}  // namespace chat::graphql
