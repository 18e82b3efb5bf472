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

}  // namespace kyosei
