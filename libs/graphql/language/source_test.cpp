// Tests for position_of: line and column of a byte offset as graphql-js `getLocation`
// reports them (spec 2.1.3 "Line Terminators"). Expected values were produced by
// graphql-js 16.15 `getLocation` on the same text.

#include "graphql/language/source.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using chat::graphql::position_of;
using chat::graphql::source_position;

TEST(PositionOf, TheFirstByteIsLineOneColumnOne) {
  EXPECT_EQ(position_of("abc", 0), (source_position{1, 1}));
  EXPECT_EQ(position_of("abc", 2), (source_position{1, 3}));
}

TEST(PositionOf, TheEndOfTheTextIsOnePastTheLastColumn) {
  EXPECT_EQ(position_of("abc", 3), (source_position{1, 4}));
}

TEST(PositionOf, OffsetsPastTheEndClampToTheEnd) {
  EXPECT_EQ(position_of("abc", 100), (source_position{1, 4}));
  EXPECT_EQ(position_of("", 5), (source_position{1, 1}));
}

TEST(PositionOf, Spec213LinesEndAtNewLine) {
  EXPECT_EQ(position_of("a\nb", 2), (source_position{2, 1}));
  EXPECT_EQ(position_of("\n\n\nx", 3), (source_position{4, 1}));
}

TEST(PositionOf, Spec213CarriageReturnNewLineIsOneLineTerminator) {
  EXPECT_EQ(position_of("a\r\nb", 3), (source_position{2, 1}));
  EXPECT_EQ(position_of("\r\r\n\n", 4), (source_position{4, 1}));
}

TEST(PositionOf, Spec213ALoneCarriageReturnEndsALine) {
  EXPECT_EQ(position_of("a\rb", 2), (source_position{2, 1}));
}

TEST(PositionOf, AnOffsetBetweenCarriageReturnAndNewLineIsColumnZeroAsInGraphqlJs) {
  EXPECT_EQ(position_of("a\r\nb", 2), (source_position{2, 0}));
}

TEST(PositionOf, ColumnsCountUtf16CodeUnitsLikeJavaScript) {
  // "é" is 2 bytes and 1 unit, "😀" 4 bytes and 2 units, "中" 3 bytes and 1 unit.
  EXPECT_EQ(position_of("\xC3\xA9\xF0\x9F\x98\x80x", 6), (source_position{1, 4}));
  EXPECT_EQ(position_of("\xE4\xB8\xADx", 3), (source_position{1, 2}));
}

TEST(PositionOf, LineSeparatorU2028IsNotALineTerminator) {
  EXPECT_EQ(position_of("a\xE2\x80\xA8"
                        "b",
                        4),
            (source_position{1, 3}));
}

TEST(PositionOf, EachMalformedUtf8SequenceCountsAsOneReplacementCharacter) {
  // JavaScript sees "a\uFFFD\uFFFDb" after UTF-8 decoding.
  EXPECT_EQ(position_of("a\xFF\xC3"
                        "b",
                        3),
            (source_position{1, 4}));
}

}  // namespace
