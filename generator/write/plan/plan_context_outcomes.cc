// 成果指標の達成状況 (templates: 実施計画 10b, 地域福祉計画 08b): each
// indicator's results by year against its target, 達成率 and 傾向
// (analyse/indicator_progress.h states how they are computed).
#include <cmath>

#include "analyse/indicator_progress.h"
#include "base/dates.h"
#include "base/text.h"
#include "base/wording.h"
#include "write/plan/plan_context_parts.h"
#include "write/plan/plan_text.h"
#include "write/common/site_format.h"

namespace kyosei::plan_parts {

namespace {

constexpr size_t kMaxYears = 5;  // the table stays one page wide

std::string value_text(double v, const std::string& unit) { return number_text(v) + md(unit); }

std::string percent_text(double ratio) { return number_text(std::round(ratio * 1000) / 10) + "％"; }

std::string progress_table(const std::vector<IndicatorProgress>& rows) {
  std::vector<int> years = result_years(rows);
  if (years.size() > kMaxYears) years.erase(years.begin(), years.end() - kMaxYears);
  MarkdownTable t;
  t.headers = {"指標", "基準値", "目標値"};
  t.right_aligned = {false, true, true};
  for (int y : years) {
    t.headers.push_back(format_fiscal_year_short(y) + "の実績");
    t.right_aligned.push_back(true);
  }
  t.headers.insert(t.headers.end(), {"達成率", "傾向"});
  t.right_aligned.insert(t.right_aligned.end(), {true, false});
  for (const auto& p : rows) {
    const Indicator& i = *p.indicator;
    std::string name = md(i.name) + (i.increase_is_good ? "" : "（減少を目指す）");
    std::string base = i.base_value ? value_text(*i.base_value, i.unit) + (i.base_year ? "（" + format_fiscal_year_short(*i.base_year) + "）" : "")
                                    : std::string(kUnknown);
    std::string target = i.target_value ? value_text(*i.target_value, i.unit) + (i.target_year ? "（" + format_fiscal_year_short(*i.target_year) + "）" : "")
                                        : std::string("未設定");
    std::vector<std::string> row{name, base, target};
    for (int y : years) {
      std::string cell = kEmptyCell;
      for (const auto& r : p.results)
        if (r.year == y) cell = value_text(r.value, i.unit);
      row.push_back(cell);
    }
    row.push_back(p.achievement ? percent_text(*p.achievement) : (i.target_value ? kUnknown : kEmptyCell));
    std::string trend = trend_label(p.trend);
    row.push_back(trend.empty() ? kEmptyCell : trend);
    t.rows.push_back(row);
  }
  return t.render();
}

std::string progress_text(const std::vector<IndicatorProgress>& rows) {
  int reached = 0, measured = 0, better = 0, worse = 0;
  for (const auto& p : rows) {
    if (p.achievement) {
      ++measured;
      if (*p.achievement >= 1.0 - 1e-9) ++reached;
    }
    if (p.trend == IndicatorTrend::Better) ++better;
    if (p.trend == IndicatorTrend::Worse) ++worse;
  }
  std::string out = "成果指標" + std::to_string(rows.size()) + "件のうち、達成率を計算できたのは" + std::to_string(measured) + "件";
  if (measured > 0) out += "で、そのうち目標に達しているのは" + std::to_string(reached) + "件です。";
  else out += "です。";
  if (better + worse > 0)
    out += "直近2年度の実績を比べると、改善が" + std::to_string(better) + "件、悪化が" + std::to_string(worse) + "件です。";
  return out;
}

}  // namespace

void add_outcomes(const PlanFacts& f, Data& d) {
  auto rows = indicator_progress(f.ds);
  if (rows.empty()) return;
  d.set("成果指標の推移表", progress_table(rows));
  d.set("成果指標の説明", progress_text(rows));
}

}  // namespace kyosei::plan_parts
