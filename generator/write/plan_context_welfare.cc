// 地域福祉計画: 記載事項 (第107条第1項), 圏域, 基本目標, 施策の展開
// (templates: 地域福祉計画 01, 02, 04, 05).
#include <algorithm>

#include "analyse/organisations.h"
#include "analyse/common_items.h"
#include "base/text.h"
#include "model/schema.h"
#include "write/plan_context_parts.h"
#include "write/plan_text.h"
#include "write/site_format.h"

namespace kyosei::plan_parts {

namespace {

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
    if (!item_applies(f, item)) {
      where = "該当しません（第106条の3第1項各号の事業を実施する場合に定める事項です）";
    } else {
      where = f.settings.measures_chapter + " " + std::to_string(item.number) + " " + md(item.short_title);
      if (item.requires_jusou && f.jusou_as_chapter()) where += "、" + f.settings.jusou_chapter;
    }
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

const char* layer_name(int layer) {
  switch (layer) {
    case 1: return "第1層（全域）";
    case 2: return "第2層（日常生活圏域）";
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
    std::string text = "**" + std::string(layer_name(layer)) + "**：";
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
  for (int layer = 1; layer <= 3; ++layer) {
    for (const Area& a : ds.areas) {
      if (a.layer != layer) continue;
      const Area* parent = a.parent.empty() ? nullptr : ds.find_area(a.parent);
      long services = std::count_if(ds.services.begin(), ds.services.end(), [&](const Service& s) {
        return std::find(s.areas.begin(), s.areas.end(), a.id) != s.areas.end();
      });
      if (!a.population || !a.aging_rate) unknown = true;
      t.rows.push_back({layer_name(layer), md(a.name), parent ? md(parent->name) : "—", amount_text(a.population, "人"),
                        a.aging_rate ? decimal_text(*a.aging_rate) + "％" : kUnknown, std::to_string(services) + "件"});
    }
  }
  d.set("圏域表", t.render());

  std::vector<std::string> notes;
  bool has2 = std::any_of(ds.areas.begin(), ds.areas.end(), [](const Area& a) { return a.layer == 2; });
  bool has3 = std::any_of(ds.areas.begin(), ds.areas.end(), [](const Area& a) { return a.layer == 3; });
  if (!has2 && has3) notes.push_back("日常生活圏域（第2層）は設けず、地区（第3層）を全域の直下に置いています。");
  notes.push_back("「この圏域で行う事業」は、棚卸で実施する圏域にその圏域を挙げた事業の数です（全域で行う事業は含みません）。");
  if (unknown) notes.push_back("人口・高齢化率の「未把握」は、圏域の一覧に値がないものです。");
  d.set("圏域の注記", join(notes, ""));
}

// --- 施策の展開

std::string common_items_section(const PlanFacts& f, const WelfarePlanItemRef& item) {
  std::string out = "## 1 " + md(item.short_title) + "\n\n";
  out += "社会福祉法第107条第1項第1号に定める「" + md(item.title) +
         "」です。国の地域福祉計画策定ガイドラインが例示する項目（ア〜タ）ごとに、関連する取組を示します。"
         "項目の名称には、原文で確認できていないものを含みます（資料「共通して取り組むべき事項の点検表」）。\n\n";
  const auto& matches = f.view.common_items;
  std::vector<std::string> unmatched;
  for (const auto& m : matches) {
    if (m.empty()) {
      unmatched.push_back(md(m.item->id));
      continue;
    }
    out += "### " + md(m.item->id) + " " + md(m.item->title) + "\n\n";
    std::vector<std::string> lines;
    if (!m.services.empty()) {
      std::vector<std::string> names;
      for (const Service* s : m.services) names.push_back(s->name);
      lines.push_back("関連する事業：" + names_text(names));
    }
    if (!m.meetings.empty()) {
      std::vector<std::string> names;
      for (const Meeting* mt : m.meetings) names.push_back(mt->name);
      lines.push_back("関連する会議体：" + names_text(names));
    }
    out += bullet_list(lines) + "\n";
  }
  if (!unmatched.empty())
    out += "次の項目は、棚卸に関連する事業・会議体が見当たりません。取組の有無を確認し、必要に応じて記述を加えます：" +
           join(unmatched, "、") + "。\n\n";
  return out;
}

// Services with one of the item's functions (or 実施方法), as a table by 分野.
std::string by_field_table(const PlanFacts& f, const WelfarePlanItemRef& item) {
  MarkdownTable t;
  t.headers = {"分野", "事業"};
  for (const auto& field : builtin_schema().values("services.csv", "分野")) {
    std::vector<std::string> names;
    for (const Service& s : f.ds.services)
      if (s.field == field && any_in(s.functions, item.functions)) names.push_back(s.name);
    if (!names.empty()) t.rows.push_back({md(field), names_text(names)});
  }
  return t.rows.empty() ? std::string("棚卸に該当する事業はありません。\n") : t.render();
}

std::string providers_table(const PlanFacts& f, const WelfarePlanItemRef& item) {
  std::vector<const Service*> run_by_others;
  for (const Service& s : f.ds.services)
    if (std::find(item.methods.begin(), item.methods.end(), s.method) != item.methods.end()) run_by_others.push_back(&s);
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

std::string measures(const PlanFacts& f) {
  std::string out;
  for (const auto& item : f.pref.welfare_items) {
    if (!item_applies(f, item)) continue;
    const std::string n = std::to_string(item.number);
    if (item.number == 1) {
      out += common_items_section(f, item);
      continue;
    }
    out += "## " + n + " " + md(item.short_title) + "\n\n";
    out += "社会福祉法第107条第1項第" + n + "号に定める「" + md(item.title) + "」です。基本目標「" + md(item.goal) +
           "」に向けて、次の取組を進めます。\n\n";
    if (!item.functions.empty()) {
      out += "機能に「" + join(item.functions, "」「") + "」をもつ事業は次のとおりです。\n\n" + by_field_table(f, item) + "\n";
    }
    if (!item.methods.empty()) out += providers_table(f, item) + "\n";
    if (!item.meeting_kinds.empty()) {
      std::vector<std::string> names;
      for (const Meeting& m : f.ds.meetings)
        if (any_in(m.kinds, item.meeting_kinds)) names.push_back(m.name);
      if (!names.empty())
        out += "住民や地域の団体が地域の困りごとを話し合い、活動を生み出す場として、" + names_text(names) + "を開いています。\n\n";
    }
    if (item.requires_jusou) {
      int known = 0;
      for (const auto& c : f.components) known += c.implemented() ? 1 : 0;
      out += std::string(f.preparing() ? "重層的支援体制整備事業への移行に向けて" : "重層的支援体制整備事業により") +
             "、相談支援、参加支援、地域づくりに向けた支援を一体的に行う体制を整えます。" +
             std::to_string(f.components.size()) + "の構成事業のうち、" + std::to_string(known) +
             "事業で対応する既存事業を確認しています。";
      if (f.jusou_as_chapter())
        out += "各事業の提供体制、会議体、目標などは" + f.settings.jusou_chapter + "に定めます。\n\n";
      else
        out += "各事業の提供体制、会議体、目標などは、" + md(f.ds.municipality.name) +
               (f.preparing() ? "重層的支援体制整備事業への移行計画" : "重層的支援体制整備事業実施計画") + "に定めます。\n\n";
    }
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
