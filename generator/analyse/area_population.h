// Population and 高齢化率 of each area of areas.csv from the rows of the
// 「地域・年齢別人口」 open data (read/population_reader.h).
//
// Matching (fixed, and printed by import-population):
// - A row belongs to an area when its 地域コード equals the area's ID, or
//   its 地域名 equals the area's 名称 (NFKC, spaces removed).
// - An area no row matches gets the sum of its children when every child
//   has a population (so 圏域 and the 全域 add up from their 地区).
// - 高齢化率 = 65歳以上 ÷ 総数 × 100, one decimal (rounded half up); none when
//   the file has no age bands or the total is 0.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "read/population_reader.h"

namespace kyosei {

struct AreaPopulation {
  const Area* area = nullptr;
  std::optional<long long> population;
  std::optional<long long> aged;
  std::optional<double> aging_rate;  // percent, one decimal
  std::string basis;                 // 「地域名が一致（12行目）」「下位の圏域3つの合計」 or "" (not found)
};

// One entry per area, areas.csv order.
std::vector<AreaPopulation> area_population(const Dataset& ds, const std::vector<PopulationRow>& rows);

// The rows no area took, for the report.
std::vector<const PopulationRow*> unmatched_rows(const Dataset& ds, const std::vector<PopulationRow>& rows);

}  // namespace kyosei
