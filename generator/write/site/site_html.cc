#include "write/site/site_html.h"

#include <algorithm>
#include <cmath>

#include "write/markdown/markdown_html.h"

namespace kyosei {

HtmlCell::HtmlCell(std::string text) : html(html_escape(text)) {}
HtmlCell::HtmlCell(const char* text) : html(html_escape(text)) {}
HtmlCell::HtmlCell(SafeHtml h) : html(std::move(h.value)) {}

HtmlCell numeric_cell(std::string text) {
  HtmlCell c(std::move(text));
  c.numeric = true;
  return c;
}

SafeHtml render_table(const HtmlTable& table) {
  std::string out = "<div class=\"table-scroll\" role=\"region\" aria-label=\"" + html_escape(table.caption) +
                    "\" tabindex=\"0\">\n<table";
  if (!table.id.empty()) out += " id=\"" + html_escape(table.id) + "\"";
  if (!table.css_class.empty()) out += " class=\"" + html_escape(table.css_class) + "\"";
  out += ">\n<caption>" + html_escape(table.caption) + "</caption>\n";
  if (!table.headers.empty()) {
    out += "<thead>\n<tr>";
    for (const auto& h : table.headers) out += "<th scope=\"col\">" + html_escape(h) + "</th>";
    out += "</tr>\n</thead>\n";
  }
  out += "<tbody>\n";
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    out += "<tr";
    if (r < table.row_data.size())
      for (const auto& [name, value] : table.row_data[r]) out += " data-" + name + "=\"" + html_escape(value) + "\"";
    out += ">";
    for (size_t i = 0; i < row.size(); ++i) {
      const char* tag = table.row_headers && i == 0 ? "th" : "td";
      out += std::string("<") + tag;
      if (table.row_headers && i == 0) out += " scope=\"row\"";
      if (row[i].numeric) out += " class=\"num\"";
      out += ">" + row[i].html + "</" + tag + ">";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
  return {out};
}

SafeHtml render_facts(std::string caption, std::vector<std::pair<std::string, HtmlCell>> rows) {
  HtmlTable t;
  t.caption = std::move(caption);
  t.row_headers = true;
  t.css_class = "facts";
  for (auto& [label, value] : rows) t.rows.push_back({HtmlCell(label), std::move(value)});
  return render_table(t);
}

SafeHtml html_link(std::string_view href, std::string_view text) {
  return {"<a href=\"" + html_escape(href) + "\">" + html_escape(text) + "</a>"};
}

SafeHtml html_lines(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += "<br>";
    out += html_escape(items[i]);
  }
  return {out};
}

SafeHtml html_heading(int level, std::string_view text, std::string_view id) {
  std::string tag = "h" + std::to_string(level);
  std::string out = "<" + tag;
  if (!id.empty()) out += " id=\"" + html_escape(id) + "\"";
  return {out + ">" + html_escape(text) + "</" + tag + ">\n"};
}

SafeHtml html_note(std::string_view text) { return {"<p class=\"note\">" + html_escape(text) + "</p>\n"}; }

SafeHtml html_bar(double value, double max) {
  constexpr int kWidth = 160;
  int w = max > 0 && value > 0 ? static_cast<int>(std::lround(kWidth * std::min(value, max) / max)) : 0;
  if (value > 0 && w == 0) w = 1;
  return {"<svg class=\"bar\" width=\"" + std::to_string(kWidth) + "\" height=\"14\" viewBox=\"0 0 " +
          std::to_string(kWidth) + " 14\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"bar-track\" width=\"" +
          std::to_string(kWidth) + "\" height=\"14\"></rect><rect class=\"bar-value\" width=\"" + std::to_string(w) +
          "\" height=\"14\"></rect></svg>"};
}

SafeHtml html_link_list(const std::vector<std::pair<std::string, std::string>>& links) {
  std::string out;
  for (size_t i = 0; i < links.size(); ++i) {
    if (i) out += "、";
    out += links[i].first.empty() ? html_escape(links[i].second) : html_link(links[i].first, links[i].second).value;
  }
  return {out};
}

}  // namespace kyosei

namespace kyosei {

std::string wrap_bare_tables(std::string html) {
  static const std::string open = "<table>\n<thead>";
  std::string out;
  size_t at = 0;
  int n = 0;
  for (size_t p; (p = html.find(open, at)) != std::string::npos;) {
    size_t close = html.find("</table>", p);
    if (close == std::string::npos) break;
    close += 8;
    out.append(html, at, p - at);
    out += "<div class=\"prose-table table-scroll\" role=\"region\" aria-label=\"表" + std::to_string(++n) + "\" tabindex=\"0\">\n";
    out.append(html, p, close - p);
    out += "\n</div>";
    at = close;
  }
  if (n == 0) return html;
  out.append(html, at, std::string::npos);
  return out;
}

}  // namespace kyosei
