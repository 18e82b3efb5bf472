// Full-text search for the public site without any server: the index is
// built here at generation time and shipped as assets/search-index.js, a
// script that assigns one global (window.KYOSEI_SEARCH_INDEX), loaded by
// search.html with <script src>. A script, not JSON fetched at run time,
// because fetch() of a local file is blocked when the site is opened from
// a folder (file://); it works the same from a web server.
//
// Terms (search_terms; site/assets/search.js does exactly the same to the
// query):
//   1. NFKC (full-width letters and digits become ASCII, half-width kana
//      full-width), ASCII letters lower-cased;
//   2. hiragana folded to katakana (ひきこもり finds ヒキコモリ), so kana
//      spelling does not matter; kanji are kept as they are; then the
//      variants and readings of data/search/ rewritten (search_fold);
//   3. runs of kanji/kana give character bigrams (子ども食堂 -> 子ど ども も食
//      食堂); a run of one character gives that character;
//   4. runs of other letters and digits give words (NPO, 8050);
//   5. everything else (punctuation, spaces, symbols) separates runs.
// A page matches when it has every term of a word of the query; when no
// page has all of them, pages missing only the terms around one character
// (one wrong character) are shown, after the exact ones (search.js).
//
// Index format (compact at 政令市 scale, thousands of pages):
//   window.KYOSEI_SEARCH_INDEX = {"v":2,
//     "variants":[[from, to], ...],   // search_fold's rewrites, in the order applied
//     "pages":[[path, title, section label, excerpt, text], ...],   // id = position
//     "terms":{"アウ":"<postings>", ...}};
// text is the start of the page's text (600 characters): search.js cuts
// the snippet around the match from it and marks the match. The excerpt
// is "" when it would only repeat the start of text.
// postings: the ids of the pages with that term, ascending, as gaps
// (first id + 1, then differences), each gap a base-32 number written
// with the 64 characters 0-9 A-Z a-z - _ : a digit's value is its index
// mod 32; indexes 32..63 mean "more digits follow". Terms are sorted.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kyosei {

// The form text is compared in: NFKC, ASCII lower case, hiragana folded to
// katakana, then every spelling of data/search/variants.toml and
// readings.toml rewritten to its group's first one (longest first, left to
// right; the rewritten text is not scanned again). search.js does the same
// with the list the index carries ("variants").
std::u32string search_fold(std::string_view text);
std::string search_fold_utf8(std::string_view text);

// The terms of a text (after search_fold), in order, repeats kept.
std::vector<std::string> search_terms(std::string_view text);

// The posting encoding described above, and its inverse (for tests).
std::string encode_postings(const std::vector<uint32_t>& ids);
std::vector<uint32_t> decode_postings(std::string_view encoded);

class SearchIndexBuilder {
 public:
  // Adds one page. Pages must be added in the order they should be listed
  // among equals (write_site adds them by path).
  // The excerpt is made from description, or from text when it is empty.
  void add(std::string_view path, std::string_view title, std::string_view section_label,
           std::string_view description, std::string_view text);

  // The same in two steps, so that the costly part (cutting the text into
  // terms) can run on several pages at once: prepare() touches nothing
  // shared; add() the results in page order.
  struct Entry {
    std::string path, title, section, excerpt;
    std::string text;  // the start of the page's text (Page::text)
    // The page's terms, each once: kanji/kana ones packed into a number
    // (two code points, the second 0 for a lone character), so that
    // comparing and hashing them touches no string, in the order first
    // met; words as text, sorted.
    std::vector<uint64_t> kana_kanji_terms;
    std::vector<std::string> word_terms;
  };
  static Entry prepare(std::string_view path, std::string_view title, std::string_view section_label,
                       std::string_view description, std::string_view text);
  void add(Entry entry);

  std::size_t page_count() const { return pages_.size(); }
  std::size_t term_count() const { return kana_kanji_terms_.size() + word_terms_.size(); }

  // The whole assets/search-index.js.
  std::string javascript() const;

 private:
  struct Page {
    std::string path, title, section, excerpt;
    std::string text;  // the start of the page's text, for snippets around a match
  };
  std::vector<Page> pages_;
  // Unordered while adding (fast at 政令市 scale); sorted as text when
  // written. The two kinds never share a term (words have no kanji or kana).
  std::unordered_map<uint64_t, std::vector<uint32_t>> kana_kanji_terms_;
  std::unordered_map<std::string, std::vector<uint32_t>> word_terms_;
};

// The excerpt shown under a result: the start of the text, white space
// collapsed, at most max_chars characters, "…" when cut.
std::string search_excerpt(std::string_view text, std::size_t max_chars);

}  // namespace kyosei
