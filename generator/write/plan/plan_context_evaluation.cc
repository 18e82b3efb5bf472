// 事業目標・評価指標, 財源, 評価 (templates: 実施計画 09, 10; 地域福祉計画 08).
#include <algorithm>

#include "analyse/funding.h"
#include "base/dates.h"
#include "base/text.h"
#include "model/reference_data.h"
#include "write/plan/funding_markdown.h"
#include "write/plan/plan_context_parts.h"
#include "write/plan/plan_text.h"
#include "write/common/site_format.h"

namespace kyosei::plan_parts {

namespace {

std::string value_text(double v, const std::string& unit) { return number_text(v) + md(unit); }

std::string value_at(const std::optional<double>& v, const std::optional<int>& year, const std::string& unit,
                     const char* if_missing) {
  if (!v) return if_missing;
  std::string s = value_text(*v, unit);
  if (year) s += "（" + format_fiscal_year_short(*year) + "）";
  return s;
}

std::string indicator_table(const Dataset& ds) {
  MarkdownTable t;
  t.headers = {"区分", "指標", "基準値", "目標値", "最新の実績"};
  t.right_aligned = {false, false, true, true, true};
  // Grouped by 区分 in vocabulary order, file order within.
  for (const auto& category : reference_data().schema.values("indicators.csv", "区分")) {
    for (const Indicator& i : ds.indicators) {
      if (i.category != category) continue;
      std::string name = md(i.name);
      if (!i.increase_is_good) name += "（減少を目指す）";
      std::string latest = kUnknown;
      if (!i.results.empty()) {
        const IndicatorResult* last = &i.results.front();
        for (const auto& r : i.results)
          if (r.year > last->year) last = &r;
        latest = value_text(last->value, i.unit) + "（" + format_fiscal_year_short(last->year) + "）";
      }
      t.rows.push_back({md(i.category), name, value_at(i.base_value, i.base_year, i.unit, kUnknown),
                        value_at(i.target_value, i.target_year, i.unit, "未設定"), latest});
    }
  }
  return t.render();
}

// The current value of a typical indicator, where the inventory tells it.
std::string current_value(const PlanFacts& f, const TypicalIndicatorRef& ti) {
  const std::string prefix = "sites_of_go:";
  if (ti.current_from.rfind(prefix, 0) != 0) return kUnknown;
  int go = std::stoi(ti.current_from.substr(prefix.size()));
  long long sum = 0;
  int services = 0, unknown = 0;
  for (const Service& s : f.ds.services) {
    bool in_go = std::any_of(s.jusou_codes.begin(), s.jusou_codes.end(), [&](const std::string& code) {
      const JusouComponent* c = f.ref.component(code);
      return c && c->go == go;
    });
    if (!in_go) continue;
    ++services;
    if (s.sites) sum += *s.sites;
    else ++unknown;
  }
  if (services == 0 || unknown == services) return kUnknown;
  std::string text = with_commas(sum) + md(ti.unit) + "（" + format_fiscal_year_short(f.ds.municipality.fiscal_year) + "の棚卸）";
  if (unknown > 0) text = with_commas(sum) + md(ti.unit) + "以上（拠点数が未把握の事業" + std::to_string(unknown) + "件を除く）";
  return text;
}

std::string proposal_table(const PlanFacts& f) {
  MarkdownTable t;
  t.headers = {"区分", "指標", "単位", "現状値"};
  t.right_aligned = {false, false, false, true};
  for (const auto& ti : f.pref.typical_indicators) {
    bool given = std::any_of(f.ds.indicators.begin(), f.ds.indicators.end(),
                             [&](const Indicator& i) { return i.category == ti.category; });
    if (given) continue;
    t.rows.push_back({md(ti.category), md(ti.name) + "（提案）", md(ti.unit), current_value(f, ti)});
  }
  return t.render();
}

std::string meetings_held_table(const PlanFacts& f) {
  MarkdownTable t;
  t.headers = {"会議名", "種別", "予定回数", "開催回数"};
  t.right_aligned = {false, false, true, true};
  for (const auto& a : f.meetings)
    t.rows.push_back({md(a.meeting->name), names_text(a.meeting->kinds), amount_text(a.meeting->planned_per_year, "回"),
                      a.recorded ? std::to_string(a.held) + "回" : std::string(kUnknown)});
  return t.rows.empty() ? std::string("会議体の一覧に会議体はありません。\n") : t.render();
}

}  // namespace

void add_evaluation(const PlanFacts& f, Data& d) {
  set_if(d, "指標表", indicator_table(f.ds));
  set_if(d, "提案指標表", proposal_table(f));
  d.set("会議体開催表", meetings_held_table(f));
  if (!f.not_started()) {
    const FundingBreakdown& b = f.view.funding;
    d.set("財源内訳", render_funding_breakdown(f.ds, b));
  }
}

}  // namespace kyosei::plan_parts
