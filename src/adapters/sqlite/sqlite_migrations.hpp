#pragma once
/// The SQLite migrations compiled into chatd (migrations/*.sql, OPS-2): entry i brings
/// the schema from version i to version i + 1 (`PRAGMA user_version`).

#include <span>
#include <string_view>

namespace chat::adapters {

std::span<const std::string_view> sqlite_migrations() noexcept;

}  // namespace chat::adapters
