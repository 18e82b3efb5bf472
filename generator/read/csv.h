// RFC 4180 CSV parsing of UTF-8 text: quoted fields may hold commas, ""
// and line breaks; CRLF and LF both end a record. Each record keeps the
// physical line it starts on, for error messages.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kyosei {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct CsvError {
  int line = 0;
  int field = 0;  // 0-based index of the field where it happened
  std::string message;  // Japanese
};

struct CsvParseResult {
  std::vector<CsvRecord> records;  // blank lines are skipped
  std::vector<CsvError> errors;
};

// Never throws; malformed quoting yields errors and a best-effort parse.
CsvParseResult parse_csv(std::string_view text);

// One field, quoted only when needed (for writing CSV).
std::string csv_quote(std::string_view field);

}  // namespace kyosei
