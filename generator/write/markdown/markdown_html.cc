#include "write/markdown/markdown_html.h"

#include <cstdlib>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include "base/text.h"

namespace kyosei {

namespace {

// Never CMARK_OPT_UNSAFE: that would let raw HTML and javascript: through.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;

void register_extensions() {
  static const bool done = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)done;
}

// Blanks unsafe URLs and shifts headings, after parsing (so autolinks,
// which the extension makes while finishing, are covered too).
void sanitise(cmark_node* root, const MarkdownOptions& options) {
  cmark_iter* it = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(node);
      if (url && !is_allowed_link_url(url)) cmark_node_set_url(node, "");
    } else if (type == CMARK_NODE_HEADING && options.heading_shift != 0) {
      int level = cmark_node_get_heading_level(node) + options.heading_shift;
      cmark_node_set_heading_level(node, level < 1 ? 1 : level > 6 ? 6 : level);
    }
  }
  cmark_iter_free(it);
}

void attach(cmark_parser* parser, const char* name) {
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
    cmark_parser_attach_syntax_extension(parser, ext);
}

}  // namespace

bool is_allowed_link_url(std::string_view url) {
  // Browsers skip these inside a scheme ("java\tscript:"), so must we.
  std::string compact;
  for (unsigned char c : url)
    if (c > 0x20 && c != 0x7f) compact += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  size_t end = compact.find_first_of(":/?#");
  if (end == std::string::npos || compact[end] != ':') return true;  // relative
  std::string_view scheme = std::string_view(compact).substr(0, end);
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

std::string markdown_to_html(std::string_view gfm, const MarkdownOptions& options) {
  register_extensions();
  cmark_parser* parser = cmark_parser_new(kOptions);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) attach(parser, name);
  cmark_parser_feed(parser, gfm.data(), gfm.size());
  cmark_node* doc = cmark_parser_finish(parser);
  sanitise(doc, options);
  char* html = cmark_render_html(doc, kOptions, cmark_parser_get_syntax_extensions(parser));
  std::string out = html ? html : "";
  cmark_get_default_mem_allocator()->free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

namespace {
// Characters that can open inline Markdown anywhere in a line (emphasis,
// code, links, raw HTML, entities, tables, strikethrough).
bool opens_inline(unsigned char c) {
  switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
    case '!': case '|': case '~': case '&': case '#':
      return true;
    default:
      return false;
  }
}

// Escapes one line: inline openers everywhere, block markers (lists,
// headings, quotes, rules) only where they would start a block. Kept
// minimal so that Markdown staff edit stays readable ("38.5/100", not
// "38\\.5\\/100").
void escape_line(const std::string& line, std::string& out) {
  size_t i = 0;
  // A marker only starts a block when a space, the end of the line or (for
  // rules and setext underlines) the same character follows it.
  auto ends_marker = [&](size_t at, char same) {
    return at >= line.size() || line[at] == ' ' || line[at] == '\t' || line[at] == same;
  };
  if (!line.empty() && (line[0] == '-' || line[0] == '+' || line[0] == '=') && ends_marker(1, line[0])) {
    out += '\\';
    out += line[0];
    i = 1;
  } else {
    // "1. x" / "1) x": ordered lists.
    size_t d = 0;
    while (d < line.size() && d < 9 && line[d] >= '0' && line[d] <= '9') ++d;
    if (d > 0 && d < line.size() && (line[d] == '.' || line[d] == ')') && ends_marker(d + 1, '\0')) {
      out += line.substr(0, d);
      out += '\\';
      out += line[d];
      i = d + 1;
    }
  }
  for (; i < line.size(); ++i) {
    unsigned char c = line[i];
    if (opens_inline(c)) out += '\\';
    out += static_cast<char>(c);
  }
}
}  // namespace

std::string markdown_escape(std::string_view text) {
  std::string normalized(text);
  replace_all(normalized, "\r\n", "\n");
  replace_all(normalized, "\r", "\n");
  std::string out;
  for (const auto& raw_line : split(normalized, '\n')) {
    std::string line = trim(raw_line);
    if (line.empty()) continue;
    if (!out.empty()) out += "\\\n";  // hard line break
    escape_line(line, out);
  }
  return out;
}

std::string markdown_table_cell(std::string_view text) {
  std::string flat(text);
  for (char& c : flat)
    if (c == '\r' || c == '\n') c = ' ';
  return markdown_escape(flat);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace kyosei
