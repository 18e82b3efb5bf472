// The prefecture roll-up (analyse/prefecture_rollup.h) as Sheets
// (write/sheet/sheet_table.h): written as excel/都道府県集計.xlsx by
// write/sheet/xlsx_sheet.h and as csv/*.csv by write/sheet/csv_export.h, so the two
// never disagree. Every table says how many municipalities it covers; a
// 未提出/不備 municipality is a row of 提出状況 and nowhere else.
#pragma once
#include <vector>

#include "analyse/prefecture_rollup.h"
#include "write/sheet/sheet_table.h"

namespace kyosei {

inline constexpr const char* kPrefectureWorkbookPath = "excel/都道府県集計.xlsx";

std::vector<Sheet> prefecture_sheets(const PrefectureRollup& r, const Reference& ref);

// "○" / "—" for a component, "○（代替）" for 1ニ filled by the substitute program.
const char* component_mark(const RollupComponent& c);

// "1.23" (two decimals), or 「未把握」.
std::string format_per_10k(const std::optional<double>& v);

}  // namespace kyosei
