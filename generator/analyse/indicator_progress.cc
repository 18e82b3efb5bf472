#include "analyse/indicator_progress.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace kyosei {

std::vector<IndicatorProgress> indicator_progress(const Dataset& ds) {
  std::vector<IndicatorProgress> out;
  for (const Indicator& i : ds.indicators) {
    IndicatorProgress p;
    p.indicator = &i;
    p.results = i.results;
    std::stable_sort(p.results.begin(), p.results.end(), [](const auto& a, const auto& b) { return a.year < b.year; });
    if (!p.results.empty()) p.latest = p.results.back();
    if (p.latest && i.target_value) {
      const double target = *i.target_value, now = p.latest->value;
      if (i.base_value) {
        double span = target - *i.base_value;
        if (std::fabs(span) > 1e-12) p.achievement = (now - *i.base_value) / span;
      } else if (i.increase_is_good) {
        if (std::fabs(target) > 1e-12) p.achievement = now / target;
      } else if (std::fabs(now) > 1e-12) {
        p.achievement = target / now;
      }
    }
    if (p.results.size() >= 2) {
      double a = p.results[p.results.size() - 2].value, b = p.results.back().value;
      if (std::fabs(b - a) < 1e-12) p.trend = IndicatorTrend::Flat;
      else p.trend = (b > a) == i.increase_is_good ? IndicatorTrend::Better : IndicatorTrend::Worse;
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<int> result_years(const std::vector<IndicatorProgress>& rows) {
  std::set<int> years;
  for (const auto& r : rows)
    for (const auto& x : r.results) years.insert(x.year);
  return {years.begin(), years.end()};
}

const char* trend_label(IndicatorTrend t) {
  switch (t) {
    case IndicatorTrend::Better: return "改善";
    case IndicatorTrend::Worse: return "悪化";
    case IndicatorTrend::Flat: return "横ばい";
    default: return "";
  }
}

}  // namespace kyosei
