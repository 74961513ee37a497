#pragma once
/// The rate limits (SPEC RL-1, CONF-1 `RATE_LIMITS`; DESIGN principle 13: limits in one
/// place): which limit applies to which GraphQL root field, the defaults, and the parser
/// of a limits file. Pure: no I/O (the configuration reads the file, `rate_limiter`
/// counts the hits).
///
/// How an operation is limited, per client (user id when signed in, else IP):
/// - it counts once toward the `overall` limit unless every root field it selects is
///   exempt;
/// - each root field it selects that has a limit of its own counts toward that limit.
/// Root fields the table does not name (introspection's `__schema`, `__type`,
/// `__typename`) count toward the overall limit only.
///
/// The defaults (RL-1, the old backend's), per client:
///
///   overall                                                     100 per 60 s
///   register, login                                             1 per 3 s
///   sendMessage, createChatroom, deleteChatroom                 2 per 3 s
///   updateChatroom, updateUserProfile (writes of the same kind) 2 per 3 s
///   addUsersToChatroom                                          3 per 5 s
///   removeUsersFromChatroom (addUsersToChatroom's mirror)       3 per 5 s
///   getChatroomsForSearch                                       5 per 5 s
///   getChatroomById, getChatroomsForUser, getMessagesForChatroom,
///   findUserById, findAllUsers, searchUsers, getUsersOfChatroom 10 per 5 s
///   hello                                                       unlimited
///   subscriptions (newMessage, userStartedTyping, userStoppedTyping,
///   liveUsersInChatroom), typing (userStartedTypingMutation,
///   userStoppedTypingMutation), presence (enterChatroom, leaveChatroom),
///   logout, refreshToken                                        exempt
///
/// RL-1's "unlimited" operations are exempt: they count toward nothing, not even the
/// overall limit, because a user typing in a busy room sends many of them and must not
/// be locked out of reading by it. `hello` (trivial, not named by RL-1) is unlimited:
/// it counts toward the overall limit only.
///
/// The limits file (`RATE_LIMITS=<path>`; `RATE_LIMITS=off` disables limiting and is
/// the configuration's business): UTF-8 text, one setting per line, each changing the
/// defaults (what the file does not name keeps its default):
///
///   # Futbol Chat rate limits          a comment: from `#` to the end of the line
///   overall 100/60s                    the per-client limit over all operations
///   login 1/3s                         a root field: <max>/<window>
///   sendMessage 5/2s
///   searchUsers unlimited              no limit of its own, counts toward overall
///   newMessage exempt                  counts toward nothing
///   findAllUsers 20/1m
///
/// `<max>` is a whole number from 1 to 1000000000; `<window>` a whole number from 1
/// with a unit, `ms`, `s`, `m` or `h`, of at most 24 h. Names are the schema's root
/// fields (case-sensitive) or `overall` (which cannot be exempt); each at most once.
/// Blank lines and spaces or tabs around the two words are ignored; anything else is
/// an error naming its line.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ports/rate_limiter.hpp"

namespace chat::ports {

/// How a root field is limited.
enum class field_policy : std::uint8_t {
  limited,    // a limit of its own, and it counts toward the overall limit
  unlimited,  // no limit of its own; it counts toward the overall limit
  exempt,     // counts toward no limit
};

/// One named root field's setting.
struct field_rule {
  std::string field;
  field_policy policy = field_policy::unlimited;
  limit own;  // limited only

  friend bool operator==(const field_rule&, const field_rule&) = default;
};

/// The limits in force: the overall one and a rule per named root field.
///
/// Thread-safety: immutable once built; `const` members may be called from any thread.
class limits_table {
 public:
  /// RL-1's defaults (the table above), with a rule for every root field of the schema.
  static limits_table defaults();
  /// Nothing limited (`RATE_LIMITS=off`): no overall limit, every field exempt.
  static limits_table none();

  /// The per-client limit over all operations; null when there is none.
  const limit* overall() const noexcept { return overall_ ? &*overall_ : nullptr; }
  /// The limit of `root_field` itself; null when it has none (unlimited, exempt or
  /// not named).
  const limit* for_field(std::string_view root_field) const noexcept;
  /// Whether `root_field` counts toward no limit, not even the overall one.
  bool is_exempt(std::string_view root_field) const noexcept;
  /// The rule of `root_field`; null when the table does not name it.
  const field_rule* rule(std::string_view root_field) const noexcept;
  /// Every rule, by field name.
  const std::vector<field_rule>& rules() const noexcept { return rules_; }

  void set_overall(std::optional<limit> overall) { overall_ = overall; }
  /// Adds or replaces the rule of `rule.field`.
  void set(field_rule rule);

  friend bool operator==(const limits_table&, const limits_table&) = default;

 private:
  std::optional<limit> overall_;
  std::vector<field_rule> rules_;  // sorted by field, unique
};

/// The table a limits file makes: the defaults changed by each of its lines. An error
/// is one line of text naming the line (`"line 3: unknown unit 'x' in '2/3x' (use ms,
/// s, m or h)"`); the caller adds the file's path.
std::variant<limits_table, std::string> parse_limits(std::string_view text);

}  // namespace chat::ports
