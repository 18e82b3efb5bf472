#include "base/diagnostics.h"

#include <algorithm>

namespace kyosei {

void Diagnostics::error(Location where, std::string message, std::string expected) {
  add({Severity::Error, std::move(where), std::move(message), std::move(expected)});
}

void Diagnostics::warning(Location where, std::string message, std::string expected) {
  add({Severity::Warning, std::move(where), std::move(message), std::move(expected)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.where.file != b.where.file) return a.where.file < b.where.file;
    return a.where.line < b.where.line;
  });
  return out;
}

namespace {

// One diagnostic is one line: a line break, tab or other control character
// inside a quoted value (or a file name) is shown as \n, \t, \x1B, and
// the Unicode line/paragraph separators as \u2028/\u2029.
std::string one_line(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      static const char* hex = "0123456789ABCDEF";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string s = one_line(d.where.file);
  if (d.where.line > 0) {
    s += ":" + std::to_string(d.where.line);
    if (!d.where.column.empty()) s += ":" + one_line(d.where.column);
  } else if (!d.where.column.empty()) {
    s += ":-:" + one_line(d.where.column);
  }
  s += d.severity == Severity::Error ? ": エラー: " : ": 警告: ";
  s += one_line(d.message);
  if (!d.expected.empty()) s += "。期待される値: " + one_line(d.expected);
  return s;
}

}  // namespace kyosei
