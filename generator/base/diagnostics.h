// Diagnostics: every problem found in a run, collected rather than thrown,
// so that a planning officer sees all of them at once.
//
// A diagnostic names a place (file, line, column header) and says in
// Japanese what is wrong and what value would be right. Its printed form is
// stable and parsed by the tests:
//
//   services.csv:12:事業費: エラー: 「12万」は金額として読めません。期待される値: 円単位の整数（例: 1234000、1,234,000円）
//
// line 0 means the whole file; an empty column means the whole line.
#pragma once
#include <string>
#include <vector>

namespace kyosei {

enum class Severity { Error, Warning };

struct Location {
  std::string file;    // path relative to the inputs folder, e.g. "services.csv"
  int line = 0;        // 1-based physical line where the record starts
  std::string column;  // header name as the user wrote it
};

struct Diagnostic {
  Severity severity = Severity::Error;
  Location where;
  std::string message;   // what is wrong
  std::string expected;  // what would be right (may be empty)
};

class Diagnostics {
 public:
  void error(Location where, std::string message, std::string expected = "");
  void warning(Location where, std::string message, std::string expected = "");
  void add(Diagnostic d);
  void append(const Diagnostics& other);

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  int warning_count() const { return static_cast<int>(items_.size()) - errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }

  // Sorted by file, then line (stable), for printing.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

// "file:line:column: エラー: message。期待される値: expected"
std::string format_diagnostic(const Diagnostic& d);

}  // namespace kyosei
