#pragma once
/// The schema migrations compiled into chatd (migrations/*.sql, OPS-2), in order.

#include <span>
#include <string_view>

namespace chat::adapters::pg {

struct migration {
  int version;
  std::string_view sql;
};

/// Every migration this binary knows, oldest first; versions are 1, 2, …
std::span<const migration> known_migrations() noexcept;

}  // namespace chat::adapters::pg
