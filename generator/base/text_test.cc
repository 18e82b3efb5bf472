#include "base/text.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

using namespace kyosei;

TEST_CASE("NFKC turns Excel's full-width typing into plain text") {
  CHECK(nfkc("ＩＤ１２３") == "ID123");
  CHECK(nfkc("１，０００") == "1,000");
  CHECK(normalize("　事業名　") == "事業名");
  CHECK(normalize("ｱｳﾄﾘｰﾁ") == "アウトリーチ");
}

TEST_CASE("the plain ranges nfkc() skips ICU for are really left alone by NFKC") {
  int plain = 0;
  for (UChar32 c = 0x80; c <= 0xFFFF; ++c) {
    if (!is_plain_nfkc(c)) continue;
    ++plain;
    INFO("U+" << std::hex << c);
    CHECK(u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES);
    CHECK(u_getCombiningClass(c) == 0);
  }
  CHECK(plain > 20000);
  CHECK(!is_plain_nfkc(0x3000));  // the ideographic space becomes " "
  CHECK(!is_plain_nfkc(0x3099));  // a combining sound mark composes with the kana before it
  // Plain text comes back as it was; anything else still goes through ICU.
  CHECK(nfkc("地域包括支援センター「まちの相談室」、ゞ〜") == "地域包括支援センター「まちの相談室」、ゞ〜");
  CHECK(nfkc("か\xE3\x82\x99") == "が");          // か + combining U+3099
  CHECK(nfkc("事業　１") == "事業 1");
  CHECK(nfkc("ﾃｽﾄ①") == "テスト1");
}

TEST_CASE("multi-valued cells split on ; ； and 、") {
  CHECK(split_multi("相談支援;地域づくり") == std::vector<std::string>{"相談支援", "地域づくり"});
  CHECK(split_multi("相談支援；地域づくり、参加支援") == std::vector<std::string>{"相談支援", "地域づくり", "参加支援"});
  CHECK(split_multi(" a ; ;b ") == std::vector<std::string>{"a", "b"});
  CHECK(split_multi("").empty());
}

TEST_CASE("UTF-8 validity, length and display width") {
  CHECK(is_valid_utf8("架空市"));
  CHECK(!is_valid_utf8("\x82\xa0"));      // CP932 あ
  CHECK(!is_valid_utf8("\xE3\x81"));      // truncated
  CHECK(!is_valid_utf8("\xC0\xAF"));      // overlong
  CHECK(!is_valid_utf8("\xED\xA0\x80"));  // surrogate
  CHECK(utf8_length("架空a") == 3);
  CHECK(display_width("架空a") == 5);
  CHECK(with_commas(1234567) == "1,234,567");
  CHECK(with_commas(0) == "0");
  CHECK(with_commas(-1000) == "-1,000");
}
