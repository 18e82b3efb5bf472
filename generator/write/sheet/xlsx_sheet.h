// Writes Sheets (write/sheet/sheet_table.h) as an .xlsx workbook, printed the way
// councils print:
//
// - A4, portrait or landscape per sheet, centred; one page wide and as many
//   tall as needed when that keeps the text at 8 pt or more, otherwise at a
//   fixed legible scale over pages across with the label columns repeated;
//   each table's header row repeated on its printed pages (an extra table
//   is a worksheet of its own, see sheet_table.h); the print area set to
//   the tables, notes and charts.
// - Page header: municipality name | sheet name (+ header_mark) |
//   「令和8年度」; footer: page / pages (xlsx_support.h set_page_header_footer).
// - The main table's header row frozen (and the sheet's label columns), an
//   autofilter over its data rows; total rows bold, below the filter.
// - 游ゴシック everywhere; dates as real dates in the 和暦 format; money
//   #,##0; shaded cells filled pale orange (prints as light grey).
// - Column widths from the longest text, capped per column; text over the
//   cap wraps. Notes are merged across the table width and wrap.
// - Charts (column or bar) from a table's columns, below the notes, in the
//   workbook font.
//
// Text cells are written with worksheet_write_string, so "=1+1", "+cmd",
// "-2" or "@SUM(A1)" from an input stay text. Only Formula cells, which
// kyosei builds, are formulas, each with its cached value.
//
// The file is byte-identical for the same sheets: the creation time is
// April 1 of the fiscal year (workbook_timestamp).
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/model.h"
#include "write/sheet/sheet_table.h"

namespace kyosei {

struct WorkbookInfo {
  std::string path;     // where to write (parent folders are created)
  std::string title;    // document title (shown in Excel's file properties)
  std::string subject;  // document subject
  std::string what;     // what the error message calls it: 「棚卸一覧」「審議会資料」
  std::string header_mark;  // after the sheet name in every page header: 「（庁内用）」
};

// False, with an error naming the file, when it cannot be written.
bool write_workbook(const WorkbookInfo& info, const Municipality& municipality, const std::vector<Sheet>& sheets,
                    Diagnostics& diagnostics);

}  // namespace kyosei
