// funding_ratios.csv — the municipality's own 交付金 負担割合 (optional).
//
// A compatible extension of the input contract (shared/spec/inputs.md v1):
// a folder without this file reads exactly as before and the built-in
// ratios (data/jusou_funding.csv, shared/domain/jusou.md §7.3) are used.
// When the file is present it REPLACES the built-in table as a whole, for
// a municipality whose rates differ or change (the R5 rows of 2, 4, 5 are
// 「予定」 in the source). Its columns are those of data/jusou_funding.csv,
// so a copy of that file is a valid start; column order is free and
// headers are matched after NFKC like every input CSV:
//
// | column        | required | values |
// |---------------|----------|--------|
// | component_key | yes | a 重層区分 code: 1イ … 3ニ, 3柱, 4, 5, 6 |
// | payer         | yes | 国 / 都道府県 / 国・都道府県 (the last only with num 0: 6 is granted with 5) |
// | num, den      | yes | integers, den > 0, num ≤ den: 38.5/100 is 385,1000 |
// | is_cap        | yes | Y (「以内」: a ceiling) / N |
// | fy_from, fy_to| no  | fiscal year, R5 / 2023 / 令和5年度; empty = unbounded |
// | ratio_text    | no  | as the source writes it (50/100以内); empty: num/den (+以内) |
// | legal_basis, expense_type, status, source_file, source_line | no | text, shown as the source |
// | law_ref, program_name, field, support_category, new_or_existing | no | text, ignored (kept for copies of the built-in file) |
//
// Rows of one payer that apply in the same year add up (3イ: 国 20/100 and
// 平均5/100). Checked besides each cell: fy_from ≤ fy_to, and for every
// component and year 国 + 都道府県 ≤ 1. Errors name file, line and column.
#pragma once
#include <optional>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/reference.h"

namespace kyosei {

inline constexpr const char* kFundingRatiosFile = "funding_ratios.csv";

// nullopt when the inputs folder has no funding_ratios.csv. Otherwise the
// rows that passed the checks (problems are in diags).
std::optional<std::vector<FundingRatio>> read_funding_override(const FileSystem& fs, Diagnostics& diags);

}  // namespace kyosei
