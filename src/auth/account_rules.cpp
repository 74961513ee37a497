#include "auth/account_rules.hpp"

#include <algorithm>

#include "text/json_text.hpp"

namespace chat::auth {

namespace {

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool is_alnum(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool valid_label(std::string_view label) noexcept {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; });
}

}  // namespace

std::string trim(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return std::string(text);
}

std::string normalize_email(std::string_view email) {
  std::string out = trim(email);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string fullname_problem(std::string_view trimmed) {
  if (trimmed.empty()) return "Fullname is required";
  if (text::utf8_length(trimmed) > k_fullname_max) return "Fullname must be at most 50 characters";
  const bool control = std::any_of(trimmed.begin(), trimmed.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
  if (control) return "Fullname contains invalid characters";
  return {};
}

bool valid_email(std::string_view email) {
  if (email.empty() || email.size() > 254) return false;
  const auto at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view local = email.substr(0, at);
  std::string_view domain = email.substr(at + 1);
  if (local.empty() || local.size() > 64) return false;
  const bool local_ok = std::all_of(local.begin(), local.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7F && c != '"' && c != '(' && c != ')' && c != ',' && c != ':' &&
           c != ';' && c != '<' && c != '>' && c != '[' && c != '\\' && c != ']';
  });
  if (!local_ok || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  std::size_t labels = 0;
  std::string_view last;
  while (true) {
    const auto dot = domain.find('.');
    const std::string_view label = domain.substr(0, dot);
    if (!valid_label(label)) return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return labels >= 2 && last.size() >= 2 && std::all_of(last.begin(), last.end(), is_alpha);
}

field_errors check_registration(const registration& input) {
  field_errors errors;
  if (auto problem = fullname_problem(input.fullname); !problem.empty()) {
    errors.emplace("fullname", std::move(problem));
  }
  if (input.email.empty()) {
    errors.emplace("email", "Email is required");
  } else if (!valid_email(input.email)) {
    errors.emplace("email", "Email must be a valid email address");
  }
  if (text::utf8_length(input.password) < k_password_min) {
    errors.emplace("password", "Password must be at least 8 characters");
  } else if (input.password.size() > k_password_max_bytes) {
    errors.emplace("password", "Password must be at most 72 bytes");
  } else if (input.password.find('\0') != std::string::npos) {
    errors.emplace("password", "Password contains invalid characters");
  }
  if (input.confirm_password != input.password) {
    errors.emplace("confirmPassword", "Passwords do not match");
  }
  return errors;
}

}  // namespace chat::auth
