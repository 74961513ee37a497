#pragma once
/// The input rules of accounts (SPEC AUTH-1, AUTH-8): what a registration or a profile
/// update must satisfy before anything is hashed or stored, with the sentence each
/// broken rule answers (ERR-1 `extensions.errors`: field → message).
///
/// Thread-safety: pure functions.

#include <map>
#include <string>
#include <string_view>

namespace chat::auth {

/// Field name → message, in field order (ERR-1 `extensions.errors`).
using field_errors = std::map<std::string, std::string, std::less<>>;

struct registration {
  std::string fullname;
  std::string email;
  std::string password;
  std::string confirm_password;
};

/// Full names are 1–50 characters once trimmed.
inline constexpr std::size_t k_fullname_max = 50;
/// bcrypt reads at most 72 bytes of a password; a longer one would be cut silently,
/// so registration refuses it.
inline constexpr std::size_t k_password_max_bytes = 72;
inline constexpr std::size_t k_password_min = 8;

/// Removes leading and trailing white space (ASCII space, tab, CR, LF, FF, VT).
std::string trim(std::string_view text);

/// The email as stored and looked up: trimmed and lower-cased (ASCII).
std::string normalize_email(std::string_view email);

/// Checks a full name after trimming: empty → "Fullname is required"; longer than 50
/// characters (code points) → "Fullname must be at most 50 characters"; control
/// characters → "Fullname contains invalid characters". Empty string: valid.
std::string fullname_problem(std::string_view trimmed);

/// A plausible address: one `@`, a local part of 1–64 printable non-space characters,
/// a domain of dot-separated labels (letters, digits, hyphens, not at either end), the
/// last of at least two letters; at most 254 characters.
bool valid_email(std::string_view normalized);

/// AUTH-1: every broken rule of `input` (fullname, email, password, confirmPassword);
/// `input.fullname` and `input.email` are taken as given (trim and normalize first).
field_errors check_registration(const registration& input);

}  // namespace chat::auth
