// The rate-limiter contract (rate_limiter_contract.cpp) against the in-process adapter,
// on a manual clock: `advance` moves it, so the window cases take no time.
#include <memory>

#include "adapters/memory/manual_clock.hpp"
#include "adapters/memory/memory_rate_limiter.hpp"
#include "rate_limiter_contract.hpp"

namespace chat::contract {
namespace {

rate_limiter_under_test make_memory_rate_limiter(boost::asio::io_context& /*io*/) {
  adapters::manual_clock clock;
  auto limiter = std::make_shared<adapters::memory_rate_limiter>(
      adapters::memory_rate_limiter_options{.now = clock.function()});
  rate_limiter_under_test made;
  made.limiter = limiter;
  made.advance = [clock](std::chrono::milliseconds by) mutable { clock.advance(by); };
  made.peer = [limiter] { return limiter; };  // one process: the limiter is its own peer
  return made;
}

INSTANTIATE_TEST_SUITE_P(Memory, RateLimiterContract,
                         ::testing::Values(rate_limiter_factory{.name = "Memory",
                                                                .make = make_memory_rate_limiter}),
                         rate_limiter_factory_name);

}  // namespace
}  // namespace chat::contract
