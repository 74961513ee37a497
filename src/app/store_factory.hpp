#pragma once
/// Choosing and opening the store (SPEC MODE-1..3): SQLite under `DATA_DIR` unless
/// `DATABASE_URL` names PostgreSQL, and applying migrations at start-up (OPS-2).
///
/// Thread-safety: start-up code, called from main before the server runs.

#include <chrono>
#include <memory>
#include <string>

#include "app/config.hpp"
#include "ports/store.hpp"

namespace chat::app {

/// The SQLite file of `cfg`: the `DATABASE_URL`'s `sqlite:` path, else
/// `DATA_DIR/chat.db`.
std::string sqlite_path(const config& cfg);

/// Opens the configured store. Does not migrate; a PostgreSQL store connects in the
/// background.
ports::store_result<std::unique_ptr<ports::store>> open_store(const config& cfg);

/// Applies the migrations, waiting up to `patience` for an unreachable database (a
/// PostgreSQL server still starting): answers the schema version, or the last error.
/// `schema_too_new` is answered at once.
ports::store_result<int> migrate_at_startup(ports::store& store,
                                            std::chrono::milliseconds patience);

}  // namespace chat::app
