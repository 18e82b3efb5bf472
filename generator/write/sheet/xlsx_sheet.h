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
// A Sheet::form (the input template's CSV sheets) is printed and checked as
// a form to type into instead: see sheet_table.h.
//
// The file is byte-identical for the same sheets: the creation time is
// April 1 of the fiscal year (workbook_timestamp).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xlsxwriter.h>

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

// The drop-down lists of a workbook, one column each on one hidden sheet
// (a list typed into a validation may hold only 255 characters, too few
// for the 25 roles or 44 assessment items). Lists with the same values
// share a column, headed by the names of the columns using it (「・」).
class DropDownLists {
 public:
  explicit DropDownLists(std::string sheet) : sheet_(std::move(sheet)) {}
  // The list's range as a validation formula, e.g. "=選択肢!$B$2:$B$13".
  std::string add(const std::string& label, const std::vector<std::string>& values);

  struct List {
    std::string label;  // the columns using it, joined with ・
    std::vector<std::string> labels;
    std::vector<std::string> values;
  };
  const std::string& sheet() const { return sheet_; }
  const std::vector<List>& lists() const { return lists_; }

 private:
  std::string sheet_;
  std::vector<List> lists_;
  std::map<std::vector<std::string>, size_t> index_;
};

// Writes Sheets into a workbook that also has sheets of its own (the input
// template, write/xlsx/xlsx_template.h), in the order they are added.
class WorkbookSheets {
 public:
  // lists: the workbook's shared drop-down lists for Sheet::form sheets
  // (nullptr: each list is typed into its validation).
  WorkbookSheets(lxw_workbook* workbook, const WorkbookInfo& info, const Municipality& municipality,
                 DropDownLists* lists = nullptr);
  ~WorkbookSheets();
  void add(const Sheet& sheet);
  // The hidden sheet of the lists; after every sheet that adds to them.
  void write_lists();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// False, with an error naming the file, when it cannot be written.
bool write_workbook(const WorkbookInfo& info, const Municipality& municipality, const std::vector<Sheet>& sheets,
                    Diagnostics& diagnostics);

}  // namespace kyosei
