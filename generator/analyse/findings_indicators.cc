// Finding rules on the outcome indicators (indicators.csv): FND-21a-b.
// Settings: data/assessment/findings.toml.
#include "analyse/findings_rules.h"
#include "base/text.h"

namespace kyosei {

// FND-21a: no indicator with a target (an absent file counts as none).
void rule_no_outcome_targets(const RuleContext& ctx, std::vector<Finding>& out) {
  std::vector<EvidenceRow> evidence;
  for (const Indicator& i : ctx.data.indicators) {
    if (i.target_value) return;
    evidence.push_back(evidence_of(i, "目標値なし"));
  }
  if (evidence.empty()) evidence.push_back(evidence_of_file("indicators.csv", "成果指標 0件（ファイルがない、または行がない）"));
  out.push_back(ctx.make("", {{"count", std::to_string(ctx.data.indicators.size())}}, std::move(evidence)));
}

// FND-21b: targets exist but no indicator has a result of recent years.
void rule_no_recent_results(const RuleContext& ctx, std::vector<Finding>& out) {
  const int fy = ctx.data.municipality.fiscal_year;
  const int recent = ctx.config.integer("recent_years");
  if (fy == 0 || recent < 1) return;
  std::vector<const Indicator*> targeted;
  for (const Indicator& i : ctx.data.indicators)
    if (i.target_value) targeted.push_back(&i);
  if (targeted.empty()) return;  // FND-21a
  for (const Indicator* i : targeted)
    for (const auto& r : i->results)
      if (r.year > fy - recent && r.year <= fy) return;
  std::vector<EvidenceRow> evidence;
  for (const Indicator* i : targeted) {
    std::vector<std::string> years;
    for (const auto& r : i->results) years.push_back(format_fiscal_year_short(r.year));
    evidence.push_back(evidence_of(*i, years.empty() ? "実績なし" : "実績の年度 " + join(years, "・")));
  }
  std::vector<std::string> window;
  for (int y = fy - recent + 1; y <= fy; ++y) window.push_back(format_fiscal_year_short(y));
  out.push_back(ctx.make("", {{"count", std::to_string(targeted.size())}, {"years", join(window, "・")}}, std::move(evidence)));
}

}  // namespace kyosei
