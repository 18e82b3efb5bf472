// The population chart of the 地域福祉計画's 現状と課題: for every area of
// 層2 and 層3 of areas.csv, a bar of its 人口 and a bar of its 高齢化率, side
// by side, as an SVG (write/image/svg.h: role="img", <title>, <desc> that
// reads every value, text labels, no script). The draft keeps the data
// table under it (圏域別人口表), which screen readers and Word read.
//
//   auto chart = area_population_chart(ds);   // nullopt: nothing to draw
//   // chart->svg: "<svg …>…</svg>\n"; chart->file_name: the image file
//
// - Rows in the table's order: 層2 then 層3, each in areas.csv order, under
//   a 「第N層」 heading row. 層1 (the whole municipality) is not a bar: its
//   高齢化率 is the dashed reference line of the 高齢化率 panel.
// - Scales: 人口 from 0 to the largest charted population; 高齢化率 from
//   0 % to the next multiple of 10 above the largest rate, a grid line per
//   10 %. A missing value is no bar and the text 「未把握」, never a 0.
// - Each bar is <rect class="population|aging-rate" data-area="ID"
//   data-value="…"> (the value as in areas.csv) for tests and tools.
// - Deterministic: fixed geometry, one decimal.
#pragma once
#include <optional>
#include <string>

#include "model/model.h"

namespace kyosei {

// The image's file name beside the chapter's Markdown (out/plan/地域福祉計画/).
inline constexpr const char* kAreaChartFile = "圏域ごとの人口と高齢化率.svg";

struct AreaChart {
  std::string file_name;
  std::string svg;
};

// nullopt when no area of 層2/層3 has a population or a 高齢化率.
std::optional<AreaChart> area_population_chart(const Dataset& ds);

}  // namespace kyosei
