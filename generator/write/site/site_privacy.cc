#include "write/site/site_privacy.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/bytestream.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "base/text.h"
#include "read/pdf_reader.h"
#include "write/markdown/html_text.h"

namespace kyosei {

namespace {

size_t utf8_char_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xe) return 3;
  if ((lead >> 3) == 0x1e) return 4;
  return 1;
}

// Bytes of the two code points starting at s[i] packed into 64 bits, or
// nullopt when fewer than two follow or they take more than 8 bytes.
bool prefix_key(std::string_view s, size_t i, uint64_t& key) {
  if (i >= s.size()) return false;
  size_t first = utf8_char_length(static_cast<unsigned char>(s[i]));
  if (i + first >= s.size()) return false;
  size_t second = utf8_char_length(static_cast<unsigned char>(s[i + first]));
  size_t len = first + second;
  if (i + len > s.size() || len > 8) return false;
  key = 0;
  std::memcpy(&key, s.data() + i, len);
  key ^= static_cast<uint64_t>(len) << 60;
  return true;
}

// The low `len` bytes of a 64-bit word read from memory (len < 8).
inline uint64_t mask_of_bytes(size_t len) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return (uint64_t{1} << (8 * len)) - 1;
#else
  return ~((~uint64_t{0}) >> (8 * len));
#endif
}

constexpr size_t kFilterBits = 1 << 16;
size_t filter_slot(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 48); }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

namespace {

// Whether privacy_fold drops a code point that survives NFKC_Casefold:
// white space, format and control characters, default-ignorables.
bool dropped_after_fold(UChar32 c) {
  // ASCII without the property look-ups (most of a page's markup-free
  // text around the Japanese): 0x00-0x20 and 0x7F are white space or
  // control characters, the rest is kept.
  if (c < 0x80) return c <= 0x20 || c == 0x7f;
  return u_isUWhiteSpace(c) || u_charType(c) == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         u_charType(c) == U_CONTROL_CHAR;
}

// dropped_after_fold for the BMP, looked up once per code point and
// thread (a page repeats the same few hundred characters): 0 not yet,
// 1 kept, 2 dropped. Fetched once per text (thread_local costs per access).
uint8_t* dropped_cache() {
  thread_local std::vector<uint8_t> known(0x10000, 0);
  return known.data();
}

bool dropped_after_fold_cached(uint8_t* known, UChar32 c) {
  if (c > 0xffff) return dropped_after_fold(c);
  uint8_t& k = known[static_cast<size_t>(c)];
  if (!k) k = dropped_after_fold(c) ? 2 : 1;
  return k == 2;
}

// The original form through UTF-16, for text that is not valid UTF-8
// (ICU replaces ill-formed sequences there with U+FFFD).
std::string privacy_fold_utf16(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString folded;
  if (U_SUCCESS(status)) folded = nfkc_cf->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))), status);
  if (U_FAILURE(status)) folded = icu::UnicodeString::fromUTF8(icu::StringPiece(nfkc(text)));
  icu::UnicodeString kept(folded.length(), 0, 0);  // capacity only
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (!dropped_after_fold(c)) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace

namespace {

// NFKC_Casefold of valid UTF-8 by ICU, without what privacy_fold drops,
// appended to out; false when ICU fails.
bool fold_with_icu(std::string_view text, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return false;
  std::string folded;
  folded.reserve(text.size());
  icu::StringByteSink<std::string> sink(&folded, static_cast<int32_t>(text.size()));
  nfkc_cf->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  if (U_FAILURE(status)) return false;
  // The kept bytes between two dropped code points go out in one piece.
  uint8_t* known = dropped_cache();
  const char* p = folded.data();
  const int32_t n = static_cast<int32_t>(folded.size());
  int32_t run = 0;  // folded[run, i) is kept, not yet appended
  for (int32_t i = 0; i < n;) {
    int32_t from = i;
    unsigned char b = static_cast<unsigned char>(p[i]);
    if (b < 0x80) {  // ASCII: 0x00-0x20 and 0x7F go (dropped_after_fold)
      ++i;
      if (b > 0x20 && b != 0x7f) continue;
    } else {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      if (c < 0) return false;  // not expected from ICU; the caller takes the safe way
      if (!dropped_after_fold_cached(known, c)) continue;
    }
    out.append(p + run, static_cast<size_t>(from - run));
    run = i;
  }
  out.append(p + run, static_cast<size_t>(n - run));
  return true;
}

// What privacy_fold does without ICU with the code point at s[i]: one that
// NFKC_Casefold leaves alone or maps to a single ASCII character, with a
// normalisation boundary before it (site_privacy_test.cc asks ICU).
struct FastCodePoint {
  size_t length = 0;  // 0: not one of them
  bool copied = false;  // kept as it is (plain Japanese)
  char ascii = 0;       // otherwise the ASCII character it folds to (0: dropped)
};
inline char fold_ascii(unsigned char c) {
  if (c <= 0x20 || c == 0x7f) return 0;  // white space and controls go
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}
inline FastCodePoint fast_at(const unsigned char* p, size_t i, size_t n) {
  const unsigned char b = p[i];
  if (b < 0x80) return {1, false, fold_ascii(b)};
  if ((b & 0xF0) != 0xE0 || i + 3 > n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return {};
  const char32_t cp = (char32_t(b & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | char32_t(p[i + 2] & 0x3F);
  if (is_plain_nfkc(cp)) return {3, true, 0};
  if (cp >= 0xFF01 && cp <= 0xFF5E)  // full-width ASCII: NFKC makes it the ASCII character
    return {3, false, fold_ascii(static_cast<unsigned char>(cp - 0xFEE0))};
  if (cp == 0x3000) return {3, false, 0};  // the ideographic space: NFKC makes it a space, which goes
  return {};
}

}  // namespace

std::string privacy_fold(std::string_view text) {
  // NFKC_Casefold: NFKC, full case folding, and the default-ignorable code
  // points removed (zero-width joiner and space, soft hyphen, word joiner,
  // BOM, bidi controls, variation selectors): a name written with an
  // invisible character inside is still the name. Then every white space
  // (ASCII, U+3000, U+00A0 …) and any remaining format character goes.
  //
  // Most of a page is ASCII, plain Japanese (base/text.h is_plain_nfkc) and
  // full-width ASCII, which fold without ICU (fast_at). Each has a
  // normalisation boundary before it, so the text can be cut there:
  // anything else goes to ICU together with the code point before it
  // (which it may combine with), up to the next such code point. Text that
  // is not UTF-8 is folded the original way, through UTF-16.
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  std::string out;
  out.reserve(n);
  size_t i = 0;
  size_t prev = 0, out_before_prev = 0;  // the last code point folded here: its start, and out's size before it
  while (i < n) {
    const FastCodePoint c = fast_at(p, i, n);
    if (c.length) {
      prev = i;
      out_before_prev = out.size();
      if (c.copied) out.append(text.data() + i, 3);
      else if (c.ascii) out += c.ascii;
      i += c.length;
      continue;
    }
    // From the code point before (always one folded here) to the next that is.
    size_t from = i;
    if (i > 0) {
      from = prev;
      out.resize(out_before_prev);
    }
    size_t to = i + utf8_char_length(p[i]);
    while (to < n && !fast_at(p, to, n).length) to += utf8_char_length(p[to]);
    to = std::min(to, n);
    const std::string_view segment = text.substr(from, to - from);
    if (!is_valid_utf8(segment) || !fold_with_icu(segment, out)) return privacy_fold_utf16(text);
    i = to;
  }
  return out;
}

// "%E6%9E%B6" -> the bytes it stands for, and \u67b6 (JSON) -> UTF-8: a name
// inside a link URL or an escaped string is found too.
std::string decode_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else if (s[i] == '\\' && i + 5 < s.size() && s[i + 1] == 'u' && hex(s[i + 2]) >= 0 && hex(s[i + 3]) >= 0 &&
               hex(s[i + 4]) >= 0 && hex(s[i + 5]) >= 0) {
      unsigned cp = (hex(s[i + 2]) << 12) | (hex(s[i + 3]) << 8) | (hex(s[i + 4]) << 4) | hex(s[i + 5]);
      i += 5;
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < s.size() && s[i + 1] == '\\' && s[i + 2] == 'u') {
        int a = hex(s[i + 3]), b = hex(s[i + 4]), c = hex(s[i + 5]), d = hex(s[i + 6]);
        if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
          unsigned lo = (a << 12) | (b << 8) | (c << 4) | d;
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          }
        }
      }
      icu::UnicodeString u(static_cast<UChar32>(cp));
      u.toUTF8String(out);
    } else {
      out += s[i];
    }
  }
  return out;
}

PrivacyGuard::PrivacyGuard(const Dataset& ds) {
  for (const auto& p : ds.staff) add(p.name, {"staff.csv", p.line, "氏名"}, true, kMinCheckedNameChars);

  std::set<std::string> public_agendas;
  for (const auto& s : ds.sessions) {
    const Meeting* m = ds.find_meeting(s.meeting_id);
    if (m && !m->confidential) public_agendas.insert(privacy_fold(s.agenda));
  }
  for (const auto& s : ds.sessions) {
    const Meeting* m = ds.find_meeting(s.meeting_id);
    if (!m || !m->confidential || public_agendas.count(privacy_fold(s.agenda))) continue;
    add(s.agenda, {"meeting_sessions.csv", s.line, "議題"}, false, kMinCheckedAgendaChars);
  }
  index_by_slot();
}

void PrivacyGuard::add(std::string_view text, Location source, bool is_name, std::size_t min_chars) {
  std::string folded = privacy_fold(text);
  if (utf8_length(folded) < min_chars) return;
  uint64_t key;
  if (!prefix_key(folded, 0, key)) return;
  if (maybe_prefix_.empty()) maybe_prefix_.assign(kFilterBits, 0);
  maybe_prefix_[filter_slot(key)] = 1;
  Secret secret{std::move(folded), 0, 0, std::string(text), std::move(source), is_name};
  const size_t head_len = std::min<size_t>(8, secret.folded.size());
  std::memcpy(&secret.head, secret.folded.data(), head_len);
  secret.head_mask = head_len == 8 ? ~uint64_t{0} : mask_of_bytes(head_len);
  secrets_.push_back(std::move(secret));
}

void PrivacyGuard::index_by_slot() {
  if (secrets_.empty()) return;
  std::vector<size_t> slot_of(secrets_.size());
  slot_start_.assign(kFilterBits + 1, 0);
  for (size_t k = 0; k < secrets_.size(); ++k) {
    uint64_t key;
    prefix_key(secrets_[k].folded, 0, key);  // true: add() kept only those with a key
    slot_of[k] = filter_slot(key);
    ++slot_start_[slot_of[k] + 1];
  }
  for (size_t s = 0; s < kFilterBits; ++s) slot_start_[s + 1] += slot_start_[s];
  by_slot_.resize(secrets_.size());
  std::vector<uint32_t> next(slot_start_.begin(), slot_start_.end() - 1);
  for (size_t k = 0; k < secrets_.size(); ++k) by_slot_[next[slot_of[k]]++] = static_cast<uint32_t>(k);
}

void PrivacyGuard::scan(std::string_view site_path, std::string_view bytes) {
  record(site_path, find(site_path, bytes));
}

PrivacyGuard::Scan PrivacyGuard::find(std::string_view site_path, std::string_view bytes) const {
  Scan scan;
  if (secrets_.empty()) return scan;
  std::string text;
  if (ends_with(site_path, ".html")) {
    text = html_readable_text(bytes);
  } else if (ends_with(site_path, ".pdf")) {
    // The page text is on the document's HTML page (scanned there); what
    // only the PDF carries is its metadata, outlines, annotations, links,
    // form fields and attachments.
    return find_in_pdf_parts(pdf_hidden_text(bytes));
  } else if (ends_with(site_path, ".js") || ends_with(site_path, ".xml") || ends_with(site_path, ".css") ||
             ends_with(site_path, ".txt") || ends_with(site_path, ".json") || ends_with(site_path, ".svg")) {
    text = std::string(bytes);
  } else {
    return scan;  // PNG and other binary files carry no text of the inputs
  }
  scan_text(text, scan.secrets);
  scan_decoded(text, scan.secrets);
  return scan;
}

PrivacyGuard::Scan PrivacyGuard::find_in_pdf_parts(const std::optional<std::string>& hidden_text) const {
  Scan scan;
  if (secrets_.empty()) return scan;
  if (!hidden_text) {
    scan.unreadable = true;
    return scan;
  }
  scan_text(*hidden_text, scan.secrets);
  scan_decoded(*hidden_text, scan.secrets);
  return scan;
}

void PrivacyGuard::record(std::string_view site_path, const Scan& scan) {
  for (std::size_t index : scan.secrets) found_[index].insert(std::string(site_path));
  if (scan.unreadable) unreadable_.insert(std::string(site_path));
}

// Whether decode_escapes could change s: some '%' followed by two hex
// digits or "\\u" by four (a lone "50%" or "C:\\" does not).
static bool has_escape(std::string_view s) {
  auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  // Each of the two looked for with find (memchr): most pages have neither.
  const size_t n = s.size();
  for (size_t i = s.find('%'); i != std::string_view::npos; i = s.find('%', i + 1))
    if (i + 2 < n && hex(s[i + 1]) && hex(s[i + 2])) return true;
  for (size_t i = s.find('\\'); i != std::string_view::npos; i = s.find('\\', i + 1))
    if (i + 5 < n && s[i + 1] == 'u' && hex(s[i + 2]) && hex(s[i + 3]) && hex(s[i + 4]) && hex(s[i + 5])) return true;
  return false;
}

// Text without any escape decodes to itself: nothing more to scan.
void PrivacyGuard::scan_decoded(std::string_view text, std::vector<std::size_t>& found) const {
  if (!has_escape(text)) return;
  std::string decoded = decode_escapes(text);
  if (decoded != text) scan_text(decoded, found);
}

void PrivacyGuard::scan_text(std::string_view text, std::vector<std::size_t>& found) const {
  std::string folded = privacy_fold(text);
  // At every code point, the key of it and the next (prefix_key), with
  // each character's length worked out once.
  const char* p = folded.data();
  const size_t n = folded.size();
  if (n == 0) return;
  size_t i = 0, first = utf8_char_length(static_cast<unsigned char>(p[0]));
  while (i + first < n) {
    size_t second = utf8_char_length(static_cast<unsigned char>(p[i + first]));
    size_t len = first + second;
    if (i + len <= n && len <= 8) {
      uint64_t key = 0;
      if (i + 8 <= n) {  // one 8-byte load, the bytes past len masked off (as memcpy of len bytes would leave them)
        std::memcpy(&key, p + i, 8);
        if (len < 8) key &= mask_of_bytes(len);
      } else {
        std::memcpy(&key, p + i, len);
      }
      key ^= static_cast<uint64_t>(len) << 60;
      if (maybe_prefix_[filter_slot(key)]) {
        // The secrets of this slot (any with these two code points, and
        // perhaps others), in the order added; each compared by its first
        // 8 bytes in one go before the rest.
        const size_t slot = filter_slot(key);
        uint64_t word = 0;
        std::memcpy(&word, p + i, std::min<size_t>(8, n - i));
        for (uint32_t s = slot_start_[slot]; s < slot_start_[slot + 1]; ++s) {
          const size_t index = by_slot_[s];
          const Secret& secret = secrets_[index];
          const size_t size = secret.folded.size();
          if (i + size <= n && (word & secret.head_mask) == secret.head &&
              (size <= 8 || std::memcmp(p + i + 8, secret.folded.data() + 8, size - 8) == 0))
            found.push_back(index);
        }
      }
    }
    i += first;
    first = second;
  }
}

void PrivacyGuard::report(Diagnostics& diags) const {
  for (const auto& f : unreadable_)
    diags.error({f, 0, ""}, "公開する " + f + " の中身（メタデータ・注釈など）を確かめられないため、公開サイトを書き出しませんでした",
                "PDFとして読めるファイル（印刷機能で「PDFとして保存」し直す）");
  for (const auto& [index, files] : found_) {
    const Secret& secret = secrets_[index];
    std::string places;
    size_t n = 0;
    for (const auto& f : files) {
      if (n == 5) {
        places += "ほか" + std::to_string(files.size() - 5) + "ファイル";
        break;
      }
      places += (n++ ? "、" : "") + f;
    }
    std::string what = secret.is_name ? "職員の氏名「" + secret.shown + "」"
                                      : "守秘義務のある会議の議題「" + secret.shown + "」";
    diags.error(secret.source,
                what + "が公開サイトの " + places + " に含まれるため、公開サイトを書き出しませんでした",
                secret.is_name ? "公開する文章（事業の概要・会議の目的・PDF など）から氏名を除く"
                               : "公開する文章（事業の概要・公開の会議の議題・PDF など）から守秘義務のある会議の内容を除く");
  }
}

}  // namespace kyosei
