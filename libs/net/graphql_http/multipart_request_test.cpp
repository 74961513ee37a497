// GraphQL multipart requests: file uploads (SPEC HTTP-2, GQL-3 `Upload`).

#include "net/graphql_http/multipart_request.hpp"

#include <gtest/gtest.h>

#include "graphql/type/custom_scalars.hpp"

namespace chat::net::graphql_http {
namespace {

using namespace std::string_literals;

constexpr std::string_view k_boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
const std::string k_content_type = "multipart/form-data; boundary=" + std::string(k_boundary);

// The first bytes of a PNG: CR, LF, SUB, NUL among them.
const std::string k_png =
    "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"s;

const std::string k_operations =
    R"({"variables":{"file":null},"query":"mutation($file: Upload){ updateUserProfile(fullname:\"a\", file:$file){id} }"})";

/// One part: its header lines (without CRLF) and its content.
struct part {
  std::string headers;
  std::string content;
};

part field(std::string_view name, std::string content) {
  return {"Content-Disposition: form-data; name=\"" + std::string(name) + "\"", std::move(content)};
}

part file(std::string_view name, std::string filename, std::string content,
          std::string_view type = "image/png") {
  return {"Content-Disposition: form-data; name=\"" + std::string(name) + "\"; filename=\"" +
              filename + "\"\r\nContent-Type: " + std::string(type),
          std::move(content)};
}

/// A body as browsers (and apollo-upload-client through FormData) write it.
std::string form(const std::vector<part>& parts, std::string_view boundary = k_boundary) {
  std::string body;
  for (const auto& p : parts) {
    body += "--" + std::string(boundary) + "\r\n" + p.headers + "\r\n\r\n" + p.content + "\r\n";
  }
  body += "--" + std::string(boundary) + "--\r\n";
  return body;
}

std::string upload_form(std::string content = k_png) {
  return form({field("operations", k_operations), field("map", R"({"1":["variables.file"]})"),
               file("1", "avatar.png", std::move(content))});
}

multipart_request ok(multipart_result result) {
  if (const auto* error = std::get_if<multipart_error>(&result)) {
    ADD_FAILURE() << "refused (" << static_cast<unsigned>(error->status) << "): " << error->message;
    return {};
  }
  return std::get<multipart_request>(std::move(result));
}

multipart_error refused(const multipart_result& result) {
  if (const auto* error = std::get_if<multipart_error>(&result)) return *error;
  ADD_FAILURE() << "accepted";
  return {};
}

/// Asserts a 400 whose message contains `words`.
void expect_bad_request(const multipart_result& result, std::string_view words) {
  const auto error = refused(result);
  EXPECT_EQ(error.status, http::status::bad_request) << error.message;
  EXPECT_EQ(error.code, "BAD_REQUEST");
  EXPECT_NE(error.message.find(words), std::string::npos) << error.message;
}

TEST(ParseMultipartRequest, Http2ReadsWhatApolloUploadClientSends) {
  const std::string body = upload_form();
  const auto result = ok(parse_multipart_request(k_content_type, body));
  ASSERT_EQ(result.request.operations.size(), 1U);
  const auto& op = result.request.operations[0];
  EXPECT_EQ(op.query,
            R"(mutation($file: Upload){ updateUserProfile(fullname:"a", file:$file){id} })");
  EXPECT_FALSE(result.request.batched);
  EXPECT_FALSE(result.request.from_get);
  EXPECT_EQ(op.variables.at("file"), graphql::make_upload_reference(0));
  EXPECT_EQ(graphql::upload_index(op.variables.at("file")), 0U);
  ASSERT_EQ(result.files.size(), 1U);
  EXPECT_EQ(result.files[0].field_name, "1");
  EXPECT_EQ(result.files[0].filename, "avatar.png");
  EXPECT_EQ(result.files[0].declared_type, "image/png");
  EXPECT_EQ(result.files[0].bytes, k_png);
}

TEST(ParseMultipartRequest, Http2FileBytesAreViewsIntoTheBody) {
  const std::string body = upload_form();
  const auto result = ok(parse_multipart_request(k_content_type, body));
  ASSERT_EQ(result.files.size(), 1U);
  EXPECT_GE(result.files[0].bytes.data(), body.data());
  EXPECT_LE(result.files[0].bytes.data() + result.files[0].bytes.size(), body.data() + body.size());
}

TEST(ParseMultipartRequest, Http2KeepsBinaryContentWithCrLfNulAndDashesThatAreNotTheDelimiter) {
  const std::string content = "\r\n\r\n--\r\nx--" + std::string(k_boundary) +  // no CRLF before
                              "\0\r\n--" + std::string(k_boundary.substr(0, 20)) +  // cut short
                              "\r\n-- " + std::string(k_boundary) + "\r\n\r\n--\0\xff\r"s;
  const std::string body = upload_form(content);
  const auto result = ok(parse_multipart_request(k_content_type, body));
  ASSERT_EQ(result.files.size(), 1U);
  EXPECT_EQ(result.files[0].bytes, content);
}

TEST(ParseMultipartRequest, Http2ReadsEmptyAndLargeFiles) {
  EXPECT_EQ(ok(parse_multipart_request(k_content_type, upload_form(""))).files.at(0).bytes, "");
  std::string large(3 * 1024 * 1024, '\0');
  for (std::size_t i = 0; i < large.size(); ++i)
    large[i] = static_cast<char>(i * 7919 % 251);
  EXPECT_EQ(ok(parse_multipart_request(k_content_type, upload_form(large))).files.at(0).bytes,
            large);
}

TEST(ParseMultipartRequest, Http2MapsAFileIntoABatchByOperationIndex) {
  const std::string body = form(
      {field(
           "operations",
           R"([{"query":"{a}"},{"query":"mutation($file: Upload){b}","variables":{"file":null}}])"),
       field("map", R"({"0":["1.variables.file"]})"), file("0", "a.png", "bytes")});
  const auto result = ok(parse_multipart_request(k_content_type, body));
  ASSERT_EQ(result.request.operations.size(), 2U);
  EXPECT_TRUE(result.request.batched);
  EXPECT_TRUE(result.request.operations[0].variables.empty());
  EXPECT_EQ(graphql::upload_index(result.request.operations[1].variables.at("file")), 0U);
  EXPECT_EQ(result.files.at(0).bytes, "bytes");
}

TEST(ParseMultipartRequest, Http2MapsOneFileToSeveralPathsIncludingListItems) {
  const std::string body = form(
      {field(
           "operations",
           R"([{"query":"{a}","variables":{"file":null}},{"query":"{b}","variables":{"files":[1,null]}}])"),
       field("map", R"({"f":["0.variables.file","1.variables.files.1"]})"),
       file("f", "a.png", "x")});
  const auto result = ok(parse_multipart_request(k_content_type, body));
  EXPECT_EQ(graphql::upload_index(result.request.operations[0].variables.at("file")), 0U);
  const auto& files = result.request.operations[1].variables.at("files").as_array();
  EXPECT_EQ(files[0], 1);
  EXPECT_EQ(graphql::upload_index(files[1]), 0U);
}

TEST(ParseMultipartRequest, Http2NumbersFilesInMapOrderWhenMoreAreAllowed) {
  const std::string body =
      form({field("operations", R"({"query":"{a}","variables":{"a":null,"b":null}})"),
            field("map", R"({"x":["variables.a"],"y":["variables.b"]})"),
            file("y", "y.txt", "Y", "text/plain"), file("x", "x.txt", "X", "text/plain")});
  multipart_limits limits;
  limits.max_files = 2;
  const auto result = ok(parse_multipart_request(k_content_type, body, limits));
  ASSERT_EQ(result.files.size(), 2U);
  EXPECT_EQ(result.files[0].field_name, "x");
  EXPECT_EQ(result.files[0].bytes, "X");
  EXPECT_EQ(result.files[1].field_name, "y");
  EXPECT_EQ(result.files[1].bytes, "Y");
  EXPECT_EQ(graphql::upload_index(result.request.operations[0].variables.at("a")), 0U);
  EXPECT_EQ(graphql::upload_index(result.request.operations[0].variables.at("b")), 1U);
}

TEST(ParseMultipartRequest, Http2AnEmptyMapIsAnOperationWithoutFiles) {
  const std::string body = form(
      {field("operations", R"({"query":"{a}","variables":{"file":null}})"), field("map", "{}")});
  const auto result = ok(parse_multipart_request(k_content_type, body));
  EXPECT_TRUE(result.files.empty());
  EXPECT_TRUE(result.request.operations.at(0).variables.at("file").is_null());
}

TEST(ParseMultipartRequest, Http2ReturnsAFilenameWithDotsSlashesAndQuotesAsIs) {
  const std::string body = form(
      {field("operations", k_operations),
       field("map", R"({"1":["variables.file"]})"),
       {"Content-Disposition: form-data; name=\"1\"; filename=\"../../etc/\\\"passwd\\\"; x.png\"",
        "bytes"}});
  const auto result = ok(parse_multipart_request(k_content_type, body));
  EXPECT_EQ(result.files.at(0).filename, R"(../../etc/"passwd"; x.png)");
  EXPECT_EQ(result.files.at(0).declared_type, "");
}

TEST(ParseMultipartRequest, Http2ReadsHeadersCaseInsensitivelyInAnyOrder) {
  const std::string body = form(
      {{"content-disposition: FORM-DATA; NAME=operations", k_operations},
       {"X-Extra: 1\r\nContent-Disposition:form-data;name=\"map\"", R"({"1":["variables.file"]})"},
       {"CONTENT-TYPE: image/png\r\nContent-Disposition: form-data; filename=\"a.png\"; name=\"1\"",
        "png"}});
  const auto result = ok(parse_multipart_request(k_content_type, body));
  EXPECT_EQ(result.files.at(0).declared_type, "image/png");
  EXPECT_EQ(result.files.at(0).filename, "a.png");
}

TEST(ParseMultipartRequest, Http2AcceptsAQuotedBoundaryAndAnyCaseOfItsParameter) {
  const std::string boundary = "gc0p4Jq0M2Yt08j34c0p:=?()+_,-./ quoted";
  const std::string body =
      form({field("operations", k_operations), field("map", R"({"1":["variables.file"]})"),
            file("1", "a.png", "x")},
           boundary);
  EXPECT_EQ(ok(parse_multipart_request(
                   "multipart/form-data; charset=utf-8; BOUNDARY=\"" + boundary + "\"", body))
                .files.at(0)
                .bytes,
            "x");
  const std::string plain = upload_form("y");
  EXPECT_EQ(
      ok(parse_multipart_request("Multipart/Form-Data;boundary=" + std::string(k_boundary), plain))
          .files.at(0)
          .bytes,
      "y");
}

TEST(ParseMultipartRequest, Http2IgnoresAPreambleAndAnEpilogue) {
  const std::string body = "This is the preamble, --" + std::string(k_boundary) +
                           " not at a line start.\r\n" + upload_form() +
                           "This is the epilogue.\r\n--" + std::string(k_boundary) + "\r\ngarbage";
  EXPECT_EQ(ok(parse_multipart_request(k_content_type, body)).files.at(0).bytes, k_png);
}

TEST(ParseMultipartRequest, Http2AcceptsTransportPaddingAfterABoundary) {
  std::string body = upload_form();
  const std::string line = "--" + std::string(k_boundary) + "\r\n";
  body.replace(0, line.size(), "--" + std::string(k_boundary) + " \t \r\n");
  EXPECT_EQ(ok(parse_multipart_request(k_content_type, body)).files.at(0).bytes, k_png);
}

TEST(ParseMultipartRequest, Http2IgnoresExtraFieldsAndUnmappedPartsWithoutAFilename) {
  const std::string body =
      form({field("extra", "ignored"), field("operations", k_operations), field("other", "ignored"),
            field("map", R"({"1":["variables.file"]})"), field("note", "ignored"),
            file("1", "a.png", "x")});
  const auto result = ok(parse_multipart_request(k_content_type, body));
  ASSERT_EQ(result.files.size(), 1U);
  EXPECT_EQ(result.files[0].bytes, "x");
}

TEST(ParseMultipartRequest, Http2OperationsBehaveExactlyAsAJsonPost) {
  expect_bad_request(
      parse_multipart_request(k_content_type,
                              form({field("operations", R"({"query":""})"), field("map", "{}")})),
      "non-empty `query`");
  expect_bad_request(
      parse_multipart_request(
          k_content_type,
          form({field("operations", R"({"query":"{a}","variables":[]})"), field("map", "{}")})),
      "`variables` must be a JSON object");
  expect_bad_request(parse_multipart_request(k_content_type,
                                             form({field("operations", "[]"), field("map", "{}")})),
                     "at least one operation");
  std::string batch = "[";
  for (int i = 0; i < 17; ++i)
    batch += std::string(i == 0 ? "" : ",") + R"({"query":"{a}"})";
  batch += "]";
  expect_bad_request(parse_multipart_request(
                         k_content_type, form({field("operations", batch), field("map", "{}")})),
                     "at most 16 operations");
}

TEST(ParseMultipartRequest, Http2RefusesAContentTypeThatIsNotMultipartWith415) {
  const auto error = refused(parse_multipart_request("application/json", upload_form()));
  EXPECT_EQ(error.status, http::status::unsupported_media_type);
  EXPECT_EQ(refused(parse_multipart_request("", upload_form())).status,
            http::status::unsupported_media_type);
  EXPECT_EQ(refused(parse_multipart_request("multipart/mixed; boundary=x", upload_form())).status,
            http::status::unsupported_media_type);
}

TEST(ParseMultipartRequest, Http2RefusesAMissingOrInvalidBoundary) {
  const std::string body = upload_form();
  expect_bad_request(parse_multipart_request("multipart/form-data", body), "no boundary");
  expect_bad_request(parse_multipart_request("multipart/form-data; charset=utf-8", body),
                     "no boundary");
  for (const std::string& header : std::vector<std::string>{
           "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
           "multipart/form-data; boundary=" + std::string(71, 'a'),
           "multipart/form-data; boundary=\"ab \"", "multipart/form-data; boundary=a\"b",
           "multipart/form-data; boundary=\"a\r\nb\"", "multipart/form-data; boundary=\"a;b\""}) {
    expect_bad_request(parse_multipart_request(header, body), "boundary");
  }
  expect_bad_request(parse_multipart_request("multipart/form-data; boundary=\"unterminated", body),
                     "no boundary");
  // 70 characters is the most RFC 2046 allows.
  const std::string longest(70, 'b');
  EXPECT_EQ(ok(parse_multipart_request(
                   "multipart/form-data; boundary=" + longest,
                   form({field("operations", k_operations), field("map", "{}")}, longest)))
                .files.size(),
            0U);
}

TEST(ParseMultipartRequest, Http2RefusesABodyWithoutItsBoundary) {
  expect_bad_request(parse_multipart_request(k_content_type, ""), "does not contain its boundary");
  expect_bad_request(parse_multipart_request(k_content_type, "{\"query\":\"{a}\"}"),
                     "does not contain its boundary");
  expect_bad_request(parse_multipart_request("multipart/form-data; boundary=other", upload_form()),
                     "does not contain its boundary");
}

TEST(ParseMultipartRequest, Http2RefusesATruncatedBody) {
  const std::string body = upload_form();
  // Every cut before the close delimiter is complete (the trailing CRLF is optional).
  const std::size_t close = body.rfind("\r\n--" + std::string(k_boundary) + "--");
  for (std::size_t size : {std::size_t{0}, std::size_t{10}, body.size() / 2, close, close + 10}) {
    const auto result = parse_multipart_request(k_content_type, body.substr(0, size));
    EXPECT_EQ(refused(result).status, http::status::bad_request) << size;
  }
  expect_bad_request(parse_multipart_request(k_content_type, body.substr(0, body.size() - 30)),
                     "Unexpected end of form.");
  expect_bad_request(
      parse_multipart_request(k_content_type, body.substr(0, close + 4 + k_boundary.size())),
      "Unexpected end of form.");
  EXPECT_EQ(
      ok(parse_multipart_request(k_content_type, body.substr(0, body.size() - 2))).files.size(),
      1U);
}

TEST(ParseMultipartRequest, Http2RefusesABoundaryLineFollowedByGarbage) {
  std::string body = upload_form();
  const std::string line = "--" + std::string(k_boundary) + "\r\n";
  body.replace(0, line.size(), "--" + std::string(k_boundary) + "X\r\n");
  expect_bad_request(parse_multipart_request(k_content_type, body), "unexpected characters");
}

TEST(ParseMultipartRequest, Http2RefusesMalformedPartHeaders) {
  expect_bad_request(
      parse_multipart_request(k_content_type, form({{"No colon here", k_operations}})),
      "malformed header");
  expect_bad_request(
      parse_multipart_request(k_content_type,
                              "--" + std::string(k_boundary) +
                                  "\r\nContent-Disposition: form-data; name=\"a\"\r\n--" +
                                  std::string(k_boundary) + "--"),
      "malformed header");
  expect_bad_request(
      parse_multipart_request(k_content_type,
                              form({{"Content-Disposition: form-data; name=\"operations", "x"}})),
      "malformed header");
  expect_bad_request(
      parse_multipart_request(k_content_type, form({{"Content-Type: text/plain", k_operations}})),
      "Content-Disposition");
  expect_bad_request(parse_multipart_request(k_content_type, form({{"", k_operations}})),
                     "Content-Disposition");
  expect_bad_request(
      parse_multipart_request(
          k_content_type,
          form({{"Content-Disposition: attachment; name=\"operations\"", k_operations}})),
      "Content-Disposition");
  expect_bad_request(parse_multipart_request(
                         k_content_type, form({{"Content-Disposition: form-data", k_operations}})),
                     "Content-Disposition");
}

TEST(ParseMultipartRequest, Http2RefusesMissingOperationsOrMap) {
  expect_bad_request(parse_multipart_request(k_content_type, form({})),
                     "Missing multipart field \u2018operations\u2019");
  expect_bad_request(parse_multipart_request(k_content_type, form({field("other", "x")})),
                     "Missing multipart field \u2018operations\u2019");
  expect_bad_request(
      parse_multipart_request(k_content_type, form({field("operations", k_operations)})),
      "Missing multipart field \u2018map\u2019");
}

TEST(ParseMultipartRequest, Http2RefusesFieldsOutOfOrder) {
  expect_bad_request(
      parse_multipart_request(k_content_type,
                              form({field("map", R"({"1":["variables.file"]})"),
                                    field("operations", k_operations), file("1", "a.png", "x")})),
      "\u2018map\u2019 should follow \u2018operations\u2019");
  expect_bad_request(
      parse_multipart_request(k_content_type,
                              form({field("operations", k_operations), file("1", "a.png", "x"),
                                    field("map", R"({"1":["variables.file"]})")})),
      "files should follow \u2018map\u2019");
  expect_bad_request(
      parse_multipart_request(k_content_type,
                              form({file("1", "a.png", "x"), field("operations", k_operations),
                                    field("map", R"({"1":["variables.file"]})")})),
      "files should follow \u2018map\u2019");
  expect_bad_request(
      parse_multipart_request(k_content_type,
                              form({field("operations", k_operations),
                                    field("operations", k_operations), field("map", "{}")})),
      "Misordered");
  expect_bad_request(
      parse_multipart_request(k_content_type, form({field("operations", k_operations),
                                                    field("map", "{}"), field("map", "{}")})),
      "Misordered");
}

TEST(ParseMultipartRequest, Http2RefusesOperationsThatAreNotAJsonObjectOrArray) {
  expect_bad_request(
      parse_multipart_request(k_content_type, form({field("operations", "{"), field("map", "{}")})),
      "Invalid JSON in the \u2018operations\u2019 multipart field");
  for (const auto* operations : {"null", "1", "\"{a}\"", "true"}) {
    expect_bad_request(
        parse_multipart_request(k_content_type,
                                form({field("operations", operations), field("map", "{}")})),
        "Invalid type for the \u2018operations\u2019 multipart field");
  }
}

TEST(ParseMultipartRequest, Http2RefusesAMapThatIsNotAnObjectOfStringArrays) {
  const auto with_map = [](std::string map) {
    return parse_multipart_request(
        k_content_type,
        form({field("operations", k_operations), field("map", map), file("1", "a.png", "x")}));
  };
  expect_bad_request(with_map("{"), "Invalid JSON in the \u2018map\u2019 multipart field");
  for (const auto* map : {"[]", "null", "\"1\"", "1"}) {
    expect_bad_request(with_map(map), "Invalid type for the \u2018map\u2019 multipart field (");
  }
  expect_bad_request(with_map(R"({"1":"variables.file"})"), "entry key \u20181\u2019 array (");
  expect_bad_request(with_map(R"({"1":[1]})"),
                     "entry key \u20181\u2019 array index \u20180\u2019 value (");
  expect_bad_request(with_map(R"({"1":["variables.file",null]})"),
                     "array index \u20181\u2019 value (");
}

TEST(ParseMultipartRequest, Http2RefusesAPathThatDoesNotExistOrDoesNotPointAtNull) {
  const auto with_path = [](std::string_view operations, std::string path) {
    return parse_multipart_request(
        k_content_type,
        form({field("operations", std::string(operations)),
              field("map", R"({"1":[")" + path + R"("]})"), file("1", "a.png", "x")}));
  };
  for (const auto* path : {"variables.missing", "variables.file.x", "file", "", "variables.",
                           ".variables.file", "0.variables.file", "variables.file.0"}) {
    expect_bad_request(with_path(k_operations, path), "Invalid object path");
  }
  const std::string_view batch = R"([{"query":"{a}","variables":{"file":null,"list":[null]}}])";
  for (const auto* path : {"variables.file", "1.variables.file", "-1.variables.file",
                           "+0.variables.file", "0x0.variables.file", "0.variables.list.1",
                           "0.variables.list.01x", "00000000000000000000000.variables.file"}) {
    expect_bad_request(with_path(batch, path), "Invalid object path");
  }
  for (const auto* path : {"00.variables.file", "0.variables.list.00"}) {  // not canonical
    expect_bad_request(with_path(batch, path), "Invalid object path");
  }
  EXPECT_TRUE(std::holds_alternative<multipart_request>(with_path(batch, "0.variables.list.0")));

  const std::string_view not_null =
      R"({"query":"{a}","variables":{"file":"x","n":0,"o":{},"l":[]}})";
  for (const auto* path :
       {"variables.file", "variables.n", "variables.o", "variables.l", "variables", "query"}) {
    expect_bad_request(with_path(not_null, path), "does not point at a null");
  }
}

TEST(ParseMultipartRequest, Http2RefusesThePathOfAFileMappedTwice) {
  expect_bad_request(
      parse_multipart_request(k_content_type,
                              form({field("operations", k_operations),
                                    field("map", R"({"1":["variables.file","variables.file"]})"),
                                    file("1", "a.png", "x")})),
      "does not point at a null");
}

TEST(ParseMultipartRequest, Http2RefusesAMappedFileThatWasNotSent) {
  expect_bad_request(
      parse_multipart_request(k_content_type, form({field("operations", k_operations),
                                                    field("map", R"({"1":["variables.file"]})")})),
      "File missing in the request.");
  expect_bad_request(
      parse_multipart_request(k_content_type, form({field("operations", k_operations),
                                                    field("map", R"({"1":["variables.file"]})"),
                                                    file("2", "a.png", "x")})),
      "File missing in the request.");
  multipart_limits limits;
  limits.max_files = 2;
  expect_bad_request(parse_multipart_request(k_content_type,
                                             form({field("operations", k_operations),
                                                   field("map", R"({"1":["variables.file"]})"),
                                                   file("2", "a.png", "x")}),
                                             limits),
                     "File missing in the request.");
}

TEST(ParseMultipartRequest, Http2RefusesAFileSentTwice) {
  multipart_limits limits;
  limits.max_files = 2;
  expect_bad_request(
      parse_multipart_request(
          k_content_type,
          form({field("operations", k_operations), field("map", R"({"1":["variables.file"]})"),
                file("1", "a.png", "x"), file("1", "b.png", "y")}),
          limits),
      "more than once");
}

TEST(ParseMultipartRequest, Http2RefusesAFileOverTheSizeLimitWith413) {
  multipart_limits limits;
  limits.max_file_bytes = 8;
  EXPECT_TRUE(std::holds_alternative<multipart_request>(
      parse_multipart_request(k_content_type, upload_form("12345678"), limits)));
  const auto error =
      refused(parse_multipart_request(k_content_type, upload_form("123456789"), limits));
  EXPECT_EQ(error.status, http::status::payload_too_large);
  EXPECT_EQ(error.code, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(error.message, "File truncated as it exceeds the 8 byte size limit.");

  const std::string eleven_mib(11 * 1024 * 1024, 'x');
  EXPECT_EQ(refused(parse_multipart_request(k_content_type, upload_form(eleven_mib))).message,
            "File truncated as it exceeds the 10485760 byte size limit.");
}

TEST(ParseMultipartRequest, Http2RefusesMoreFilesThanAllowedWith413) {
  const std::string two_in_map =
      form({field("operations", R"({"query":"{a}","variables":{"a":null,"b":null}})"),
            field("map", R"({"1":["variables.a"],"2":["variables.b"]})"), file("1", "a.png", "x"),
            file("2", "b.png", "y")});
  const auto error = refused(parse_multipart_request(k_content_type, two_in_map));
  EXPECT_EQ(error.status, http::status::payload_too_large);
  EXPECT_EQ(error.code, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(error.message, "1 max file uploads exceeded.");

  // An unmapped file part counts too, as busboy counts it.
  const auto extra = refused(parse_multipart_request(
      k_content_type,
      form({field("operations", k_operations), field("map", R"({"1":["variables.file"]})"),
            file("1", "a.png", "x"), file("extra", "b.png", "y")})));
  EXPECT_EQ(extra.status, http::status::payload_too_large);
  EXPECT_EQ(extra.message, "1 max file uploads exceeded.");

  multipart_limits limits;
  limits.max_files = 0;
  EXPECT_EQ(refused(parse_multipart_request(k_content_type, upload_form(), limits)).message,
            "0 max file uploads exceeded.");
}

TEST(ParseMultipartRequest, Http2RefusesOversizedOperationsOrMapWith413) {
  multipart_limits limits;
  limits.max_operations_bytes = k_operations.size();
  EXPECT_TRUE(std::holds_alternative<multipart_request>(
      parse_multipart_request(k_content_type, upload_form(), limits)));
  limits.max_operations_bytes = k_operations.size() - 1;
  const auto error = refused(parse_multipart_request(k_content_type, upload_form(), limits));
  EXPECT_EQ(error.status, http::status::payload_too_large);
  EXPECT_EQ(error.code, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(error.message, "The \u2018operations\u2019 multipart field value exceeds the " +
                               std::to_string(k_operations.size() - 1) + " byte size limit.");

  limits.max_operations_bytes = 30;
  const auto map_error =
      refused(parse_multipart_request(k_content_type,
                                      form({field("operations", R"({"query":"{a}"})"),
                                            field("map", R"({"1":["variables.file"],"2":[]})")}),
                                      limits));
  EXPECT_EQ(map_error.status, http::status::payload_too_large);
  EXPECT_NE(map_error.message.find("\u2018map\u2019"), std::string::npos);
}

TEST(ParseMultipartRequest, Http2CutsLongClientTextInMessagesAtACharacterBoundary) {
  const std::string key = std::string(99, 'k') + "\u00e9" + std::string(200, 'k');
  const auto error = refused(parse_multipart_request(
      k_content_type,
      form({field("operations", k_operations), field("map", R"({")" + key + R"(":"x"})")})));
  EXPECT_LT(error.message.size(), 300U);
  EXPECT_NE(error.message.find(std::string(99, 'k') + "\u2026\u2019"), std::string::npos)
      << error.message;
}

TEST(ParseMultipartRequest, Http2NeverThrowsOnGarbage) {
  const std::string body = upload_form();
  std::uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string mutated = body;
    for (int edits = 0; edits < 4; ++edits) {
      seed = seed * 1664525 + 1013904223;
      const std::size_t at = seed % mutated.size();
      seed = seed * 1664525 + 1013904223;
      switch (seed % 3) {
        case 0:
          mutated[at] = static_cast<char>(seed >> 8);
          break;
        case 1:
          mutated.erase(at, (seed >> 8) % 16);
          break;
        default:
          mutated.insert(at, (seed >> 8) % 2 == 0 ? "\r\n--" : "\"");
          break;
      }
      if (mutated.empty()) mutated = "x";
    }
    EXPECT_NO_THROW((void)parse_multipart_request(k_content_type, mutated)) << round;
  }
}

TEST(IsMultipartFormData, MatchesTheMediaTypeCaseInsensitivelyWithAnyParameters) {
  EXPECT_TRUE(is_multipart_form_data("multipart/form-data; boundary=x"));
  EXPECT_TRUE(is_multipart_form_data(" Multipart/Form-Data "));
  EXPECT_FALSE(is_multipart_form_data("multipart/form-datax; boundary=x"));
  EXPECT_FALSE(is_multipart_form_data("application/json"));
  EXPECT_FALSE(is_multipart_form_data(""));
}

}  // namespace
}  // namespace chat::net::graphql_http
