// `kyosei template`: the Excel workbook (入力様式.xlsx) in which planning
// staff fill in the inputs instead of editing CSV files; `kyosei import`
// turns it back into an inputs folder (read/workbook_import.h). The sheets
// and their names are described in model/input_workbook.h.
//
// Written from the contract as data — data/schema.toml for the CSV sheets,
// data/municipality_keys.toml for the municipality sheet — never from a
// column list of its own:
// - row 1 holds the CSV headers, bold and frozen; required columns orange;
// - every cell of a column shows the column's help as an input message
//   (Excel allows a title of 32 and a message of 255 characters; longer
//   text is cut with 「…」);
// - an enumerated column has a drop-down whose list lies on the hidden
//   選択肢 sheet (=選択肢!$A$2:$A$26: an inline list may hold only 255
//   characters, too few for the 25 roles or 44 assessment items). A
//   single-valued column accepts only the list (stop alert); a multi-valued
//   one offers the list but also takes "相談支援;参加支援" (no alert);
// - every column is formatted as text ("@"), so R8, 001 or 2026/5/12 stay
//   as typed instead of turning into numbers or dates;
// - given a folder's raw cells (read/raw_inputs.h), its rows follow: line
//   N of a CSV on row N of its sheet (records spanning lines move up), each
//   cell written as a string, never a formula, so "=1+1" stays text.
// The CSV sheets are Sheet tables written by the shared writer as forms
// (write/sheet/xlsx_sheet.h WorkbookSheets, Sheet::form), with the hidden
// 選択肢 sheet its DropDownLists; the guide and 基本情報 sheets, which
// are no tables, are written here.
// The same inputs give a byte-identical file (workbook_timestamp).
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/municipality_keys.h"
#include "model/schema.h"
#include "read/raw_inputs.h"

namespace kyosei {

// data == nullptr: an empty template (headers, drop-downs and help only).
// Problems (the file cannot be written; a value too long for a cell) go to
// diags; returns false when nothing usable was written.
bool write_input_template(const Schema& schema, const std::vector<MunicipalityKey>& keys, const RawInputs* data,
                          const std::string& path, Diagnostics& diags);

// Excel's limits on a data validation's input message.
inline constexpr size_t kMaxInputTitleChars = 32;
inline constexpr size_t kMaxInputMessageChars = 255;

// The input message of a column: help, the form of its values, required or
// not, an example; at most kMaxInputMessageChars characters.
std::string column_input_message(const ColumnSpec& column);

}  // namespace kyosei
