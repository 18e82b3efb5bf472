#include "write/markdown/markdown_plain_text.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "base/text.h"
#include "write/markdown/markdown_tree.h"

namespace kyosei {

namespace {

struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// Raw HTML has no text worth keeping, and leaving it would put tags in cells.
void drop_html(cmark_node* root) {
  cmark_iter* it = cmark_iter_new(root);
  std::vector<cmark_node*> doomed;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER &&
        (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK || cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE))
      doomed.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* n : doomed) {
    cmark_node_unlink(n);
    cmark_node_free(n);
  }
}

std::unique_ptr<cmark_node, NodeFree> parsed(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeFree> doc(cmark_parser_finish(parser.get()));
  drop_html(doc.get());
  return doc;
}

// The text of an inline run; a line break stays one.
void inline_text(cmark_node* node, std::string& out) {
  for (cmark_node* n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      default:
        inline_text(n, out);
    }
  }
}

std::string indent_of(int depth) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += "　";
  return out;
}

// Each block as lines: `first` goes before the block's first line, `rest`
// before its others (a list item's marker, then its hanging indent).
void block_lines(cmark_node* node, const std::string& first, const std::string& rest, int depth,
                 std::vector<std::string>& lines) {
  auto add = [&](const std::string& text) {
    size_t start = 0;
    bool head = true;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      if (!line.empty()) {
        lines.push_back((head ? first : rest) + line);
        head = false;
      }
      start = end + 1;
    }
  };
  std::string_view type = cmark_node_get_type_string(node);
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING: {
      std::string text;
      inline_text(node, text);
      add(text);
      return;
    }
    case CMARK_NODE_CODE_BLOCK:
      add(cmark_node_get_literal(node) ? cmark_node_get_literal(node) : "");
      return;
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_HTML_BLOCK:
      return;
    case CMARK_NODE_LIST: {
      bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
      int number = cmark_node_get_list_start(node);
      for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item), ++number) {
        std::string marker = ordered ? std::to_string(number) + ". " : "・";
        bool head = true;
        for (cmark_node* b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
          size_t before = lines.size();
          std::string lead = indent_of(depth) + (head ? marker : "　");
          block_lines(b, lead, indent_of(depth + 1), depth + 1, lines);
          head = head && lines.size() == before;
        }
      }
      return;
    }
    default:
      break;
  }
  if (type == "table_row" || type == "table_header") {
    std::vector<std::string> cells;
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      std::string text;
      inline_text(c, text);
      cells.push_back(text);
    }
    add(join(cells, " / "));
    return;
  }
  // The document, block quotes, tables: their blocks in order.
  bool head = true;
  for (cmark_node* b = cmark_node_first_child(node); b; b = cmark_node_next(b)) {
    size_t before = lines.size();
    block_lines(b, head ? first : rest, rest, depth, lines);
    head = head && lines.size() == before;
  }
}

}  // namespace

std::string markdown_to_cell_text(std::string_view markdown) {
  if (is_plain_markdown_line(markdown)) return std::string(markdown);  // no parse needed
  auto doc = parsed(markdown);
  std::vector<std::string> lines;
  block_lines(doc.get(), "", "", 0, lines);
  return join(lines, "\n");
}

std::string markdown_to_plain_text(std::string_view markdown) {
  if (is_plain_markdown_line(markdown)) return std::string(markdown);  // no parse needed
  auto doc = parsed(markdown);
  char* text = cmark_render_plaintext(doc.get(), CMARK_OPT_DEFAULT, 0);
  std::string out = text ? text : "";
  std::free(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace kyosei
