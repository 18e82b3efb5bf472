// 自己点検シート.xlsx: the self-assessment as one sheet 「自己点検」 that
// staff fill in in Excel and read back with `kyosei import-assessment`
// (read/assessment_import.h), one row per item of the bank:
//
//   項目ID | 領域 | 観点 | 点検項目 | 評価0〜3の目安 | 評価 | 根拠 | 回答部署 | 関連する指摘
//
// - 評価0〜3の目安: the rubric text of levels 0–3, one line each.
// - 評価: a drop-down list 0,1,2,3 (data validation, other values refused);
//   this year's answers from assessment.csv are prefilled as numbers, an
//   unanswered item is left blank (never 0).
// - 根拠, 回答部署: prefilled from assessment.csv.
// - 関連する指摘: the automatic findings bearing on the item, one line each
//   (「注意 FND-06a 一人への役割の集中（P04）」), so the answer can be checked
//   against them. Findings never name staff.
// Layout: one Sheet written by write/sheet/xlsx_sheet.h like the council
// workbook: 游ゴシック, bold header row frozen and printed on every page, A4
// landscape, rows as tall as their wrapped text (so each rubric is
// readable), page header with municipality and fiscal year, page n / N.
// The cells staff fill in (評価, 根拠, 回答部署) are pale yellow.
// Every text is a string cell (never a formula). Byte-identical for the
// same data (creation time April 1 of the fiscal year).
#pragma once
#include <string>

#include "write/common/outputs.h"

namespace kyosei {

inline constexpr const char* kAssessmentSheetName = "自己点検";
inline constexpr const char* kAssessmentWorkbookPath = "excel/自己点検シート.xlsx";

// The build output (registered in outputs.cc).
bool write_assessment_workbook(const BuildContext& ctx);

}  // namespace kyosei
