// 概況・棚卸・職員配置・課題 (templates: 実施計画 04, 地域福祉計画 03).
#include <algorithm>
#include <cmath>
#include <set>

#include "analyse/findings_config.h"
#include "base/dates.h"
#include "base/text.h"
#include "base/wording.h"
#include "write/plan/plan_context_parts.h"
#include "write/plan/plan_text.h"
#include "write/common/site_format.h"

namespace kyosei::plan_parts {

namespace {

std::string population_text(const Municipality& m) { return amount_text(m.population, "人"); }

std::string aging_text(const std::optional<double>& rate) { return rate ? decimal_text(*rate) + "％" : kUnknown; }

// "全域1、日常生活圏域5、地区12"
std::string areas_outline(const Dataset& ds) {
  static const char* names[] = {"", kWholeArea, "日常生活圏域", "地区"};
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
  std::string out = component_count_text(components);
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

// The public copy of a plan names no 公開しない service, not even in a 課題.
bool shown(const PlanFacts& f, const Finding& x) {
  if (!f.settings.public_site || x.subject.empty() || !f.full.find_service(x.subject)) return true;
  return f.ds.find_service(x.subject) != nullptr;
}

TemplateValues escaped(const TemplateValues& values) {
  TemplateValues out;
  for (const auto& [k, v] : values) out.push_back({k, md(v)});
  return out;
}

// The 課題: the build's findings (rules and thresholds in
// data/assessment/findings.toml) as data/plan/issues.csv words them.
std::vector<std::string> issues(const PlanFacts& f) {
  const FindingsConfig& config = f.analysis.findings_config;
  const std::string& status = f.ds.municipality.jusou_status;
  std::vector<std::string> out;
  std::set<std::string> done;
  for (const PlanIssueRef& issue : f.pref.issues) {
    if (done.count(issue.finding)) continue;
    if (!issue.statuses.empty() &&
        std::find(issue.statuses.begin(), issue.statuses.end(), status) == issue.statuses.end())
      continue;
    done.insert(issue.finding);
    const FindingRuleConfig* rule = config.rule(issue.finding);
    if (!rule) continue;  // the shipped tables are checked against each other (plan_context_test)
    std::vector<const Finding*> found;
    for (const Finding& x : f.analysis.findings)
      if (x.id == issue.finding && shown(f, x)) found.push_back(&x);
    if (found.empty()) continue;
    const std::string instances = std::to_string(found.size());
    std::vector<std::string> pieces;
    for (const Finding* x : found) {
      if (issue.max_each > 0 && pieces.size() == static_cast<size_t>(issue.max_each)) break;
      pieces.push_back(rule->fill(issue.each, escaped(x->values)));
    }
    std::string each = join(pieces, issue.joiner);
    if (pieces.size() < found.size()) each += rule->fill(issue.more, {{"instances", instances}});
    TemplateValues values = {{"each", each}, {"instances", instances}};
    for (const auto& v : escaped(found.front()->values)) values.push_back(v);
    out.push_back(rule->fill(issue.text, values));
  }
  return out;
}

// Population and 高齢化率 by area (areas.csv; kyosei import-population can
// fill them), with 65歳以上 derived as population × rate where both are
// given. A bar of ■ per area keeps the table readable as a chart in plain
// Markdown, HTML and print alike (no raw HTML reaches the drafts).
std::string area_population_table(const Dataset& ds) {
  MarkdownTable t;
  t.headers = {"層", "圏域", "人口", "65歳以上（推計）", "高齢化率", "高齢化率のグラフ"};
  t.right_aligned = {false, false, true, true, true, false};
  int known = 0;
  for (int layer = 1; layer <= 3; ++layer)
    for (const Area& a : ds.areas) {
      if (a.layer != layer) continue;
      std::string aged = kUnknown, bar = "";
      if (a.population && a.aging_rate)
        aged = with_commas(static_cast<long long>(std::llround(static_cast<double>(*a.population) * *a.aging_rate / 100.0))) + "人";
      if (a.aging_rate) {
        ++known;
        for (long i = 0; i < std::lround(*a.aging_rate / 2.0); ++i) bar += "■";
      }
      t.rows.push_back({"第" + std::to_string(layer) + "層", md(a.name), amount_text(a.population, "人"), aged, aging_text(a.aging_rate),
                        bar.empty() ? "—" : bar});
    }
  return known == 0 ? std::string() : t.render();
}

std::string area_population_text(const Dataset& ds) {
  const Area* high = nullptr;
  const Area* low = nullptr;
  for (const Area& a : ds.areas) {
    if (a.layer == 1 || !a.aging_rate) continue;
    if (!high || *a.aging_rate > *high->aging_rate) high = &a;
    if (!low || *a.aging_rate < *low->aging_rate) low = &a;
  }
  if (!high || high == low) return "";
  return "圏域ごとの高齢化率は、最も高い" + md(high->name) + "で" + aging_text(high->aging_rate) + "、最も低い" + md(low->name) + "で" +
         aging_text(low->aging_rate) + "です（グラフの■1つが2ポイント）。65歳以上の人数は人口と高齢化率からの推計です。";
}

// 移行準備: what has to be built before 本格実施, one line per component.
// A component without a service is to be set up (新 ones: 参加支援,
// アウトリーチ, 多機関協働) or, for an existing-program component, either
// written into 重層区分 (when the program runs) or started.
std::string components_to_build(const PlanFacts& f) {
  std::vector<std::string> lines;
  for (const auto& c : f.components) {
    if (c.implemented() || c.component->counted_as == "第5号と一体") continue;
    std::string head = md(c.component->law_ref) + " " + md(c.expected_program) + "：";
    if (c.component->new_or_existing == "新")
      lines.push_back(head + "新たに実施します。担い手（直営・委託）、実施する圏域、職員の配置と開始年度を定めます。");
    else
      lines.push_back(head + "既存事業として実施していれば棚卸の重層区分に記入して構成事業に位置付け、実施していなければ開始に向けて担い手と開始年度を定めます。");
  }
  return bullet_list(lines);
}

std::string components_to_place(const PlanFacts& f) {
  std::vector<std::string> names;
  for (const auto& c : f.components)
    if (c.implemented()) names.push_back(md(c.component->law_ref));
  if (names.empty()) return "";
  return join(names, "、") + "は、対応する既存事業を構成事業として位置付け、交付金による一体的な実施に切り替えます。";
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
  set_if(d, "圏域別人口表", area_population_table(f.ds));
  set_if(d, "圏域別人口の説明", area_population_text(f.ds));
  if (m.jusou_target_year) d.set("本格実施目標年度", format_fiscal_year(*m.jusou_target_year));
  if (f.preparing()) {
    set_if(d, "整備する構成事業", components_to_build(f));
    set_if(d, "位置付ける構成事業", components_to_place(f));
  }
}

}  // namespace kyosei::plan_parts
