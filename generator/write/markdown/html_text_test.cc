#include "write/markdown/html_text.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("html_visible_text keeps text, drops markup and scripts, separates blocks") {
  std::string html =
      "<!DOCTYPE html><html><head><title>題</title><script src=\"a.js\"></script><style>p{}</style></head>"
      "<body><h1>見出し</h1><p>A &amp; B &lt;b&gt; &#x5B50;&#20379;&nbsp;x</p><table><tr><td>架空</td><td>太郎</td></tr>"
      "</table><!-- raw HTML omitted --><a href=\"x.html\" title=\"題名\">リンク</a></body></html>";
  std::string text = html_visible_text(html);
  CHECK(text.find("A & B <b> 子供\xc2\xa0x") != std::string::npos);
  CHECK(text.find("見出し\n") != std::string::npos);
  CHECK(text.find("架空\n太郎") != std::string::npos);  // cells do not run together
  CHECK(text.find("raw HTML") == std::string::npos);
  CHECK(text.find("p{}") == std::string::npos);
  CHECK(text.find("題名") == std::string::npos);  // attributes are not visible text
  CHECK(text.find("リンク") != std::string::npos);
}

TEST_CASE("html_readable_text joins text across tags and adds attribute values") {
  std::string text = html_readable_text("<p>架空<br>太郎</p><img alt=\"見本 &quot;花子&quot;\" src='x.png'>");
  CHECK(text.find("架空太郎") != std::string::npos);
  CHECK(text.find("見本 \"花子\"") != std::string::npos);
  CHECK(text.find("x.png") != std::string::npos);
}

TEST_CASE("decode_html_entities leaves unknown references alone") {
  CHECK(decode_html_entities("&amp;&lt;&gt;&quot;&#39;&apos;") == "&<>\"''");
  CHECK(decode_html_entities("&unknown; &#xZZ; & a") == "&unknown; &#xZZ; & a");
  CHECK(decode_html_entities("&#0;") == "\xef\xbf\xbd");
}

}  // namespace kyosei
