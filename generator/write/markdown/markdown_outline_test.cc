#include "write/markdown/markdown_outline.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("markdown_headings finds ATX headings outside code fences") {
  auto h = markdown_headings("# 章\n本文\n## 節 ##\n```\n# コード\n```\n####### 多すぎ\n#ハッシュ\n### (1) 項\n");
  REQUIRE(h.size() == 3);
  CHECK(h[0].level == 1);
  CHECK(h[0].text == "章");
  CHECK(h[1].text == "節");
  CHECK(h[2].level == 3);
  CHECK(h[2].text == "(1) 項");
}

TEST_CASE("shift_headings moves every heading and caps at 6, leaving code alone") {
  std::string md = "# 章\n## 節\n~~~\n# コード\n~~~\n###### 深い\n";
  CHECK(shift_headings(md, 1) == "## 章\n### 節\n~~~\n# コード\n~~~\n###### 深い\n");
  CHECK(shift_headings("## 節\n", -5) == "# 節\n");
  CHECK(shift_headings("本文だけ", 2) == "本文だけ");
}

TEST_CASE("prefix_first_heading numbers only the first level-1 heading") {
  CHECK(prefix_first_heading("前文\n# 趣旨\n## 背景\n# 次\n", "第1章 ") == "前文\n# 第1章 趣旨\n## 背景\n# 次\n");
  CHECK(prefix_first_heading("## 節だけ\n", "第1章 ") == "## 節だけ\n");
}

TEST_CASE("drop_leading_heading removes a leading heading up to a level") {
  CHECK(drop_leading_heading("\n# 計画の理念\n\n本文\n## 小見出し\n", 2) == "本文\n## 小見出し\n");
  CHECK(drop_leading_heading("### 深い見出し\n本文\n", 2) == "### 深い見出し\n本文\n");
  CHECK(drop_leading_heading("本文\n# 見出し\n", 2) == "本文\n# 見出し\n");
}

TEST_CASE("split_sections cuts at headings up to max_level") {
  auto s = split_sections("# 章\n前文\n## 1 節\n本文\n### 項\n項の本文\n## 2 節\n", 2);
  REQUIRE(s.size() == 3);
  CHECK(s[0].heading == "章");
  CHECK(s[0].body == "前文\n");
  CHECK(s[1].heading == "1 節");
  CHECK(s[1].body == "本文\n### 項\n項の本文\n");
  CHECK(s[2].heading == "2 節");
  CHECK(s[2].level == 2);
}

}  // namespace kyosei
