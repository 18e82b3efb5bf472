#include "base/text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <utility>

namespace kyosei {

// Code points that NFKC leaves alone and that never compose with a
// neighbour (quick check "yes", combining class 0; text_test.cc asks ICU):
// the kana, kanji and punctuation of ordinary Japanese text.
constexpr std::pair<char32_t, char32_t> kPlainRanges[] = {
    {0x3001, 0x301F},  // 、。〃 brackets 〒 〜 (not U+3000: NFKC makes it a space)
    {0x3041, 0x3096},  // hiragana
    {0x309D, 0x309E},  // ゝゞ
    {0x30A1, 0x30FE},  // katakana, ・ ー ヽヾ
    {0x4E00, 0x9FFF},  // CJK unified ideographs
};

bool is_plain_nfkc(char32_t cp) {
  for (const auto& [lo, hi] : kPlainRanges)
    if (cp >= lo && cp <= hi) return true;
  return false;
}

namespace {
// True when utf8 is valid UTF-8 of ASCII and plain code points only: then it
// is already NFKC and ICU need not look (most cells of the inputs are).
bool plainly_nfkc(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    // All plain code points take three bytes; anything else goes to ICU.
    if ((*p & 0xF0) != 0xE0 || end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
    char32_t cp = (char32_t(*p & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | char32_t(p[2] & 0x3F);
    if (!is_plain_nfkc(cp)) return false;
    p += 3;
  }
  return true;
}
}  // namespace

std::string nfkc(std::string_view utf8) {
  // Plain ASCII is already NFKC; most IDs, numbers and dates are, and so is
  // most Japanese text.
  if (plainly_nfkc(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  // Straight from UTF-8 to UTF-8, without UTF-16 copies. Invalid UTF-8 is
  // left to the UTF-16 path below, which turns it into U+FFFD as before.
  if (is_valid_utf8(utf8)) {
    icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (n->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
    status = U_ZERO_ERROR;
    std::string result;
    result.reserve(utf8.size());
    icu::StringByteSink<std::string> sink(&result);
    n->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_SUCCESS(status)) return result;
    status = U_ZERO_ERROR;
  }
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  if (n->isNormalized(in, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString out = n->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

namespace {
// Length of the white space at s[i], 0 when none (ASCII or U+3000).
size_t space_at(std::string_view s, size_t i) {
  unsigned char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
  if (s.substr(i, 3) == "\xE3\x80\x80") return 3;  // U+3000
  if (s.substr(i, 3) == "\xEF\xBB\xBF") return 3;  // stray BOM
  return 0;
}
}  // namespace

std::string trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t n = space_at(s, b);
    if (!n) break;
    b += n;
  }
  size_t e = s.size();
  while (e > b) {
    if (space_at(s, e - 1) == 1) { --e; continue; }
    if (e - b >= 3 && space_at(s, e - 3) == 3) { e -= 3; continue; }
    break;
  }
  return std::string(s.substr(b, e - b));
}

std::string normalize(std::string_view s) { return trim(nfkc(s)); }

std::vector<std::string> split_multi(std::string_view s) {
  std::string t(s);
  replace_all(t, "；", ";");
  replace_all(t, "、", ";");
  std::vector<std::string> out;
  for (auto& part : split(t, ';')) {
    std::string p = trim(part);
    if (!p.empty()) out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || i + n >= s.size() + (n == 0)) return false;
    unsigned cp = n == 0 ? c : n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
    for (int k = 1; k <= n; ++k) {
      unsigned char cc = s[i + k];
      if ((cc >> 6) != 2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

namespace {
// Decodes one code point at s[i]; advances i. Invalid bytes count as one.
unsigned next_code_point(std::string_view s, size_t& i) {
  unsigned char c = s[i];
  int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 0;
  if (i + n >= s.size() + (n ? 0 : 1)) n = 0;
  unsigned cp = n == 0 ? c : n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
  for (int k = 1; k <= n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n + 1;
  return cp;
}
}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    next_code_point(s, i);
    ++n;
  }
  return n;
}

size_t display_width(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII is never wide; skip ICU's lookup
      ++w;
      ++i;
      continue;
    }
    UChar32 cp = static_cast<UChar32>(next_code_point(s, i));
    int ea = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

std::string with_commas(long long n) {
  bool neg = n < 0;
  unsigned long long u = neg ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  std::string digits = std::to_string(u);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++count;
  }
  return neg ? "-" + out : out;
}

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) out += (i ? "、「" : "「") + values[i] + "」";
  return out;
}

}  // namespace kyosei
