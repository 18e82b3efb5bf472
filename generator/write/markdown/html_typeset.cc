#include "write/markdown/html_typeset.h"

#include "write/markdown/html_text.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace kyosei {
namespace {

constexpr std::string_view kBreak = "<wbr>";

// Elements whose text is set keep-all in style.css, so they need the breaks:
// the name as a static string (kept while inside), or empty.
std::string_view short_element(std::string_view name) {
  static constexpr std::array<std::string_view, 11> names = {"h1", "h2", "h3", "h4", "h5",      "h6",
                                                             "th", "td", "caption", "dt", "nav"};
  if (name.empty() || name.size() > 7) return {};  // every page's every tag passes here
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? std::string_view() : *it;
}

// Elements whose content is copied untouched (code, drawings, form text).
bool is_verbatim_element(std::string_view name) {
  return name == "script" || name == "style" || name == "pre" || name == "code" || name == "svg" ||
         name == "textarea";
}

bool is_katakana(UChar32 c) { return (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F); }

UChar32 first_char(std::string_view s) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c;
}

UChar32 last_char(std::string_view s) {
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  U8_PREV(s.data(), 0, i, c);
  return c;
}

size_t char_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool all_hiragana(std::string_view s) {
  for (int32_t i = 0; i < static_cast<int32_t>(s.size());) {
    UChar32 c;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    if (c < 0x3041 || c > 0x309F) return false;
  }
  return !s.empty();
}

// ICU's rule status classes for a word segment.
enum class Kind { none, number, word };

Kind kind_of(int32_t status) {
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return Kind::number;
  if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_IDEO_LIMIT) return Kind::word;
  return Kind::none;
}

struct BreakIteratorCloser {
  void operator()(UBreakIterator* b) const { ubrk_close(b); }
};

// One Japanese word iterator per thread (pages are rendered in parallel).
UBreakIterator* word_iterator() {
  thread_local std::unique_ptr<UBreakIterator, BreakIteratorCloser> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator* b = ubrk_open(UBRK_WORD, "ja", nullptr, 0, &status);
    return std::unique_ptr<UBreakIterator, BreakIteratorCloser>(U_SUCCESS(status) ? b : nullptr);
  }();
  return it.get();
}

void break_plain_uncached(std::string_view text, std::string& out);

// Looked up by string_view: most runs are found, and need no copy.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The same short texts (menu items, column names, area and service names)
// recur on thousands of pages, rendered on several threads: each is
// segmented once per build, in a cache shared by the threads and split in
// shards so that they seldom wait for each other. Segmenting is a pure
// function of the text, so the order in which threads fill it does not
// matter.
class BreakCache {
 public:
  void append(std::string_view text, std::string& out) {
    if (text.empty()) return;
    const size_t hash = TextHash{}(text);
    // A small direct-mapped copy per thread answers most lookups (menus and
    // column names on every page) without the shard's lock.
    struct Recent {
      std::string text, broken;
    };
    thread_local std::array<Recent, kRecent> recent;
    Recent& slot = recent[(hash / kShards) % kRecent];
    if (slot.text == text) {
      out += slot.broken;
      return;
    }
    const size_t before = out.size();
    append_shared(text, hash, out);
    slot.text.assign(text);
    slot.broken.assign(out, before, std::string::npos);
  }

 private:
  void append_shared(std::string_view text, size_t hash, std::string& out) {
    Shard& shard = shards_[hash % kShards];
    {
      std::lock_guard<std::mutex> lock(shard.mutex);
      auto found = shard.map.find(text);
      if (found != shard.map.end()) {
        out += found->second;
        return;
      }
    }
    std::string broken;
    break_plain_uncached(text, broken);
    out += broken;
    std::lock_guard<std::mutex> lock(shard.mutex);
    if (shard.map.size() > kMaxPerShard) shard.map.clear();  // bounded memory
    shard.map.emplace(std::string(text), std::move(broken));
  }

  static constexpr size_t kShards = 64, kMaxPerShard = 4096, kRecent = 512;
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> map;
  };
  std::array<Shard, kShards> shards_;
};

// Appends plain text (no markup, no character references) with breaks.
void break_plain(std::string_view text, std::string& out) {
  if (text.size() > 256) return break_plain_uncached(text, out);
  static BreakCache cache;
  cache.append(text, out);
}

void break_plain_uncached(std::string_view text, std::string& out) {
  UBreakIterator* it = word_iterator();
  bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!it || ascii || text.size() > 100000) {  // spaces already break Latin text
    out += text;
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  ubrk_setUText(it, ut, &status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    out += text;
    return;
  }
  struct Segment {
    size_t begin, end;
    Kind kind;
  };
  std::vector<Segment> segments;
  for (int32_t begin = ubrk_first(it), end = ubrk_next(it); end != UBRK_DONE; begin = end, end = ubrk_next(it))
    segments.push_back({static_cast<size_t>(begin), static_cast<size_t>(end), kind_of(ubrk_getRuleStatus(it))});
  utext_close(ut);

  // Segments gather into phrases (文節-like): a break only before a word of
  // two or more characters that is not hiragana (particles, endings and
  // one-character suffixes such as 者・等・型・市 stay with the word before),
  // never after a one-character prefix that opens a phrase (多|機関), and
  // never inside a katakana run (ICU cuts unknown katakana words: 「ウ|ェブ」).
  size_t copied = 0;
  size_t phrase_start = 0;  // first segment of the current phrase
  for (size_t i = 1; i < segments.size(); ++i) {
    const Segment& a = segments[i - 1];
    const Segment& b = segments[i];
    if (a.kind != Kind::word || b.kind != Kind::word) {
      phrase_start = i;
      continue;
    }
    std::string_view left = text.substr(a.begin, a.end - a.begin), right = text.substr(b.begin, b.end - b.begin);
    if (all_hiragana(right) || char_count(right) < 2) continue;
    if (char_count(left) < 2 && !all_hiragana(left) && phrase_start == i - 1) continue;
    if (is_katakana(last_char(left)) && is_katakana(first_char(right))) continue;
    out.append(text.substr(copied, b.begin - copied));
    out += kBreak;
    copied = b.begin;
    phrase_start = i;
  }
  out.append(text.substr(copied));
}

// Text as it stands in HTML: character references split it into runs, and
// no break goes next to one.
void break_escaped(std::string_view text, std::string& out) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) {
      break_plain(text.substr(pos), out);
      return;
    }
    size_t semi = text.find(';', amp);
    if (semi == std::string_view::npos) semi = text.size() - 1;
    break_plain(text.substr(pos, amp - pos), out);
    out.append(text.substr(amp, semi + 1 - amp));
    pos = semi + 1;
  }
}

std::string_view tag_name(std::string_view tag) {  // tag: "<…>" or "</…>"
  size_t b = tag.size() > 1 && tag[1] == '/' ? 2 : 1;
  size_t e = b;
  while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-')) ++e;
  return tag.substr(b, e - b);
}

// End of the tag starting at `lt` (one past '>'), quotes respected.
size_t tag_end(std::string_view html, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

}  // namespace

std::string add_word_breaks_to_text(std::string_view escaped_text) {
  std::string out;
  break_escaped(escaped_text, out);
  return out;
}

std::string remove_word_breaks(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (size_t pos = 0;;) {
    size_t p = html.find(kBreak, pos);
    out.append(html.substr(pos, p == std::string_view::npos ? std::string_view::npos : p - pos));
    if (p == std::string_view::npos) return out;
    pos = p + kBreak.size();
  }
}

std::string add_word_breaks(std::string_view html) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  std::vector<std::string_view> open;  // short elements we are inside, innermost last (static names)
  size_t pos = 0;
  while (pos < html.size()) {
    size_t lt = html.find('<', pos);
    std::string_view text = html.substr(pos, (lt == std::string_view::npos ? html.size() : lt) - pos);
    if (open.empty()) out += text;
    else break_escaped(text, out);
    if (lt == std::string_view::npos) break;

    if (html.compare(lt, 4, "<!--") == 0) {
      size_t end = html.find("-->", lt + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      out.append(html.substr(lt, end - lt));
      pos = end;
      continue;
    }
    size_t end = tag_end(html, lt);
    std::string_view tag = html.substr(lt, end - lt);
    out += tag;
    pos = end;
    bool closing = tag.size() > 1 && tag[1] == '/';
    const HtmlTagName lowered(tag_name(tag));
    const std::string_view name = lowered.view();
    if (name.empty()) continue;
    if (closing) {
      if (!open.empty() && open.back() == name) open.pop_back();
      continue;
    }
    if (tag.size() > 1 && tag[tag.size() - 2] == '/') continue;  // <… />
    if (is_verbatim_element(name)) {
      // Copy up to and including the matching end tag (these do not nest in our pages).
      const std::string close = "</" + std::string(name);
      size_t stop = pos;
      for (;;) {
        stop = html.find(close, stop);
        if (stop == std::string_view::npos) break;
        char after = stop + close.size() < html.size() ? html[stop + close.size()] : '>';
        if (after == '>' || after == ' ' || after == '\t' || after == '\n') break;
        stop += close.size();
      }
      size_t stop_end = stop == std::string_view::npos ? html.size() : tag_end(html, stop);
      out.append(html.substr(pos, stop_end - pos));
      pos = stop_end;
      continue;
    }
    if (std::string_view known = short_element(name); !known.empty()) open.push_back(known);
    else if (name == "p" && tag.find("site-title") != std::string_view::npos) open.push_back("p");
  }
  return out;
}

}  // namespace kyosei
