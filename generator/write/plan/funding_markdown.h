// The 交付金 funding breakdown (analyse/funding.h) as a GFM section of the
// 重層的支援体制整備事業実施計画:
//
//   ## 交付金の財源内訳（令和8年度（2026年度））
//   which ratios were used (built-in with sources, or funding_ratios.csv),
//   the rounding rule in plain words
//   ### 事業別の内訳      事業 | 区分 | 事業費 | 国 | 都道府県 | 市町村等 | 備考
//   ### 号別の合計        第1号 … 第5号（第6号を含む）, 合計
//   ### 分野別の合計      the services' 分野, 合計
//   ### 適用した負担割合  区分 | 負担者 | 割合 | 根拠 | 状態 | 出典
//
// Money is format_yen ("1,234,000円"). A 「以内」 share reads
// 「…円以内（上限額）」, a zero 都道府県 share 「法定負担なし」, and a row
// without money says why in 備考 (按分が必要, 事業費未把握 …) with 「—」 in
// the money columns, never 0円. Every input string (service names, IDs,
// 分野, and everything from funding_ratios.csv) is escaped with
// markdown_table_cell.
#pragma once
#include <string>

#include "analyse/funding.h"
#include "model/model.h"

namespace kyosei {

std::string render_funding_breakdown(const Dataset& ds, const FundingBreakdown& breakdown);

}  // namespace kyosei
