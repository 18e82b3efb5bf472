// The heading structure of generated Markdown: find, shift, number and drop
// ATX headings ("## 見出し"), and cut a document into its sections. Lines
// inside fenced code blocks (``` or ~~~) are never taken as headings.
// Setext headings (text underlined with === or ---) are not recognised.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kyosei {

struct MarkdownHeading {
  int level = 0;      // 1..6
  std::string text;   // the Markdown after the #s, trimmed (still escaped)
};

// Every ATX heading, in order.
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

struct MarkdownSection {
  std::string heading;  // text of the heading that opens it; "" before the first
  int level = 0;
  std::string body;     // the lines under it, up to the next heading of level <= max_level
};

// Cuts md at every heading of level <= max_level.
std::vector<MarkdownSection> split_sections(std::string_view md, int max_level);

}  // namespace kyosei
