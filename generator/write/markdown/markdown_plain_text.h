// Markdown (the untrusted GFM of 概要 and narratives) as plain text, for
// places that cannot show markup: spreadsheet cells, CSV, search indexes.
// Markup is dropped, the text kept; raw HTML is dropped entirely (as the
// site drops it); paragraphs and list items stay on their own lines.
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

// "**強調** と [リンク](https://example.jp)" -> "強調 と リンク".
// No trailing newline; no line wrapping.
std::string markdown_to_plain_text(std::string_view markdown);

// The same text as compact as a spreadsheet cell wants it: one line per
// paragraph, list item or table row, no blank lines, 「・」 before a
// bullet item and "1. " before a numbered one, 「　」 per level of nesting.
// "段落\n\n- 項目A\n- 項目B" -> "段落\n・項目A\n・項目B".
std::string markdown_to_cell_text(std::string_view markdown);

}  // namespace kyosei
