#pragma once
/// A bump allocator for syntax trees: nodes are allocated from large blocks and freed
/// all at once with the arena. Only trivially destructible types may live in it (no
/// destructor ever runs), which every AST node is.
///
/// Thread-safety: none; an arena belongs to the parse that fills it and is read-only
/// afterwards.

#include <algorithm>
#include <cstddef>
#include <memory_resource>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace chat::graphql {

class arena {
 public:
  explicit arena(std::size_t first_block_bytes = 4096) : resource_(first_block_bytes) {}
  arena(const arena&) = delete;
  arena& operator=(const arena&) = delete;

  template <typename T, typename... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    void* memory = resource_.allocate(sizeof(T), alignof(T));
    return ::new (memory) T{std::forward<Args>(args)...};
  }

  /// Copies `items` into the arena; the span stays valid for the arena's lifetime.
  template <typename T>
  std::span<T const> copy(const std::vector<T>& items) {
    return copy(std::span<const T>(items));
  }

  /// Copies `items` (for example the top of a reusable scratch stack) into the arena.
  template <typename T>
  std::span<T const> copy(std::span<const T> items) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    if (items.empty()) return {};
    void* memory = resource_.allocate(sizeof(T) * items.size(), alignof(T));
    T* out = static_cast<T*>(memory);
    for (std::size_t i = 0; i < items.size(); ++i)
      ::new (out + i) T(items[i]);
    return {out, items.size()};
  }

  std::string_view copy(std::string_view text) {
    if (text.empty()) return {};
    char* out = static_cast<char*>(resource_.allocate(text.size(), 1));
    std::copy(text.begin(), text.end(), out);
    return {out, text.size()};
  }

 private:
  std::pmr::monotonic_buffer_resource resource_;
};

}  // namespace chat::graphql
