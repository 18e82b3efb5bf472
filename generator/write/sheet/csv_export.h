// out/csv/: every table of the council sheets as a CSV file, for staff who
// analyse the figures further or publish them as open data.
//
//   csv/<sheet>.csv            the sheet's main table (棚卸一覧.csv, 分野×機能.csv …)
//   csv/<sheet>_<table>.csv    each further table (財源内訳_号別の合計.csv …)
//
// Encoding (kyosei build --encoding):
// - utf-8 (default): UTF-8 with a BOM, so Excel on Japanese Windows opens
//   it correctly by double-click (without the BOM it reads Shift_JIS).
// - cp932: Shift_JIS as Excel saves it, for older systems. A character
//   CP932 cannot hold (😀, 𠮷, …) is never replaced: every such cell is an
//   error naming the CSV file, its line and column and the character, and
//   check_csv_tables finds them before the output folder is touched.
// Either way: CRLF line ends, a header row, RFC 4180 quoting (a cell with
// a line break keeps it, inside quotes).
//
// Values: numbers without separators (1234000, 0.6), dates ISO 8601
// (2026-05-21, months 2024-04), formulas as their values, unknown values
// empty. A text cell or header that begins with = + - @, a tab, CR or LF
// (OWASP's CSV-injection list; also after leading spaces, and the
// full-width ＝ ＋ － ＠) gets a leading ' so that Excel, opening the file,
// shows it as text instead of running it as a formula; the apostrophe is
// the usual marker for "text" in Excel. Numbers (-5) are not text and stay.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "write/sheet/sheet_table.h"

namespace kyosei {

enum class CsvEncoding { Utf8Bom, Cp932 };

// "utf-8" (also "utf8") | "cp932" (also "shift_jis", "sjis"), any case;
// nullopt for anything else.
std::optional<CsvEncoding> parse_csv_encoding(std::string_view s);

// The folder under the output folder.
inline constexpr const char* kCsvFolder = "csv";

struct CsvTable {
  std::string path;  // relative to the output folder: "csv/棚卸一覧.csv"
  const SheetTable* table;
};

// Every table of the sheets that is exported (SheetTable::csv), in sheet order.
std::vector<CsvTable> csv_tables(const std::vector<Sheet>& sheets);

// The file's bytes; nullopt when the encoding cannot hold a character (each
// such cell is an error at {path, CSV line, column header}).
std::optional<std::string> encode_csv(const CsvTable& table, CsvEncoding encoding, Diagnostics& diagnostics);

// True when every table can be written in the encoding; otherwise the
// errors are in diagnostics. Writes nothing. A cell without an input row
// (a joined list of service names) is not reported again when its
// characters are already reported at an input row.
bool check_csv_tables(const std::vector<Sheet>& sheets, CsvEncoding encoding, Diagnostics& diagnostics);

// Writes every table under out_dir (creating out_dir/csv). False, with
// errors, when a table cannot be encoded or a file cannot be written.
bool write_csv_tables(const std::vector<Sheet>& sheets, CsvEncoding encoding, const std::string& out_dir,
                      Diagnostics& diagnostics);

}  // namespace kyosei
