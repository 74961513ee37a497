#pragma once
/// Image kinds a message or an avatar may carry (SPEC MSG-3): recognised by content
/// alone, never by a file name or a declared Content-Type. Values and pure functions,
/// no I/O; header-only.
///
/// Thread-safety: every function is pure and may be called from any thread.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace chat::domain {

enum class image_type : std::uint8_t { jpeg, png, gif, webp };

/// The type whose signature `bytes` starts with, or nothing:
/// JPEG `FF D8 FF`; PNG `89 50 4E 47 0D 0A 1A 0A`; GIF `GIF87a` or `GIF89a`;
/// WebP `RIFF` + 4 length bytes + `WEBP`.
inline std::optional<image_type> sniff_image(std::span<const unsigned char> bytes) noexcept {
  const auto starts_with = [bytes](std::size_t at, std::string_view magic) {
    if (bytes.size() < at + magic.size()) return false;
    for (std::size_t i = 0; i < magic.size(); ++i) {
      if (bytes[at + i] != static_cast<unsigned char>(magic[i])) return false;
    }
    return true;
  };
  using namespace std::string_view_literals;
  if (starts_with(0, "\xFF\xD8\xFF"sv)) return image_type::jpeg;
  if (starts_with(0, "\x89PNG\r\n\x1A\n"sv)) return image_type::png;
  if (starts_with(0, "GIF87a"sv) || starts_with(0, "GIF89a"sv)) return image_type::gif;
  if (starts_with(0, "RIFF"sv) && starts_with(8, "WEBP"sv)) return image_type::webp;
  return std::nullopt;
}

/// `sniff_image` over the bytes of a string (an upload's body).
inline std::optional<image_type> sniff_image(std::string_view bytes) noexcept {
  return sniff_image(std::span<const unsigned char>(
      reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()));
}

/// The media type to serve it with (`"image/png"`).
inline std::string_view content_type_of(image_type type) noexcept {
  switch (type) {
    case image_type::jpeg:
      return "image/jpeg";
    case image_type::png:
      return "image/png";
    case image_type::gif:
      return "image/gif";
    case image_type::webp:
      return "image/webp";
  }
  return "application/octet-stream";
}

/// The file-name extension it is stored under, without the dot (`"jpg"`, `"png"`,
/// `"gif"`, `"webp"`).
inline std::string_view extension_of(image_type type) noexcept {
  switch (type) {
    case image_type::jpeg:
      return "jpg";
    case image_type::png:
      return "png";
    case image_type::gif:
      return "gif";
    case image_type::webp:
      return "webp";
  }
  return "bin";
}

/// The inverse of `extension_of` (exact, lower case, no dot): `"png"` → png; `"PNG"`,
/// `"jpeg"` or `".png"` → nothing.
inline std::optional<image_type> image_type_of_extension(std::string_view extension) noexcept {
  for (const image_type type :
       {image_type::jpeg, image_type::png, image_type::gif, image_type::webp}) {
    if (extension == extension_of(type)) return type;
  }
  return std::nullopt;
}

}  // namespace chat::domain
