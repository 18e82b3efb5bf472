#include "write/markdown/markdown_plain_text.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "base/text.h"

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

}  // namespace

std::string markdown_to_plain_text(std::string_view markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeFree> doc(cmark_parser_finish(parser.get()));
  drop_html(doc.get());
  char* text = cmark_render_plaintext(doc.get(), CMARK_OPT_DEFAULT, 0);
  std::string out = text ? text : "";
  std::free(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace kyosei
