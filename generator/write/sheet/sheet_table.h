// Tables as kyosei hands them to councils, independent of the file format:
// the same Sheet is written as a worksheet (write/sheet/xlsx_sheet.h) and each of
// its tables as a CSV file (write/sheet/csv_export.h), so the two never disagree.
//
// A Sheet is laid out top to bottom, and formulas are written against this
// layout (table_origin gives the row of a table's header):
//
//   row 0        main table header   (frozen, filtered, repeated on every printed page)
//   rows 1…n     main table rows     (total rows last; outside the filter)
//   blank row, one row per note
//   blank row, the charts of the main table, one below the other
//
// Each extra table is a worksheet of its own, named after its caption, so
// that its printed pages repeat its own header and not the main table's:
//
//   row 0        caption
//   row 1        header              (repeated on every printed page)
//   rows 2…      rows, then the charts of that table
//
// A short sheet may keep its extras below the main table instead
// (extras_below: blank row, caption row, header, rows for each); nothing is
// then repeated on printed pages. Formulas in an extra that refer to the
// main table name its worksheet (sumif_cell's table_sheet).
//
// Cells hold text, numbers, dates or formulas. Every input string is a
// Text cell and is written as a string, never as a formula. A Formula cell
// carries its value too, so that Excel and LibreOffice show it at once and
// the CSV has it; sum_cell and sumif_cell compute it from the cells the
// formula covers.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "base/diagnostics.h"
#include "write/sheet/xlsx_support.h"

namespace kyosei {

// How numbers and dates are shown (the column's default; a cell may differ).
enum class CellFormat {
  Text,       // as written
  Number,     // General: 3, 2.5
  Count,      // #,##0
  Yen,        // #,##0
  Decimal,    // 0.00 (常勤換算)
  Percent,    // 0.0"%" for a value already in percent (29.4 -> 29.4%)
  Date,       // 和暦 令和8年5月21日 (kJapaneseDateFormat)
  YearMonth,  // 和暦 令和6年4月 (kJapaneseMonthFormat)
};

struct SheetCell {
  enum class Kind { Blank, Text, Number, Date, Formula };
  Kind kind = Kind::Blank;
  std::string text;   // Text: the value; Formula: the formula, e.g. "SUM(D2:D9)"
  double number = 0;  // Number; Formula: its value, cached in the file (0 for yen)
  // An amount of yen (a Number, or a Formula's value) instead of `number`:
  // kept as an integer up to the last write (csv_export prints it,
  // xlsx_sheet's write_yen makes the Excel number), so no amount passes
  // through floating point.
  std::optional<long long> yen;
  Date date;          // Date (day 1 for CellFormat::YearMonth)
  std::optional<CellFormat> format;  // overrides the column's format
  bool shaded = false;               // highlighted: an empty cell of a matrix, a gap

  static SheetCell blank() { return {}; }
  static SheetCell of_text(std::string s);
  static SheetCell of_number(double n);
  // Blank when unknown: never 0.
  static SheetCell of_number(const std::optional<long long>& n);
  static SheetCell of_yen(long long yen);
  static SheetCell of_yen(const std::optional<long long>& yen);  // blank when unknown
  static SheetCell of_date(const Date& d);
  static SheetCell of_month(const YearMonth& m);
  static SheetCell of_formula(std::string formula, double value);

  SheetCell& with_format(CellFormat f) { format = f; return *this; }
  SheetCell& with_shade(bool on = true) { shaded = on; return *this; }
};

struct SheetRow {
  std::vector<SheetCell> cells;  // one per column
  bool total = false;            // 合計 rows: bold, after the data, outside the filter
  Location source;               // the input line it comes from (file empty: none)
};

struct SheetTableColumn {
  std::string header;
  CellFormat format = CellFormat::Text;
  // Free-text columns get a narrower cap and wrap, so the printed page
  // (one page wide) stays legible.
  double max_width = kMaxColumnWidth;
  // The header is printed top to bottom (縦書き), so that a matrix of many
  // narrow columns (兼務状況's roles) fits the page at a legible size.
  bool vertical_header = false;
  // A column staff fill in (自己点検シート): shaded pale yellow, and when
  // `choices` is set, a drop-down list that refuses other values.
  bool input = false;
  std::vector<std::string> choices;
  std::string choice_title, choice_message;  // shown when the cell is selected
  std::string error_title, error_message;    // shown when another value is typed
  bool centred = false;
  // Input forms (入力様式, write/xlsx/xlsx_template.h): the header of a
  // column that must be filled is orange; a multi-valued column offers its
  // choices but accepts others ("相談支援;参加支援"); columns with the same
  // choices share one list, named after them (choices_name).
  bool required = false;
  bool choices_strict = true;
  std::string choices_name;
  // Formatted as text ("@"), the column and its cells: R8, 001 or 2026/5/12
  // stay as typed instead of turning into numbers or dates.
  bool text_only = false;
  // Long text shown on one line in the workbook (never wrapped, never
  // making its row taller): Excel has one height per row, so a tall cell
  // would leave every other page of a sheet printed across pages mostly
  // blank. The cell keeps the whole text; a table of its own prints it in
  // full (棚卸一覧's 事業の概要).
  bool one_line = false;
};

struct SheetTable {
  std::string name;  // the extra table's caption; the CSV file name (without .csv)
  std::vector<SheetTableColumn> columns;
  std::vector<SheetRow> rows;
  bool csv = true;  // exported by write/sheet/csv_export.h

  // Rows before the first total row.
  size_t data_rows() const;
  SheetRow& add_row(Location source = {});
};

struct SheetChart {
  enum class Type { Column, Bar };
  Type type = Type::Column;
  std::string title;
  size_t table = 0;  // 0: the main table, k: extras[k - 1]
  size_t category_column = 0;
  size_t value_column = 1;
  std::string value_axis_title;  // 「人」「回」
};

struct Sheet {
  std::string name;  // the sheet name and the main table's CSV name (≤ 31 characters, no []:*?/\)
  std::string description;  // one line for the 概要 sheet's list
  bool landscape = false;
  size_t frozen_columns = 0;  // label columns kept in view when scrolling right (and printed on every page across)
  bool extras_below = false;  // the extras stay on this worksheet, below the main table
  // An input form (入力様式): a sheet to type into, not a report. Each
  // column's help (choice_title, choice_message) shows on its header and on
  // every cell down to Excel's last row, its choices (from the workbook's
  // shared lists, xlsx_sheet.h DropDownLists) on every such cell; cells
  // have no borders and rows no fixed height (Excel fits them after each
  // edit); no autofilter and no print area (rows typed later print too);
  // widths stay as typed text needs them (no print shrink);
  // the footer only (an empty form has no municipality or 年度), the header
  // row and the first column repeated on printed pages.
  bool form = false;
  SheetTable main;
  std::vector<SheetTable> extras;
  std::vector<std::string> notes;  // 注: sentences printed under the tables (not in the CSV)
  std::vector<SheetChart> charts;

  // Row of a table's header row on its worksheet (0: main, k: extras[k - 1]).
  // An extra added later does not move the earlier ones.
  size_t table_origin(size_t table) const;
  // Where the next extra's header will be, for formulas built before adding it.
  size_t next_extra_origin() const;
  // The main worksheet's first row after its tables (the notes start one below).
  size_t tables_end() const;
  size_t column_count() const;  // the widest table on the main worksheet
  // The worksheet a table is on: the sheet's name, or an extra's own name.
  std::string worksheet_of(size_t table) const;
};

// "D5"; absolute parts get "$".
std::string cell_ref(size_t row, size_t column, bool absolute_row = false, bool absolute_column = false);
// "$D$2:$D$9"
std::string absolute_range(size_t first_row, size_t column, size_t last_row);

// SUM of column `column` over the data rows of `table` placed with its
// header at sheet row `origin`; its value is the sum of those cells'
// numbers (blank and text cells count 0). A table without data rows gives
// a blank cell.
SheetCell sum_cell(const SheetTable& table, size_t origin, size_t column);

// SUMIF over the data rows of `table` (header at `origin`): the `sum_column`
// values of the rows whose `key_column` equals the cell at `criteria_ref`
// (which holds `key`). Referring to a cell keeps input text out of formulas.
// `table_sheet` names the worksheet `table` is on when the formula is on
// another one.
SheetCell sumif_cell(const SheetTable& table, size_t origin, size_t key_column, size_t sum_column,
                     const std::string& criteria_ref, const SheetCell& key, const std::string& table_sheet = "");

// 'name'! as a formula prefix (quotes doubled).
std::string sheet_prefix(const std::string& worksheet);

// COUNT of the numbers in columns [first, last] of one sheet row.
SheetCell count_cell(const SheetRow& row, size_t sheet_row, size_t first_column, size_t last_column);

}  // namespace kyosei
