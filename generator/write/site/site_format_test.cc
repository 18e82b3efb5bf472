#include "write/common/site_format.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("contact_html links phone numbers with tel: and escapes the rest") {
  CHECK(contact_html("地域福祉課 電話 03-1234-5678（平日）") ==
        "地域福祉課 電話 <a class=\"tel\" href=\"tel:0312345678\">03-1234-5678</a>（平日）");
  CHECK(contact_html("<b>&</b> 0120-00-0000, 090-1234-5678") ==
        "&lt;b&gt;&amp;&lt;/b&gt; <a class=\"tel\" href=\"tel:0120000000\">0120-00-0000</a>, "
        "<a class=\"tel\" href=\"tel:09012345678\">090-1234-5678</a>");
  // Not phone numbers: too short, no hyphen, part of a longer number, a postcode.
  CHECK(contact_html("〒100-0001 内線 1234 番号 0312345678 1203-1234-5678") ==
        "〒100-0001 内線 1234 番号 0312345678 1203-1234-5678");
}

TEST_CASE("url_text_html breaks a web address between its parts only") {
  CHECK(url_text_html("https://www.city.kaku.example.jp/kourei/?a=1&b=2") ==
        "https://www<wbr>.city<wbr>.kaku<wbr>.example<wbr>.jp/<wbr>kourei/<wbr>?a<wbr>=1<wbr>&amp;b<wbr>=2");
  CHECK(url_text_html("<x>") == "&lt;x&gt;");
}

}  // namespace kyosei
