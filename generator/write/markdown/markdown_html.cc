#include "write/markdown/markdown_html.h"

#include "base/text.h"
#include "write/markdown/markdown_tree.h"

namespace kyosei {

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
  // What cmark-gfm writes for such a line, without parsing it.
  if (is_plain_markdown_line(gfm)) return "<p>" + std::string(gfm) + "</p>\n";
  return MarkdownTree(gfm, options).html();
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
