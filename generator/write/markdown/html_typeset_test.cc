#include "write/markdown/html_typeset.h"

#include <doctest/doctest.h>

#include "write/markdown/html_text.h"

namespace kyosei {
namespace {

std::string without_breaks(const std::string& s) { return remove_word_breaks(s); }

}  // namespace

TEST_CASE("add_word_breaks_to_text breaks between words, never inside one") {
  std::string r = add_word_breaks_to_text("基幹型地域包括支援センター運営事業");
  CHECK(r.find("<wbr>") != std::string::npos);
  CHECK(without_breaks(r) == "基幹型地域包括支援センター運営事業");
  // The words the browser must keep whole are never cut.
  for (const char* word : {"運営", "事業", "センター", "支援"}) CHECK(r.find(word) != std::string::npos);
  CHECK(r.find("運<wbr>営") == std::string::npos);
  CHECK(r.find("セン<wbr>ター") == std::string::npos);
}

TEST_CASE("add_word_breaks_to_text keeps particles, numbers and punctuation with their word") {
  std::string r = add_word_breaks_to_text("自殺対策の実施状況を踏まえた支援の在り方");
  CHECK(r.find("<wbr>の") == std::string::npos);
  CHECK(r.find("<wbr>を") == std::string::npos);
  CHECK(without_breaks(r) == "自殺対策の実施状況を踏まえた支援の在り方");
  // Amounts, 号 numbers, percentages: one unit.
  for (const char* s : {"18,600,000円", "第3号", "29.4%", "令和8年度"}) {
    std::string n = add_word_breaks_to_text(s);
    CHECK_MESSAGE(n == s, n);
  }
  CHECK(add_word_breaks_to_text("（地域福祉）、相談支援。") .find("<wbr>（") == std::string::npos);
  CHECK(add_word_breaks_to_text("Community Social Worker") == "Community Social Worker");
  // Katakana runs and one-character words stay whole.
  CHECK(add_word_breaks_to_text("ウェブアクセシビリティ方針").find("ウェブアクセシビリティ") != std::string::npos);
  CHECK(add_word_breaks_to_text("圏域別") == "圏域別");
  CHECK(add_word_breaks_to_text("多機関協働") == "多機関協働");
  // A long run still gets breaks between its phrases.
  CHECK(add_word_breaks_to_text("生活困窮者支援等のための地域づくり事業") ==
        "生活<wbr>困窮者<wbr>支援等のための<wbr>地域づくり<wbr>事業");
}

TEST_CASE("add_word_breaks_to_text never splits a character reference") {
  std::string r = add_word_breaks_to_text("地域&amp;福祉&#12354;支援センター");
  CHECK(r.find("&amp;") != std::string::npos);
  CHECK(r.find("&#12354;") != std::string::npos);
  CHECK(without_breaks(r) == "地域&amp;福祉&#12354;支援センター");
}

TEST_CASE("add_word_breaks touches only short texts, and the visible text stays the same") {
  std::string page =
      "<html lang=\"ja\"><head><title>地域包括支援センター運営事業</title>"
      "<style>td::after{content:\"地域包括支援センター\"}</style></head><body>"
      "<nav class=\"site-nav\"><a href=\"a.html\" title=\"地域包括支援センター\">地域包括支援センター</a></nav>"
      "<p class=\"site-title\"><a href=\"index.html\">架空市地域福祉計画</a></p>"
      "<h1>基幹型地域包括支援センター運営事業</h1>"
      "<p>地域包括支援センターは、地域の相談窓口です。</p>"
      "<table><tr><th scope=\"col\">事業名</th><td>生活支援体制整備事業<br><code>地域包括支援センター</code></td></tr></table>"
      "<pre>地域包括支援センター</pre><script>var s=\"地域包括支援センター\";</script>"
      "<!-- 地域包括支援センター --></body></html>";
  std::string r = add_word_breaks(page);
  CHECK(without_breaks(r) == page);
  CHECK(html_visible_text(r) == html_visible_text(page));
  CHECK(html_readable_text(r) == html_readable_text(page));
  // Breaks in the heading, the cells, the menu and the title ...
  CHECK(r.find("<h1>基幹型地域包括支援センター運営事業</h1>") == std::string::npos);
  CHECK(r.find("生活支援体制整備事業<br>") == std::string::npos);
  CHECK(r.find(">地域包括支援センター</a></nav>") == std::string::npos);
  CHECK(r.find("架空市地域福祉計画</a>") == std::string::npos);
  // ... none in prose, attributes, <title>, code, pre, script, style or comments.
  CHECK(r.find("<p>地域包括支援センターは、地域の相談窓口です。</p>") != std::string::npos);
  CHECK(r.find("title=\"地域包括支援センター\"") != std::string::npos);
  CHECK(r.find("<title>地域包括支援センター運営事業</title>") != std::string::npos);
  CHECK(r.find("<code>地域包括支援センター</code>") != std::string::npos);
  CHECK(r.find("<pre>地域包括支援センター</pre>") != std::string::npos);
  CHECK(r.find("var s=\"地域包括支援センター\"") != std::string::npos);
  CHECK(r.find("content:\"地域包括支援センター\"") != std::string::npos);
  CHECK(r.find("<!-- 地域包括支援センター -->") != std::string::npos);
}

}  // namespace kyosei
