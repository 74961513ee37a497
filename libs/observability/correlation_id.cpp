#include "correlation_id.hpp"

#include <array>
#include <cstdint>
#include <random>

namespace chat::obs {

bool is_valid_correlation_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > k_max_correlation_id_length) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string make_uuid_v4() {
  // A per-thread generator seeded once from the OS: ids must be unique, not secret.
  thread_local std::mt19937_64 generator{[] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64{seed};
  }()};
  std::uint64_t hi = generator();
  std::uint64_t lo = generator();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant

  static constexpr std::array<char, 16> k_hex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::string out(36, '-');
  std::size_t pos = 0;
  const auto put = [&](std::uint64_t bits, int nibbles) {
    for (int n = nibbles - 1; n >= 0; --n) {
      if (pos == 8 || pos == 13 || pos == 18 || pos == 23) ++pos;
      out[pos++] = k_hex[(bits >> (static_cast<unsigned>(n) * 4U)) & 0xFU];
    }
  };
  put(hi, 16);
  put(lo, 16);
  return out;
}

std::string correlation_id_from(std::string_view header) {
  if (is_valid_correlation_id(header)) return std::string(header);
  return make_uuid_v4();
}

}  // namespace chat::obs
