#pragma once
/// REL-2's crash proof, shared by every store adapter: a forked child writes messages
/// through the store port as fast as it can and reports each acknowledged id on a pipe;
/// the parent SIGKILLs it at a random moment, reopens the store and finds every
/// acknowledged message, with its content.
///
/// One round:
///   1. the parent (single-threaded: no store, no io_context alive) forks;
///   2. the child opens the store, migrates, makes a user and a room of its own, says
///      "ready" on the pipe, then runs `k_writers` writer coroutines inserting messages
///      in a loop; after `co_await insert_message` answered a value, the writer puts
///      the id (with its writer number and sequence) on the pipe;
///   3. the parent reads acknowledgements for a random 200–800 ms after "ready",
///      SIGKILLs the child, drains the pipe to EOF and reaps the child;
///   4. the parent reopens the store, migrates (recovery) and reads back every message
///      of every round so far: each acknowledged id must be there with the content the
///      child wrote. Committed rows that were never acknowledged (killed between the
///      commit and the pipe write) are counted, and allowed.
///
/// Thread-safety: test code; call from the test's main thread only.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "ports/store.hpp"

namespace chat::durability {

/// Concurrent writer coroutines in the child.
inline constexpr int k_writers = 16;

/// How to reach the store under test.
struct backend {
  std::string name;  // for messages ("sqlite", "postgres")
  /// Opens the store without migrating. Called in the forked child and in the parent
  /// (for checking); a fresh store each time.
  std::function<ports::store_result<std::unique_ptr<ports::store>>()> open;
};

/// What one round saw.
struct round_report {
  std::size_t acked = 0;      // ids the child acknowledged before it died
  std::size_t committed = 0;  // rows of the round's room after reopening
  std::size_t extra = 0;      // committed but never acknowledged (allowed)
  std::size_t missing = 0;    // acknowledged but not found (REL-2 violation)
  std::size_t wrong = 0;      // found with other content, room or author
  std::chrono::milliseconds wrote_for{};
};

/// Runs `rounds` kill-and-reopen rounds against `b` (the same database for all), each
/// round also re-checking the messages of the earlier ones. Reports failures with
/// gtest's non-fatal assertions and prints one line per round.
void expect_acknowledged_messages_survive_sigkill(const backend& b, int rounds = 3);

}  // namespace chat::durability
