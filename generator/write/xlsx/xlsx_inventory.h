// 棚卸一覧.xlsx: every service of services.csv, public or not, as one
// filterable, printable sheet 「棚卸一覧」 for the council and the offices.
//
// Columns, in this order:
//   ID, 事業名, 分野, 関連分野, 機能, 重層区分, 所管課, 実施方法, 実施主体,
//   圏域 (area names; 全域 when none), 拠点数 (number), 事業費 (number,
//   #,##0; blank when unknown, never 0), 開始年度 (「令和3年度（2021年度）」
//   text), 対象, 概要 (Markdown as plain text), 公開 (する / しない)
// Multi-valued cells are joined with 「、」, which the readers split again.
// 概要 stays on one line there (the whole text is in the cell), so that no
// printed page of the sheet is mostly blank rows; the worksheet
// 「事業の概要」 (ID, 事業名, 概要; services with a 概要) prints it in full.
//
// Layout: 游ゴシック on every cell; bold filled header row, frozen and
// repeated on every printed page; an autofilter over the table; column
// widths from the longest text (wrapped where it would exceed the cap);
// A4 landscape, one page wide; page header with the municipality name and
// fiscal year, footer "&P / &N".
//
// Every input string is written as a string cell, so a name such as
// =HYPERLINK("…") stays text and is never a formula.
//
// The sheet is built once (inventory_sheet) and written by write/sheet/xlsx_sheet.h,
// so 棚卸一覧.xlsx, the 棚卸一覧 sheet of 審議会資料.xlsx and csv/棚卸一覧.csv
// are the same table.
//
// The file is byte-identical for the same Dataset: the document's creation
// time is April 1 of the dataset's fiscal year, 00:00 UTC.
#pragma once
#include <string>

#include "base/diagnostics.h"
#include "model/model.h"
#include "model/reference.h"
#include "write/sheet/sheet_table.h"

namespace kyosei {

inline constexpr const char* kInventorySheetName = "棚卸一覧";
inline constexpr const char* kSummaryTableName = "事業の概要";

// The 棚卸一覧 sheet: one row per service, services.csv order.
Sheet inventory_sheet(const Dataset& data);

// Writes the workbook to path, creating parent folders. False, with an
// error naming the file, when it cannot be written.
bool write_inventory_workbook(const Dataset& data, const Reference& ref, const std::string& path,
                              Diagnostics& diagnostics);

}  // namespace kyosei
