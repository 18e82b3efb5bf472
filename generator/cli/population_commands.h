// `kyosei import-population 地域・年齢別人口.csv [入力フォルダ] [-o 新しいareas.csv] [--force]`:
// reads the 自治体標準オープンデータセット「地域・年齢別人口」 CSV, computes
// the population and 高齢化率 of every area of areas.csv (analyse/
// area_population.h) and checks them against areas.csv: a difference is a
// warning naming areas.csv:line:column. With -o it writes a copy of
// areas.csv with 人口・高齢化率 filled in or corrected (the other columns and
// rows as they were); the inputs folder itself is never changed.
#pragma once
#include <string>
#include <vector>

namespace kyosei {

// args: what follows the command name on the command line.
int run_import_population(const std::vector<std::string>& args);

}  // namespace kyosei
