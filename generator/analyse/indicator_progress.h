// 成果指標 against their targets (issue 11 §7): for each indicator of
// indicators.csv, the results by year, how far the latest result has come
// towards the target (達成率) and which way it moved (傾向).
//
// Rules (stated in the plans, so fixed here):
// - 達成率 with a 基準値: (latest − base) / (target − base), so a "decrease"
//   indicator works the same way. Without a 基準値: latest / target when
//   increase is good, target / latest when decrease is good. No target, no
//   result, or a zero denominator: no 達成率 (未把握 / 未設定), never 0%.
// - 傾向 compares the last two results: 改善 (moved the good way), 悪化,
//   横ばい (equal); with fewer than two results there is none.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace kyosei {

enum class IndicatorTrend { None, Better, Worse, Flat };

struct IndicatorProgress {
  const Indicator* indicator = nullptr;
  std::vector<IndicatorResult> results;  // by year, ascending
  std::optional<IndicatorResult> latest;
  std::optional<double> achievement;     // 1.0 = 100%
  IndicatorTrend trend = IndicatorTrend::None;
};

// indicators.csv order.
std::vector<IndicatorProgress> indicator_progress(const Dataset& ds);

// Every year that has a result for some indicator, ascending.
std::vector<int> result_years(const std::vector<IndicatorProgress>& rows);

// 改善 / 悪化 / 横ばい / "".
const char* trend_label(IndicatorTrend t);

}  // namespace kyosei
