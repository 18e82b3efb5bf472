// HTML pieces of the public site that Markdown cannot express: tables with
// a <caption> and header cells, links, headings, notes. Text is escaped here;
// only values of type SafeHtml are taken as they are, so escaping cannot be
// forgotten by accident.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kyosei {

// Trusted HTML (already escaped or rendered by markdown_to_html).
struct SafeHtml {
  std::string value;
};

// One table cell: text is escaped; SafeHtml is used as it is.
struct HtmlCell {
  HtmlCell(std::string text);  // NOLINT: implicit, so rows read as {"高齢", link}
  HtmlCell(const char* text);  // NOLINT
  HtmlCell(SafeHtml html);     // NOLINT
  std::string html;
  bool numeric = false;  // right-aligned (class "num")
};

// A number-like cell ("12人", "1,234,000円"), right-aligned.
HtmlCell numeric_cell(std::string text);

struct HtmlTable {
  std::string caption;               // says what the table lists; never empty
  std::vector<std::string> headers;  // column headers: <th scope="col">
  std::vector<std::vector<HtmlCell>> rows;
  bool row_headers = false;  // the first cell of each row is <th scope="row">
  std::string css_class;     // on <table>, e.g. "facts"
  std::string id;            // on <table>, for scripts (e.g. the filter)
  // Per row (same index as rows, may be shorter): data-* attributes for
  // scripts, as (name without "data-", value); values are escaped.
  std::vector<std::vector<std::pair<std::string, std::string>>> row_data;
};

// The table inside a horizontally scrolling region that keyboard users can
// focus and screen readers announce by the caption.
SafeHtml render_table(const HtmlTable& table);

// A two-column table of label / value rows: the facts about one thing.
SafeHtml render_facts(std::string caption, std::vector<std::pair<std::string, HtmlCell>> rows);

// <a href="href">text</a>; href must come from relative_link() or be a
// fragment, text is escaped.
SafeHtml html_link(std::string_view href, std::string_view text);

// Items joined by <br>, each escaped: several values in one cell.
SafeHtml html_lines(const std::vector<std::string>& items);

// A heading of the given level with an optional id, text escaped.
SafeHtml html_heading(int level, std::string_view text, std::string_view id = "");

// <p class="note">…</p>, text escaped.
SafeHtml html_note(std::string_view text);

// A horizontal bar for a chart drawn as a table: value / max of the width,
// an SVG hidden from assistive technology (the number is in the next
// cell; the table is the chart's text alternative). No inline style, so
// the Content-Security-Policy holds.
SafeHtml html_bar(double value, double max);

// Links joined by 「、」: several pages in one cell. Each pair is
// (href from relative_link, text); an empty href gives plain text.
SafeHtml html_link_list(const std::vector<std::pair<std::string, std::string>>& links);

}  // namespace kyosei

namespace kyosei {

// Tables written by markdown_to_html (a 概要, the plan's chapters) have no
// scrolling wrapper; this puts each bare <table> in the same focusable
// region render_table uses, labelled 「表1」「表2」… (unique on the page), so
// that on a phone a keyboard user can scroll them too.
std::string wrap_bare_tables(std::string html);

}  // namespace kyosei
