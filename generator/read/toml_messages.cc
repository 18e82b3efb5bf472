#include "read/toml_messages.h"

#include <cctype>

#include "base/text.h"

namespace kyosei {

// The key written on a line ("name = ..." -> "name", "[plan]" -> "plan"),
// so that a syntax error is placed at its key like every other problem.
std::string toml_key_on_line(const std::string& text, int line) {
  size_t pos = 0;
  for (int l = 1; l < line && pos != std::string::npos; ++l) {
    pos = text.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos == std::string::npos || line < 1) return "";
  std::string s = trim(text.substr(pos, text.find('\n', pos) - pos));
  if (!s.empty() && s[0] == '[') {
    size_t end = s.find(']');
    return end == std::string::npos ? "" : trim(s.substr(s.find_first_not_of('[') , end - s.find_first_not_of('[')));
  }
  size_t eq = s.find('=');
  std::string key = trim(s.substr(0, eq));
  if (eq == std::string::npos || key.empty() || key.find_first_of("\"' ") != std::string::npos) return "";
  return key;
}

// toml++ describes syntax errors in English; the officer reads Japanese.
// The common kinds get their own sentence, every other one a general one.
std::string toml_error_japanese(std::string_view english, int column) {
  struct Kind {
    const char* contains;
    const char* japanese;
  };
  static const Kind kinds[] = {
      {"cannot redefine existing", "同じ項目または表が2回書かれています"},
      {"end-of-file", "ファイルが途中で終わっています（\" や ] が閉じていません）"},
      {"unterminated", "\" または ' が閉じていません"},
      {"unknown escape sequence", "文字列の中の \\ の使い方が正しくありません（\\ を書くときは \\\\）"},
      {"control character", "文字列の中に制御文字（改行やタブなど）があります"},
      {"expected value-terminator", "値の後に余計な文字があります（文字列は \" で囲みます）"},
      {"expected bare key", "項目名の書き方が正しくありません"},
      {"expected value", "= の後の値がありません、または読めません（文字列は \" で囲みます）"},
      {"expected '='", "項目名の後に = がありません"},
      {"expected '", "記号が足りないか、余計な記号があります"},
      {"leading zero", "数の先頭に 0 は書けません（文字列なら \" で囲みます）"},
      {"underscore", "数の中の _ の使い方が正しくありません"},
      {"digit", "数として読めません（文字列なら \" で囲みます）"},
      {"expected month", "日付として読めません"},
      {"expected day", "日付として読めません"},
      {"expected hour", "時刻として読めません"},
      {"expected keys, tables", "行の始めに書けない文字があります"},
      {"U+", "使えない文字（Unicode の範囲外）があります"},
      {"length limit", "値が長すぎます"},
      {"utf-8", "UTF-8 として読めない文字があります"},
  };
  std::string lower(english);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string what = "TOML として読めません: 書き方が正しくありません";
  for (const auto& k : kinds) {
    std::string needle(k.contains);
    for (char& c : needle) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find(needle) != std::string::npos) {
      what = std::string("TOML として読めません: ") + k.japanese;
      break;
    }
  }
  return column > 0 ? what + "（" + std::to_string(column) + "文字目）" : what;
}

void report_toml_error(const toml::parse_error& e, const std::string& file, const std::string& text, Diagnostics& diags) {
  int line = static_cast<int>(e.source().begin.line);
  diags.error({file, line > 0 ? line : 1, toml_key_on_line(text, line)},
              toml_error_japanese(e.description(), static_cast<int>(e.source().begin.column)),
              "key = \"値\" の形（文字列は \" で囲む）");
}

}  // namespace kyosei
