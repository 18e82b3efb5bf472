// Population and 高齢化率 of each area of areas.csv from the rows of the
// 「地域・年齢別人口」 open data (read/population_reader.h).
//
// Matching (fixed, and printed by import-population):
// - With a 町丁字 → 圏域 table (import-population --map), a row whose
//   地域コード/町字ID or 地域名 is a 町丁字 of the table belongs to that
//   table's 圏域 only; several 町丁字 of one 圏域 are added up.
// - Otherwise a row belongs to an area when its 地域コード equals the area's
//   ID, or its 地域名 equals the area's 名称 (NFKC, spaces removed).
// - An area no row matches gets the sum of its children when every child
//   has a population (so 圏域 and the 全域 add up from their 地区).
// - 高齢化率 = 65歳以上 ÷ 総数 × 100, one decimal (rounded half up); none when
//   the file has no age bands or the total is 0.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/model.h"
#include "read/population_reader.h"

namespace kyosei {

// The 町丁字 table checked against areas.csv and the population rows.
struct TownAreas {
  struct Entry {
    std::string key;  // the 町丁字, folded (NFKC, no spaces)
    const Area* area = nullptr;
    int line = 0;
    bool used = false;
  };
  std::vector<Entry> entries;
  // The entry a row belongs to (by 地域コード first, then 地域名), or nullptr.
  const Entry* find(const PopulationRow& row) const;
};

// Errors (file:line:column of the table) for a 圏域 that is neither an ID
// nor a 名称 of areas.csv, and for a 町丁字 given twice with different 圏域;
// a warning for a 町丁字 no population row has (a typo, or a 町丁字 that
// no longer exists).
TownAreas resolve_town_areas(const Dataset& ds, const TownAreaTable& table, const std::vector<PopulationRow>& rows,
                             const std::string& file_label, Diagnostics& diags);

struct AreaPopulation {
  const Area* area = nullptr;
  std::optional<long long> population;
  std::optional<long long> aged;
  std::optional<double> aging_rate;  // percent, one decimal
  std::string basis;                 // 「地域名が一致（12行目）」「下位の圏域3つの合計」 or "" (not found)
};

// One entry per area, areas.csv order.
std::vector<AreaPopulation> area_population(const Dataset& ds, const std::vector<PopulationRow>& rows,
                                            const TownAreas* towns = nullptr);

// The rows no area took, for the report.
std::vector<const PopulationRow*> unmatched_rows(const Dataset& ds, const std::vector<PopulationRow>& rows,
                                                 const TownAreas* towns = nullptr);

}  // namespace kyosei
