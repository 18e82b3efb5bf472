// Finding rules on meeting bodies and their sessions: FND-05, 08a-c, 14,
// 15, 17, 24a. Settings: data/assessment/findings.toml.
#include <algorithm>
#include <set>

#include "analyse/findings_rules.h"
#include "analyse/similarity.h"
#include "base/text.h"

namespace kyosei {

namespace {

std::vector<const Meeting*> meetings_of_kind(const Dataset& data, const std::vector<std::string>& kinds) {
  std::vector<const Meeting*> out;
  for (const Meeting& m : data.meetings)
    if (has_any(m.kinds, kinds)) out.push_back(&m);
  return out;
}

int held_in_year(const Dataset& data, const std::vector<const Meeting*>& meetings) {
  int n = 0;
  for (const Meeting* m : meetings) n += static_cast<int>(year_sessions(data, m->id).size());
  return n;
}

std::string held_detail(const Dataset& data, const Meeting& m) {
  return "当該年度の開催 " + std::to_string(year_sessions(data, m.id).size()) + "回";
}

std::string confidentiality(const Meeting& m) { return m.confidential ? "守秘義務あり" : "守秘義務なし"; }

}  // namespace

// FND-05: two bodies with much the same members and purpose.
void rule_similar_meetings(const RuleContext& ctx, std::vector<Finding>& out) {
  const double member_min = ctx.config.number("member_jaccard");
  const double purpose_min = ctx.config.number("purpose_similarity");
  OrgNames orgs(ctx.data, ctx.config.rows("aliases"));
  struct Prepared {
    const Meeting* m;
    std::set<std::string> members;
    std::set<std::string> purpose;
    std::set<std::string> areas_up;  // its areas and all their 上位圏域
  };
  std::vector<Prepared> bodies;
  for (const Meeting& m : ctx.data.meetings) {
    if (m.members.empty() || trim(m.purpose).empty()) continue;  // unknown: not compared
    Prepared p{&m, {}, char_bigrams(m.purpose)};
    for (const auto& o : m.members) p.members.insert(orgs.key(o));
    p.areas_up = areas_and_ancestors(ctx.data, m.areas);
    bodies.push_back(std::move(p));
  }
  const bool skip_disjoint = ctx.config.flag("skip_disjoint_areas");
  // Bodies held for different areas are not the same people meeting twice.
  // Two areas overlap when one lies within the other: an area of b is
  // among a's areas or their ancestors, or the other way round (the
  // ancestors are looked up once per body, not once per pair).
  auto disjoint = [&](const Prepared& a, const Prepared& b) {
    if (a.m->areas.empty() || b.m->areas.empty()) return false;  // 全域 overlaps everything
    for (const auto& y : b.m->areas)
      if (a.areas_up.count(y)) return false;
    for (const auto& x : a.m->areas)
      if (b.areas_up.count(x)) return false;
    return true;
  };
  constexpr double eps = 1e-9;  // 3/5 must count as 0.6
  for (size_t i = 0; i < bodies.size(); ++i)
    for (size_t j = i + 1; j < bodies.size(); ++j) {
      const Prepared& a = bodies[i];
      const Prepared& b = bodies[j];
      if (skip_disjoint && disjoint(a, b)) continue;
      const double mj = jaccard(a.members, b.members);
      const double pj = jaccard(a.purpose, b.purpose);
      if (mj + eps < member_min || pj + eps < purpose_min) continue;
      std::vector<std::string> shared;
      for (const auto& o : a.m->members)
        if (b.members.count(orgs.key(o)) && !holds(shared, o)) shared.push_back(o);
      std::string note;
      if (a.m->confidential && b.m->confidential)
        note = ctx.config.text("note_both_confidential");
      else if (a.m->confidential || b.m->confidential) {
        const Meeting& c = a.m->confidential ? *a.m : *b.m;
        note = ctx.config.fill(ctx.config.text("note_one_confidential"), {{"conf", c.id}, {"conf_name", c.name}});
      } else
        note = ctx.config.text("note_none_confidential");
      auto detail = [](const Meeting& m) {
        return "構成機関" + std::to_string(m.members.size()) + "・" + confidentiality(m) + "・目的" + quoted(m.purpose);
      };
      out.push_back(ctx.make(a.m->id + "・" + b.m->id,
                             {{"a", a.m->id},
                              {"a_name", a.m->name},
                              {"b", b.m->id},
                              {"b_name", b.m->name},
                              {"shared", std::to_string(shared.size())},
                              {"shared_names", join(shared, "・")},
                              {"member_score", decimal_text(mj, 2)},
                              {"purpose_score", decimal_text(pj, 2)},
                              {"confidentiality", note}},
                             {evidence_of(*a.m, detail(*a.m)), evidence_of(*b.m, detail(*b.m))}));
    }
}

// FND-08a: people or a program for 多機関協働, but no 重層的支援会議 held.
void rule_no_jusou_meeting(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& roles = ctx.config.list("staff_roles");
  const auto& codes = ctx.config.list("service_codes");
  const auto& kinds = ctx.config.list("meeting_kinds");
  std::vector<EvidenceRow> evidence;
  int people = 0, programs = 0;
  for (const Staff& s : ctx.data.staff)
    if (has_any_role(s, roles)) {
      ++people;
      std::vector<std::string> held;
      for (const auto& r : s.roles)
        if (holds(roles, r.role)) held.push_back(r.role);
      evidence.push_back(evidence_of(s, "役割 " + join(held, "・")));
    }
  for (const Service& s : ctx.data.services)
    if (has_any(s.jusou_codes, codes)) {
      ++programs;
      evidence.push_back(evidence_of(s, "重層区分 " + join(s.jusou_codes, "・")));
    }
  if (people + programs == 0) return;
  const auto bodies = meetings_of_kind(ctx.data, kinds);
  const bool known = sessions_known(ctx.data);
  if (known && held_in_year(ctx.data, bodies) > 0) return;

  std::vector<std::string> basis;
  if (people) basis.push_back("役割「" + join(roles, "・") + "」" + std::to_string(people) + "人");
  if (programs) basis.push_back("重層区分「" + join(codes, "・") + "」の事業" + std::to_string(programs) + "件");
  std::string state = "ありません";
  if (bodies.empty())
    evidence.push_back(evidence_of_file("meetings.csv", "種別に「" + join(kinds, "・") + "」を含む会議体 0件"));
  for (const Meeting* m : bodies) evidence.push_back(evidence_of(*m, known ? held_detail(ctx.data, *m) : "開催実績の記録なし"));
  if (!bodies.empty() && !known) {
    state = "把握されていません（meeting_sessions.csv に開催実績がありません）";
    evidence.push_back(evidence_of_file("meeting_sessions.csv", "開催実績 0件（未把握）"));
  }
  Finding f = ctx.make("", {{"basis", join(basis, "、")}, {"state", state}}, std::move(evidence));
  if (!bodies.empty() && !known)
    if (auto s = parse_severity(ctx.config.text("severity_when_sessions_unknown"))) f.severity = *s;
  out.push_back(std::move(f));
}

// FND-08b: every 重層的支援会議 of the year talked about cases only.
void rule_jusou_meeting_cases_only(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& keywords = ctx.config.list("keywords");
  std::vector<EvidenceRow> evidence;
  for (const Meeting* m : meetings_of_kind(ctx.data, ctx.config.list("meeting_kinds")))
    for (const Session* s : year_sessions(ctx.data, m->id)) {
      if (trim(s->agenda).empty()) return;  // unknown agenda: cannot tell
      if (contains_any(s->agenda, keywords)) return;
      // The agenda itself stays out: it may be confidential.
      evidence.push_back(evidence_of(ctx.data, *s, "議題に資源開発・地域課題の語なし"));
    }
  if (evidence.empty()) return;
  out.push_back(ctx.make("", {{"count", std::to_string(evidence.size())}}, std::move(evidence)));
}

// FND-08c: far more 支援会議 (no consent) than 重層的支援会議 (consent).
void rule_support_meeting_dominant(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto consent_bodies = meetings_of_kind(ctx.data, ctx.config.list("consent_kinds"));
  const auto other_bodies = meetings_of_kind(ctx.data, ctx.config.list("no_consent_kinds"));
  const int consent = held_in_year(ctx.data, consent_bodies);
  const int other = held_in_year(ctx.data, other_bodies);
  if (other < 1 || other < ctx.config.number("ratio") * consent) return;
  std::vector<EvidenceRow> evidence;
  for (const Meeting* m : other_bodies) evidence.push_back(evidence_of(*m, "種別 " + join(m->kinds, "・") + "／" + held_detail(ctx.data, *m)));
  for (const Meeting* m : consent_bodies)
    if (!has_any(m->kinds, ctx.config.list("no_consent_kinds")))
      evidence.push_back(evidence_of(*m, "種別 " + join(m->kinds, "・") + "／" + held_detail(ctx.data, *m)));
  out.push_back(ctx.make("", {{"no_consent", std::to_string(other)}, {"consent", std::to_string(consent)}}, std::move(evidence)));
}

// FND-14: the cross-field meetings are welfare departments only.
void rule_no_non_welfare_department(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& kinds = ctx.config.list("meeting_kinds");
  const auto& keywords = ctx.config.list("non_welfare_keywords");
  const auto bodies = meetings_of_kind(ctx.data, kinds);
  if (bodies.empty()) {
    out.push_back(ctx.make_with(ctx.config.text("summary_no_meeting"), "", {},
                                {evidence_of_file("meetings.csv", "種別に「" + join(kinds, "・") + "」を含む会議体 0件")}));
    return;
  }
  std::vector<EvidenceRow> evidence;
  std::vector<std::string> names;
  for (const Meeting* m : bodies) {
    const auto orgs = meeting_organisations(ctx.data, *m);
    for (const auto& o : orgs)
      if (contains_any(o, keywords)) return;
    evidence.push_back(evidence_of(*m, "構成機関・出席機関 " + (orgs.empty() ? std::string("記載なし") : join(orgs, "・"))));
    names.push_back(m->id + quoted(m->name));
  }
  out.push_back(ctx.make("", {{"meetings", join(names, "、")}}, std::move(evidence)));
}

// FND-15: no prefectural agency in any meeting.
void rule_no_prefectural_agency(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& keywords = ctx.config.list("keywords");
  for (const Meeting& m : ctx.data.meetings)
    for (const auto& o : meeting_organisations(ctx.data, m))
      if (contains_any(o, keywords)) return;
  out.push_back(ctx.make("", {},
                         {evidence_of_file("meetings.csv", "会議体 " + std::to_string(ctx.data.meetings.size()) +
                                                               "件の構成機関・当該年度の出席機関に、都道府県の機関 0件")}));
}

// FND-17: 社会福祉協議会 appears nowhere.
void rule_no_shakyo(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& keywords = ctx.config.list("keywords");
  for (const Service& s : ctx.data.services)
    if (contains_any(s.provider, keywords)) return;
  for (const Staff& s : ctx.data.staff)
    if (s.organisation_type == "社協" || contains_any(s.organisation, keywords)) return;
  for (const Meeting& m : ctx.data.meetings)
    for (const auto& o : meeting_organisations(ctx.data, m))
      if (contains_any(o, keywords)) return;
  out.push_back(ctx.make("", {},
                         {evidence_of_file("services.csv", "実施主体が社会福祉協議会の事業 0件"),
                          evidence_of_file("staff.csv", "社会福祉協議会の職員 0人"),
                          evidence_of_file("meetings.csv", "構成機関・出席機関に社会福祉協議会がいる会議体 0件")}));
}

// FND-24a: a field without its standard meeting body, or not held this year.
void rule_missing_standard_meeting(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& skip = ctx.config.list("skip_without_welfare_office");
  const bool known = sessions_known(ctx.data);
  for (const auto& row : ctx.config.rows("bodies")) {
    const std::string& field = row[0];
    if (!ctx.data.municipality.welfare_office && holds(skip, field)) continue;
    const std::vector<std::string> kinds(row.begin() + 1, row.end());
    const auto bodies = meetings_of_kind(ctx.data, kinds);
    const TemplateValues values = {{"field", field}, {"kinds", join(kinds, "・")}};
    if (bodies.empty()) {
      TemplateValues v = values;
      v.emplace_back("state", "meetings.csv にありません");
      out.push_back(ctx.make(field, v, {evidence_of_file("meetings.csv", "種別に「" + join(kinds, "・") + "」を含む会議体 0件")}));
      continue;
    }
    if (!known || held_in_year(ctx.data, bodies) > 0) continue;
    // A body with no session row at all is 開催実績未把握, not 0回: the file
    // often records only some bodies.
    bool any_rows = std::any_of(bodies.begin(), bodies.end(),
                                [&](const Meeting* m) { return !ctx.data.sessions_of(m->id).empty(); });
    if (!any_rows) continue;
    std::vector<EvidenceRow> evidence;
    for (const Meeting* m : bodies) evidence.push_back(evidence_of(*m, held_detail(ctx.data, *m)));
    TemplateValues v = values;
    v.emplace_back("state", "当該年度に開かれていません");
    out.push_back(ctx.make(field, v, std::move(evidence)));
  }
}

}  // namespace kyosei
