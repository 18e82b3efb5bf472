// Markdown (GFM) as a cmark-gfm node tree: the one Markdown parser of
// kyosei. Prose is parsed once, split and changed on nodes, and rendered
// from the tree.
//
// Two kinds of users:
// - HTML writers hold a MarkdownTree, change nodes (give a heading an id,
//   give a table its attributes) and render it, whole or per node.
// - Writers of Markdown drafts edit the Markdown text itself, because the
//   drafts staff edit must keep the exact text the templates wrote (cmark's
//   own Markdown renderer would re-escape and re-wrap every line). For
//   them the functions at the end find the headings on the tree and change
//   only those source lines.
#pragma once
#include <cmark-gfm.h>

#include <string>
#include <string_view>
#include <vector>

#include "write/markdown/markdown_html.h"

namespace kyosei {

// A parsed document, sanitised as markdown_html.h describes (unsafe URLs
// blanked, headings shifted by options.heading_shift). Owns its nodes.
class MarkdownTree {
 public:
  explicit MarkdownTree(std::string_view gfm, const MarkdownOptions& options = {});
  ~MarkdownTree();
  MarkdownTree(const MarkdownTree&) = delete;
  MarkdownTree& operator=(const MarkdownTree&) = delete;

  cmark_node* root() const { return doc_; }

  // The HTML of node and everything under it (of the whole document when
  // node is the root), exactly as cmark-gfm writes it. Every rendering of
  // a tree to HTML goes through here.
  std::string html(cmark_node* node) const;
  std::string html() const { return html(doc_); }
  // The HTML of node's children, one after another (a heading's or a
  // cell's inline content without its own tag).
  std::string children_html(cmark_node* node) const;
  // node's text without markup ("**強調**" -> "強調"), trimmed.
  std::string plain_text(cmark_node* node) const;

  // Every node of the given type name ("heading", "table" …, see
  // cmark_node_get_type_string), in document order. Collect first, then
  // change: replacing nodes while walking the tree would lose the walk.
  std::vector<cmark_node*> nodes_named(std::string_view type) const;

  // Puts html in node's place; the renderer writes it as it is (so pass
  // only HTML made from escaped text and sanitised nodes).
  static void replace_with_html(cmark_node* node, const std::string& html);

 private:
  cmark_parser* parser_ = nullptr;
  cmark_node* doc_ = nullptr;
};

// True when md is one line that GFM reads as one paragraph of exactly that
// text: nothing that opens emphasis, code, a link or autolink, an entity or
// raw HTML; nothing a line may begin with to make a block (#, +, -, =, >,
// "1."); no outer spaces, no control characters, no quote marks (the HTML
// renderer escapes "). Most short texts from the inputs (a service's 概要,
// a name) are such a line: the converters then skip the parse.
bool is_plain_markdown_line(std::string_view md);

// The HTML of a table node with attributes on its <table> tag (e.g.
// border="1" for word processors), otherwise exactly as cmark-gfm writes
// tables: <thead>/<tbody>, align="…" per column.
std::string table_html(const MarkdownTree& tree, cmark_node* table, std::string_view table_attributes);

// --- Editing Markdown text by its tree ------------------------------------
// The headings are the document's top-level ATX headings ("## 見出し") as
// cmark-gfm parses them: never a line of a code block, an HTML block or a
// table. Setext headings (text underlined with === or ---) are left alone.

struct MarkdownHeading {
  int level = 0;      // 1..6
  std::string text;   // the Markdown after the #s, trimmed (still escaped)
};

// Every heading, in order.
std::vector<MarkdownHeading> markdown_headings(std::string_view md);

// Adds `by` to every heading level, capped at 6 (by may be negative; the
// minimum is 1).
std::string shift_headings(std::string_view md, int by);

// Puts prefix (plain Markdown) in front of the text of the first level-1
// heading: "# 趣旨" -> "# 第1章 趣旨".
std::string prefix_first_heading(std::string_view md, std::string_view prefix);

// Removes the first heading (and blank lines right after it) when it is the
// first non-blank line and its level is at most max_level.
std::string drop_leading_heading(std::string_view md, int max_level);

// md without the lines of its tables (wherever they are: top level, in a
// quote or a list).
std::string without_tables(std::string_view md);

struct MarkdownSection {
  std::string heading;  // text of the heading that opens it; "" before the first
  int level = 0;
  std::string body;     // the lines under it, up to the next heading of level <= max_level
};

// Cuts md at every heading of level <= max_level.
std::vector<MarkdownSection> split_sections(std::string_view md, int max_level);

}  // namespace kyosei
