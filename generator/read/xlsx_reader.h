// Reads the cell values of an .xlsx workbook (Office Open XML) as Excel
// shows them: libzip for the archive (base/zip_reader.h), expat for the XML.
// Used by `kyosei import` to turn a filled-in input template back into CSV.
//
//   Diagnostics diags;
//   auto book = read_xlsx("入力様式.xlsx", "入力様式.xlsx", diags);
//   if (book)
//     for (const XlsxSheet& s : book->sheets)
//       std::string v = s.cell(12, 5).text;  // F12
//
// What a cell's text is:
// - strings: shared strings (rich-text runs joined; furigana <rPh> dropped),
//   inline strings, and the cached result of a formula; Excel's _xHHHH_
//   escapes are decoded;
// - booleans: TRUE / FALSE;
// - numbers as the General format shows them: 12 (not 12.0), 0.3 (15
//   significant digits); in a percent format "29.4%"; in a date format
//   (built-in 14–17, 22, 27–36, 50–58, or a custom format with y/d/g/e) an
//   ISO date "2026-05-12", "2024-04" when the format shows no day, with
//   " 10:30" when it shows a time of day; 1904-based workbooks are handled.
//
// Where problems are reported: a problem in a sheet goes to Diagnostics at
//   Location{file = "<book>:<sheet>", line = row, column = "F"}
// (the column may be followed by the header: "F（事業費）"), and is printed
// by format_workbook_diagnostic as
//   入力様式.xlsx:services（既存事業・取組の棚卸）!F12（事業費）: エラー: …
// A problem with the whole workbook is at Location{file = "<book>"}.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/dates.h"
#include "base/diagnostics.h"

namespace kyosei {

struct XlsxCell {
  enum class Kind { Empty, Text, Number, Boolean, Date, Error };
  Kind kind = Kind::Empty;
  std::string text;     // as Excel shows it; "" when empty
  double number = 0;    // Number, Date (the serial)
  bool formula = false; // the value is a formula's cached result
};

struct XlsxSheet {
  std::string name;
  bool hidden = false;  // state="hidden" or "veryHidden"
  // rows[r][c]: r 1-based as in Excel, c 0-based (A = 0). Empty cells absent.
  std::map<int, std::map<int, XlsxCell>> rows;

  const XlsxCell& cell(int row, int col) const;
  int max_row() const;     // 0 when the sheet is empty
  int column_count() const;  // 1 + the largest column index holding a cell
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets;  // in tab order
  const XlsxSheet* sheet(std::string_view name) const;
};

// nullopt (and an error at Location{display_name}) when the file is not an
// .xlsx workbook at all. Problems inside a sheet are reported and the rest
// is still read, so that one run shows all of them.
std::optional<XlsxWorkbook> read_xlsx(const std::string& path, const std::string& display_name,
                                      Diagnostics& diags);

// 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_letters(int col);
// "AB12" -> {12, 27} (row 1-based, column 0-based); nullopt when it is not
// a cell reference inside Excel's limits (1,048,576 rows, 16,384 columns).
std::optional<std::pair<int, int>> parse_cell_ref(std::string_view ref);

// "<book>:<sheet>", the Location.file of a problem in a sheet.
std::string workbook_location(std::string_view book, std::string_view sheet);
// A diagnostic at a workbook location, Excel-style (see above). Other
// diagnostics are printed as format_diagnostic does.
std::string format_workbook_diagnostic(const Diagnostic& d);

// Excel date serial -> calendar date (1900 or 1904 date system); nullopt
// outside 1900-01-01 .. 9999-12-31.
std::optional<Date> excel_serial_to_date(double serial, bool date1904 = false);

}  // namespace kyosei
