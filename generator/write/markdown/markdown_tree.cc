#include "write/markdown/markdown_tree.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <algorithm>
#include <optional>

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

void attach(cmark_parser* parser, const char* name) {
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
    cmark_parser_attach_syntax_extension(parser, ext);
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

std::string take(char* s) {
  std::string out = s ? s : "";
  cmark_get_default_mem_allocator()->free(s);
  return out;
}

}  // namespace

MarkdownTree::MarkdownTree(std::string_view gfm, const MarkdownOptions& options) {
  register_extensions();
  parser_ = cmark_parser_new(kOptions);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) attach(parser_, name);
  cmark_parser_feed(parser_, gfm.data(), gfm.size());
  doc_ = cmark_parser_finish(parser_);
  sanitise(doc_, options);
}

MarkdownTree::~MarkdownTree() {
  cmark_node_free(doc_);
  cmark_parser_free(parser_);
}

std::string MarkdownTree::html(cmark_node* node) const {
  return take(cmark_render_html(node, kOptions, cmark_parser_get_syntax_extensions(parser_)));
}

std::string MarkdownTree::children_html(cmark_node* node) const {
  std::string out;
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) out += html(c);
  return out;
}

std::string MarkdownTree::plain_text(cmark_node* node) const {
  // The plain-text renderer drops raw HTML tags and keeps their text.
  return trim(take(cmark_render_plaintext(node, CMARK_OPT_DEFAULT, 0)));
}

std::vector<cmark_node*> MarkdownTree::nodes_named(std::string_view type) const {
  std::vector<cmark_node*> out;
  cmark_iter* it = cmark_iter_new(doc_);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && type == cmark_node_get_type_string(node)) out.push_back(node);
  }
  cmark_iter_free(it);
  return out;
}

void MarkdownTree::replace_with_html(cmark_node* node, const std::string& html) {
  // A custom block writes on_enter verbatim between line breaks, as a
  // block of its own: what a heading or table writes too.
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(block, html.c_str());
  cmark_node_set_on_exit(block, "");
  cmark_node_replace(node, block);
  cmark_node_free(node);
}

std::string table_html(const MarkdownTree& tree, cmark_node* table, std::string_view table_attributes) {
  // The layout of cmark-gfm's own table renderer (extensions/table.c).
  const uint8_t* align = cmark_gfm_extensions_get_table_alignments(table);
  uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
  std::string out = "<table";
  if (!table_attributes.empty()) out += " " + std::string(table_attributes);
  out += ">\n";
  bool in_body = false;
  for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
    bool header = cmark_gfm_extensions_get_table_row_is_header(row) != 0;
    if (header) out += "<thead>\n";
    else if (!in_body) {
      out += "<tbody>\n";
      in_body = true;
    }
    out += "<tr>\n";
    uint16_t i = 0;
    for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++i) {
      out += header ? "<th" : "<td";
      switch (align && i < columns ? align[i] : 0) {
        case 'l': out += " align=\"left\""; break;
        case 'c': out += " align=\"center\""; break;
        case 'r': out += " align=\"right\""; break;
        default: break;
      }
      out += ">" + tree.children_html(cell) + (header ? "</th>\n" : "</td>\n");
    }
    out += "</tr>\n";
    if (header) out += "</thead>\n";
  }
  if (in_body) out += "</tbody>\n";
  out += "</table>\n";
  return out;
}

// --- Editing Markdown text by its tree ------------------------------------

namespace {

// Lines, each without its "\n"; a final line without "\n" is kept.
std::vector<std::string_view> lines_of(std::string_view md) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < md.size()) {
    size_t nl = md.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back(md.substr(start));
      break;
    }
    out.push_back(md.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// The text of an ATX heading line: after the #s, without a closing run of
// #s, trimmed.
std::string heading_text(std::string_view line) {
  size_t i = line.find('#');
  while (i < line.size() && line[i] == '#') ++i;
  std::string text = trim(line.substr(i));
  size_t end = text.find_last_not_of('#');
  if (end != std::string::npos && end + 1 < text.size() && (text[end] == ' ' || text[end] == '\t'))
    text = trim(text.substr(0, end));
  return text;
}

struct HeadingLine {
  size_t line = 0;  // index into lines_of(md)
  int level = 0;
};

// The top-level ATX headings of md, from its block structure. Parsed
// without the GFM extensions, which is ten times faster on a chapter of
// big tables and finds the same ATX headings: a heading line ends a table
// as it ends a paragraph, and the extensions' other parts are inline. What
// differs (table lines read as a paragraph, so a "---" below becomes a
// setext heading) is a setext heading, which spans two lines and is
// skipped, as setext headings always were.
std::vector<HeadingLine> heading_lines(std::string_view md, const std::vector<std::string_view>& lines) {
  std::vector<HeadingLine> out;
  cmark_parser* parser = cmark_parser_new(kOptions);
  cmark_parser_feed(parser, md.data(), md.size());
  cmark_node* doc = cmark_parser_finish(parser);
  for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
    if (cmark_node_get_type(n) != CMARK_NODE_HEADING) continue;
    int start = cmark_node_get_start_line(n);
    if (start < 1 || static_cast<size_t>(start) > lines.size()) continue;
    if (cmark_node_get_end_line(n) != start) continue;  // setext: text, then its underline
    std::string_view line = lines[static_cast<size_t>(start - 1)];
    if (trim(line).rfind('#', 0) != 0) continue;  // setext
    out.push_back({static_cast<size_t>(start - 1), cmark_node_get_heading_level(n)});
  }
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

std::string join_lines(const std::vector<std::string>& lines, bool trailing_newline) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (i + 1 < lines.size() || trailing_newline) out += '\n';
  }
  return out;
}

bool ends_with_newline(std::string_view md) { return !md.empty() && md.back() == '\n'; }

// md with each heading line passed through edit(level, text) (which returns
// the new line, or nullopt to keep it).
template <typename Edit>
std::string edit_headings(std::string_view md, Edit edit) {
  auto lines = lines_of(md);
  std::vector<std::string> out(lines.begin(), lines.end());
  for (const auto& h : heading_lines(md, lines))
    if (auto line = edit(h.level, heading_text(lines[h.line]))) out[h.line] = *line;
  return join_lines(out, ends_with_newline(md));
}

}  // namespace

bool is_plain_markdown_line(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  const unsigned char first = static_cast<unsigned char>(s.front());
  if (first == '#' || first == '+' || first == '-' || first == '=' || (first >= '0' && first <= '9')) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f || std::string_view("\\`*_~[]!<>&|\"':@").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  // The autolink extension links "www." without a scheme.
  if (s.find("www.") != std::string_view::npos) return false;
  return is_valid_utf8(s);
}

std::vector<MarkdownHeading> markdown_headings(std::string_view md) {
  auto lines = lines_of(md);
  std::vector<MarkdownHeading> out;
  for (const auto& h : heading_lines(md, lines)) out.push_back({h.level, heading_text(lines[h.line])});
  return out;
}

std::string shift_headings(std::string_view md, int by) {
  if (by == 0) return std::string(md);
  return edit_headings(md, [by](int level, const std::string& text) -> std::optional<std::string> {
    int to = std::min(6, std::max(1, level + by));
    return std::string(static_cast<size_t>(to), '#') + " " + text;
  });
}

std::string prefix_first_heading(std::string_view md, std::string_view prefix) {
  bool done = false;
  return edit_headings(md, [&](int level, const std::string& text) -> std::optional<std::string> {
    if (done || level != 1) return std::nullopt;
    done = true;
    return "# " + std::string(prefix) + text;
  });
}

std::string drop_leading_heading(std::string_view md, int max_level) {
  auto lines = lines_of(md);
  size_t i = 0;
  while (i < lines.size() && trim(lines[i]).empty()) ++i;
  if (i == lines.size()) return std::string(md);
  auto headings = heading_lines(md, lines);
  if (headings.empty() || headings.front().line != i || headings.front().level > max_level) return std::string(md);
  ++i;
  while (i < lines.size() && trim(lines[i]).empty()) ++i;
  std::vector<std::string> rest(lines.begin() + static_cast<long>(i), lines.end());
  return join_lines(rest, ends_with_newline(md));
}

std::string without_tables(std::string_view md) {
  auto lines = lines_of(md);
  std::vector<bool> in_table(lines.size(), false);
  MarkdownTree tree(md);
  for (cmark_node* t : tree.nodes_named("table"))
    for (int l = cmark_node_get_start_line(t); l <= cmark_node_get_end_line(t); ++l)
      if (l >= 1 && static_cast<size_t>(l) <= lines.size()) in_table[static_cast<size_t>(l - 1)] = true;
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i)
    if (!in_table[i]) out += std::string(lines[i]) + "\n";
  return out;
}

std::vector<MarkdownSection> split_sections(std::string_view md, int max_level) {
  auto lines = lines_of(md);
  auto headings = heading_lines(md, lines);
  std::vector<MarkdownSection> out(1);
  size_t next = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    while (next < headings.size() && headings[next].line < i) ++next;
    if (next < headings.size() && headings[next].line == i && headings[next].level <= max_level) {
      out.push_back({heading_text(lines[i]), headings[next].level, ""});
      continue;
    }
    out.back().body += std::string(lines[i]) + "\n";
  }
  if (trim(out.front().body).empty()) out.erase(out.begin());
  return out;
}

}  // namespace kyosei
