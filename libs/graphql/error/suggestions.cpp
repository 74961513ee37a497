#include "graphql/error/suggestions.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace chat::graphql {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// Optimal string alignment distance, giving up once it must exceed `threshold`.
std::optional<std::size_t> lexical_distance(const std::string& input_lower, std::string_view input,
                                            std::string_view option, std::size_t threshold) {
  if (input == option) return 0;
  const std::string option_lower = lower(option);
  if (input_lower == option_lower) return 1;  // any change of case counts as one edit
  std::string_view a = option_lower;
  std::string_view b = input_lower;
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > threshold) return std::nullopt;
  std::array<std::vector<std::size_t>, 3> rows;
  for (auto& row : rows)
    row.assign(b.size() + 1, 0);
  for (std::size_t j = 0; j <= b.size(); ++j)
    rows[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const auto& up = rows[(i - 1) % 3];
    auto& current = rows[i % 3];
    std::size_t smallest = current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t cell = std::min({up[j] + 1, current[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cell = std::min(cell, rows[(i - 2) % 3][j - 2] + 1);  // transposition
      }
      smallest = std::min(smallest, cell);
      current[j] = cell;
    }
    if (smallest > threshold) return std::nullopt;
  }
  const std::size_t distance = rows[a.size() % 3][b.size()];
  if (distance > threshold) return std::nullopt;
  return distance;
}

}  // namespace

int natural_compare(std::string_view a, std::string_view b) noexcept {
  // Digit runs compare by value; a run stops after a leading zero, so "a01" reads as
  // "a", 0, 1 (as graphql-js does).
  const auto read_number = [](std::string_view s, std::size_t& i) {
    double value = 0;
    do {
      value = value * 10 + (s[i] - '0');
      ++i;
    } while (i < s.size() && is_digit(s[i]) && value > 0);
    return value;
  };
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      const double num_a = read_number(a, i);
      const double num_b = read_number(b, j);
      if (num_a != num_b) return num_a < num_b ? -1 : 1;
      continue;
    }
    if (a[i] != b[j]) {
      return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
    }
    ++i;
    ++j;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

std::vector<std::string> suggestion_list(std::string_view input,
                                         const std::vector<std::string>& options) {
  const std::string input_lower = lower(input);
  const std::size_t threshold = input.size() * 4 / 10 + 1;  // floor(len * 0.4) + 1
  std::map<std::string, std::size_t> by_distance;
  for (const auto& option : options) {
    if (auto distance = lexical_distance(input_lower, input, option, threshold)) {
      by_distance[option] = *distance;
    }
  }
  std::vector<std::string> result;
  result.reserve(by_distance.size());
  for (const auto& [option, distance] : by_distance)
    result.push_back(option);
  std::stable_sort(result.begin(), result.end(), [&](const std::string& x, const std::string& y) {
    const std::size_t dx = by_distance[x];
    const std::size_t dy = by_distance[y];
    if (dx != dy) return dx < dy;
    return natural_compare(x, y) < 0;
  });
  return result;
}

std::string did_you_mean(const std::vector<std::string>& suggestions,
                         std::string_view sub_message) {
  if (suggestions.empty()) return {};
  std::string message = " Did you mean ";
  if (!sub_message.empty()) {
    message += sub_message;
    message += ' ';
  }
  const auto quoted = [](const std::string& s) { return "\"" + s + "\""; };
  if (suggestions.size() == 1) return message + quoted(suggestions[0]) + "?";
  if (suggestions.size() == 2) {
    return message + quoted(suggestions[0]) + " or " + quoted(suggestions[1]) + "?";
  }
  const std::size_t shown = std::min<std::size_t>(suggestions.size(), 5);
  for (std::size_t i = 0; i + 1 < shown; ++i)
    message += quoted(suggestions[i]) + ", ";
  return message + "or " + quoted(suggestions[shown - 1]) + "?";
}

}  // namespace chat::graphql
