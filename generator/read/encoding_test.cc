#include "read/encoding.h"

#include <doctest/doctest.h>

using namespace kyosei;

TEST_CASE("UTF-8, UTF-8 with BOM, CP932 and UTF-16 are told apart") {
  auto u = decode_text("ID,名称\n");
  REQUIRE(u);
  CHECK(u->encoding == TextEncoding::Utf8);
  auto bom = decode_text("\xEF\xBB\xBFID,名称\n");
  REQUIRE(bom);
  CHECK(bom->encoding == TextEncoding::Utf8Bom);
  CHECK(bom->utf8 == "ID,名称\n");
  auto sjis = convert_encoding("ID,名称,髙橋は不可\n", "UTF-8", "CP932");
  // 髙 is an IBM extension; glibc's CP932 maps it.
  REQUIRE(sjis);
  auto back = decode_text(*sjis);
  REQUIRE(back);
  CHECK(back->encoding == TextEncoding::Cp932);
  CHECK(back->utf8 == "ID,名称,髙橋は不可\n");
  auto utf16 = convert_encoding("ID,名称\n", "UTF-8", "UTF-16LE");
  auto decoded16 = decode_text("\xFF\xFE" + *utf16);
  REQUIRE(decoded16);
  CHECK(decoded16->utf8 == "ID,名称\n");
}

TEST_CASE("bytes that are no known encoding name their line") {
  DecodeFailure f;
  CHECK(!decode_text(std::string("a\nb\n\x81\x7F\xFF\n"), &f));
  CHECK(f.line == 3);
}

TEST_CASE("characters CP932 cannot hold are reported, not replaced") {
  size_t bad = 0;
  CHECK(!convert_encoding("abc😀", "UTF-8", "CP932", &bad));
  CHECK(bad == 3);
}

namespace kyosei {

TEST_CASE("decode_text places a broken byte of a CP932 file on its own line and character") {
  // "ID,名前\nS1,見守り\nS2,訪\x81問" in CP932: line 3, character 5 (0x81 0x20 is no CP932 character).
  std::string cp932 = *convert_encoding("ID,名前\nS1,見守り\nS2,訪", "UTF-8", "CP932");
  cp932 += "\x81\x20";
  DecodeFailure f;
  CHECK_FALSE(decode_text(cp932, &f));
  CHECK(f.line == 3);
  CHECK(f.column == 5);
  // UTF-8 with a stray byte on line 2.
  DecodeFailure g;
  CHECK_FALSE(decode_text("ID\nあい\xff\n", &g));
  CHECK(g.line == 2);
  CHECK(g.column == 3);
}

}  // namespace kyosei
