// 概況・棚卸・職員配置・課題 (templates: 実施計画 04, 地域福祉計画 03).
#include <algorithm>
#include <set>

#include "analyse/funding.h"
#include "base/dates.h"
#include "base/text.h"
#include "write/plan_context_parts.h"
#include "write/plan_text.h"
#include "write/site_format.h"

namespace kyosei::plan_parts {

namespace {

std::string population_text(const Municipality& m) { return amount_text(m.population, "人"); }

std::string aging_text(const std::optional<double>& rate) { return rate ? decimal_text(*rate) + "％" : kUnknown; }

// "全域1、日常生活圏域5、地区12"
std::string areas_outline(const Dataset& ds) {
  static const char* names[] = {"", "全域", "日常生活圏域", "地区"};
  std::vector<std::string> parts;
  for (int layer = 1; layer <= 3; ++layer) {
    long n = std::count_if(ds.areas.begin(), ds.areas.end(), [&](const Area& a) { return a.layer == layer; });
    if (n > 0) parts.push_back(std::string(names[layer]) + std::to_string(n));
  }
  return parts.empty() ? kUnknown : join(parts, "、");
}

std::string matrix_table(const CoverageMatrix& m) {
  MarkdownTable t;
  t.headers = {"分野＼機能"};
  t.right_aligned = {false};
  for (const auto& fn : m.functions) {
    t.headers.push_back(md(fn));
    t.right_aligned.push_back(true);
  }
  t.headers.push_back("計");
  t.right_aligned.push_back(true);
  for (size_t r = 0; r < m.fields.size(); ++r) {
    std::vector<std::string> row{md(m.fields[r])};
    for (size_t c = 0; c < m.functions.size(); ++c) {
      int n = m.at(r, c).count;
      row.push_back(n == 0 ? "0" : std::to_string(n));
    }
    row.push_back(std::to_string(m.row_totals[r]));
    t.rows.push_back(row);
  }
  std::vector<std::string> totals{"計"};
  for (int n : m.column_totals) totals.push_back(std::to_string(n));
  totals.push_back(std::to_string(m.total));
  t.rows.push_back(totals);
  return t.render();
}

size_t function_index(const CoverageMatrix& m, const std::string& fn) {
  return static_cast<size_t>(std::find(m.functions.begin(), m.functions.end(), fn) - m.functions.begin());
}

// The 分野 the 重層事業 components belong to (高齢, 障害, 子ども, 生活困窮):
// where a missing 相談支援 is worth a remark.
bool is_component_field(const Reference& ref, const std::string& field) {
  for (const auto& c : ref.components)
    if (c.field == field) return true;
  return false;
}

// Fields with no service at all, and core fields with services but no 相談支援.
std::string empty_cells_text(const CoverageMatrix& m, const Reference& ref) {
  auto empty = m.empty_cells();
  std::string out = "分野と機能の組み合わせ" + std::to_string(m.fields.size() * m.functions.size()) + "通りのうち、該当する事業がない組み合わせは" +
                    std::to_string(empty.size()) + "通りです。";
  std::vector<std::string> no_service, no_consultation;
  size_t consult = function_index(m, "相談支援");
  for (size_t r = 0; r < m.fields.size(); ++r) {
    if (m.row_totals[r] == 0) no_service.push_back(m.fields[r]);
    else if (consult < m.functions.size() && m.at(r, consult).count == 0 && is_component_field(ref, m.fields[r]))
      no_consultation.push_back(m.fields[r]);
  }
  if (!no_service.empty()) out += "「" + join(no_service, "」「") + "」を主な分野とする事業は、棚卸にありません。";
  if (!no_consultation.empty())
    out += "「" + join(no_consultation, "」「") + "」の分野には、相談支援の機能をもつ事業がありません。";
  return out;
}

// 「実施」 where the project runs; before that a matching service only exists.
std::string component_state(const PlanFacts& f, const ComponentCoverage& c) {
  if (!c.implemented()) return md(c.status);
  return f.implemented() ? md(c.status) : "既存事業あり";
}

std::string component_table(const PlanFacts& f, const std::vector<ComponentCoverage>& components) {
  MarkdownTable t;
  t.headers = {"区分", "構成事業", "対応する既存事業", "状態"};
  for (const auto& c : components) {
    std::vector<std::string> names;
    for (const Service* s : c.services) names.push_back(s->name);
    t.rows.push_back({md(c.component->law_ref), md(c.expected_program), names.empty() ? "（なし）" : names_text(names),
                      component_state(f, c)});
  }
  return t.render();
}

std::string component_status_text(const std::vector<ComponentCoverage>& components) {
  int known = 0;
  for (const auto& c : components) known += c.implemented() ? 1 : 0;
  std::string out = static_cast<size_t>(known) == components.size()
                        ? std::to_string(components.size()) + "のすべての構成事業で、対応する既存事業を確認できました。"
                        : std::to_string(components.size()) + "の構成事業のうち、対応する既存事業を確認できたのは" +
                              std::to_string(known) + "事業、未把握は" + std::to_string(components.size() - known) + "事業です。";
  for (const auto& c : components)
    if (c.substituted)
      out += "福祉事務所を設置していないため、" + md(c.component->law_ref) + "は「" + md(c.component->program_name) +
             "」に代えて「" + md(c.expected_program) + "」としています。";
  return out;
}

std::string field_label(const std::string& field) {
  if (field == "重層") return "重層（分野横断の役割）";
  return md(field);
}

std::string staffing_table(const StaffingSummary& s) {
  MarkdownTable t;
  t.headers = {"役割の分野", "実人数", "常勤換算"};
  t.right_aligned = {false, true, true};
  for (const auto& f : s.by_field) t.rows.push_back({field_label(f.field), std::to_string(f.people) + "人", fte_text(f.fte)});
  if (s.unassigned_fte > 1e-9) t.rows.push_back({"役割に配分されていない分", "—", fte_text(s.unassigned_fte)});
  t.rows.push_back({"計", std::to_string(s.people) + "人", fte_text(s.total_fte)});
  return t.render();
}

std::string staffing_text(const StaffingSummary& s) {
  if (s.people == 0) return "コーディネーター等の名簿に載っている職員はいません。";
  std::string out = "コーディネーター等の名簿に載っている職員は" + std::to_string(s.people) + "人（常勤換算" +
                    fte_text(s.total_fte) + "）です。役割ごとの配分を、役割の分野ごとに合計しました。"
                    "1人が複数の分野の役割を兼ねるときはそれぞれの分野に数えるため、実人数の合計は全体の人数と一致しません。";
  if (s.multi_role_people > 0)
    out += std::to_string(s.people) + "人のうち" + std::to_string(s.multi_role_people) +
           "人が複数の役割を兼務しており、最も多い人は" + std::to_string(s.max_roles) + "つの役割を担っています。";
  return out;
}

std::vector<std::string> issues(const PlanFacts& f) {
  std::vector<std::string> out;
  const Dataset& ds = f.ds;

  // Components without a service.
  std::vector<std::string> missing;
  for (const auto& c : f.components)
    if (!c.implemented()) missing.push_back(md(c.component->law_ref) + "（" + md(c.expected_program) + "）");
  if (!missing.empty()) {
    std::string lead = f.not_started() ? "事業を実施する場合に必要となる構成事業のうち、" : "構成事業のうち、";
    out.push_back(lead + join(missing, "、") +
                  "は、棚卸で対応する既存事業を確認できていません。実施状況を確認し、提供体制を明らかにする必要があります。");
  }

  // Fields without 相談支援.
  size_t consult = function_index(f.matrix, "相談支援");
  std::vector<std::string> no_consult;
  for (size_t r = 0; r < f.matrix.fields.size(); ++r)
    if (f.matrix.row_totals[r] > 0 && consult < f.matrix.functions.size() && f.matrix.at(r, consult).count == 0 &&
        is_component_field(f.ref, f.matrix.fields[r]))
      no_consult.push_back(md(f.matrix.fields[r]));
  if (!no_consult.empty())
    out.push_back("「" + join(no_consult, "」「") +
                  "」の分野には相談支援の機能をもつ事業がありません。この分野の困りごとを受け止める窓口と、つなぎ先を確認する必要があります。");

  // 兼務.
  if (f.staffing.max_roles >= 3)
    out.push_back("コーディネーター等" + std::to_string(f.staffing.people) + "人のうち" +
                  std::to_string(f.staffing.multi_role_people) + "人が複数の役割を兼務し、" +
                  std::to_string(f.staffing.max_roles) +
                  "つの役割を担う職員もいます。兼務の状況を踏まえ、一人に負担が集中しない体制を検討する必要があります。");

  // 重層 services nobody on the roster covers.
  std::vector<std::string> unstaffed;
  for (const Service& s : ds.services)
    if (!s.jusou_codes.empty() && !f.service_staff.count(s.id)) unstaffed.push_back(s.name);
  if (!unstaffed.empty())
    out.push_back("重層区分のある事業のうち" + std::to_string(unstaffed.size()) + "事業（" + names_capped(unstaffed, 5, "事業") +
                  "）は、名簿に担当する職員がいません（未把握）。担い手の配置を確認する必要があります。");

  // 按分 not settled.
  if (!f.not_started()) {
    const FundingBreakdown& b = f.view.funding;
    std::vector<std::string> needs;
    for (const auto& r : b.rows)
      if (r.kind == FundingRowKind::NeedsAllocation &&
          std::find(needs.begin(), needs.end(), r.service_name) == needs.end())
        needs.push_back(r.service_name);
    if (!needs.empty())
      out.push_back("複数の構成事業にまたがる事業のうち、" + names_text(needs) +
                    "は事業費の按分が決まっていません。交付金の申請に向けて、按分を整理する必要があります。");
  }

  // Meetings.
  bool has_support_meeting = false;
  std::vector<std::string> behind;
  for (const auto& a : f.meetings) {
    if (has_kind(*a.meeting, "支援会議")) has_support_meeting = true;
    if (a.recorded && a.meeting->planned_per_year && a.held < *a.meeting->planned_per_year)
      behind.push_back(md(a.meeting->name) + "（予定" + std::to_string(*a.meeting->planned_per_year) + "回、実績" +
                       std::to_string(a.held) + "回）");
  }
  if (!has_support_meeting && !f.not_started())
    out.push_back("支援会議（社会福祉法第106条の6）が設置されていません。本人の同意が得られない事例について関係機関が情報を共有できる場を検討する必要があります。");
  if (!behind.empty())
    out.push_back("開催実績が予定回数に届いていない会議体があります（" + join(behind, "、") + "）。開催の状況と運営の課題を確認する必要があります。");

  if (ds.indicators.empty())
    out.push_back("成果指標が定められていません。取組の成果を確かめるための指標を定める必要があります。");
  return out;
}

std::string meetings_outline(const PlanFacts& f) {
  if (f.meetings.empty()) return "会議体の一覧に会議体はありません。";
  int confidential = 0, held = 0;
  for (const auto& a : f.meetings) {
    confidential += a.meeting->confidential ? 1 : 0;
    held += a.held;
  }
  std::string out = "分野ごとの会議体を含めて" + std::to_string(f.meetings.size()) + "の会議体があり、うち" +
                    std::to_string(confidential) + "は構成員に守秘義務のある会議体です。";
  if (f.ds.sessions.empty()) out += "開催実績は記録されていません（未把握）。";
  else out += format_fiscal_year(f.ds.municipality.fiscal_year) + "の開催回数は延べ" + std::to_string(held) + "回です。";
  return out;
}

}  // namespace

void add_inventory(const PlanFacts& f, Data& d) {
  const Municipality& m = f.ds.municipality;
  d.set("人口", population_text(m));
  d.set("高齢化率", aging_text(m.aging_rate));
  d.set("圏域の概要", areas_outline(f.ds));
  d.set("福祉事務所の設置", m.welfare_office ? "設置" : "未設置");
  d.set("重層事業の状況", status_label(f));
  d.set("事業数", std::to_string(f.ds.services.size()));
  d.set("分野機能表", matrix_table(f.matrix));
  d.set("空白セルの説明", empty_cells_text(f.matrix, f.ref));
  d.set("構成事業対応表", component_table(f, f.components));
  d.set("構成事業の状況", component_status_text(f.components));
  d.set("職員配置の説明", staffing_text(f.staffing));
  d.set("職員配置表", staffing_table(f.staffing));
  auto list = issues(f);
  d.set("課題一覧", list.empty() ? std::string("棚卸のデータからは、特に目立つ課題は見つかりませんでした。\n") : bullet_list(list));
  d.set("会議体の概要", meetings_outline(f));
}

}  // namespace kyosei::plan_parts
