// 前年度からの変化 (templates: 実施計画 12, 地域福祉計画 09), with --previous.
#include "analyse/year_change.h"
#include "base/dates.h"
#include "base/wording.h"
#include "write/plan/plan_context_parts.h"
#include "write/plan/plan_text.h"

namespace kyosei::plan_parts {

namespace {

std::string services_table(const std::vector<const Service*>& list) {
  MarkdownTable t;
  t.headers = {"事業（ID）", "分野", "所管課"};
  for (const Service* s : list) t.rows.push_back({service_label(*s), md(s->field), md(s->department)});
  return t.render();
}

std::string signed_fte(double d) {
  if (d > 0.005) return "+" + fte_text(d);
  if (d < -0.005) return "−" + fte_text(-d);
  return "±0人";
}

std::string held_text(const std::optional<int>& n, bool recorded) {
  if (!n) return "（会議体なし）";
  return recorded ? std::to_string(*n) + "回" : kUnknown;
}

}  // namespace

void add_change(const PlanFacts& f, Data& d) {
  // The analysis compares with --previous (settings.previous is the same).
  const YearChange& c = *f.view.year_change;
  // The roster has no audience: FTE compares the whole rosters.
  const YearChange& staff = *f.analysis.all.year_change;
  d.set("前年度", format_fiscal_year(c.previous_year));
  d.set("前年度略", format_fiscal_year_short(c.previous_year));
  // A service the public copy drops must not show as "ended" either.
  std::vector<const Service*> ended;
  for (const Service* s : c.ended)
    if (!f.full.find_service(s->id) && (!f.settings.public_site || s->is_public)) ended.push_back(s);
  set_if(d, "追加事業表", services_table(c.added));
  set_if(d, "終了事業表", services_table(ended));

  std::string prev_label = format_fiscal_year_short(c.previous_year), now_label = format_fiscal_year_short(c.current_year);
  MarkdownTable fte;
  fte.headers = {"役割の分野", prev_label + " 実人数", prev_label + " 常勤換算", now_label + " 実人数", now_label + " 常勤換算", "常勤換算の増減"};
  fte.right_aligned = {false, true, true, true, true, true};
  for (const auto& r : staff.fte)
    fte.rows.push_back({r.field == "重層" ? "重層（分野横断の役割）" : md(r.field), std::to_string(r.previous_people) + "人",
                        fte_text(r.previous), std::to_string(r.current_people) + "人", fte_text(r.current),
                        signed_fte(r.current - r.previous)});
  fte.rows.push_back({"計（名簿の人数）", std::to_string(staff.previous_people) + "人", fte_text(staff.previous_total_fte),
                      std::to_string(staff.current_people) + "人", fte_text(staff.current_total_fte),
                      signed_fte(staff.current_total_fte - staff.previous_total_fte)});
  d.set("常勤換算比較表", fte.render());

  MarkdownTable meetings;
  meetings.headers = {"会議体", prev_label, now_label};
  meetings.right_aligned = {false, true, true};
  for (const auto& m : c.meetings) meetings.rows.push_back({md(m.name), held_text(m.previous_held, m.previous_recorded), held_text(m.current_held, m.current_recorded)});
  d.set("開催回数比較表", meetings.rows.empty() ? std::string("会議体はありません。\n") : meetings.render());
}

}  // namespace kyosei::plan_parts
