// Reads the 自治体標準オープンデータセット「地域・年齢別人口」 CSV as
// municipalities publish it (shared/domain/plans-and-conventions.md §4.1):
// one row per 地域 (町丁字・町字・地区) and 調査年月日, with columns such as
//
//   全国地方公共団体コード, 地域コード (or 町字ID), 地方公共団体名, 調査年月日,
//   地域名, 総人口 (総数), 男性, 女性, 0-4歳の男性, 0-4歳の女性, …, 85歳以上の女性
//
// and older layouts with a 性別 column and one age column per band
// (「0-4歳」…「85歳以上」, 「0歳」…「100歳以上」).
//
// Tolerant, because published files differ: UTF-8 (with or without BOM) or
// CP932; headers are matched after NFKC and by suffix (「人口_地域名」 is
// 地域名); an age column may name its sex before or after the band
// (「0-4歳の男性」「0-4歳_男」「男_0-4歳」「0-4歳（女）」).
// - 総数: the 総数/総人口 column; else 男性 + 女性; else the sum of the bands.
// - 65歳以上: the sum of the bands starting at 65 or above, from the bands
//   for both sexes together when the file has them, else 男 + 女. A band
//   that straddles 65 (「60-69歳」) is an error: the 高齢化率 cannot be
//   computed from it.
// - A 性別 column keeps the 総数/計/男女計 rows, or adds 男 and 女 when a
//   地域 has no total row.
// - Several 調査年月日 in one file (a time series): only the rows of the
//   latest date are used; the table says which date and how many rows of
//   other dates were left out, so the command can tell the officer.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/dates.h"
#include "base/diagnostics.h"

namespace kyosei {

struct PopulationRow {
  int line = 0;                // first line of the 地域 in the file
  std::string area_code;       // 地域コード / 町字ID ("" when the file has none)
  std::string area_name;       // 地域名 as written
  long long total = 0;         // 総数
  std::optional<long long> aged;  // 65歳以上 (nullopt: the file has no age bands)
};

struct PopulationTable {
  std::vector<PopulationRow> rows;  // of the latest 調査年月日 only
  std::optional<Date> survey_date;  // the date used; nullopt: no 調査年月日 column
  std::vector<Date> older_dates;    // other dates in the file, oldest first
  int older_rows = 0;               // rows of those dates, left out
};

// file_label names the file in messages. Errors (file:line:column) go to
// diags; rows with errors are left out.
PopulationTable read_population_table(const std::string& bytes, const std::string& file_label, Diagnostics& diags);
std::vector<PopulationRow> read_population_csv(const std::string& bytes, const std::string& file_label, Diagnostics& diags);

// The optional 町丁字 → 圏域 table of import-population (--map): one row
// per 町丁字, columns 町丁字 (its 地域名, 地域コード or 町字ID as in the
// population file; also 町丁名・地域名・町字ID) and 圏域 (the ID or 名称 of an
// area of areas.csv; also 圏域ID・地域コード). Other columns are ignored.
struct TownAreaRow {
  int line = 0;
  std::string town;  // as written
  std::string area;  // as written
};

struct TownAreaTable {
  std::vector<TownAreaRow> rows;
  std::string town_column, area_column;  // the headers found, for messages
};

TownAreaTable read_town_area_csv(const std::string& bytes, const std::string& file_label, Diagnostics& diags);

}  // namespace kyosei
