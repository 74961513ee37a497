#include "domain/image_type.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using chat::domain::content_type_of;
using chat::domain::extension_of;
using chat::domain::image_type;
using chat::domain::image_type_of_extension;
using chat::domain::sniff_image;
using namespace std::string_literals;

TEST(SniffImage, RecognisesJpegByItsThreeByteSignature) {
  EXPECT_EQ(sniff_image("\xFF\xD8\xFF\xE0rest"s), image_type::jpeg);
  EXPECT_EQ(sniff_image("\xFF\xD8\xFF"s), image_type::jpeg);
  EXPECT_EQ(sniff_image("\xFF\xD8\xFE\xE0"s), std::nullopt);
}

TEST(SniffImage, RecognisesPngByItsEightByteSignature) {
  EXPECT_EQ(sniff_image("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s), image_type::png);
  EXPECT_EQ(sniff_image("\x89PNG\r\n\x1A"s), std::nullopt);  // one byte short
  EXPECT_EQ(sniff_image("\x89PNG\n\n\x1A\n"s), std::nullopt);
}

TEST(SniffImage, RecognisesBothGifVersions) {
  EXPECT_EQ(sniff_image("GIF87a\x01\x00"s), image_type::gif);
  EXPECT_EQ(sniff_image("GIF89a\x01\x00"s), image_type::gif);
  EXPECT_EQ(sniff_image("GIF88a\x01\x00"s), std::nullopt);
  EXPECT_EQ(sniff_image("gif89a\x01\x00"s), std::nullopt);
}

TEST(SniffImage, RecognisesWebpWhateverItsLengthField) {
  EXPECT_EQ(sniff_image("RIFF\x24\x00\x00\x00WEBPVP8 "s), image_type::webp);
  EXPECT_EQ(sniff_image("RIFF\xFF\xFF\xFF\xFFWEBP"s), image_type::webp);
  EXPECT_EQ(sniff_image("RIFF\x24\x00\x00\x00WAVEfmt "s), std::nullopt);  // a WAV file
  EXPECT_EQ(sniff_image("RIFF\x24\x00\x00\x00WEB"s), std::nullopt);
}

TEST(SniffImage, RefusesEmptyShortAndTextInput) {
  EXPECT_EQ(sniff_image(""s), std::nullopt);
  EXPECT_EQ(sniff_image("\xFF"s), std::nullopt);
  EXPECT_EQ(sniff_image("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"s), std::nullopt);
  EXPECT_EQ(sniff_image("<html><script>alert(1)</script>"s), std::nullopt);
  EXPECT_EQ(sniff_image("MZ\x90\x00"s), std::nullopt);  // an .exe
}

TEST(SniffImage, LooksAtTheStartOnly) {
  EXPECT_EQ(sniff_image("x\x89PNG\r\n\x1A\n"s), std::nullopt);
  EXPECT_EQ(sniff_image(" GIF89a"s), std::nullopt);
}

TEST(SniffImage, TakesASpanOfBytes) {
  const std::vector<unsigned char> png{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};
  EXPECT_EQ(sniff_image(std::span<const unsigned char>(png)), image_type::png);
  EXPECT_EQ(sniff_image(std::span<const unsigned char>()), std::nullopt);
}

TEST(ImageType, NamesItsContentTypeAndExtension) {
  EXPECT_EQ(content_type_of(image_type::jpeg), "image/jpeg");
  EXPECT_EQ(content_type_of(image_type::png), "image/png");
  EXPECT_EQ(content_type_of(image_type::gif), "image/gif");
  EXPECT_EQ(content_type_of(image_type::webp), "image/webp");
  EXPECT_EQ(extension_of(image_type::jpeg), "jpg");
  EXPECT_EQ(extension_of(image_type::png), "png");
  EXPECT_EQ(extension_of(image_type::gif), "gif");
  EXPECT_EQ(extension_of(image_type::webp), "webp");
}

TEST(ImageType, MapsEachExtensionBackExactly) {
  for (const image_type type :
       {image_type::jpeg, image_type::png, image_type::gif, image_type::webp}) {
    EXPECT_EQ(image_type_of_extension(extension_of(type)), type);
  }
  EXPECT_EQ(image_type_of_extension("jpeg"), std::nullopt);
  EXPECT_EQ(image_type_of_extension("PNG"), std::nullopt);
  EXPECT_EQ(image_type_of_extension(".png"), std::nullopt);
  EXPECT_EQ(image_type_of_extension(""), std::nullopt);
}

}  // namespace
