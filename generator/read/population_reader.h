// Reads the 自治体標準オープンデータセット「地域・年齢別人口」 CSV as
// municipalities publish it (shared/domain/plans-and-conventions.md §4.1):
// one row per 地域 (町丁字・地区, often one per 性別), a 総数 column and
// age-band columns such as 「0-4歳」…「85歳以上」 or 「0歳」…「100歳以上」.
//
// Tolerant, because published files differ: UTF-8 (with or without BOM) or
// CP932; headers are matched after NFKC and by suffix (「人口_地域名」 is 地域名);
// a 性別 column, when present, keeps the 総数/計/男女計 rows, or adds 男 and 女
// when a 地域 has no total row. 65歳以上 is the sum of the bands starting at
// 65 or above; a band that straddles 65 (「60-69歳」) is an error, since the
// 高齢化率 cannot be computed from it.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace kyosei {

struct PopulationRow {
  int line = 0;                // first line of the 地域 in the file
  std::string area_code;       // 地域コード ("" when the file has none)
  std::string area_name;       // 地域名 as written
  long long total = 0;         // 総数
  std::optional<long long> aged;  // 65歳以上 (nullopt: the file has no age bands)
};

// file_label names the file in messages. Errors (file:line:column) go to
// diags; rows with errors are left out.
std::vector<PopulationRow> read_population_csv(const std::string& bytes, const std::string& file_label, Diagnostics& diags);

}  // namespace kyosei
