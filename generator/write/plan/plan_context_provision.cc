// 各事業の提供体制: one block per 号 (templates: 実施計画 06), and the
// 委託先 of the services under a 重層区分 (実施計画 08).
#include <algorithm>

#include "analyse/organisations.h"
#include "base/text.h"
#include "write/plan/plan_context_parts.h"
#include "write/plan/plan_text.h"
#include "write/common/site_format.h"

namespace kyosei::plan_parts {

namespace {

// The roster (staff.csv) lists the municipality's coordinators; the staff
// of a 委託・補助・指定 provider are usually outside it, so a count from the
// roster alone would read as the whole workforce of, say, five 委託 centres.
std::string staff_cell(const PlanFacts& f, const Service& s) {
  const bool outside = s.method == "委託" || s.method == "一部委託" || s.method == "補助" || s.method == "指定";
  auto it = f.service_staff.find(s.id);
  if (it == f.service_staff.end()) return outside ? "委託先等の職員（名簿外・未把握）" : kUnknown;
  std::string roster = "名簿" + std::to_string(it->second.people) + "人（常勤換算" + fte_text(it->second.fte) + "）";
  return outside ? roster + "＋委託先等の職員（名簿外）" : roster;
}

std::string services_table(const PlanFacts& f, const std::vector<const Service*>& services) {
  MarkdownTable t;
  t.headers = {"事業名", "実施方法", "実施主体", "所管課", "拠点数", "圏域", "職員"};
  t.right_aligned = {false, false, false, false, true, false, true};
  for (const Service* s : services)
    t.rows.push_back({md(s->name), s->method.empty() ? kUnknown : md(s->method), provider_cell(*s, f.ds.municipality), md(s->department),
                      amount_text(s->sites, "か所"), areas_cell(f.ds, *s), staff_cell(f, *s)});
  return t.render();
}

// "第1号イ 地域包括支援センターの運営" as a heading (number 0: no heading, the
// 号 has this one component), with the services or a 未把握 note.
std::string component_block(const PlanFacts& f, const ComponentCoverage& c, int number) {
  const JusouComponent& comp = *c.component;
  std::string out;
  if (number > 0) out = "### (" + std::to_string(number) + ") " + md(comp.law_ref) + " " + md(c.expected_program) + "\n\n";
  if (c.substituted) {
    // 004 L706: 未設置町村 run their own 相談事業; the 自立相談支援事業 itself
    // stays with the 都道府県 (its 福祉事務所), which the town links with.
    out += "福祉事務所を設置していないため、「" + md(comp.program_name) + "」に代えて「" + md(c.expected_program) +
           "」を位置付けます。生活困窮者自立相談支援事業そのものは、福祉事務所を設置する都道府県（都道府県の福祉事務所）が"
           + own_municipality(f.ds.municipality.name) +
           "の住民を対象に実施します。" + own_municipality(f.ds.municipality.name) +
           "の相談事業で受け止めた相談は、都道府県の自立相談支援機関につなぎ、支援調整会議などで役割を分担します。"
           "なお、国の資料には、この相談事業を第3号柱書に含めるとする記載もあります。\n\n";
  }
  if (c.services.empty()) {
    if (comp.key == "6")
      out += "棚卸で第6号の区分を付けた事業はありません（未把握）。支援プランの作成は、多機関協働事業（第5号）と一体的に行います。\n\n";
    else
      out += "棚卸では、この構成事業に当たる既存事業を確認できていません（未把握）。\n\n";
    return out;
  }
  out += services_table(f, c.services) + "\n";
  return out;
}

std::string go_block(const PlanFacts& f, int go) {
  std::vector<const ComponentCoverage*> in_block;
  for (const auto& c : f.components) {
    int of = c.component->go;
    if (of == go || (go == 5 && of == 6)) in_block.push_back(&c);  // 第6号 is carried out with 第5号
  }
  bool headings = in_block.size() > 1 || (in_block.size() == 1 && in_block.front()->substituted);
  std::string out;
  int n = 0;
  for (const ComponentCoverage* c : in_block) out += component_block(f, *c, headings ? ++n : 0);
  return out;
}

// "- 実施主体：事業名、事業名" for services with a 重層区分 run by someone else.
std::string providers_list(const PlanFacts& f) {
  auto providers = provider_organisations(f.ds.services, [](const Service& s) { return !s.jusou_codes.empty(); });
  std::vector<std::string> items;
  for (const auto& p : providers) {
    std::vector<std::string> names;
    for (const Service* s : p.services) names.push_back(s->name);
    items.push_back(md(p.name) + "：" + names_text(names));
  }
  return bullet_list(items);
}

}  // namespace

void add_provision(const PlanFacts& f, Data& d) {
  for (int go = 1; go <= 5; ++go) d.set("第" + std::to_string(go) + "号", go_block(f, go));
  set_if(d, "委託先一覧", providers_list(f));
}

}  // namespace kyosei::plan_parts
