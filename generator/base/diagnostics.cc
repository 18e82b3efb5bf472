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

std::string format_diagnostic(const Diagnostic& d) {
  std::string s = d.where.file;
  if (d.where.line > 0) {
    s += ":" + std::to_string(d.where.line);
    if (!d.where.column.empty()) s += ":" + d.where.column;
  } else if (!d.where.column.empty()) {
    s += ":-:" + d.where.column;
  }
  s += d.severity == Severity::Error ? ": エラー: " : ": 警告: ";
  s += d.message;
  if (!d.expected.empty()) s += "。期待される値: " + d.expected;
  return s;
}

}  // namespace kyosei
