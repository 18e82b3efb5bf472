// Markdown (GFM) to HTML for text that staff type into the inputs (概要,
// narrative/*.md) and for the page bodies the site writer composes.
//
// Untrusted input is made safe here, in one place:
// - raw HTML is dropped (cmark-gfm without CMARK_OPT_UNSAFE writes
//   <!-- raw HTML omitted -->), and the tagfilter extension is on as well;
// - a link or image whose URL has a scheme other than http, https, mailto
//   or tel (javascript:, vbscript:, data:, file: ...) gets an empty URL;
//   relative URLs are kept.
// Extensions: table, strikethrough, autolink, tagfilter.
//
// Composing Markdown from input strings: pass every string through
// markdown_escape (or markdown_table_cell inside a table row) so that a
// 事業名 like 「*重要* [募集]」 stays literal text.
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

struct MarkdownOptions {
  // Added to every heading level (capped at 6), so that "# 見出し" inside
  // a 概要 sits below the page's own <h2> sections: use 2 there.
  int heading_shift = 0;
};

std::string markdown_to_html(std::string_view gfm, const MarkdownOptions& options = {});

// Backslash-escapes every ASCII punctuation character, so the text renders
// literally. Line breaks (CRLF, CR, LF) become hard line breaks within one
// paragraph; blank lines and indentation at line starts are dropped so the
// text cannot open a code block or a new block of another kind.
std::string markdown_escape(std::string_view text);

// markdown_escape for one cell of a GFM table row: line breaks become
// spaces (a row is one line) and the result is trimmed.
std::string markdown_table_cell(std::string_view text);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

// True when a link may point at url: relative, or scheme http, https,
// mailto or tel (case-insensitive; white space and control characters
// that browsers ignore are ignored here too).
bool is_allowed_link_url(std::string_view url);

}  // namespace kyosei
