// Reads a filled-in 自己点検シート.xlsx (write/assessment/assessment_workbook.h) back
// into self-assessment answers, for `kyosei import-assessment`:
//
//   Diagnostics diags;
//   auto book = read_xlsx("自己点検シート.xlsx", "自己点検シート.xlsx", diags);
//   std::vector<AssessmentAnswer> answers =
//       import_assessment_sheet(*book, "自己点検シート.xlsx", builtin_reference(), diags);
//
// - The sheet is 「自己点検」; its columns are found by the header in row 1
//   (項目ID and 評価 required; 根拠 and 回答部署 read when present), so
//   columns may be moved or added.
// - A row with a blank 評価 is unanswered and gives no answer (never 0).
// - 評価 must be 0, 1, 2 or 3; 項目ID must be an item of the bank and
//   appear once. Every problem is reported at its cell
//   (自己点検シート.xlsx:自己点検!F12（評価）: エラー: …) and reading goes on,
//   so one run shows all of them.
// - answer.line is the sheet row.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/model.h"
#include "model/reference.h"
#include "read/xlsx_reader.h"

namespace kyosei {

inline constexpr const char* kAssessmentImportSheet = "自己点検";

std::vector<AssessmentAnswer> import_assessment_sheet(const XlsxWorkbook& book, const std::string& book_name,
                                                      const Reference& ref, Diagnostics& diags);

}  // namespace kyosei
