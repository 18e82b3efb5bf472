// Line-break opportunities for Japanese short texts in the HTML kyosei
// writes: the site and the printed drafts.
//
// Headings, table cells, captions, terms and menus are set with
// `word-break: keep-all` (site/assets/style.css, the print style of
// write/plan/plan_html.cc), so a browser breaks them
// only at spaces and punctuation. A long run such as
// 「基幹型地域包括支援センター運営事業」 has neither; at 390 px the browser
// then cuts it wherever the line ends (「運/営」). This pass gives such runs
// break opportunities (<wbr>) between words, found by ICU's Japanese word
// dictionary — the same segmentation the browser's Intl.Segmenter uses — so
// a line ends only between words. Prose is left to the browser
// (`word-break: auto-phrase`).
//
// Never a <wbr>:
//   - next to a number (「18,600,000円」「第3号」 stay one unit);
//   - before a word of hiragana only (particles and endings stay with the
//     word before them: 「支援の在り方」 breaks as 支援の｜在り方);
//   - inside a run of katakana (ICU cuts unknown katakana words: 「ウ|ェブ」);
//   - next to a one-character word (「圏域」「架空市」 stay whole);
//   - beside punctuation, brackets or spaces (the browser's own rules
//     apply there, kinsoku included);
//   - inside tags, attribute values, character references, <script>,
//     <style>, <pre>, <code>, <svg> or <textarea>.
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

// The page with <wbr> added inside the text of h1–h6, th, td, caption, dt,
// nav and the site title. Everything else is copied byte for byte, so the
// visible text (and the search index and the privacy guard, which drop
// tags) is unchanged.
std::string add_word_breaks(std::string_view html);

// The same for one run of plain text (no markup): the text with "<wbr>" at
// each allowed word boundary. For tests and for callers that escape first.
std::string add_word_breaks_to_text(std::string_view escaped_text);

// The page without the <wbr> above: for tests that look for a phrase in
// the markup.
std::string remove_word_breaks(std::string_view html);

}  // namespace kyosei
