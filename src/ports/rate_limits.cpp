#include "ports/rate_limits.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <utility>

namespace chat::ports {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view k_overall = "overall";
constexpr std::int64_t k_max_hits = 1'000'000'000;
constexpr std::chrono::milliseconds k_max_window = 24h;

struct default_rule {
  std::string_view field;
  field_policy policy;
  limit own;
};

constexpr limit k_sign_in{1, 3s};
constexpr limit k_write{2, 3s};
constexpr limit k_members{3, 5s};
constexpr limit k_search_rooms{5, 5s};
constexpr limit k_read{10, 5s};

// Every root field of schema/chat.graphql (and ROOM-5's additions); a unit test checks
// that the schema has no root field missing here.
constexpr std::array k_defaults{
    // Query
    default_rule{"findAllUsers", field_policy::limited, k_read},
    default_rule{"findUserById", field_policy::limited, k_read},
    default_rule{"getChatroomById", field_policy::limited, k_read},
    default_rule{"getChatroomsForSearch", field_policy::limited, k_search_rooms},
    default_rule{"getChatroomsForUser", field_policy::limited, k_read},
    default_rule{"getMessagesForChatroom", field_policy::limited, k_read},
    default_rule{"getUsersOfChatroom", field_policy::limited, k_read},
    default_rule{"hello", field_policy::unlimited, {}},
    default_rule{"searchUsers", field_policy::limited, k_read},
    // Mutation
    default_rule{"addUsersToChatroom", field_policy::limited, k_members},
    default_rule{"createChatroom", field_policy::limited, k_write},
    default_rule{"deleteChatroom", field_policy::limited, k_write},
    default_rule{"enterChatroom", field_policy::exempt, {}},
    default_rule{"leaveChatroom", field_policy::exempt, {}},
    default_rule{"login", field_policy::limited, k_sign_in},
    default_rule{"logout", field_policy::exempt, {}},
    default_rule{"refreshToken", field_policy::exempt, {}},
    default_rule{"register", field_policy::limited, k_sign_in},
    default_rule{"removeUsersFromChatroom", field_policy::limited, k_members},
    default_rule{"sendMessage", field_policy::limited, k_write},
    default_rule{"updateChatroom", field_policy::limited, k_write},
    default_rule{"updateUserProfile", field_policy::limited, k_write},
    default_rule{"userStartedTypingMutation", field_policy::exempt, {}},
    default_rule{"userStoppedTypingMutation", field_policy::exempt, {}},
    // Subscription
    default_rule{"liveUsersInChatroom", field_policy::exempt, {}},
    default_rule{"newMessage", field_policy::exempt, {}},
    default_rule{"userStartedTyping", field_policy::exempt, {}},
    default_rule{"userStoppedTyping", field_policy::exempt, {}},
};

constexpr limit k_default_overall{100, 60s};

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

// The whitespace-separated words of `line`.
std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_space(line[i]))
      ++i;
    const std::size_t start = i;
    while (i < line.size() && !is_space(line[i]))
      ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

std::string quoted(std::string_view text) {
  std::string out = "'";
  // Keep error lines printable: a control byte would break the log line.
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? '?' : c;
  }
  out += '\'';
  return out;
}

bool all_digits(std::string_view text) noexcept {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value of `digits` (decimal digits only); nullopt when it does not fit.
std::optional<std::int64_t> value_of(std::string_view digits) noexcept {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

bool is_negative(std::string_view text) noexcept {
  return text.size() > 1 && text.front() == '-' && all_digits(text.substr(1, 1));
}

// `<max>/<n><unit>`, or an error message (without the line number).
std::variant<limit, std::string> parse_limit(std::string_view value) {
  const auto slash = value.find('/');
  if (slash == std::string_view::npos) {
    return "expected <max>/<window> (like 2/3s), 'unlimited' or 'exempt', not " + quoted(value);
  }
  const std::string_view max_text = value.substr(0, slash);
  const std::string_view window_text = value.substr(slash + 1);

  if (is_negative(max_text)) return "the maximum in " + quoted(value) + " must be at least 1";
  if (!all_digits(max_text)) {
    return "the maximum " + quoted(max_text) + " in " + quoted(value) + " is not a whole number";
  }
  const auto max = value_of(max_text);
  if (!max || *max > k_max_hits) {
    return "the maximum in " + quoted(value) + " is over 1000000000";
  }
  if (*max < 1) return "the maximum in " + quoted(value) + " must be at least 1";

  if (is_negative(window_text)) return "the window in " + quoted(value) + " must be at least 1";
  std::size_t digits = 0;
  while (digits < window_text.size() && window_text[digits] >= '0' && window_text[digits] <= '9')
    ++digits;
  const std::string_view count_text = window_text.substr(0, digits);
  const std::string_view unit = window_text.substr(digits);
  if (count_text.empty()) {
    return "the window " + quoted(window_text) + " in " + quoted(value) +
           " is not a whole number with a unit (like 3s)";
  }
  std::chrono::milliseconds unit_length{0};
  if (unit == "ms") {
    unit_length = 1ms;
  } else if (unit == "s") {
    unit_length = 1s;
  } else if (unit == "m") {
    unit_length = 1min;
  } else if (unit == "h") {
    unit_length = 1h;
  } else if (unit.empty()) {
    return "the window in " + quoted(value) + " has no unit (use ms, s, m or h)";
  } else {
    return "unknown unit " + quoted(unit) + " in " + quoted(value) + " (use ms, s, m or h)";
  }
  const auto count = value_of(count_text);
  if (!count || *count > k_max_window / unit_length) {
    return "the window in " + quoted(value) + " is longer than 24h";
  }
  if (*count < 1) return "the window in " + quoted(value) + " must be at least 1";
  return limit{*max, *count * unit_length};
}

}  // namespace

limits_table limits_table::defaults() {
  limits_table table;
  table.set_overall(k_default_overall);
  for (const auto& d : k_defaults)
    table.set(field_rule{std::string(d.field), d.policy, d.own});
  return table;
}

limits_table limits_table::none() {
  limits_table table;
  for (const auto& d : k_defaults)
    table.set(field_rule{std::string(d.field), field_policy::exempt, {}});
  return table;
}

const field_rule* limits_table::rule(std::string_view root_field) const noexcept {
  const auto it =
      std::lower_bound(rules_.begin(), rules_.end(), root_field,
                       [](const field_rule& r, std::string_view field) { return r.field < field; });
  if (it == rules_.end() || it->field != root_field) return nullptr;
  return &*it;
}

const limit* limits_table::for_field(std::string_view root_field) const noexcept {
  const field_rule* r = rule(root_field);
  return r != nullptr && r->policy == field_policy::limited ? &r->own : nullptr;
}

bool limits_table::is_exempt(std::string_view root_field) const noexcept {
  const field_rule* r = rule(root_field);
  return r != nullptr && r->policy == field_policy::exempt;
}

void limits_table::set(field_rule new_rule) {
  if (new_rule.policy != field_policy::limited) new_rule.own = limit{};
  const auto it = std::lower_bound(
      rules_.begin(), rules_.end(), new_rule.field,
      [](const field_rule& r, const std::string& field) { return r.field < field; });
  if (it != rules_.end() && it->field == new_rule.field) {
    *it = std::move(new_rule);
  } else {
    rules_.insert(it, std::move(new_rule));
  }
}

std::variant<limits_table, std::string> parse_limits(std::string_view text) {
  limits_table table = limits_table::defaults();
  // The line each name was set on, to report duplicates.
  std::vector<std::pair<std::string, int>> seen;
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto newline = text.find('\n', start);
    const auto end = newline == std::string_view::npos ? text.size() : newline;
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const auto words = words_of(line);
    if (words.empty()) {
      if (newline == std::string_view::npos) break;
      continue;
    }
    const auto fail = [line_number](const std::string& message) {
      return std::variant<limits_table, std::string>(
          std::in_place_index<1>, "line " + std::to_string(line_number) + ": " + message);
    };
    if (line.find('\0') != std::string_view::npos) return fail("contains a NUL byte");
    const std::string_view name = words[0];
    if (words.size() == 1) {
      return fail("expected a name and a limit (like 'login 1/3s'), found only " + quoted(name));
    }
    if (words.size() > 2) {
      return fail("expected a name and a limit (like 'login 1/3s'), found more after " +
                  quoted(words[1]));
    }
    const bool overall = name == k_overall;
    if (!overall && table.rule(name) == nullptr) {
      return fail("unknown operation " + quoted(name) +
                  " (use 'overall' or a root field of the schema, like 'sendMessage')");
    }
    const auto earlier = std::find_if(seen.begin(), seen.end(),
                                      [name](const auto& entry) { return entry.first == name; });
    if (earlier != seen.end()) {
      return fail(quoted(name) + " is already set on line " + std::to_string(earlier->second));
    }
    seen.emplace_back(std::string(name), line_number);

    const std::string_view value = words[1];
    if (value == "unlimited") {
      if (overall) {
        table.set_overall(std::nullopt);
      } else {
        table.set(field_rule{std::string(name), field_policy::unlimited, {}});
      }
    } else if (value == "exempt") {
      if (overall) return fail("'overall' cannot be exempt (use 'overall unlimited')");
      table.set(field_rule{std::string(name), field_policy::exempt, {}});
    } else {
      auto parsed = parse_limit(value);
      if (parsed.index() == 1) return fail(std::get<1>(parsed));
      if (overall) {
        table.set_overall(std::get<0>(parsed));
      } else {
        table.set(field_rule{std::string(name), field_policy::limited, std::get<0>(parsed)});
      }
    }
    if (newline == std::string_view::npos) break;
  }
  return table;
}

}  // namespace chat::ports
