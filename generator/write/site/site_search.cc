#include "write/site/site_search.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include <toml++/toml.h>
#include <unicode/uchar.h>

#include "base/resources.h"
#include "base/text.h"

namespace kyosei {

namespace {

constexpr const char* kDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

// Decodes one code point at s[i]; advances i. Invalid bytes give U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xfffd;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  i += len;
  return cp;
}

// Kanji and kana (after folding): the characters that form bigrams. The
// same ranges are in site/assets/search.js.
bool is_cjk(char32_t c) {
  return (c >= 0x3041 && c <= 0x30fa) || c == 0x30fc || c == 0x30fd || c == 0x30fe || c == 0x3005 ||
         c == 0x3006 || c == 0x3007 || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
         (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);
}

// Letters and digits of other scripts form words (JS: /[\p{L}\p{N}]/u).
bool is_word(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalpha(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER ||
         u_charType(static_cast<UChar32>(c)) == U_LETTER_NUMBER || u_charType(static_cast<UChar32>(c)) == U_OTHER_NUMBER;
}

char32_t fold(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  if ((c >= 0x3041 && c <= 0x3096) || c == 0x309d || c == 0x309e) return c + 0x60;  // hiragana -> katakana
  return c;
}

constexpr size_t kMaxWordChars = 40;
constexpr size_t kIndexedTextChars = 600;

std::u32string folded_code_points(std::string_view text) {
  std::string n = nfkc(text);
  std::u32string out;
  for (size_t i = 0; i < n.size();) out += fold(next_code_point(n, i));
  return out;
}

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

// The rewrites of data/search/variants.toml then readings.toml, folded,
// longest first (then by code points), each spelling once (the first
// group that has it wins), by first code point for the scan.
struct Rewrites {
  std::vector<std::pair<std::u32string, std::u32string>> ordered;
  std::unordered_map<char32_t, std::vector<size_t>> by_first;
};

const Rewrites& rewrites() {
  static const Rewrites all = [] {
    Rewrites r;
    std::vector<std::pair<std::u32string, std::u32string>> list;
    std::set<std::u32string> seen;
    for (const char* file : {"data/search/variants.toml", "data/search/readings.toml"}) {
      auto bytes = resource(file);
      if (!bytes) throw std::logic_error(std::string(file) + " is not embedded");
      toml::table doc = toml::parse(*bytes, std::string_view(file));
      if (auto* groups = doc["group"].as_array())
        for (auto& g : *groups) {
          auto* terms = g.as_table() ? (*g.as_table())["terms"].as_array() : nullptr;
          if (!terms || terms->empty()) continue;
          std::u32string to = folded_code_points((*terms)[0].value_or(std::string()));
          for (size_t k = 1; k < terms->size(); ++k) {
            std::u32string from = folded_code_points((*terms)[k].value_or(std::string()));
            if (from.empty() || from == to || !seen.insert(from).second) continue;
            list.push_back({from, to});
          }
        }
    }
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
    });
    r.ordered = std::move(list);
    for (size_t i = 0; i < r.ordered.size(); ++i) r.by_first[r.ordered[i].first[0]].push_back(i);
    return r;
  }();
  return all;
}

}  // namespace

std::u32string search_fold(std::string_view text) {
  std::u32string in = folded_code_points(text);
  const Rewrites& r = rewrites();
  std::u32string out;
  out.reserve(in.size());
  for (size_t p = 0; p < in.size();) {
    bool done = false;
    if (auto it = r.by_first.find(in[p]); it != r.by_first.end())
      for (size_t idx : it->second) {
        const auto& [from, to] = r.ordered[idx];
        if (in.compare(p, from.size(), from) == 0) {
          out += to;
          p += from.size();
          done = true;
          break;
        }
      }
    if (!done) out += in[p++];
  }
  return out;
}

std::string search_fold_utf8(std::string_view text) { return utf8(search_fold(text)); }

namespace {

// One kanji/kana term as a number: the first code point above the second
// (21 bits each; 0 as the second for a run of one character).
uint64_t pack_term(char32_t first, char32_t second) { return (static_cast<uint64_t>(first) << 21) | second; }

void append_packed_term(std::string& out, uint64_t term) {
  append_utf8(out, static_cast<char32_t>(term >> 21));
  if (char32_t second = static_cast<char32_t>(term & 0x1fffff)) append_utf8(out, second);
}

// Cuts folded text into its terms (steps 3-5 above), in order, repeats
// kept: on_pair(packed) for each kanji/kana term, on_word(text) for words.
template <typename OnPair, typename OnWord>
void scan_terms(const std::u32string& folded, OnPair on_pair, OnWord on_word) {
  size_t run_start = 0, run_end = 0;  // the current run, [start, end)
  bool run_is_cjk = false;
  auto flush = [&] {
    if (run_end == run_start) return;
    if (run_is_cjk) {
      if (run_end - run_start == 1) on_pair(pack_term(folded[run_start], 0));
      for (size_t k = run_start; k + 1 < run_end; ++k) on_pair(pack_term(folded[k], folded[k + 1]));
    } else {
      std::string word;
      for (size_t k = run_start; k < run_end && k - run_start < kMaxWordChars; ++k) append_utf8(word, folded[k]);
      on_word(std::move(word));
    }
    run_start = run_end;
  };
  for (size_t i = 0; i < folded.size(); ++i) {
    char32_t c = folded[i];
    bool cjk = is_cjk(c);
    if (!cjk && !is_word(c)) {
      flush();
      run_start = run_end = i + 1;
      continue;
    }
    if (run_end > run_start && cjk != run_is_cjk) flush();
    run_is_cjk = cjk;
    run_end = i + 1;
  }
  flush();
}

// A set of packed terms for one page, open-addressed and sized for its
// text: a page's terms are made unique in one pass instead of sorting
// them all (PDF pages have tens of thousands). A term is never 0 (its
// first code point is a kanji or kana), so 0 marks a free slot.
class TermSet {
 public:
  explicit TermSet(size_t most) {
    size_t n = 16;
    while (n < 2 * most) n <<= 1;
    slots_.assign(n, 0);
    mask_ = n - 1;
  }
  bool insert(uint64_t term) {
    size_t i = mix(term) & mask_;
    while (slots_[i]) {
      if (slots_[i] == term) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = term;
    return true;
  }

 private:
  static size_t mix(uint64_t x) {
    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ULL;
    return static_cast<size_t>(x ^ (x >> 29));
  }
  std::vector<uint64_t> slots_;
  size_t mask_ = 0;
};

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> out;
  scan_terms(
      search_fold(text),
      [&](uint64_t term) {
        out.emplace_back();
        append_packed_term(out.back(), term);
      },
      [&](std::string word) { out.push_back(std::move(word)); });
  return out;
}

std::string encode_postings(const std::vector<uint32_t>& ids) {
  std::string out;
  long long previous = -1;
  for (uint32_t id : ids) {
    uint64_t gap = static_cast<uint64_t>(static_cast<long long>(id) - previous);
    previous = id;
    char digits[16];
    int count = 0;
    do {
      digits[count++] = static_cast<char>(gap & 31);
      gap >>= 5;
    } while (gap);
    for (int k = count - 1; k >= 0; --k) out += kDigits[digits[k] + (k > 0 ? 32 : 0)];
  }
  return out;
}

std::vector<uint32_t> decode_postings(std::string_view encoded) {
  std::vector<uint32_t> out;
  long long previous = -1;
  uint64_t value = 0;
  for (char c : encoded) {
    const char* p = std::char_traits<char>::find(kDigits, 64, c);
    if (!p) return {};
    int index = static_cast<int>(p - kDigits);
    value = value * 32 + (index & 31);
    if (index < 32) {
      previous += static_cast<long long>(value);
      out.push_back(static_cast<uint32_t>(previous));
      value = 0;
    }
  }
  return out;
}

std::string search_excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  size_t chars = 0;
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t c = next_code_point(text, i);
    bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xa0;
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (chars + (space ? 2 : 1) > max_chars) {  // a space before it counts too
      out += "…";
      return out;
    }
    if (space) {
      out += ' ';
      ++chars;
      space = false;
    }
    out.append(text.substr(start, i - start));
    ++chars;
  }
  return out;
}

void SearchIndexBuilder::add(std::string_view path, std::string_view title, std::string_view section_label,
                             std::string_view description, std::string_view text) {
  add(prepare(path, title, section_label, description, text));
}

SearchIndexBuilder::Entry SearchIndexBuilder::prepare(std::string_view path, std::string_view title,
                                                      std::string_view section_label, std::string_view description,
                                                      std::string_view text) {
  // Without a description the excerpt would be the start of the text
  // again: left empty, search.js takes it from the text.
  Entry entry{std::string(path), std::string(title), std::string(section_label),
              description.empty() ? std::string() : search_excerpt(description, 60),
              search_excerpt(text, kIndexedTextChars), {}, {}};
  const std::u32string folded =
      search_fold(std::string(title) + "\n" + std::string(description) + "\n" + std::string(text));
  TermSet seen(folded.size());  // at most one term per code point
  scan_terms(
      folded,
      [&](uint64_t term) {
        if (seen.insert(term)) entry.kana_kanji_terms.push_back(term);
      },
      [&](std::string word) { entry.word_terms.push_back(std::move(word)); });
  sort_unique(entry.word_terms);
  return entry;
}

void SearchIndexBuilder::add(Entry entry) {
  uint32_t id = static_cast<uint32_t>(pages_.size());
  pages_.push_back({std::move(entry.path), std::move(entry.title), std::move(entry.section), std::move(entry.excerpt),
                    std::move(entry.text)});
  // Each term is once in the entry and ids only grow: every list stays
  // ascending without sorting.
  for (uint64_t term : entry.kana_kanji_terms) kana_kanji_terms_[term].push_back(id);
  for (auto& term : entry.word_terms) word_terms_[std::move(term)].push_back(id);
}

namespace {

// A JSON string literal; "<" is escaped too, so the file can never close
// a script element it were ever inlined into.
std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<': out += "\\u003c"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  // U+2028/2029 are line ends in older JavaScript.
  replace_all(out, "\xe2\x80\xa8", "\\u2028");
  replace_all(out, "\xe2\x80\xa9", "\\u2029");
  return out + "\"";
}

}  // namespace

std::string SearchIndexBuilder::javascript() const {
  std::string out = "/* kyosei の公開サイトの検索索引（自動生成。編集しないでください） */\n";
  out += "window.KYOSEI_SEARCH_INDEX={\"v\":2,\"variants\":[\n";
  const auto& list = rewrites().ordered;
  for (size_t i = 0; i < list.size(); ++i)
    out += "[" + json_string(utf8(list[i].first)) + "," + json_string(utf8(list[i].second)) + "]" +
           (i + 1 < list.size() ? ",\n" : "\n");
  out += "],\"pages\":[\n";
  for (size_t i = 0; i < pages_.size(); ++i) {
    const Page& p = pages_[i];
    out += "[" + json_string(p.path) + "," + json_string(p.title) + "," + json_string(p.section) + "," +
           json_string(p.excerpt) + "," + json_string(p.text) + "]" + (i + 1 < pages_.size() ? ",\n" : "\n");
  }
  out += "],\"terms\":{\n";
  std::vector<std::pair<std::string, const std::vector<uint32_t>*>> sorted;
  sorted.reserve(term_count());
  for (const auto& [term, ids] : kana_kanji_terms_) {
    sorted.emplace_back(std::string(), &ids);
    append_packed_term(sorted.back().first, term);
  }
  for (const auto& [term, ids] : word_terms_) sorted.emplace_back(term, &ids);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t k = 0;
  for (const auto& [term, ids] : sorted)
    out += json_string(term) + ":\"" + encode_postings(*ids) + "\"" + (++k < sorted.size() ? ",\n" : "\n");
  out += "}};\n";
  return out;
}

}  // namespace kyosei
