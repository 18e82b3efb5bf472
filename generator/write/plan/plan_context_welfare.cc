// 地域福祉計画: 記載事項 (第107条第1項), 圏域, 基本目標, 施策の展開
// (templates: 地域福祉計画 01, 02, 04, 05).
#include <algorithm>
#include <unordered_map>

#include "analyse/organisations.h"
#include "analyse/common_items.h"
#include "base/dates.h"
#include "base/text.h"
#include "base/wording.h"
#include "model/reference_data.h"
#include "write/plan/plan_context_parts.h"
#include "write/plan/plan_text.h"
#include "write/common/site_format.h"

namespace kyosei::plan_parts {

namespace {

// 第5号 applies to every 市町村 since 令和2年法律第52号 (2021-04-01); the
// column stays for a future item that needs the project.
bool item_applies(const PlanFacts& f, const WelfarePlanItemRef& item) { return !item.requires_jusou || !f.not_started(); }

bool any_in(const std::vector<std::string>& values, const std::vector<std::string>& wanted) {
  for (const auto& v : values)
    if (std::find(wanted.begin(), wanted.end(), v) != wanted.end()) return true;
  return false;
}

std::string items_table(const PlanFacts& f) {
  MarkdownTable t;
  t.headers = {"号", "定める事項", "記載する章"};
  for (const auto& item : f.pref.welfare_items) {
    std::string where;
    if (!item_applies(f, item)) continue;
    where = f.settings.measures_chapter + " " + std::to_string(item.number) + " " + md(item.short_title);
    if (item.number == 5 && f.jusou_as_chapter() && !f.not_started()) where += "、" + f.settings.jusou_chapter;
    t.rows.push_back({"第" + std::to_string(item.number) + "号", md(item.title), where});
  }
  return t.render();
}

std::string goals_list(const PlanFacts& f) {
  std::string out;
  int n = 0;
  for (const auto& item : f.pref.welfare_items) {
    if (!item_applies(f, item)) continue;
    ++n;
    out += std::to_string(n) + ". **基本目標" + std::to_string(n) + "　" + md(item.goal) + "**（第107条第1項第" +
           std::to_string(item.number) + "号 " + md(item.short_title) + "）\n";
  }
  return out;
}

// --- 圏域

// A 第2層 area above this population is not what 日常生活圏域 usually means
// (a 政令市's 区 of 15万人): the label then says only 第2層, and a note says
// why. A design default, not a legal figure.
constexpr long long kWideSecondLayer = 100000;

bool wide_second_layer(const Dataset& ds) {
  return std::any_of(ds.areas.begin(), ds.areas.end(),
                     [](const Area& a) { return a.layer == 2 && a.population && *a.population > kWideSecondLayer; });
}

std::string layer_name(const Dataset& ds, int layer) {
  switch (layer) {
    case 1: return "第1層（全域）";
    case 2: return wide_second_layer(ds) ? "第2層" : "第2層（日常生活圏域）";
    default: return "第3層（地区）";
  }
}

const char* layer_role(int layer) {
  switch (layer) {
    case 1: return "全域を対象とする施策や専門性の高い相談支援、全域の会議体の単位です。";
    case 2: return "地域包括支援センターや生活支援コーディネーター（第2層）など、身近な相談と地域づくりの拠点を置く単位です。";
    default: return "住民に最も身近な圏域で、見守りや支え合いなど住民主体の活動の単位です。";
  }
}

void add_areas(const PlanFacts& f, Data& d) {
  const Dataset& ds = f.ds;
  std::vector<std::string> layers;
  int count = 0;
  for (int layer = 1; layer <= 3; ++layer) {
    std::vector<std::string> names;
    for (const Area& a : ds.areas)
      if (a.layer == layer) names.push_back(a.name);
    if (names.empty()) continue;
    ++count;
    std::string text = "**" + layer_name(ds, layer) + "**：";
    if (names.size() <= 8) text += names_text(names);
    else text += names_text({names.begin(), names.begin() + 3}) + "など" + std::to_string(names.size()) + "圏域";
    text += "。" + std::string(layer_role(layer));
    layers.push_back(text);
  }
  d.set("層の数", std::to_string(count));
  d.set("層の説明", bullet_list(layers));

  MarkdownTable t;
  t.headers = {"層", "圏域", "上位の圏域", "人口", "高齢化率", "この圏域で行う事業"};
  t.right_aligned = {false, false, false, true, true, true};
  bool unknown = false;
  // Services that name each area (once however often they name it), in one pass.
  std::unordered_map<std::string, long> named;
  for (const Service& s : ds.services)
    for (size_t i = 0; i < s.areas.size(); ++i)
      if (std::find(s.areas.begin(), s.areas.begin() + static_cast<long>(i), s.areas[i]) == s.areas.begin() + static_cast<long>(i))
        ++named[s.areas[i]];
  for (int layer = 1; layer <= 3; ++layer) {
    for (const Area& a : ds.areas) {
      if (a.layer != layer) continue;
      const Area* parent = a.parent.empty() ? nullptr : ds.find_area(a.parent);
      auto found = named.find(a.id);
      long services = found == named.end() ? 0 : found->second;
      if (!a.population || !a.aging_rate) unknown = true;
      t.rows.push_back({layer_name(ds, layer), md(a.name), parent ? md(parent->name) : kEmptyCell, amount_text(a.population, "人"),
                        a.aging_rate ? decimal_text(*a.aging_rate) + "％" : kUnknown, std::to_string(services) + "件"});
    }
  }
  d.set("圏域表", t.render());

  std::vector<std::string> notes;
  bool has2 = std::any_of(ds.areas.begin(), ds.areas.end(), [](const Area& a) { return a.layer == 2; });
  bool has3 = std::any_of(ds.areas.begin(), ds.areas.end(), [](const Area& a) { return a.layer == 3; });
  if (!has2 && has3) notes.push_back("日常生活圏域（第2層）は設けず、地区（第3層）を全域の直下に置いています。");
  if (wide_second_layer(ds)) {
    std::vector<std::string> wide;
    for (const Area& a : ds.areas)
      if (a.layer == 2 && a.population && *a.population > kWideSecondLayer) wide.push_back(a.name);
    notes.push_back("第2層の圏域のうち" + names_capped(wide, 3, "圏域") +
                    "は人口が10万人を超え、一般に日常生活圏域とされる範囲より広い単位です。身近な相談や地域づくりを第2層の中のどの単位で行うか（第3層の地区など）を記載してください。");
  }
  notes.push_back("「この圏域で行う事業」は、棚卸で実施する圏域にその圏域を挙げた事業の数です（全域で行う事業は含みません）。");
  if (unknown) notes.push_back("人口・高齢化率の「未把握」は、圏域の一覧に値がないものです。");
  d.set("圏域の注記", join(notes, ""));
}

// --- 施策の展開

std::string common_items_section(const PlanFacts& f, const WelfarePlanItemRef& item) {
  std::string out = "## 1 " + md(item.short_title) + "\n\n";
  out += "社会福祉法第107条第1項第1号に定める「" + md(item.title) + "」です。\n\n";
  out += "**基本目標1　" + md(item.goal) + "**\n\n";
  out += "国の地域福祉計画策定ガイドラインが例示する項目（ア〜タ）ごとに、関連する取組を示します。"
         "事業と項目の結びつきは、棚卸の「共通事項」の列によります。"
         "項目の名称には、原文で確認できていないものを含みます。\n\n"
         "> （案）各項目について" + own_municipality(f.ds.municipality.name) + "が取り組む方針は、データからは書けません。項目ごとに担当課で記載してください。\n\n";
  const auto& matches = f.view.common_items;
  std::vector<std::string> unmatched;
  for (const auto& m : matches) {
    if (m.empty() && m.suggested.empty()) {
      unmatched.push_back(md(m.item->id));
      continue;
    }
    out += "### " + md(m.item->id) + " " + md(m.item->title) + "\n\n";
    std::vector<std::string> lines;
    auto names_of = [](const std::vector<const Service*>& list) {
      std::vector<std::string> names;
      for (const Service* s : list) names.push_back(s->name);
      return names;
    };
    if (!m.services.empty()) lines.push_back("主な取組（棚卸の事業）：" + names_text(names_of(m.services)));
    if (!m.meetings.empty()) {
      std::vector<std::string> names;
      for (const Meeting* mt : m.meetings) names.push_back(mt->name);
      lines.push_back("関連する会議体：" + names_text(names));
    }
    out += bullet_list(lines);
    if (!lines.empty()) out += "\n";
    if (!m.suggested.empty()) {
      out += "> （案）分野・機能・重層区分から見て関連する可能性のある事業：" + names_capped(names_of(m.suggested), 5, "事業") +
             "。この項目に取り組む事業は、棚卸の「共通事項」の列に " + md(m.item->id) + " と記入してください。\n\n";
    }
  }
  if (!unmatched.empty())
    out += "次の項目は、棚卸に関連する事業・会議体が見当たりません。取組の有無を確認し、必要に応じて記述を加えます：" +
           join(unmatched, "、") + "。\n\n";
  return out;
}

// Services with one of the item's functions (or 実施方法), as a table by 分野.
std::string by_field_table(const PlanFacts& f, const std::vector<std::string>& functions) {
  MarkdownTable t;
  t.headers = {"分野", "事業"};
  for (const auto& field : reference_data().schema.values("services.csv", "分野")) {
    std::vector<std::string> names;
    for (const Service& s : f.ds.services)
      if (s.field == field && any_in(s.functions, functions)) names.push_back(s.name);
    if (!names.empty()) t.rows.push_back({md(field), names_text(names)});
  }
  return t.rows.empty() ? std::string("棚卸に該当する事業はありません。\n") : t.render();
}

std::string providers_table(const PlanFacts& f, const std::vector<std::string>& methods) {
  std::vector<const Service*> run_by_others;
  for (const Service& s : f.ds.services)
    if (std::find(methods.begin(), methods.end(), s.method) != methods.end()) run_by_others.push_back(&s);
  // 「A;B」 is two organisations (analyse/organisations.h).
  auto providers = provider_organisations(run_by_others);
  if (providers.empty()) return "委託・補助・指定管理で実施している事業はありません。\n";
  MarkdownTable t;
  t.headers = {"実施主体", "事業（実施方法）"};
  for (const auto& p : providers) {
    std::vector<std::string> cells;
    for (const Service* s : p.services) cells.push_back(md(s->name) + "（" + md(s->method) + "）");
    t.rows.push_back({md(p.name), join(cells, "、")});
  }
  return "委託・補助・指定管理により" + std::to_string(providers.size()) + "の団体・法人が事業を担っています。\n\n" + t.render();
}

// 第5号 (包括的な支援体制): every 市町村 states it (令和2年法律第52号). With the
// project (or on the way to it) the detail is in the 実施計画/移行計画;
// without it, what the inventory has (相談支援 by 分野, the meetings that
// link agencies) and a note that the policy is the officer's to write.
std::string comprehensive_system(const PlanFacts& f) {
  const Municipality& m = f.ds.municipality;
  std::string out;
  std::string plan_name = md(m.name) + (f.preparing() ? "重層的支援体制整備事業への移行計画" : "重層的支援体制整備事業実施計画");
  if (f.not_started()) {
    out += own_municipality(m.name) + "は重層的支援体制整備事業（社会福祉法第106条の4）を実施していません。"
           "この号の事項はすべての市町村が定める事項であり、包括的な支援体制（同法第106条の3第1項）は、"
           "既存の相談支援機関と会議体の連携によって整えます。\n\n";
    out += "相談支援の機能をもつ事業は次のとおりです。\n\n" + by_field_table(f, {"相談支援"}) + "\n";
    std::vector<std::string> names;
    for (const Meeting& mt : f.ds.meetings)
      if (any_in(mt.kinds, {"支援会議", "重層的支援会議", "支援調整会議", "地域ケア会議", "庁内連携会議"})) names.push_back(mt.name);
    if (!names.empty()) out += "関係機関が連携する場として、" + names_text(names) + "があります。\n\n";
    out += "> （案）分野を越えて相談を受け止め、つなぐ体制をどのように整えるか（重層的支援体制整備事業の実施の検討を含む）は、"
           "データからは書けません。担当課で方針を記載してください。\n\n";
    return out;
  }
  if (f.preparing() && m.jusou_target_year)
    out += own_municipality(m.name) + "は、" + format_fiscal_year(*m.jusou_target_year) + "の本格実施を目指しています。";
  out += std::string(f.preparing() ? "重層的支援体制整備事業（社会福祉法第106条の4）への移行に向けて"
                                   : "重層的支援体制整備事業（社会福祉法第106条の4）により") +
         "、包括的相談支援、参加支援、地域づくりに向けた支援を一体的に行う体制を整えます。" +
         component_count_text(f.components);
  std::string where = f.jusou_as_chapter() ? f.settings.jusou_chapter : "、" + plan_name;
  out += f.preparing() ? "移行に向けて整える事業と体制、本格実施までの工程は" + where + "に定めます。\n\n"
                       : "各事業の提供体制、会議体、目標などは" + where + "に定めます。\n\n";
  return out;
}

// One 施策: what it is (data), its 主な取組 (services by 機能 or 実施方法 —
// the inventory as evidence), the meeting bodies, and its 指標・目標値
// (indicators.csv by 区分). What the data lacks is a note for the officer.
std::string measure_block(const PlanFacts& f, const WelfareMeasureRef& m, int k) {
  std::string out = "#### (" + std::to_string(k) + ") " + md(m.title) + "\n\n" + md(m.content) + "\n\n";
  std::vector<std::string> evidence;
  bool has_services = false;
  if (!m.functions.empty()) {
    std::vector<std::string> names;
    for (const Service& s : f.ds.services)
      if (any_in(s.functions, m.functions)) names.push_back(s.name);
    if (!names.empty()) evidence.push_back("主な取組（棚卸の事業）：" + names_capped(names, 8, "事業"));
    has_services = !names.empty();
  }
  if (!m.methods.empty()) {
    std::string table = providers_table(f, m.methods);
    has_services = has_services || table.find('|') != std::string::npos;
    out += table + "\n";
  }
  if (!m.meeting_kinds.empty()) {
    std::vector<std::string> names;
    for (const Meeting& mt : f.ds.meetings)
      if (any_in(mt.kinds, m.meeting_kinds)) names.push_back(mt.name);
    if (!names.empty()) evidence.push_back("協議の場：" + names_text(names));
  }
  std::vector<std::string> indicators;
  for (const Indicator& i : f.ds.indicators) {
    if (std::find(m.indicator_categories.begin(), m.indicator_categories.end(), i.category) == m.indicator_categories.end())
      continue;
    std::string text = md(i.name);
    if (i.target_value)
      text += "（目標値 " + number_text(*i.target_value) + md(i.unit) +
              (i.target_year ? "・" + format_fiscal_year_short(*i.target_year) : std::string()) + "）";
    else
      text += "（目標値未設定）";
    indicators.push_back(text);
  }
  if (!indicators.empty()) evidence.push_back("指標・目標値：" + join(indicators, "、"));
  out += bullet_list(evidence);
  if (!evidence.empty()) out += "\n";
  std::vector<std::string> todo;
  if (!has_services) todo.push_back("主な取組");
  if (indicators.empty()) todo.push_back("指標と目標値");
  if (!todo.empty())
    out += "> （案）この施策の" + join(todo, "、") + "は入力データにありません。担当課で記載してください。\n\n";
  return out;
}

std::string measures(const PlanFacts& f) {
  std::string out;
  int goal = 0;
  for (const auto& item : f.pref.welfare_items) {
    if (!item_applies(f, item)) continue;
    ++goal;
    const std::string n = std::to_string(item.number);
    if (item.number == 1) {
      out += common_items_section(f, item);
      continue;
    }
    out += "## " + n + " " + md(item.short_title) + "\n\n";
    out += "社会福祉法第107条第1項第" + n + "号に定める「" + md(item.title) + "」です。\n\n";
    out += "**基本目標" + std::to_string(goal) + "　" + md(item.goal) + "**\n\n";
    int k = 0;
    bool unverified = false;
    std::string blocks;
    for (const auto& m : f.pref.welfare_measures) {
      if (m.number != item.number) continue;
      blocks += measure_block(f, m, ++k);
      unverified = unverified || !m.verified;
    }
    if (k > 0) {
      out += "### 施策と主な取組\n\n";
      if (unverified)
        out += "> （案）施策は、国の地域福祉計画策定ガイドラインがこの号に挙げる内容をもとにした下書きです（ガイドラインの原文とは照合していません）。" +
               own_municipality(f.ds.municipality.name) + "の方針に合わせて直してください。\n\n";
      out += blocks;
    }
    if (item.number == 5) out += "### 包括的な支援体制\n\n" + comprehensive_system(f);
  }
  return out;
}

}  // namespace

void add_welfare(const PlanFacts& f, Data& d) {
  d.set("記載事項表", items_table(f));
  d.set("基本目標一覧", goals_list(f));
  add_areas(f, d);
  d.set("施策の展開", measures(f));
}

}  // namespace kyosei::plan_parts
