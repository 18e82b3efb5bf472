// The council outputs of `kyosei build` (registered in write/outputs.cc):
//
//   excel/審議会資料.xlsx   every council sheet (write/council/council_sheets.h),
//                           printed as councils print (write/sheet/xlsx_sheet.h);
//                           excel/審議会資料_庁内用.xlsx with --audience internal
//   csv/*.csv               every table of those sheets (write/sheet/csv_export.h)
//
// Both follow BuildContext::audience (write/common/audience.h); the CSVs follow
// BuildContext::csv_encoding. A character the chosen CSV encoding cannot
// hold is a problem of the inputs: it is reported to ctx.input_problems at
// the input row it comes from, naming the CSV file, line, column and the
// character, and the build stops with exit 2 before the output folder is
// committed.
#pragma once
#include "write/common/outputs.h"

namespace kyosei {

inline constexpr const char* kCouncilWorkbookPath = "excel/審議会資料.xlsx";
// --audience internal: holds staff names, so it says so in its file name and
// in every page header.
inline constexpr const char* kInternalWorkbookPath = "excel/審議会資料_庁内用.xlsx";
inline constexpr const char* kInternalHeaderMark = "（庁内用）";

bool write_council_workbook(const BuildContext& ctx);
bool write_council_csv(const BuildContext& ctx);

}  // namespace kyosei
