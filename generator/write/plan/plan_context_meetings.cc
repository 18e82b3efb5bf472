// 会議体・関係機関・推進体制 (templates: 実施計画 07, 08, 11; 地域福祉計画 07).
// Counts and names of bodies only: never a 議題, never a person.
#include <algorithm>

#include "base/text.h"
#include "model/reference_data.h"
#include "write/plan/plan_context_parts.h"
#include "write/plan/plan_text.h"
#include "write/common/site_format.h"

namespace kyosei::plan_parts {

namespace {

bool any_kind(const Meeting& m, std::initializer_list<const char*> kinds) {
  for (const char* k : kinds)
    if (has_kind(m, k)) return true;
  return false;
}

std::string held_cell(const MeetingActivity& a) { return a.recorded ? std::to_string(a.held) + "回" : kUnknown; }

std::string cases_cell(const MeetingActivity& a) {
  if (!a.cases) return kUnknown;
  std::string s = with_commas(*a.cases) + "件";
  if (!a.cases_complete) s += "（一部未把握）";
  return s;
}

std::string meeting_table(const std::vector<const MeetingActivity*>& list) {
  MarkdownTable t;
  t.headers = {"会議名", "種別", "開催形態", "守秘義務", "所管課", "予定回数", "開催回数", "検討事例数"};
  t.right_aligned = {false, false, false, false, false, true, true, true};
  for (const MeetingActivity* a : list) {
    const Meeting& m = *a->meeting;
    t.rows.push_back({md(m.name), names_text(m.kinds), m.style.empty() ? kUnknown : md(m.style),
                      m.confidential ? "あり" : "なし", md(m.department), amount_text(m.planned_per_year, "回"),
                      held_cell(*a), cases_cell(*a)});
  }
  return t.render();
}

template <typename Pred>
std::vector<const MeetingActivity*> select(const PlanFacts& f, Pred pred) {
  std::vector<const MeetingActivity*> out;
  for (const auto& a : f.meetings)
    if (pred(*a.meeting)) out.push_back(&a);
  return out;
}

std::string confidentiality_note(const PlanFacts& f) {
  std::vector<std::string> names;
  for (const auto& a : f.meetings) {
    const Meeting& m = *a.meeting;
    if (!m.confidential && any_kind(m, {"支援会議", "地域ケア会議", "要保護児童対策地域協議会"})) names.push_back(m.name);
  }
  if (names.empty()) return "";
  return "※ " + names_text(names) +
         "は、種別からみて法律で構成員に守秘義務が課される会議体ですが、会議体の一覧では守秘義務が「なし」になっています。確認が必要です。";
}

std::string organisation_types(const PlanFacts& f, std::string& table) {
  const auto& types = reference_data().schema.values("staff.csv", "所属区分");
  MarkdownTable t;
  t.headers = {"所属区分", "人数", "常勤換算"};
  t.right_aligned = {false, true, true};
  std::vector<std::string> parts;
  for (const auto& type : types) {
    int people = 0;
    double fte = 0;
    for (const Staff& p : f.full.staff)
      if (p.organisation_type == type) {
        ++people;
        fte += p.fte;
      }
    if (people == 0) continue;
    t.rows.push_back({md(type), std::to_string(people) + "人", fte_text(fte)});
    parts.push_back(md(type) + std::to_string(people) + "人");
  }
  table = t.render();
  if (parts.empty()) return "コーディネーター等の名簿に載っている職員はいません。";
  // Say who else carries the work only where the data shows them: a small
  // town may run everything itself (no 社協 staff, no 委託先 on the roster).
  auto has_type = [&](const char* type) {
    return std::any_of(f.full.staff.begin(), f.full.staff.end(), [&](const Staff& p) { return p.organisation_type == type; });
  };
  const bool providers = std::any_of(f.ds.services.begin(), f.ds.services.end(),
                                     [](const Service& s) { return !s.jusou_codes.empty() && !s.provider.empty(); });
  std::vector<std::string> partners;
  if (has_type("社協")) partners.push_back("社会福祉協議会");
  if (has_type("委託先法人") || providers) partners.push_back("委託先の法人");
  std::string out = "コーディネーター等の名簿に載っている" + std::to_string(f.full.staff.size()) + "人の所属は、" + join(parts, "、") + "です。";
  if (!partners.empty()) out += "行政だけでなく、" + join(partners, "や") + "の職員とともに支援を担っています。";
  else out += "重層区分のある事業に委託先・補助先はなく、" + own_municipality(f.ds.municipality.name) + "の職員が直営で支援を担っています。";
  return out;
}

// Organisations named in 構成機関, with the bodies they sit on.
void member_organisations(const PlanFacts& f, std::string& text, std::string& table) {
  std::vector<std::string> orgs;
  std::vector<std::vector<std::string>> bodies;
  for (const Meeting& m : f.ds.meetings) {
    std::vector<std::string> seen;
    for (const auto& o : m.members) {
      if (std::find(seen.begin(), seen.end(), o) != seen.end()) continue;
      seen.push_back(o);
      auto it = std::find(orgs.begin(), orgs.end(), o);
      if (it == orgs.end()) {
        orgs.push_back(o);
        bodies.push_back({m.name});
      } else {
        bodies[static_cast<size_t>(it - orgs.begin())].push_back(m.name);
      }
    }
  }
  if (orgs.empty()) {
    text = "会議体の一覧には、構成機関が記入されていません。";
    table.clear();
    return;
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < orgs.size(); ++i)
    if (bodies[i].size() >= 2) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return bodies[a].size() > bodies[b].size(); });
  text = "会議体の構成機関として名前が挙がっている機関は" + std::to_string(orgs.size()) + "機関です。";
  if (order.empty()) {
    text += "複数の会議体に参加している機関はありません。";
    table.clear();
    return;
  }
  text += "このうち、複数の会議体に参加している" + std::to_string(order.size()) +
          "機関は次のとおりです。これらの機関は、分野を越えて情報をつなぐ役割を担っています。";
  MarkdownTable t;
  t.headers = {"機関", "参加している会議体の数", "会議体"};
  t.right_aligned = {false, true, false};
  for (size_t i : order) t.rows.push_back({md(orgs[i]), std::to_string(bodies[i].size()), names_text(bodies[i])});
  table = t.render();
}

void promotion(const PlanFacts& f, Data& d) {
  auto bodies = select(f, [](const Meeting& m) { return any_kind(m, {"庁内連携会議", "計画策定委員会"}); });
  std::vector<std::string> internal, committee;
  for (const auto* a : bodies) {
    if (has_kind(*a->meeting, "庁内連携会議")) internal.push_back(a->meeting->name);
    if (has_kind(*a->meeting, "計画策定委員会")) committee.push_back(a->meeting->name);
  }
  std::string text;
  if (!internal.empty() && !committee.empty())
    text = "庁内の関係部署で構成する" + names_text(internal) + "が取組の進行を管理し、地域住民や関係機関の代表で構成する" +
           names_text(committee) + "が計画の進捗を評価し、意見を述べます。";
  else if (!internal.empty())
    text = "庁内の関係部署で構成する" + names_text(internal) +
           "が取組の進行を管理します。地域住民や関係機関の代表が計画の進捗を評価する場（種別「計画策定委員会」）は、会議体の一覧にありません。";
  else if (!committee.empty())
    text = "地域住民や関係機関の代表で構成する" + names_text(committee) +
           "が計画の進捗を評価し、意見を述べます。庁内の関係部署が連携して進行を管理する場（種別「庁内連携会議」）は、会議体の一覧にありません。";
  else
    text = "計画を推進する会議体（種別「庁内連携会議」「計画策定委員会」）は、会議体の一覧にありません。推進の体制を検討する必要があります。";
  d.set("推進体制の説明", text);
  MarkdownTable t;
  t.headers = {"会議名", "種別", "所管課", "予定回数", "開催回数"};
  t.right_aligned = {false, false, false, true, true};
  for (const auto* a : bodies)
    t.rows.push_back({md(a->meeting->name), names_text(a->meeting->kinds), md(a->meeting->department),
                      amount_text(a->meeting->planned_per_year, "回"), held_cell(*a)});
  set_if(d, "推進会議表", t.render());
  set_if(d, "評価の場", names_text(committee));
}

}  // namespace

void add_meetings(const PlanFacts& f, Data& d) {
  set_if(d, "支援会議表", meeting_table(select(f, [](const Meeting& m) { return has_kind(m, "支援会議"); })));
  // A body held jointly as 支援会議 and 重層的支援会議 is in the first table only.
  set_if(d, "重層的支援会議表", meeting_table(select(f, [](const Meeting& m) {
           return has_kind(m, "重層的支援会議") && !has_kind(m, "支援会議");
         })));
  std::vector<std::string> joint;
  for (const auto& a : f.meetings)
    if (has_kind(*a.meeting, "重層的支援会議") && has_kind(*a.meeting, "支援会議")) joint.push_back(a.meeting->name);
  set_if(d, "一体開催の会議体", names_capped(joint, 3, "の会議体"));
  set_if(d, "既存会議体表", meeting_table(select(f, [](const Meeting& m) {
           return !any_kind(m, {"支援会議", "重層的支援会議", "庁内連携会議", "計画策定委員会"});
         })));
  set_if(d, "守秘義務の注意", confidentiality_note(f));

  std::string types_table;
  d.set("所属区分の説明", organisation_types(f, types_table));
  set_if(d, "所属区分表", types_table);

  std::string members_text, members_table;
  member_organisations(f, members_text, members_table);
  d.set("構成機関の説明", members_text);
  set_if(d, "構成機関表", members_table);
  promotion(f, d);
}

}  // namespace kyosei::plan_parts
