#include "write/markdown/markdown_plain_text.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("markdown_to_plain_text: markup dropped, text kept") {
  CHECK(markdown_to_plain_text("**強調** と [リンク](https://example.jp)") == "強調 と リンク");
  CHECK(markdown_to_plain_text("高齢者の総合相談を受ける。\n") == "高齢者の総合相談を受ける。");
  CHECK(markdown_to_plain_text("") == "");
}

TEST_CASE("markdown_to_plain_text: raw HTML is dropped") {
  CHECK(markdown_to_plain_text("前<script>alert(1)</script>後") == "前alert(1)後");
  CHECK(markdown_to_plain_text("<div>\n消える\n</div>\n\n残る") == "残る");
}

TEST_CASE("markdown_to_plain_text: paragraphs and items on their own lines") {
  std::string t = markdown_to_plain_text("一段落目\n\n- 項目A\n- 項目B\n");
  CHECK(t.find("一段落目") != std::string::npos);
  CHECK(t.find("\n") != std::string::npos);
  CHECK(t.find("項目A") < t.find("項目B"));
  CHECK(t.find("<") == std::string::npos);
}

TEST_CASE("markdown_to_cell_text: one line per block, bullets as 「・」, no blank lines") {
  CHECK(markdown_to_cell_text("段落一\n\n- 項目A\n- **項目B**\n\n最後。\n") == "段落一\n・項目A\n・項目B\n最後。");
  CHECK(markdown_to_cell_text("1. 一\n2. 二\n") == "1. 一\n2. 二");
  CHECK(markdown_to_cell_text("3. 三\n4. 四\n") == "3. 三\n4. 四");
  CHECK(markdown_to_cell_text("- 親\n  - 子\n- 次\n") == "・親\n　・子\n・次");
  CHECK(markdown_to_cell_text("- 一行目\n\n  二段落目\n") == "・一行目\n　二段落目");
  CHECK(markdown_to_cell_text("| a | b |\n|---|---|\n| 1 | 2 |\n") == "a / b\n1 / 2");
  CHECK(markdown_to_cell_text("> 引用\n\n---\n\n後") == "引用\n後");
  CHECK(markdown_to_cell_text("前<script>x</script>後\n\n<div>\n消える\n</div>\n") == "前x後");
  CHECK(markdown_to_cell_text("") == "");
}

TEST_CASE("markdown_to_cell_text: a plain line as it is, a line with markup parsed") {
  // Taken as they are (no parse).
  CHECK(markdown_to_cell_text("高齢者の見守り（週1回）。www.example.jp 参照") == "高齢者の見守り（週1回）。www.example.jp 参照");
  // Each of these would change if it were taken as it is.
  CHECK(markdown_to_cell_text("見守りを*毎週*行う") == "見守りを毎週行う");
  CHECK(markdown_to_cell_text("相談は`窓口`で") == "相談は窓口で");
  CHECK(markdown_to_cell_text("[案内](https://example.jp)を見る") == "案内を見る");
  CHECK(markdown_to_cell_text("A&amp;B") == "A&B");
  CHECK(markdown_to_cell_text("# 見出し") == "見出し");
  CHECK(markdown_to_cell_text("- 項目") == "・項目");
  CHECK(markdown_to_cell_text("1. 一つ目") == "1. 一つ目");
  CHECK(markdown_to_cell_text("> 引用") == "引用");
  CHECK(markdown_to_cell_text("  前後の空白  ") == "前後の空白");
  CHECK(markdown_to_cell_text("行1\n行2") == "行1\n行2");
}

}  // namespace kyosei
