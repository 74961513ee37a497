#include "net/graphql_http/multipart_request.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <optional>

#include "graphql/type/custom_scalars.hpp"

namespace chat::net::graphql_http {
namespace {

constexpr std::string_view k_spec_url =
    "https://github.com/jaydenseric/graphql-multipart-request-spec";

/// Client text echoed in a message is cut to this many bytes.
constexpr std::size_t k_max_echo_bytes = 100;

multipart_error bad_request(std::string message) {
  return {http::status::bad_request, "BAD_REQUEST", std::move(message)};
}

multipart_error too_large(std::string message) {
  return {http::status::payload_too_large, "PAYLOAD_TOO_LARGE", std::move(message)};
}

/// graphql-upload's sentences end with a pointer to the spec.
multipart_error spec_error(std::string sentence) {
  return bad_request(std::move(sentence) + " (" + std::string(k_spec_url) + ").");
}

/// `‘text’` for a message, cut at a UTF-8 boundary when long (the text comes from
/// parsed JSON, so it is valid UTF-8 and stays so).
std::string echo(std::string_view text) {
  std::string out = "\u2018";
  if (text.size() > k_max_echo_bytes) {
    std::size_t cut = k_max_echo_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;
    out.append(text.substr(0, cut));
    out += "\u2026";
  } else {
    out.append(text);
  }
  out += "\u2019";
  return out;
}

char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

/// A header value such as `form-data; name="1"; filename="a \"b\".png"` (RFC 7231
/// §3.1.1.1, RFC 6266 §4.1): its leading token and its parameters, values unquoted.
struct header_value {
  struct parameter {
    std::string_view key;
    std::string value;
  };
  std::string_view type;
  std::vector<parameter> parameters;

  /// The first parameter called `key`, compared case-insensitively.
  const std::string* find(std::string_view key) const noexcept {
    for (const auto& p : parameters) {
      if (iequals(p.key, key)) return &p.value;
    }
    return nullptr;
  }
};

/// Nullopt when a quoted-string is not terminated; parameters without `=` are skipped.
std::optional<header_value> parse_header_value(std::string_view text) {
  header_value result;
  std::size_t i = text.find(';');
  result.type = trim(text.substr(0, i));
  while (i < text.size()) {
    ++i;  // past ';'
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    const std::size_t key_start = i;
    while (i < text.size() && text[i] != '=' && text[i] != ';')
      ++i;
    const std::string_view key = trim(text.substr(key_start, i - key_start));
    if (i >= text.size() || text[i] == ';') continue;
    ++i;  // past '='
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
      ++i;
    std::string value;
    if (i < text.size() && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        const char c = text[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && i < text.size()) {
          value += text[i++];
        } else {
          value += c;
        }
      }
      if (!closed) return std::nullopt;
      i = std::min(text.find(';', i), text.size());  // anything after the quotes is dropped
    } else {
      const std::size_t value_start = i;
      i = std::min(text.find(';', i), text.size());
      value = trim(text.substr(value_start, i - value_start));
    }
    if (!key.empty()) result.parameters.push_back({key, std::move(value)});
  }
  return result;
}

/// RFC 2046 §5.1.1: 1–70 of DIGIT / ALPHA / '()+_,-./:=? and space, not ending in a
/// space.
bool is_boundary(std::string_view boundary) noexcept {
  if (boundary.empty() || boundary.size() > 70 || boundary.back() == ' ') return false;
  for (const char c : boundary) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

boost::json::parse_options json_options() {
  boost::json::parse_options options;
  options.max_depth = 64;  // as a JSON POST
  return options;
}

/// The value at a dot-separated path of object keys and array indices, or nullptr.
boost::json::value* find_path(boost::json::value& root, std::string_view path) {
  boost::json::value* at = &root;
  for (;;) {
    const auto dot = path.find('.');
    const std::string_view segment = path.substr(0, dot);
    if (auto* object = at->if_object()) {
      at = object->if_contains(segment);
    } else if (auto* array = at->if_array()) {
      std::size_t index = 0;
      const auto [end, ec] =
          std::from_chars(segment.data(), segment.data() + segment.size(), index);
      // Canonical decimal only ("0", "12"; not "01", "+1", "1x"), as object-path reads it.
      if (segment.empty() || (segment.size() > 1 && segment.front() == '0') || ec != std::errc{} ||
          end != segment.data() + segment.size() || index >= array->size()) {
        return nullptr;
      }
      at = &(*array)[index];
    } else {
      return nullptr;
    }
    if (at == nullptr || dot == std::string_view::npos) return at;
    path.remove_prefix(dot + 1);
  }
}

/// The state of one request's parts, fed in order. The spec fixes the order:
/// `operations`, then `map`, then files.
class form_reader {
 public:
  explicit form_reader(const multipart_limits& limits) : limits_(limits) {}

  std::optional<multipart_error> on_part(std::string_view headers, std::string_view content);
  multipart_result finish();

 private:
  enum class stage : std::uint8_t { operations, map, files };

  std::optional<multipart_error> read_operations(std::string_view content);
  std::optional<multipart_error> read_map(std::string_view content);
  std::optional<multipart_error> read_file(std::string_view name, std::string filename,
                                           std::string declared_type, std::string_view content);

  const multipart_limits& limits_;
  stage stage_ = stage::operations;
  boost::json::value operations_;
  std::vector<uploaded_file> files_;  // one per map entry, in map order
  std::vector<bool> received_;
  std::size_t file_parts_ = 0;
};

std::optional<multipart_error> form_reader::on_part(std::string_view headers,
                                                    std::string_view content) {
  std::optional<header_value> disposition;
  std::string_view content_type;
  bool has_content_type = false;
  while (!headers.empty()) {
    const auto end = headers.find("\r\n");
    const std::string_view line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view{} : headers.substr(end + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || trim(line.substr(0, colon)).empty()) {
      return bad_request("A part of the multipart body has a malformed header.");
    }
    const std::string_view name = trim(line.substr(0, colon));
    const std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "content-disposition") && !disposition) {
      disposition = parse_header_value(value);
      if (!disposition) return bad_request("A part of the multipart body has a malformed header.");
    } else if (iequals(name, "content-type") && !has_content_type) {
      content_type = value;
      has_content_type = true;
    }
  }
  const std::string* field =
      disposition && iequals(disposition->type, "form-data") ? disposition->find("name") : nullptr;
  if (field == nullptr) {
    return bad_request(
        "Each part of the multipart body needs a Content-Disposition: form-data header with "
        "a name.");
  }
  const std::string* filename = disposition->find("filename");

  if (*field == "operations") {
    if (stage_ != stage::operations) {
      return spec_error(
          "Misordered multipart fields; \u2018operations\u2019 must come first, once");
    }
    return read_operations(content);
  }
  if (*field == "map") {
    if (stage_ == stage::operations) {
      return spec_error(
          "Misordered multipart fields; \u2018map\u2019 should follow \u2018operations\u2019");
    }
    if (stage_ == stage::files) {
      return spec_error("Misordered multipart fields; \u2018map\u2019 must be sent once");
    }
    return read_map(content);
  }
  if (stage_ != stage::files) {
    // graphql-upload ignores extra fields, but a file before `map` has nowhere to go.
    if (filename == nullptr) return std::nullopt;
    return spec_error("Misordered multipart fields; files should follow \u2018map\u2019");
  }
  return read_file(*field, filename != nullptr ? *filename : std::string(),
                   std::string(content_type), content);
}

std::optional<multipart_error> form_reader::read_operations(std::string_view content) {
  if (content.size() > limits_.max_operations_bytes) {
    return too_large("The \u2018operations\u2019 multipart field value exceeds the " +
                     std::to_string(limits_.max_operations_bytes) + " byte size limit.");
  }
  boost::system::error_code ec;
  operations_ = boost::json::parse(content, ec, {}, json_options());
  if (ec) return spec_error("Invalid JSON in the \u2018operations\u2019 multipart field");
  if (!operations_.is_object() && !operations_.is_array()) {
    return spec_error("Invalid type for the \u2018operations\u2019 multipart field");
  }
  stage_ = stage::map;
  return std::nullopt;
}

std::optional<multipart_error> form_reader::read_map(std::string_view content) {
  if (content.size() > limits_.max_operations_bytes) {
    return too_large("The \u2018map\u2019 multipart field value exceeds the " +
                     std::to_string(limits_.max_operations_bytes) + " byte size limit.");
  }
  boost::system::error_code ec;
  const auto map = boost::json::parse(content, ec, {}, json_options());
  if (ec) return spec_error("Invalid JSON in the \u2018map\u2019 multipart field");
  if (!map.is_object()) return spec_error("Invalid type for the \u2018map\u2019 multipart field");
  const auto& entries = map.get_object();
  // Checked before any file is read, even though the files sent may not match the map.
  if (entries.size() > limits_.max_files) {
    return too_large(std::to_string(limits_.max_files) + " max file uploads exceeded.");
  }
  for (const auto& entry : entries) {
    const std::string_view key = entry.key();
    if (!entry.value().is_array()) {
      return spec_error("Invalid type for the \u2018map\u2019 multipart field entry key " +
                        echo(key) + " array");
    }
    const auto index = static_cast<std::uint32_t>(files_.size());
    const auto& paths = entry.value().get_array();
    for (std::size_t i = 0; i < paths.size(); ++i) {
      const auto where = "the \u2018map\u2019 multipart field entry key " + echo(key) +
                         " array index \u2018" + std::to_string(i) + "\u2019 value";
      if (!paths[i].is_string()) return spec_error("Invalid type for " + where);
      const std::string_view path = paths[i].get_string();
      auto* target = find_path(operations_, path);
      if (target == nullptr)
        return spec_error("Invalid object path for " + where + " " + echo(path));
      // The client puts null where a file goes; anything else (including a path mapped
      // twice, already replaced) is a mistake, not something to overwrite.
      if (!target->is_null()) {
        return spec_error("The object path of " + where + " " + echo(path) +
                          " does not point at a null in \u2018operations\u2019");
      }
      *target = graphql::make_upload_reference(index);
    }
    files_.push_back({std::string(key), {}, {}, {}});
  }
  received_.assign(files_.size(), false);
  stage_ = stage::files;
  return std::nullopt;
}

std::optional<multipart_error> form_reader::read_file(std::string_view name, std::string filename,
                                                      std::string declared_type,
                                                      std::string_view content) {
  std::size_t index = 0;
  while (index < files_.size() && files_[index].field_name != name)
    ++index;
  const bool mapped = index < files_.size();
  // busboy counts every part with a filename as a file, mapped or not.
  if (!mapped && filename.empty()) return std::nullopt;
  if (++file_parts_ > limits_.max_files) {
    return too_large(std::to_string(limits_.max_files) + " max file uploads exceeded.");
  }
  if (content.size() > limits_.max_file_bytes) {
    return too_large("File truncated as it exceeds the " + std::to_string(limits_.max_file_bytes) +
                     " byte size limit.");
  }
  if (!mapped) return std::nullopt;  // extraneous: ignored, as graphql-upload does
  if (received_[index]) {
    return spec_error("The file field " + echo(name) + " was sent more than once");
  }
  received_[index] = true;
  auto& file = files_[index];
  file.filename = std::move(filename);
  file.declared_type = std::move(declared_type);
  file.bytes = content;
  return std::nullopt;
}

multipart_result form_reader::finish() {
  if (stage_ == stage::operations) {
    return spec_error("Missing multipart field \u2018operations\u2019");
  }
  if (stage_ == stage::map) return spec_error("Missing multipart field \u2018map\u2019");
  for (std::size_t i = 0; i < files_.size(); ++i) {
    if (!received_[i]) return bad_request("File missing in the request.");
  }
  // The operations go through the JSON POST reader so that they behave exactly as they
  // would have in a JSON body.
  http_request json_post{http::verb::post, "/graphql", 11};
  json_post.set(http::field::content_type, "application/json");
  json_post.body() = boost::json::serialize(operations_);
  auto parsed = parse_request(json_post, limits_.request);
  if (auto* error = std::get_if<request_error>(&parsed)) {
    return multipart_error{error->status, "BAD_REQUEST", std::move(error->message)};
  }
  multipart_request result;
  result.request = std::move(std::get<parsed_request>(parsed));
  result.files = std::move(files_);
  return result;
}

}  // namespace

bool is_multipart_form_data(std::string_view content_type) noexcept {
  return iequals(trim(content_type.substr(0, content_type.find(';'))), "multipart/form-data");
}

multipart_result parse_multipart_request(std::string_view content_type_header,
                                         std::string_view body, const multipart_limits& limits) {
  if (!is_multipart_form_data(content_type_header)) {
    return multipart_error{http::status::unsupported_media_type, "BAD_REQUEST",
                           "Content-Type must be multipart/form-data"};
  }
  const auto content_type = parse_header_value(content_type_header);
  const std::string* boundary = content_type ? content_type->find("boundary") : nullptr;
  if (boundary == nullptr)
    return bad_request("The multipart/form-data Content-Type has no boundary.");
  if (!is_boundary(*boundary)) {
    return bad_request(
        "The multipart boundary must be 1 to 70 characters: letters, digits, spaces and "
        "'()+_,-./:=? (RFC 2046).");
  }

  // A part ends at CRLF "--" boundary. The boundary cannot contain CR, so each failed
  // comparison of string_view::find skips what it compared: the scan stays linear
  // however the content is crafted.
  const std::string delimiter = "\r\n--" + *boundary;
  const std::string_view dash_boundary = std::string_view(delimiter).substr(2);
  const auto unexpected_end = [] { return bad_request("Unexpected end of form."); };

  std::size_t at = 0;
  if (body.substr(0, dash_boundary.size()) == dash_boundary) {
    at = dash_boundary.size();
  } else {
    const auto first = body.find(delimiter);  // after a preamble
    if (first == std::string_view::npos) {
      return bad_request("The multipart body does not contain its boundary.");
    }
    at = first + delimiter.size();
  }

  form_reader reader(limits);
  for (;;) {
    if (body.substr(at, 2) == "--") break;  // the close delimiter; an epilogue may follow
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t'))
      ++at;  // padding
    if (at >= body.size()) return unexpected_end();
    if (body.substr(at, 2) != "\r\n") {
      return bad_request("A multipart boundary line is followed by unexpected characters.");
    }
    at += 2;
    const auto end = body.find(delimiter, at);
    if (end == std::string_view::npos) return unexpected_end();
    const std::string_view part = body.substr(at, end - at);
    at = end + delimiter.size();

    std::string_view headers;
    std::string_view content;
    if (part.substr(0, 2) == "\r\n") {  // no headers at all
      content = part.substr(2);
    } else {
      const auto blank = part.find("\r\n\r\n");
      if (blank == std::string_view::npos) {
        return bad_request("A part of the multipart body has a malformed header.");
      }
      headers = part.substr(0, blank);
      content = part.substr(blank + 4);
    }
    if (auto error = reader.on_part(headers, content)) return std::move(*error);
  }
  return reader.finish();
}

}  // namespace chat::net::graphql_http
