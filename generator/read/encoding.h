// Detects how a text file was saved and converts it to UTF-8, without the
// user having to say: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
// 「Unicode テキスト」), or CP932 (Shift_JIS as Excel saves CSV on Japanese
// Windows). UTF-8 wins when the bytes are valid UTF-8, since CP932 text of
// any length is almost never valid UTF-8 by accident.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kyosei {

enum class TextEncoding { Utf8, Utf8Bom, Utf16, Cp932 };

struct DecodedText {
  std::string utf8;
  TextEncoding encoding = TextEncoding::Utf8;
};

struct DecodeFailure {
  // Where the bytes stop being text: in the encoding that reads furthest
  // (a CP932 file with one broken byte on line 40 fails on line 40, not on
  // line 1 where UTF-8 already gave up), 1-based line and character.
  int line = 0;
  int column = 0;
};

// nullopt (and *failure filled) when the bytes are no known encoding.
std::optional<DecodedText> decode_text(std::string_view bytes, DecodeFailure* failure = nullptr);

// iconv conversion; nullopt when a character cannot be converted (never
// replaced silently). *bad_offset gets the byte offset in the input.
std::optional<std::string> convert_encoding(std::string_view in, const char* from, const char* to,
                                            size_t* bad_offset = nullptr);

const char* encoding_name(TextEncoding e);

}  // namespace kyosei
