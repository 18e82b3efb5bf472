#include "write/markdown/markdown_html.h"

#include <doctest/doctest.h>

namespace kyosei {

namespace {
bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}
}  // namespace

TEST_CASE("markdown_to_html drops raw HTML") {
  std::string html = markdown_to_html("前文\n\n<script>alert(1)</script>\n\n後文 <b onclick=\"x()\">太字</b>");
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "onclick"));
  CHECK(contains(html, "前文"));
  CHECK(contains(html, "後文"));
}

TEST_CASE("markdown_to_html empties unsafe link and image URLs") {
  CHECK(markdown_to_html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n");
  for (const char* md : {"[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](vbscript:msgbox)",
                         "[x](data:text/html;base64,PHNjcmlwdD4=)", "![x](data:image/png;base64,AAAA)",
                         "[x](<java\tscript:alert(1)>)", "[x](&#106;avascript:alert(1))", "<javascript:alert(1)>",
                         "[x](file:///etc/passwd)"}) {
    CAPTURE(std::string(md));
    std::string html = markdown_to_html(md);
    std::string lower;
    for (char c : html) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    // The link text may show the URL; no attribute may carry it.
    for (const char* bad : {"=\"javascript", "=\"vbscript", "=\"data:", "=\"file:", "=\"java"})
      CHECK_FALSE(contains(lower, bad));
    CHECK((contains(lower, "href=\"\"") || contains(lower, "src=\"\"")));
  }
}

TEST_CASE("markdown_to_html keeps safe links") {
  CHECK(contains(markdown_to_html("[市](https://example.jp/)"), "href=\"https://example.jp/\""));
  CHECK(contains(markdown_to_html("[相談](mailto:soudan@example.jp)"), "href=\"mailto:soudan@example.jp\""));
  CHECK(contains(markdown_to_html("[電話](tel:000-000-0000)"), "href=\"tel:000-000-0000\""));
  CHECK(contains(markdown_to_html("[一覧](../services/index.html)"), "href=\"../services/index.html\""));
  CHECK(contains(markdown_to_html("https://example.jp/a を参照"), "href=\"https://example.jp/a\""));
}

TEST_CASE("markdown_to_html renders GFM tables and strikethrough") {
  std::string html = markdown_to_html("| 分野 | 件数 |\n|---|---:|\n| 高齢 | 3 |\n\n~~旧~~");
  CHECK(contains(html, "<table>"));
  CHECK(contains(html, "<th>分野</th>"));
  CHECK(contains(html, "<td align=\"right\">3</td>"));
  CHECK(contains(html, "<del>旧</del>"));
}

TEST_CASE("markdown_to_html shifts headings") {
  CHECK(contains(markdown_to_html("# 見出し", {.heading_shift = 2}), "<h3>見出し</h3>"));
  CHECK(contains(markdown_to_html("###### 深い", {.heading_shift = 2}), "<h6>深い</h6>"));
}

TEST_CASE("markdown_escape keeps input literal") {
  std::string text = "*強調* _下線_ [リンク](javascript:x) <b>太字</b> a|b `code` # 見出し \\ & 1. 2)";
  std::string html = markdown_to_html(markdown_escape(text));
  CHECK(html == "<p>*強調* _下線_ [リンク](javascript:x) &lt;b&gt;太字&lt;/b&gt; a|b `code` # 見出し \\ &amp; 1. 2)</p>\n");
  CHECK(markdown_escape("a|b*c<d[e") == "a\\|b\\*c\\<d\\[e");
}

TEST_CASE("markdown_escape: block markers at a line start stay literal, text stays readable") {
  for (const char* text : {"1. 一", "12) 二", "- 三", "+ 四", "= 五", "> 六", "#七", "---", "===", "~~~ 八", "    九",
                           "1.5倍", "<!-- x -->", "&amp;", "![画像](x.png)", "www.example.jp の案内"}) {
    std::string html = markdown_to_html(markdown_escape(text));
    CHECK_MESSAGE(html.rfind("<p>", 0) == 0, text);  // one paragraph, no list/heading/rule/quote
    CHECK_MESSAGE(html.find("<img") == std::string::npos, text);
  }
  CHECK(markdown_escape("38.5/100 (上限)") == "38.5/100 (上限)");
  CHECK(markdown_escape("2026-05-12") == "2026-05-12");
}

TEST_CASE("markdown_escape turns line breaks into hard breaks in one paragraph") {
  CHECK(markdown_to_html(markdown_escape("一行目\r\n\r\n    - 二行目\n# 三行目\n")) ==
        "<p>一行目<br />\n- 二行目<br />\n# 三行目</p>\n");
}

TEST_CASE("markdown_table_cell keeps a cell in its column") {
  CHECK(markdown_table_cell(" a|b\nc ") == "a\\|b c");
  std::string md = "| 名 | 値 |\n|---|---|\n| " + markdown_table_cell("x|y\nz") + " | " +
                   markdown_table_cell("*w*") + " |\n";
  std::string html = markdown_to_html(md);
  CHECK(contains(html, "<td>x|y z</td>"));
  CHECK(contains(html, "<td>*w*</td>"));
}

TEST_CASE("html_escape") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(is_allowed_link_url("index.html"));
  CHECK(is_allowed_link_url("a/b:c"));
  CHECK_FALSE(is_allowed_link_url(" JAVASCRIPT:x"));
}

}  // namespace kyosei
