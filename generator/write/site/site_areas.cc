// areas/index.html and one page per 圏域: the services there, the areas
// below it, and where coordinators work (常勤換算 by 分野, from staff.csv
// 担当圏域). Staff are only ever summed: no name, no per-person row.
//
// Rules (also on the pages):
// - a service without 圏域 is 全域: it is listed on the 層1 page;
// - the 常勤換算 by 分野 and its 合計 are the analysis's
//   (Analysis::area_staff, rules in analyse/staffing.h): a person without
//   担当圏域 counts towards the 層1 page, one with several is split equally,
//   so the pages add up to the roster's 常勤換算 given to roles.
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "base/text.h"
#include "base/wording.h"
#include "model/reference_data.h"
#include "write/markdown/markdown_html.h"
#include "write/common/site_format.h"
#include "write/site/site_html.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

constexpr const char* kListPath = "areas/index.html";
constexpr const char* kListTitle = "圏域別";
constexpr const char* kOther = kUnknownRoleField;  // last row of the 分野 table

std::string layer_text(int layer) {
  switch (layer) {
    case 1: return kTopLayer;
    case 2: return "層2（日常生活圏域）";
    case 3: return "層3（地区・小学校区など）";
    default: return "層" + std::to_string(layer);
  }
}

// Public services of one area (the 層1 area also gets every 全域 service).
// The public services of each area, in the inventory's order: those that
// name it, and on a layer-1 area also those that name none (市全域).
// Made once for all area pages, by one pass over the services.
class AreaServices {
 public:
  explicit AreaServices(const Dataset& ds) {
    for (const auto& s : ds.services) {
      if (!s.is_public) continue;
      if (s.areas.empty()) {
        for (const auto& a : ds.areas)
          if (a.layer == 1) by_area_[a.id].push_back(&s);
        continue;
      }
      for (const auto& id : s.areas) {
        auto& list = by_area_[id];
        if (list.empty() || list.back() != &s) list.push_back(&s);  // an area named twice: once
      }
    }
  }
  const std::vector<const Service*>& of(const Area& area) const {
    static const std::vector<const Service*> none;
    auto it = by_area_.find(area.id);
    return it == by_area_.end() ? none : it->second;
  }

 private:
  std::unordered_map<std::string, std::vector<const Service*>> by_area_;
};

// 分野 in the order of the vocabulary, then the others by name.
std::vector<std::string> field_order(const std::map<std::string, double>& fte) {
  std::vector<std::string> order;
  const auto& vocab = reference_data().schema.values("services.csv", "分野");
  for (const auto& f : vocab)
    if (fte.count(f) && f != kOther) order.push_back(f);
  for (const auto& [f, v] : fte)
    if (std::find(order.begin(), order.end(), f) == order.end() && f != kOther) order.push_back(f);
  if (fte.count(kOther)) order.push_back(kOther);
  return order;
}

std::string field_label(const std::string& field) {
  return field == "重層" ? "重層的支援体制整備事業（分野横断）" : field;
}

SafeHtml services_table(const std::string& page_path, const std::string& caption,
                        const std::vector<const Service*>& services) {
  HtmlTable t;
  t.caption = caption + "（" + std::to_string(services.size()) + "件）";
  t.headers = {"事業名", "分野", "機能", "所管課"};
  t.row_headers = true;
  for (const Service* s : services)
    t.rows.push_back({html_link(relative_link(page_path, service_page_path(s->id)), s->name), s->field,
                      list_text(s->functions), s->department});
  return render_table(t);
}

SafeHtml fte_table(const AreaStaffing& staff) {
  const auto& fte = staff.by_field;
  HtmlTable t;
  t.caption = "分野別のコーディネーター等の配置（常勤換算）";
  t.headers = {"分野", "常勤換算", "グラフ"};
  t.row_headers = true;
  double max = 0;
  for (const auto& [f, v] : fte) max = std::max(max, v);
  for (const auto& f : field_order(fte))
    t.rows.push_back({field_label(f), numeric_cell(decimal_text(fte.at(f)) + "人"), html_bar(fte.at(f), max)});
  t.rows.push_back({"合計", numeric_cell(decimal_text(staff.total_fte) + "人"), ""});
  return render_table(t);
}

std::vector<SiteCrumb> ancestors(const Dataset& ds, const Area& area) {
  std::vector<SiteCrumb> out;
  std::set<std::string> seen = {area.id};
  for (const Area* a = ds.find_area(area.parent); a && seen.insert(a->id).second; a = ds.find_area(a->parent))
    out.insert(out.begin(), {a->name, area_page_path(a->id)});
  out.insert(out.begin(), {kListTitle, kListPath});
  return out;
}

std::vector<const Area*> children_of(const Dataset& ds, const Area& area) {
  std::vector<const Area*> out;
  for (const auto& a : ds.areas)
    if (a.parent == area.id && a.id != area.id) out.push_back(&a);
  return out;
}

SitePage area_page(const Area& area, const SiteContext& ctx, const AreaServices& in_area) {
  const Dataset& ds = ctx.ds;
  SitePage page;
  page.path = area_page_path(area.id);
  page.title = area.name;
  page.section = "areas";
  page.parents = ancestors(ds, area);
  const auto& services = in_area.of(area);
  page.description = area.name + "（" + layer_text(area.layer) + "）で実施している事業" + std::to_string(services.size()) +
                     "件と、コーディネーター等の配置です。";

  std::vector<std::pair<std::string, HtmlCell>> facts;
  facts.push_back({"層", layer_text(area.layer)});
  if (const Area* parent = ds.find_area(area.parent))
    facts.push_back({"上位の圏域", html_link(relative_link(page.path, area_page_path(parent->id)), parent->name)});
  facts.push_back({"人口", numeric_cell(count_text(area.population, "人"))});
  facts.push_back({"高齢化率", numeric_cell(area.aging_rate ? decimal_text(*area.aging_rate) + "%" : kUnknown)});
  page.body_html = render_facts("圏域の基本情報", std::move(facts)).value;

  page.body_html += markdown_to_html("## この圏域の事業");
  if (area.layer == 1)
    page.body_html += html_note("圏域を指定していない事業（市全域を対象とする事業）も、ここに載せています。").value;
  if (services.empty())
    page.body_html += markdown_to_html(markdown_escape("この圏域で公開している事業はありません。"));
  else
    page.body_html += services_table(page.path, area.name + "の事業", services).value;

  auto children = children_of(ds, area);
  if (!children.empty()) {
    page.body_html += markdown_to_html("## この圏域に含まれる圏域");
    HtmlTable t;
    t.caption = area.name + "に含まれる圏域（" + std::to_string(children.size()) + "）";
    t.headers = {"圏域名", "層", "事業数", "人口"};
    t.row_headers = true;
    for (const Area* c : children)
      t.rows.push_back({html_link(relative_link(page.path, area_page_path(c->id)), c->name), layer_text(c->layer),
                        numeric_cell(std::to_string(in_area.of(*c).size()) + "件"),
                        numeric_cell(count_text(c->population, "人"))});
    page.body_html += render_table(t).value;
  }

  page.body_html += markdown_to_html("## コーディネーター等の配置");
  page.body_html += html_note("名簿の担当圏域から数えた常勤換算です。担当圏域が複数の人は圏域の数で等分し、"
                              "担当圏域が空欄の人は市全域に数えています。個人が分かる情報は載せていません。")
                        .value;
  const auto& fte = ctx.analysis.area_staff;
  auto it = fte.find(area.id);
  if (it == fte.end() || it->second.by_field.empty())
    page.body_html += markdown_to_html(markdown_escape("この圏域を担当するコーディネーター等の登録はありません。"));
  else
    page.body_html += fte_table(it->second).value;
  return page;
}

// Areas in tree order: the 層1 area, then each child after its parent.
std::vector<const Area*> tree_order(const Dataset& ds) {
  std::vector<const Area*> out;
  std::set<std::string> seen;
  std::function<void(const Area&)> visit = [&](const Area& a) {
    if (!seen.insert(a.id).second) return;
    out.push_back(&a);
    for (const Area* c : children_of(ds, a)) visit(*c);
  };
  for (const auto& a : ds.areas)
    if (a.parent.empty() || !ds.find_area(a.parent)) visit(a);
  for (const auto& a : ds.areas) visit(a);  // anything left in a cycle
  return out;
}

SitePage list_page(const SiteContext& ctx, const AreaServices& in_area) {
  const Dataset& ds = ctx.ds;
  SitePage page;
  page.path = kListPath;
  page.title = kListTitle;
  page.section = "areas";
  page.body_html = markdown_to_html(markdown_escape(
      "市全域（層1）、日常生活圏域（層2）、地区（層3）ごとに、実施している事業とコーディネーター等の配置をまとめています。"
      "圏域名から詳しい内容を見られます。"));
  if (ds.areas.empty()) {
    page.body_html += markdown_to_html(markdown_escape("登録されている圏域はありません。"));
    return page;
  }
  HtmlTable t;
  t.caption = "圏域（" + std::to_string(ds.areas.size()) + "）";
  t.headers = {"圏域名", "層", "上位の圏域", "事業数", "人口"};
  t.row_headers = true;
  for (const Area* a : tree_order(ds)) {
    const Area* parent = ds.find_area(a->parent);
    t.rows.push_back({html_link(relative_link(page.path, area_page_path(a->id)), a->name), layer_text(a->layer),
                      parent ? parent->name : kEmptyCell, numeric_cell(std::to_string(in_area.of(*a).size()) + "件"),
                      numeric_cell(count_text(a->population, "人"))});
  }
  page.body_html += render_table(t).value;
  return page;
}

}  // namespace

void produce_areas(const SiteContext& ctx, SiteOutput& out) {
  const AreaServices in_area(ctx.ds);
  out.pages.push_back(list_page(ctx, in_area));
  for (const auto& a : ctx.ds.areas) out.pages.push_back(area_page(a, ctx, in_area));
}

}  // namespace kyosei
