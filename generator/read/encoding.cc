#include "read/encoding.h"

#include <iconv.h>

#include <cerrno>
#include <vector>

#include "base/text.h"

namespace kyosei {

std::optional<std::string> convert_encoding(std::string_view in, const char* from, const char* to,
                                            size_t* bad_offset) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  std::vector<char> buf(4096);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  bool ok = true;
  while (src_left > 0) {
    char* dst = buf.data();
    size_t dst_left = buf.size();
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    out.append(buf.data(), buf.size() - dst_left);
    if (r == static_cast<size_t>(-1) && errno != E2BIG) {
      ok = false;
      if (bad_offset) *bad_offset = in.size() - src_left;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  return out;
}

namespace {
int line_at(std::string_view bytes, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i)
    if (bytes[i] == '\n') ++line;
  return line;
}

// Offset of the first byte that is not part of valid UTF-8.
size_t first_bad_utf8_byte(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return i;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (n > 1 && !is_valid_utf8(s.substr(i, n))) return i;  // overlong, surrogate, beyond U+10FFFF
    i += n;
  }
  return s.size();
}

// Line and character of a byte offset, counting characters in `encoding`.
void place_failure(std::string_view bytes, size_t offset, const char* encoding, DecodeFailure* failure) {
  if (!failure) return;
  failure->line = line_at(bytes, offset);
  size_t start = bytes.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = start == std::string_view::npos || offset == 0 ? 0 : start + 1;
  if (start > offset) start = offset;
  std::string_view before = bytes.substr(start, offset - start);
  std::optional<std::string> utf8 = std::string(encoding) == "UTF-8" ? std::optional<std::string>(std::string(before))
                                                                    : convert_encoding(before, encoding, "UTF-8");
  int chars = 0;
  if (utf8)
    for (unsigned char c : *utf8) chars += (c & 0xC0) != 0x80 ? 1 : 0;
  failure->column = chars + 1;
}

}  // namespace

std::optional<DecodedText> decode_text(std::string_view bytes, DecodeFailure* failure) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    std::string_view rest = bytes.substr(3);
    if (is_valid_utf8(rest)) return DecodedText{std::string(rest), TextEncoding::Utf8Bom};
    place_failure(rest, first_bad_utf8_byte(rest), "UTF-8", failure);
    return std::nullopt;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const char* from = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (auto s = convert_encoding(bytes.substr(2), from, "UTF-8")) return DecodedText{*s, TextEncoding::Utf16};
    if (failure) failure->line = 1;
    return std::nullopt;
  }
  if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), TextEncoding::Utf8};
  size_t bad = 0;
  if (auto s = convert_encoding(bytes, "CP932", "UTF-8", &bad)) return DecodedText{*s, TextEncoding::Cp932};
  size_t bad_utf8 = first_bad_utf8_byte(bytes);
  if (bad > bad_utf8) place_failure(bytes, bad, "CP932", failure);
  else place_failure(bytes, bad_utf8, "UTF-8", failure);
  return std::nullopt;
}

const char* encoding_name(TextEncoding e) {
  switch (e) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf8Bom: return "UTF-8（BOM付き）";
    case TextEncoding::Utf16: return "UTF-16";
    case TextEncoding::Cp932: return "CP932（Shift_JIS）";
  }
  return "UTF-8";
}

}  // namespace kyosei
