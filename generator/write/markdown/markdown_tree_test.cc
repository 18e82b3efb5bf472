#include "write/markdown/markdown_tree.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace kyosei {

TEST_CASE("markdown_headings finds the top-level ATX headings of the tree") {
  auto h = markdown_headings("# 章\n本文\n## 節 ##\n```\n# コード\n```\n####### 多すぎ\n#ハッシュ\n### (1) 項\n");
  REQUIRE(h.size() == 3);
  CHECK(h[0].level == 1);
  CHECK(h[0].text == "章");
  CHECK(h[1].text == "節");
  CHECK(h[2].level == 3);
  CHECK(h[2].text == "(1) 項");
  // Lines that only look like headings: inside an indented code block, an
  // HTML block, a quote or a list; a setext heading is not edited either.
  CHECK(markdown_headings("    # コード\n\n<div>\n# 中\n</div>\n\n> # 引用\n\n- # 項目\n\n見出し\n===\n").empty());
}

TEST_CASE("markdown_headings: a heading right below a table, and tables that end in a rule") {
  // A heading line ends a table (the headings are found without the table
  // extension, see heading_lines).
  auto h = markdown_headings("| a | b |\n| --- | --- |\n| 1 | 2 |\n# 表の直後\n| x |\n|---|\n## 次\n");
  REQUIRE(h.size() == 2);
  CHECK(h[0].text == "表の直後");
  CHECK(h[1].level == 2);
  // Without the extension these lines are a paragraph and the rule its
  // setext underline; neither is an ATX heading.
  CHECK(markdown_headings("#番号\n| a |\n| - |\n| b |\n---\n").empty());
  CHECK(markdown_headings("| a |\n| - |\n---\n").empty());
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

TEST_CASE("without_tables drops exactly the lines of tables") {
  CHECK(without_tables("前\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n後\n") == "前\n\n\n後\n");
  CHECK(without_tables("- 項目\n\n  | a |\n  | - |\n\n|パイプで始まる文\n") == "- 項目\n\n\n|パイプで始まる文\n");
}

TEST_CASE("MarkdownTree renders what markdown_to_html renders, node by node") {
  std::string md = "# 章\n\n本文 **強調**\n\n| 分野 | 人数 |\n| :-- | --: |\n| 高齢 | 3 |\n\n[x](javascript:alert(1))\n";
  MarkdownTree tree(md);
  CHECK(tree.html() == markdown_to_html(md));
  std::string parts;
  for (cmark_node* n = cmark_node_first_child(tree.root()); n; n = cmark_node_next(n)) parts += tree.html(n);
  CHECK(parts == tree.html());
  CHECK(tree.html().find("javascript") == std::string::npos);
  auto headings = tree.nodes_named("heading");
  REQUIRE(headings.size() == 1);
  CHECK(tree.children_html(headings[0]) == "章");
  CHECK(tree.plain_text(tree.nodes_named("paragraph")[0]) == "本文 強調");
}

TEST_CASE("table_html writes cmark-gfm's table layout with attributes on <table>") {
  for (std::string md : {"| a | b | c |\n| :-- | :-: | --: |\n| 1 | *2* | |\n", "| 見出しだけ |\n| --- |\n"}) {
    MarkdownTree tree(md);
    auto tables = tree.nodes_named("table");
    REQUIRE(tables.size() == 1);
    CHECK(table_html(tree, tables[0], "") == tree.html(tables[0]));
    std::string bordered = table_html(tree, tables[0], "border=\"1\"");
    CHECK(bordered.rfind("<table border=\"1\">\n", 0) == 0);
  }
}

TEST_CASE("replace_with_html puts HTML in a node's place, as its own block") {
  MarkdownTree tree("前\n\n## 節\n\n後\n");
  std::string before = tree.html();
  cmark_node* h = tree.nodes_named("heading")[0];
  MarkdownTree::replace_with_html(h, "<h2 id=\"s\">節</h2>\n");
  std::string after = before;
  after.replace(after.find("<h2>"), 4, "<h2 id=\"s\">");
  CHECK(tree.html() == after);
}

TEST_CASE("is_plain_markdown_line: such a line renders as itself, by the full parse") {
  // Random lines from pieces that matter to Markdown and pieces that do
  // not; every one that is called plain must come out of cmark-gfm (all
  // extensions) as one paragraph of exactly its text.
  const std::vector<std::string> pieces = {"見守り", "支援", "（週1回）", "。", "、", " ", "  ", "a", "Z", "1", "1.",
                                           "2)", "#", "-", "+", "=", ">", "*", "_", "~", "`", "[", "]", "(", ")",
                                           "!", "<", "&", "amp;", "|", "\\", "\"", "'", ":", "@", "www.", "http",
                                           ".jp", "/", "%", "$", "^", "{", "}", "\t", "　"};
  std::mt19937 rng(12345);
  int plain = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string line;
    for (int k = 1 + static_cast<int>(rng() % 6); k > 0; --k) line += pieces[rng() % pieces.size()];
    if (!is_plain_markdown_line(line)) continue;
    ++plain;
    INFO(line);
    CHECK(MarkdownTree(line).html() == "<p>" + line + "</p>\n");
  }
  CHECK(plain > 1000);  // the test did test something
  CHECK_FALSE(is_plain_markdown_line("www.example.jp"));
  CHECK_FALSE(is_plain_markdown_line("a@example.jp"));
  CHECK_FALSE(is_plain_markdown_line(""));
  CHECK_FALSE(is_plain_markdown_line("\xff\xfe"));  // not UTF-8: the parse replaces it
}

}  // namespace kyosei
