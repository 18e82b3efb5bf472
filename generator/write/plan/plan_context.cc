#include "write/plan/plan_context.h"

#include "base/dates.h"
#include "base/wording.h"
#include "write/markdown/markdown_html.h"
#include "write/markdown/markdown_tree.h"
#include "write/plan/plan_context_parts.h"
#include "write/plan/plan_text.h"

namespace kyosei {

namespace mstch = kainjow::mustache;

namespace plan_parts {

void set_if(Data& d, const std::string& key, const std::string& value) {
  if (!value.empty()) d.set(key, value);
}

std::string status_label(const PlanFacts& f) {
  const Municipality& m = f.ds.municipality;
  if (m.jusou_status.empty()) return kUnknown;
  std::string s = md(m.jusou_status);
  if (m.jusou_start_year) s += "（" + format_fiscal_year(*m.jusou_start_year) + "開始）";
  return s;
}

}  // namespace plan_parts

std::string narrative_for_section(const std::string& markdown) {
  return shift_headings(drop_leading_heading(markdown, 2), 1);
}

namespace {

// A URL as an autolink when it can be one (the reader checked http(s)://),
// else as literal text.
std::string url_markdown(const std::string& url) {
  if (url.empty()) return "";
  if (url.find_first_of(" \t<>\"'`\\") == std::string::npos && is_allowed_link_url(url)) return "<" + url + ">";
  return md(url);
}

std::string plan_period(const PlanInfo& p) {
  if (!p.start_year || !p.end_year) return kUnknown;
  return format_fiscal_year(p.start_year) + "から" + format_fiscal_year(p.end_year) + "までの" +
         std::to_string(p.end_year - p.start_year + 1) + "年間";
}

}  // namespace

mstch::data build_plan_context(const PlanFacts& f, DraftKind kind) {
  using plan_parts::set_if;
  const Municipality& m = f.ds.municipality;
  mstch::data d;
  d.set("自治体名", md(m.name));
  d.set("本市", own_municipality(m.name));
  d.set("年度", format_fiscal_year(m.fiscal_year));
  d.set("年度略", format_fiscal_year_short(m.fiscal_year));

  std::string welfare_title = m.plan.title.empty() ? m.name + "地域福祉計画" : m.plan.title;
  d.set("地域福祉計画名", md(welfare_title));
  d.set("計画期間", plan_period(m.plan));
  if (m.plan.start_year && m.plan.end_year)
    d.set("地域福祉計画期間", format_fiscal_year_short(m.plan.start_year) + "〜" + format_fiscal_year_short(m.plan.end_year));
  else
    d.set("地域福祉計画期間", "計画期間未把握");
  d.set("計画終了年度", m.plan.end_year ? format_fiscal_year(m.plan.end_year) : "計画の最終年度");

  std::string jusou_title = md(m.name) + (f.preparing() ? "重層的支援体制整備事業への移行計画" : "重層的支援体制整備事業実施計画");
  d.set("実施計画名", jusou_title);
  d.set("実施", f.implemented());
  d.set("移行準備", f.preparing());
  d.set("未実施", f.not_started());
  d.set("実施計画あり", !f.not_started());
  if (m.jusou_start_year) d.set("重層開始年度", format_fiscal_year(*m.jusou_start_year));
  d.set("単独", !f.jusou_as_chapter());
  d.set("章として", f.jusou_as_chapter());
  d.set("公開向け", f.settings.public_site);
  set_if(d, "公開先", url_markdown(m.site.base_url));
  set_if(d, "施策の展開の章", f.settings.measures_chapter);
  set_if(d, "実施計画の章", f.settings.jusou_chapter);

  if (kind == DraftKind::Jusou)
    d.set("本計画", f.jusou_as_chapter() ? "この実施計画" : (f.not_started() ? "この資料" : "本計画"));
  else
    d.set("本計画", "本計画");

  mstch::data narrative;
  for (const auto& [key, text] : f.ds.narratives) {
    std::string section = narrative_for_section(text);
    if (!section.empty()) narrative.set(key, section);
  }
  d.set("narrative", narrative);

  plan_parts::add_inventory(f, d);
  plan_parts::add_provision(f, d);
  plan_parts::add_meetings(f, d);
  plan_parts::add_evaluation(f, d);
  plan_parts::add_outcomes(f, d);
  if (kind == DraftKind::Welfare) plan_parts::add_welfare(f, d);
  if (f.settings.previous) plan_parts::add_change(f, d);
  return d;
}

}  // namespace kyosei
