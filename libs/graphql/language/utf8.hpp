#pragma once
/// UTF-8 helpers shared by the lexer, the printer and `position_of` (internal to
/// libs/graphql/language).
///
/// graphql-js works on JavaScript strings, i.e. UTF-16 code units, and a server built on
/// it sees request bytes already decoded by the WHATWG UTF-8 decoder, which turns every
/// malformed sequence into one U+FFFD per "maximal subpart". These helpers reproduce that
/// view of a byte string so lengths, columns and messages agree with graphql-js.
///
/// Thread-safety: pure functions.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace chat::graphql::utf8 {

inline constexpr char32_t k_replacement = 0xFFFD;

/// One decoded character: its code point (U+FFFD for a malformed sequence), how many
/// bytes it occupies, and whether the bytes were well-formed.
struct decoded {
  char32_t code_point;
  std::uint32_t size;
  bool valid;
};

/// Decodes the character starting at `text[offset]` (`offset < text.size()`) the way the
/// WHATWG decoder does: a malformed sequence yields U+FFFD and consumes its maximal
/// subpart (at least one byte).
inline decoded decode(std::string_view text, std::size_t offset) noexcept {
  const auto byte = [&](std::size_t i) -> unsigned { return static_cast<unsigned char>(text[i]); };
  const unsigned lead = byte(offset);
  if (lead < 0x80) return {lead, 1, true};
  std::uint32_t needed = 0;
  unsigned lower = 0x80;
  unsigned upper = 0xBF;
  char32_t code_point = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
    code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    code_point = lead & 0x0F;
    if (lead == 0xE0) lower = 0xA0;
    if (lead == 0xED) upper = 0x9F;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    code_point = lead & 0x07;
    if (lead == 0xF0) lower = 0x90;
    if (lead == 0xF4) upper = 0x8F;  // nothing above U+10FFFF
  } else {
    return {k_replacement, 1, false};
  }
  std::uint32_t size = 1;
  for (; size <= needed; ++size) {
    if (offset + size >= text.size()) return {k_replacement, size, false};
    const unsigned next = byte(offset + size);
    if (next < lower || next > upper) return {k_replacement, size, false};
    lower = 0x80;
    upper = 0xBF;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  return {code_point, size, true};
}

/// How many UTF-16 code units JavaScript needs for `code_point`.
inline constexpr std::uint32_t utf16_units(char32_t code_point) noexcept {
  return code_point >= 0x10000 ? 2 : 1;
}

/// The length of `text` as a JavaScript string (`text.length` in graphql-js).
inline std::size_t utf16_length(std::string_view text) noexcept {
  std::size_t units = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++units;
      ++i;
      continue;
    }
    const decoded d = decode(text, i);
    units += utf16_units(d.code_point);
    i += d.size;
  }
  return units;
}

/// Appends `code_point` encoded as UTF-8.
inline void append(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

/// graphql-js's `body.slice(offset, offset + units)`, as UTF-8: malformed input reads as
/// U+FFFD and half of a surrogate pair (a slice ending inside a supplementary character)
/// becomes U+FFFD, as any UTF-8 encoder writes a lone surrogate.
inline std::string slice_utf16(std::string_view text, std::size_t offset, std::size_t units) {
  std::string out;
  while (units > 0 && offset < text.size()) {
    const decoded d = decode(text, offset);
    const std::uint32_t width = utf16_units(d.code_point);
    if (!d.valid || width > units) {
      append(out, k_replacement);
    } else {
      out.append(text.substr(offset, d.size));
    }
    units -= width > units ? units : width;
    offset += d.size;
  }
  return out;
}

}  // namespace chat::graphql::utf8
